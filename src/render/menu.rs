//! The export menu as markup: a disclosure (`<details>`) whose summary is the menu's button and
//! whose list holds one button per entry, then the line that says what the menu did. The same
//! markup in the widget (which listens once on the box around it, reading `data-fw-item`) and
//! on a server's page (where it keeps its place unseen until the module takes over).

use super::Writer;
use crate::i18n::Lang;

/// What an entry makes, written as `data-fw-export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A table as a CSV file.
    Csv,
    /// A chart as an SVG file.
    Svg,
    /// A chart as a PNG image.
    Png,
    /// The browser's print dialog.
    Print,
}

impl Kind {
    /// The value of `data-fw-export`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Csv => "csv",
            Kind::Svg => "svg",
            Kind::Png => "png",
            Kind::Print => "print",
        }
    }
}

/// The menu of `entries` (what each makes, its label), numbered in order by `data-fw-item`,
/// and its empty status line.
///
/// ```
/// use foerderweg::i18n::Lang;
/// use foerderweg::render::{Writer, menu::{self, Kind}};
/// let mut w = Writer::new();
/// menu::menu(&mut w, &[(Kind::Csv, "Plätze <b> als CSV")], Lang::En);
/// assert!(w.out.contains(r#"data-fw-export="csv" data-fw-item="0">Plätze &lt;b&gt; als CSV</button>"#));
/// ```
pub fn menu(w: &mut Writer, entries: &[(Kind, &str)], lang: Lang) {
    let name = lang.texts().export.menu;
    w.open("details")
        .attr("class", "fw-menu")
        .attr("aria-label", name)
        .close_tag();
    w.element("summary", "fw-button fw-menu__button", name);
    w.open("ul").attr("class", "fw-menu__list").close_tag();
    for (i, (kind, label)) in entries.iter().enumerate() {
        w.open("li").close_tag().open("button");
        w.attr("type", "button").attr("class", "fw-menu__item");
        w.attr("data-fw-export", kind.as_str());
        w.num("data-fw-item", i as f64).close_tag();
        w.text(label).end("button").end("li");
    }
    w.end("ul").end("details");
    w.element("p", "fw-menu__status", "");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_entry_is_a_numbered_button_whose_label_is_text() {
        let mut w = Writer::new();
        let hostile = "<img src=x onerror=alert(1)> \"Träger\"";
        menu(
            &mut w,
            &[
                (Kind::Csv, hostile),
                (Kind::Png, "Bild"),
                (Kind::Print, "Drucken"),
            ],
            Lang::De,
        );
        let html = w.out;
        assert!(html.starts_with(
            r#"<details class="fw-menu" aria-label="Exportieren"><summary class="fw-button fw-menu__button">Exportieren</summary><ul class="fw-menu__list">"#
        ), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt; &quot;Träger&quot;"),
            "{html}"
        );
        for (i, kind) in ["csv", "png", "print"].iter().enumerate() {
            let item = format!(r#"data-fw-export="{kind}" data-fw-item="{i}">"#);
            assert_eq!(html.matches(&item).count(), 1, "{item} in {html}");
        }
        assert!(
            html.ends_with(r#"</ul></details><p class="fw-menu__status"></p>"#),
            "{html}"
        );
        assert!(!html.contains("style="));
    }

    #[test]
    fn the_menu_is_named_in_the_widgets_language() {
        let mut w = Writer::new();
        menu(&mut w, &[], Lang::En);
        assert!(w.out.contains(r#"aria-label="Export""#), "{}", w.out);
    }
}
