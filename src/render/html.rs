//! A figure as HTML: the drawing with its title and notes, the summary, and its table views, as
//! the widget shows them, and the element a server renders (`render::document` makes whole pages).
//!
//! No `style` attribute anywhere (a strict `style-src` blocks them): a share in a table is a
//! small SVG whose bar has a `width` attribute.

use super::{Levels, Writer, svg};
use crate::i18n::Lang;
use crate::layout::table::{Cell, DataTable};
use crate::scene::{Frame, Scene};

/// One table view, as the widget's table view draws it.
pub fn table(w: &mut Writer, table: &DataTable, lang: Lang, class: &str) {
    w.open("div")
        .attr("class", "fw-table-wrap")
        .attr("role", "region")
        .attr("tabindex", "0");
    w.attr("aria-label", &table.title).close_tag();
    table_element(w, table, lang, class);
    w.end("div");
}

/// The `<table>` alone: caption, heads, rows and foot (what the widget sets into its
/// scrollable region, which it keeps across redraws).
pub fn table_element(w: &mut Writer, table: &DataTable, lang: Lang, class: &str) {
    let numeric: Vec<bool> = table.columns.iter().map(|c| c.numeric).collect();
    let data: Vec<bool> = table.columns.iter().map(|c| c.data).collect();
    let mut classes = String::from("fw-table");
    if !class.is_empty() {
        classes.push(' ');
        classes.push_str(class);
    }
    w.open("table").attr("class", &classes).close_tag();
    w.element("caption", "", &table.title);
    w.open("thead").close_tag().open("tr").close_tag();
    for c in &table.columns {
        w.open("th").attr("scope", "col");
        if c.numeric {
            w.attr("class", "fw-num");
        }
        w.close_tag().text(&c.label).end("th");
    }
    w.end("tr").end("thead").open("tbody").close_tag();
    for r in &table.rows {
        w.open("tr");
        if r.dimmed {
            w.attr("class", "fw-inactive");
        }
        w.close_tag();
        cells(w, &r.cells, (&numeric, &data), lang, false);
        w.end("tr");
    }
    w.end("tbody");
    if let Some(foot) = &table.foot {
        w.open("tfoot").close_tag().open("tr").close_tag();
        cells(w, foot, (&numeric, &data), lang, true);
        w.end("tr").end("tfoot");
    }
    w.end("table");
}

/// A row's cells; the text of a data column carries the writer's `data_lang` (not in a closing
/// row, whose stub is the widget's own word, "Gesamt").
fn cells(
    w: &mut Writer,
    cells: &[Cell],
    (numeric, data): (&[bool], &[bool]),
    lang: Lang,
    foot: bool,
) {
    for (i, c) in cells.iter().enumerate() {
        let text = c.display(lang);
        let of_data = w.data_lang.filter(|_| {
            !foot && matches!(c, Cell::Text(_)) && data.get(i).copied().unwrap_or(false)
        });
        if i == 0 {
            w.open("th").attr("scope", "row");
            if let Some(l) = of_data {
                w.attr("lang", l);
            }
            w.close_tag().text(&text).end("th");
            continue;
        }
        w.open("td");
        if numeric.get(i).copied().unwrap_or(false) {
            w.attr("class", "fw-num");
        }
        if let Some(l) = of_data {
            w.attr("lang", l);
        }
        w.close_tag();
        if let Cell::Share(r) = c
            && r.is_finite()
        {
            w.open("svg")
                .attr("class", "fw-share")
                .attr("viewBox", "0 0 100 4");
            w.attr("preserveAspectRatio", "none")
                .attr("aria-hidden", "true")
                .close_tag();
            w.open("rect")
                .attr("class", "fw-share__bar")
                .attr("height", "4");
            w.num("width", (r * 100.0).clamp(0.0, 100.0))
                .end_empty()
                .end("svg");
        }
        w.text(&text).end("td");
    }
}

/// A heading `depth` below the widget's title; `data` says its text is the document's (and
/// carries the data's language where it is not the widget's).
pub fn heading(w: &mut Writer, levels: Levels, depth: u8, class: &str, text: &str, data: bool) {
    let tag = levels.tag(depth);
    w.open(tag).attr("class", class);
    if let Some(l) = w.data_lang.filter(|_| data) {
        w.attr("lang", l);
    }
    w.close_tag().text(text).end(tag);
}

/// A widget's head: its title (from the document), then a line under it for each note given:
/// the region and period, the as-of date.
pub fn head(
    w: &mut Writer,
    levels: Levels,
    title: Option<&str>,
    [subtitle, as_of]: [Option<&str>; 2],
) {
    if let Some(t) = title {
        heading(w, levels, 0, "fw-title", t, true);
    }
    if let Some(s) = subtitle {
        w.element("p", "fw-subtitle", s);
    }
    if let Some(s) = as_of {
        w.element("p", "fw-asof", s);
    }
}

/// Where a widget's figures come from, under it: `Quelle: …`.
pub fn source(w: &mut Writer, source: Option<&str>, lang: Lang) {
    if let Some(s) = source {
        w.open("p").attr("class", "fw-source").close_tag();
        w.text(lang.texts().source).text(": ").text(s).end("p");
    }
}

/// The as-of date, source and attribution of `frame`, a line each.
fn notes(w: &mut Writer, frame: &Frame) {
    let notes = frame.footer();
    if !notes.is_empty() {
        w.open("p").attr("class", "fw-figure__notes").close_tag();
        for (i, note) in notes.into_iter().enumerate() {
            if i > 0 {
                w.open("br").close_tag();
            }
            w.text(note);
        }
        w.end("p");
    }
}

/// The figure: title, drawing, as-of date, source and attribution, then the summary.
pub fn figure(w: &mut Writer, scene: &Scene, frame: &Frame) {
    w.open("figure").attr("class", "fw-figure").close_tag();
    if !frame.title.is_empty() {
        w.element("figcaption", "fw-figure__title", &frame.title);
    }
    w.out.push_str(&svg::drawing(scene));
    notes(w, frame);
    w.end("figure");
    if !frame.summary.is_empty() {
        w.element("p", "fw-summary", &frame.summary);
    }
}

/// Every figure of a widget and its table views as one fragment (what a server puts into the
/// element's declarative shadow root).
pub fn rendering_fragment(rendering: &crate::layout::Rendering, lang: Lang) -> String {
    let mut w = Writer::new();
    w.open("div")
        .attr("class", "fw-root fw-rendered")
        .attr("lang", lang.as_str())
        .close_tag();
    rendering_into(&mut w, rendering, lang);
    w.end("div");
    w.out
}

/// The figures of a rendering and its table views; when no figure carries the title, as-of
/// date and source (a document of funding lines alone), a header with them comes first.
pub fn rendering_into(w: &mut Writer, rendering: &crate::layout::Rendering, lang: Lang) {
    let head = &rendering.frame;
    if rendering.figures.is_empty() && !head.title.is_empty() {
        w.open("header")
            .attr("class", "fw-rendered__head")
            .close_tag();
        w.element("h2", "fw-figure__title", &head.title);
        notes(w, head);
        if !head.summary.is_empty() {
            w.element("p", "fw-summary", &head.summary);
        }
        w.end("header");
    }
    for f in &rendering.figures {
        figure(w, &f.scene, &f.frame);
    }
    for t in &rendering.tables {
        table(w, t, lang, "");
    }
}

/// A JSON document as the text of a `<script type="application/json">`: every `<` written as
/// `\u003c` (the same string to a JSON reader), so no `</script>` or `<!--` in the data ends or
/// bends the element.
pub fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// A widget element rendered on the server: the figure and tables in a declarative shadow root
/// (shown before the module loads, and without script at all), styled by the package's
/// stylesheet at `stylesheet` (a file, so a strict `style-src 'self'` lets it through), and the
/// document as inline JSON, which the module then reads instead of fetching anything.
///
/// `json` must be the JSON text the widget is to read (a `src` attribute would make it fetch).
pub fn server_element(tag: &'static str, fragment: &str, json: &str, stylesheet: &str) -> String {
    let mut w = Writer::new();
    w.open(tag).close_tag();
    w.open("template")
        .attr("shadowrootmode", "open")
        .close_tag();
    w.open("link")
        .attr("rel", "stylesheet")
        .attr("href", stylesheet)
        .close_tag();
    w.out.push_str(fragment);
    w.end("template");
    w.open("script")
        .attr("type", "application/json")
        .close_tag();
    w.out.push_str(&script_json(json));
    w.end("script").end(tag);
    w.out
}

#[cfg(test)]
mod tests {
    #[test]
    fn inline_json_cannot_end_its_script() {
        let json = r#"{"title":"</script><script>alert(1)</script><!--"}"#;
        let text = script_json(json);
        assert!(!text.contains('<'), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["title"], "</script><script>alert(1)</script><!--");
        let el = server_element(
            "foerderweg-map",
            "<div class=\"fw-root fw-rendered\"></div>",
            json,
            "/pkg/foerderweg.css",
        );
        assert_eq!(el.matches("</script>").count(), 1, "{el}");
        assert!(el.starts_with(r#"<foerderweg-map><template shadowrootmode="open"><link rel="stylesheet" href="/pkg/foerderweg.css">"#), "{el}");
    }

    use super::*;
    use crate::layout::table::Column;

    #[test]
    fn a_table_is_the_table_view_without_style_attributes() {
        let mut t = DataTable::new(
            "Träger <A>",
            vec![Column::text("Name"), Column::figure("Anteil")],
        );
        t.push(vec![Cell::text("SBH & Co"), Cell::Share(0.423)]);
        let mut w = Writer::new();
        table(&mut w, &t, Lang::De, "");
        let html = w.out;
        assert!(
            html.contains("<caption>Träger &lt;A&gt;</caption>"),
            "{html}"
        );
        assert!(
            html.contains(r#"<th scope="row">SBH &amp; Co</th>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<rect class="fw-share__bar" height="4" width="42.3"/>"#),
            "{html}"
        );
        assert!(!html.contains("style"), "{html}");
    }
}
