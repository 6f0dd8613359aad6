//! What the check found, as markup, the same in the widget and on a rendered page: the panel of a
//! refused document, the records a drawn one left out, its warnings folded under a count, and
//! the note above data a failed refresh left in place. Every diagnostic with its message, path
//! and position; the retry buttons act through `data-fw-action`, which the widget listens for.

use super::Levels;
use super::Writer;
use crate::check::{Checked, Diagnostic};
use crate::i18n::Lang;

/// Where a diagnostic points: `bei participants[3].phases[0] · Zeile 12, Spalte 5`.
fn location(d: &Diagnostic, lang: Lang) -> Option<String> {
    let t = lang.texts();
    let mut parts = Vec::new();
    if !d.path.is_empty() {
        parts.push(format!("{} {}", t.at_path, d.path));
    }
    if let Some((line, column)) = d.position {
        parts.push(format!("{} {line}, {} {column}", t.line, t.column));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// One diagnostic: its message, then where it points (the path also as the title, for copying).
fn item(w: &mut Writer, d: &Diagnostic, lang: Lang) {
    w.open("li")
        .attr(
            "class",
            &format!("fw-diag fw-diag--{}", d.severity.as_str()),
        )
        .attr("data-fw-code", d.problem.code())
        .close_tag();
    w.element("span", "fw-diag__message", &d.message(lang));
    if let Some(l) = location(d, lang) {
        w.text(" ");
        w.open("code")
            .attr("class", "fw-diag__path")
            .attr("title", &d.path)
            .close_tag();
        w.text(&l).end("code");
    }
    w.end("li");
}

fn items(w: &mut Writer, list: &[&Diagnostic], lang: Lang) {
    w.open("ul").attr("class", "fw-panel__list").close_tag();
    for d in list {
        item(w, d, lang);
    }
    w.end("ul");
}

/// A folded list under its heading and count: `Hinweise (3)`.
fn folded(
    w: &mut Writer,
    list: &[&Diagnostic],
    lang: Lang,
    (class, part, heading): (&str, &str, &str),
    open: bool,
) {
    w.open("details").attr("class", class).attr("part", part);
    if open {
        w.attr("open", "");
    }
    w.close_tag();
    let title = format!("{heading} ({})", lang.integer(list.len() as i64));
    w.element("summary", "fw-panel__title", &title);
    items(w, list, lang);
    w.end("details");
}

/// Warnings, folded away under their count.
pub fn warnings(w: &mut Writer, list: &[&Diagnostic], lang: Lang) {
    if !list.is_empty() {
        let t = lang.texts();
        folded(
            w,
            list,
            lang,
            ("fw-panel fw-panel--warning", "warnings", t.warnings_heading),
            false,
        );
    }
}

/// The panel shown instead of the widget when the document is refused: its errors, its
/// warnings, and a way to load it again when it came from `src`.
pub fn error_panel(w: &mut Writer, checked: &Checked, lang: Lang, can_retry: bool, levels: Levels) {
    let t = lang.texts();
    w.open("div")
        .attr("class", "fw-panel fw-panel--error")
        .attr("role", "alert")
        .attr("part", "error-panel")
        .close_tag();
    let tag = levels.tag(0);
    w.open(tag)
        .attr("class", "fw-panel__title")
        .close_tag()
        .text(t.errors_heading)
        .end(tag);
    let errors: Vec<&Diagnostic> = checked.errors().collect();
    items(w, &errors, lang);
    warnings(w, &checked.warnings().collect::<Vec<_>>(), lang);
    if can_retry {
        retry(w, lang, "fw-button");
    }
    w.end("div");
}

/// The findings of a drawn document: the records its errors left out, listed open, then the
/// warnings, folded.
pub fn findings(w: &mut Writer, checked: &Checked, lang: Lang) {
    let errors: Vec<&Diagnostic> = checked.errors().collect();
    if !errors.is_empty() {
        let t = lang.texts();
        let what = (
            "fw-panel fw-panel--warning fw-panel--left-out",
            "left-out",
            t.left_out_heading,
        );
        folded(w, &errors, lang, what, true);
    }
    warnings(w, &checked.warnings().collect::<Vec<_>>(), lang);
}

/// Every finding open under its heading, for a page read or printed whole (the command line
/// tool's): the errors (the records left out of a drawn document, or why it was refused),
/// then the warnings.
pub fn listed(w: &mut Writer, diagnostics: &[Diagnostic], lang: Lang, drawn: bool) {
    let t = lang.texts();
    let (errors, warnings): (Vec<&Diagnostic>, Vec<&Diagnostic>) = diagnostics
        .iter()
        .partition(|d| d.severity == crate::check::Severity::Error);
    let heading = if drawn {
        t.left_out_heading
    } else {
        t.errors_heading
    };
    if !errors.is_empty() {
        folded(
            w,
            &errors,
            lang,
            ("fw-panel fw-panel--error", "errors", heading),
            true,
        );
    }
    if !warnings.is_empty() {
        let what = ("fw-panel fw-panel--warning", "warnings", t.warnings_heading);
        folded(w, &warnings, lang, what, true);
    }
}

/// The text of the stale-data note: what it shows, and what the live region says when the data
/// turn stale.
pub fn stale_text(since: &str, lang: Lang) -> String {
    format!("{} {since}.", lang.texts().stale_since)
}

/// The note above data that a failed refresh left in place, with a way to load again. Not a
/// live region of its own (one inserted with its text is not read): the widget says the same
/// in its live region.
pub fn stale_note(w: &mut Writer, since: &str, lang: Lang) {
    w.open("p").attr("class", "fw-stale").close_tag();
    w.text(&stale_text(since, lang)).text(" ");
    retry(w, lang, "fw-button fw-button--small");
    w.end("p");
}

fn retry(w: &mut Writer, lang: Lang, class: &str) {
    w.open("button")
        .attr("type", "button")
        .attr("class", class)
        .attr("data-fw-action", "retry")
        .close_tag();
    w.text(lang.texts().retry).end("button");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;
    use crate::model::WidgetKind;

    #[test]
    fn a_refused_document_names_each_error_with_its_path_as_text() {
        let checked = check(
            WidgetKind::Timeline,
            r#"{"schema":"foerderweg/timeline@1","participants":[{"id":"<b>","label":3}]}"#,
        );
        let mut w = Writer::new();
        error_panel(&mut w, &checked, Lang::En, true, Levels::DEFAULT);
        let html = w.out;
        assert!(html.starts_with(r#"<div class="fw-panel fw-panel--error" role="alert" part="error-panel"><h2 class="fw-panel__title">"#), "{html}");
        assert!(html.contains("participants[0]"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains(r#"data-fw-action="retry""#), "{html}");
        assert_eq!(
            html.matches("<li class=\"fw-diag fw-diag--error\"").count(),
            checked.errors().count()
        );
    }
}
