//! The error panel of a refused document; for a drawn one, the records its errors left out and
//! its warnings: every diagnostic with its path and position.

use crate::check::{Checked, Diagnostic};
use crate::i18n::Lang;
use leptos::prelude::*;

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

fn item(d: &Diagnostic, lang: Lang) -> impl IntoView + use<> {
    let class = format!("fw-diag fw-diag--{}", d.severity.as_str());
    let code = d.path.clone();
    view! {
        <li class=class data-fw-code=d.problem.code()>
            <span class="fw-diag__message">{d.message(lang)}</span>
            {location(d, lang).map(|l| view! { " " <code class="fw-diag__path" title=code>{l}</code> })}
        </li>
    }
}

/// The panel shown instead of the widget when the data has errors.
pub(crate) fn error_panel(checked: &Checked, lang: Lang, can_retry: bool) -> impl IntoView + use<> {
    let t = lang.texts();
    let items: Vec<_> = checked.errors().map(|d| item(d, lang)).collect();
    let warnings: Vec<&Diagnostic> = checked.warnings().collect();
    view! {
        <div class="fw-panel fw-panel--error" role="alert" part="error-panel">
            {super::heading(0).attr("class", "fw-panel__title").child(t.errors_heading)}
            <ul class="fw-panel__list">{items}</ul>
            {(!warnings.is_empty()).then(|| list(&warnings, lang))}
            {can_retry.then(|| view! {
                <button type="button" class="fw-button" data-fw-action="retry">{t.retry}</button>
            })}
        </div>
    }
}

/// The findings of a drawn document: the records its errors left out, listed open, then the
/// warnings, folded away under a count.
pub(crate) fn warning_list(checked: &Checked, lang: Lang) -> Option<impl IntoView + use<>> {
    let errors: Vec<&Diagnostic> = checked.errors().collect();
    let warnings: Vec<&Diagnostic> = checked.warnings().collect();
    (!errors.is_empty() || !warnings.is_empty()).then(|| {
        view! {
            {(!errors.is_empty()).then(|| left_out(&errors, lang))}
            {(!warnings.is_empty()).then(|| list(&warnings, lang))}
        }
    })
}

/// The errors of a drawn document: each names a record that is not drawn.
fn left_out(errors: &[&Diagnostic], lang: Lang) -> impl IntoView + use<> {
    let t = lang.texts();
    let items: Vec<_> = errors.iter().map(|d| item(d, lang)).collect();
    let title = format!(
        "{} ({})",
        t.left_out_heading,
        lang.integer(items.len() as i64)
    );
    view! {
        <details class="fw-panel fw-panel--warning fw-panel--left-out" part="left-out" open>
            <summary class="fw-panel__title">{title}</summary>
            <ul class="fw-panel__list">{items}</ul>
        </details>
    }
}

/// A folded list of warnings.
pub(crate) fn list(warnings: &[&Diagnostic], lang: Lang) -> impl IntoView + use<> {
    let t = lang.texts();
    let items: Vec<_> = warnings.iter().map(|d| item(d, lang)).collect();
    let title = format!(
        "{} ({})",
        t.warnings_heading,
        lang.integer(items.len() as i64)
    );
    view! {
        <details class="fw-panel fw-panel--warning" part="warnings">
            <summary class="fw-panel__title">{title}</summary>
            <ul class="fw-panel__list">{items}</ul>
        </details>
    }
}

/// The text of the stale-data note: what it shows, and what the live region says when the data
/// turn stale.
pub(crate) fn stale_text(since: &str, lang: Lang) -> String {
    format!("{} {since}.", lang.texts().stale_since)
}

/// The note above data that a failed refresh left in place. Not a live region of its own (one
/// inserted with its text is not read): `embed` says the same in the widget's live region.
pub(crate) fn stale_note(since: &str, lang: Lang) -> impl IntoView + use<> {
    let t = lang.texts();
    view! {
        <p class="fw-stale">
            {format!("{} ", stale_text(since, lang))}
            <button type="button" class="fw-button fw-button--small" data-fw-action="retry">{t.retry}</button>
        </p>
    }
}
