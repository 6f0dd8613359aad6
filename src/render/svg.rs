//! A scene as SVG: the drawing as the widget shows it ([`drawing`]) and as a file that carries
//! its title, as-of date, source and attribution ([`figure`]).

use super::Writer;
use crate::scene::{Anchor, Frame, Group, Mark, Pattern, Scene};

const NS: &str = "http://www.w3.org/2000/svg";
/// Height of the title line of a file, and of each line under the drawing.
const TITLE: f64 = 28.0;
const LINE: f64 = 16.0;

fn pattern(w: &mut Writer, p: Pattern) {
    match p {
        Pattern::Hatch => {
            w.open("pattern")
                .attr("id", "fw-hatch")
                .attr("width", "6")
                .attr("height", "6");
            w.attr("patternUnits", "userSpaceOnUse")
                .attr("patternTransform", "rotate(45)")
                .close_tag();
            w.open("line")
                .attr("x1", "0")
                .attr("y1", "0")
                .attr("x2", "0")
                .attr("y2", "6");
            w.attr("class", "fw-hatch-line").end_empty();
        }
        Pattern::Cross => {
            w.open("pattern")
                .attr("id", "fw-cross")
                .attr("width", "9")
                .attr("height", "9");
            w.attr("patternUnits", "userSpaceOnUse").close_tag();
            w.open("path")
                .attr("d", "M0,0L9,9M9,0L0,9")
                .attr("class", "fw-cross-line")
                .end_empty();
        }
    }
    w.end("pattern");
}

fn class(w: &mut Writer, class: &str) {
    if !class.is_empty() {
        w.attr("class", class);
    }
}

fn group(w: &mut Writer, g: &Group) {
    w.open("g");
    class(w, &g.class);
    for (name, value) in &g.data {
        w.attr(name, value);
    }
    match g.focusable {
        Some(true) => {
            w.attr("tabindex", "0");
        }
        Some(false) => {
            w.attr("tabindex", "-1");
        }
        None => {}
    }
    match &g.label {
        Some(label) => {
            w.attr("role", "img").attr("aria-label", label);
            if let Some(role) = &g.role {
                w.attr("aria-roledescription", role);
            }
        }
        None => {
            w.attr("aria-hidden", "true");
        }
    }
    if let Some((x, y)) = g.tip {
        w.num("data-fw-x", x).num("data-fw-y", y);
    }
    if let Some([x, y, width, height]) = g.ring {
        // Where the browser draws its focus ring: the renderer copies these, computes nothing.
        w.num("data-fw-ring-x", x)
            .num("data-fw-ring-y", y)
            .num("data-fw-ring-width", width)
            .num("data-fw-ring-height", height);
    }
    w.close_tag();
    for m in &g.marks {
        mark(w, m, g.label.is_some());
    }
    w.end("g");
}

/// One mark. Texts inside a named group are hidden from screen readers: the group's name says it.
fn mark(w: &mut Writer, m: &Mark, named: bool) {
    match m {
        Mark::Rect {
            x,
            y,
            width,
            height,
            rx,
            class: c,
        } => {
            w.open("rect")
                .num("x", *x)
                .num("y", *y)
                .num("width", *width)
                .num("height", *height);
            if *rx > 0.0 {
                w.num("rx", *rx);
            }
            class(w, c);
            w.end_empty();
        }
        Mark::Path { d, class: c } => {
            w.open("path").attr("d", d);
            class(w, c);
            w.end_empty();
        }
        Mark::Line {
            x1,
            y1,
            x2,
            y2,
            class: c,
        } => {
            w.open("line")
                .num("x1", *x1)
                .num("y1", *y1)
                .num("x2", *x2)
                .num("y2", *y2);
            class(w, c);
            w.end_empty();
        }
        Mark::Text {
            x,
            y,
            text,
            anchor,
            middle,
            data,
            class: c,
        } => {
            w.open("text").num("x", *x).num("y", *y);
            if let Some(lang) = w.data_lang.filter(|_| *data) {
                w.attr("lang", lang);
            }
            match anchor {
                Anchor::Start => {}
                Anchor::Middle => {
                    w.attr("text-anchor", "middle");
                }
                Anchor::End => {
                    w.attr("text-anchor", "end");
                }
            }
            if *middle {
                w.attr("dominant-baseline", "middle");
            }
            class(w, c);
            if named {
                w.attr("aria-hidden", "true");
            }
            w.close_tag().text(text).end("text");
        }
        Mark::Group(g) => group(w, g),
    }
}

fn body(w: &mut Writer, scene: &Scene) {
    if !scene.patterns.is_empty() {
        w.open("defs").close_tag();
        for &p in &scene.patterns {
            pattern(w, p);
        }
        w.end("defs");
    }
    for m in &scene.marks {
        mark(w, m, false);
    }
}

/// The drawing as the widget shows it: classes, roles, tab stops and ids, no styles (the
/// widget's stylesheet colours it, so a strict CSP and host themes both work).
pub fn drawing(scene: &Scene) -> String {
    drawing_in(scene, None)
}

/// [`drawing`], its texts from the document marked `lang="{data_lang}"` (the widget's
/// language differs from the document's).
pub fn drawing_in(scene: &Scene, data_lang: Option<&'static str>) -> String {
    drawing_with(scene, data_lang, None)
}

/// [`drawing`] described by the element with the id `hint` (the line that tells its keys).
pub fn drawing_described(scene: &Scene, hint: &str) -> String {
    drawing_with(scene, None, Some(hint))
}

fn drawing_with(scene: &Scene, data_lang: Option<&'static str>, hint: Option<&str>) -> String {
    let mut w = Writer::new();
    w.data_lang = data_lang;
    let (width, height) = (scene.width.max(0.0), scene.height.max(0.0));
    w.open("svg");
    class(&mut w, &scene.class);
    w.num("width", width).num("height", height);
    let mut view = String::from("0 0 ");
    crate::scene::num::push(&mut view, width);
    view.push(' ');
    crate::scene::num::push(&mut view, height);
    w.attr("viewBox", &view);
    w.attr("role", "group");
    if let Some(role) = &scene.role {
        w.attr("aria-roledescription", role);
    }
    if !scene.label.is_empty() {
        w.attr("aria-label", &scene.label);
        // Its records' names and texts are the document's too (a map's areas and markers).
        if let Some(lang) = w.data_lang.filter(|_| scene.label_data) {
            w.attr("lang", lang);
        }
    }
    if let Some(hint) = hint {
        w.attr("aria-describedby", hint);
    }
    w.close_tag();
    body(&mut w, scene);
    w.end("svg");
    w.out
}

/// The drawing as a file: its title above, its as-of date, source and attribution below, the
/// summary as `<desc>`, and `style` (CSS for its classes, see [`crate::render::html`]) inside.
pub fn figure(scene: &Scene, frame: &Frame, style: &str) -> String {
    let width = scene.width.max(0.0);
    // The notes wrapped to the drawing's width (12 px text: about 6.4 px a character).
    let per_line = ((width / 6.4) as usize).max(20);
    let footer: Vec<String> = frame
        .footer()
        .into_iter()
        .flat_map(|l| wrap(l, per_line))
        .collect();
    // The title too (15 px bold: about 8.6 px a character), a line of 20 px each after the first.
    let title: Vec<String> = if frame.title.is_empty() {
        Vec::new()
    } else {
        wrap(&frame.title, ((width / 8.6) as usize).max(12))
    };
    let top = if title.is_empty() {
        0.0
    } else {
        TITLE + (title.len() - 1) as f64 * 20.0
    };
    let height = top
        + scene.height.max(0.0)
        + footer.len() as f64 * LINE
        + if footer.is_empty() { 0.0 } else { 8.0 };
    let mut w = Writer::new();
    w.open("svg")
        .attr("xmlns", NS)
        .num("width", width)
        .num("height", height);
    let mut view = String::from("0 0 ");
    crate::scene::num::push(&mut view, width);
    view.push(' ');
    crate::scene::num::push(&mut view, height);
    w.attr("viewBox", &view)
        .attr("class", "fw-file")
        .close_tag();
    w.element("title", "", &frame.title);
    if !frame.summary.is_empty() {
        w.element("desc", "", &frame.summary);
    }
    if !style.is_empty() {
        // CSS is not data: it is the crate's own stylesheet. `]]>` cannot occur in it (tested).
        w.out.push_str("<style><![CDATA[");
        w.out.push_str(style);
        w.out.push_str("]]></style>");
    }
    w.open("rect")
        .attr("class", "fw-file__paper")
        .attr("x", "0")
        .attr("y", "0");
    w.num("width", width).num("height", height).end_empty();
    for (i, line) in title.iter().enumerate() {
        w.open("text")
            .attr("class", "fw-file__title")
            .num("x", 0.0)
            .num("y", 18.0 + i as f64 * 20.0)
            .close_tag();
        w.text(line).end("text");
    }
    // A viewport of its own, as the widget's `overflow: hidden`: marks past the drawing's edge
    // (a map's neighbouring districts) cover neither the title nor the lines below.
    let mut inner = String::from("0 0 ");
    crate::scene::num::push(&mut inner, width);
    inner.push(' ');
    crate::scene::num::push(&mut inner, scene.height.max(0.0));
    w.open("svg").num("y", top).num("width", width);
    w.num("height", scene.height.max(0.0))
        .attr("viewBox", &inner);
    w.attr("class", &scene.class).close_tag();
    body(&mut w, scene);
    w.end("svg");
    let mut y = top + scene.height.max(0.0) + 4.0;
    for line in &footer {
        y += LINE;
        w.open("text")
            .attr("class", "fw-file__note")
            .num("x", 0.0)
            .num("y", y - 4.0)
            .close_tag();
        w.text(line).end("text");
    }
    w.end("svg");
    w.out
}

/// `text` in lines of at most `width` characters, broken between words (a word longer than a
/// line stands alone).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_notes_wrap_between_words() {
        assert_eq!(
            super::wrap("Quelle: Landkreis Stendal, Jobcenter", 20),
            ["Quelle: Landkreis", "Stendal, Jobcenter"]
        );
        assert_eq!(super::wrap("kurz", 20), ["kurz"]);
    }

    use super::*;
    use crate::scene::Mark;

    #[test]
    fn texts_from_the_document_carry_its_language_where_asked() {
        let scene = Scene {
            label: "Programmregionen".into(),
            label_data: true,
            marks: vec![
                Mark::text(1.0, 2.0, "Landkreis Görlitz", "fw-map-label").data(),
                Mark::text(1.0, 9.0, "2 km", "fw-scale"),
            ],
            ..Scene::default()
        };
        let marked = drawing_in(&scene, Some("de"));
        assert!(
            marked.contains(r#"aria-label="Programmregionen" lang="de""#),
            "{marked}"
        );
        assert!(
            marked.contains(r#"<text x="1" y="2" lang="de""#),
            "{marked}"
        );
        assert!(!marked.contains(r#"y="9" lang"#), "{marked}");
        // Where the languages agree (and in files and goldens), nothing is marked.
        assert!(!drawing(&scene).contains("lang="));
    }

    fn sample() -> Scene {
        Scene {
            width: 200.0,
            height: 50.0,
            class: "fw-svg fw-test".into(),
            role: Some("Zeitstrahl".into()),
            label: "Ein <Test>".into(),
            label_data: false,
            patterns: vec![Pattern::Hatch],
            marks: vec![
                Mark::line(0.0, 0.0, 200.0, 0.0, "fw-axis-line"),
                Mark::Group(Group {
                    class: "fw-phase".into(),
                    data: vec![("data-fw-path", "participants[0].phases[0]".into())],
                    label: Some("Profiling \"A\" & B".into()),
                    focusable: Some(true),
                    tip: Some((10.0, 5.25)),
                    role: None,
                    ring: None,
                    marks: vec![
                        Mark::rect(10.0, 5.0, -4.0, 20.0, "fw-phase__bar"),
                        Mark::text(12.0, 15.0, "<b>A</b>", "fw-phase__label").centred(),
                    ],
                }),
            ],
        }
    }

    #[test]
    fn a_drawing_carries_roles_ids_and_escaped_text() {
        let svg = drawing(&sample());
        assert!(svg.starts_with(r#"<svg class="fw-svg fw-test" width="200" height="50" viewBox="0 0 200 50" role="group" aria-roledescription="Zeitstrahl" aria-label="Ein &lt;Test&gt;">"#), "{svg}");
        assert!(svg.contains(r#"<g class="fw-phase" data-fw-path="participants[0].phases[0]" tabindex="0" role="img" aria-label="Profiling &quot;A&quot; &amp; B" data-fw-x="10" data-fw-y="5.3">"#), "{svg}");
        assert!(
            svg.contains(r#"<rect x="6" y="5" width="4" height="20" class="fw-phase__bar"/>"#),
            "{svg}"
        );
        assert!(svg.contains(r#"dominant-baseline="middle" class="fw-phase__label" aria-hidden="true">&lt;b&gt;A&lt;/b&gt;</text>"#), "{svg}");
        assert!(!svg.contains("style="));
    }

    #[test]
    fn a_file_carries_title_date_source_and_attribution() {
        let frame = Frame {
            title: "Regionen".into(),
            as_of: Some("Stand: 01.10.2024".into()),
            source: Some("Quelle: Land Sachsen-Anhalt".into()),
            attribution: Some("© GeoBasis-DE / BKG (2024)".into()),
            summary: "3 Regionen".into(),
        };
        let svg = figure(&sample(), &frame, ".fw-phase__bar{fill:#0b5cad}");
        for part in [
            "<title>Regionen</title>",
            "<desc>3 Regionen</desc>",
            ">Stand: 01.10.2024<",
            ">Quelle: Land Sachsen-Anhalt<",
            ">© GeoBasis-DE / BKG (2024)<",
            "xmlns=\"http://www.w3.org/2000/svg\"",
            "fill:#0b5cad",
        ] {
            assert!(svg.contains(part), "{part} in {svg}");
        }
        // Title line, drawing, three lines and a margin.
        assert!(svg.contains(r#"height="134""#), "{svg}");
    }
}
