//! The map's parts around its drawing as markup, the same in the widget and wherever else they
//! are written: the day shown, the legend, the table views and the notes on geometry and source.
//! The widget sets each into a box of its own and keeps its controls (date, comparison, zoom,
//! table toggle, export) and the drawing's events as live views.

use super::{Writer, html};
use crate::i18n::Lang;
use crate::layout::map::MapScene;

/// The day the map shows (`Stand der Zuordnung: 15.08.2017`), when it shows one.
pub fn date(w: &mut Writer, scene: &MapScene, lang: Lang) {
    if let Some(d) = &scene.date {
        w.element(
            "p",
            "fw-asof",
            &format!("{}: {d}", lang.texts().map.date_label),
        );
    }
}

/// The legend: its title (from the document) and a swatch for each class.
pub fn legend(w: &mut Writer, scene: &MapScene) {
    if scene.legend.is_empty() {
        return;
    }
    w.open("div").attr("class", "fw-map-legend").close_tag();
    w.open("p").attr("class", "fw-legend__title");
    if let Some(l) = w.data_lang {
        w.attr("lang", l);
    }
    w.close_tag().text(&scene.legend_title).end("p");
    w.open("ul").attr("class", "fw-legend").close_tag();
    for e in &scene.legend {
        w.open("li").close_tag();
        w.open("svg")
            .attr("class", "fw-swatch-area")
            .attr("width", "18")
            .attr("height", "14")
            .attr("viewBox", "0 0 18 14")
            .attr("aria-hidden", "true")
            .close_tag();
        w.open("rect")
            .attr("class", &format!("fw-unit {}", e.class))
            .attr("x", "0.5")
            .attr("y", "0.5")
            .attr("width", "17")
            .attr("height", "13")
            .end_empty();
        w.end("svg").text(&e.text).end("li");
    }
    w.end("ul").end("div");
}

/// The table views: regions (when there are any), areas, markers.
pub fn tables(w: &mut Writer, scene: &MapScene, lang: Lang) {
    let classes = ["fw-table--regions", "fw-table--areas", "fw-table--markers"];
    let skip = usize::from(scene.regions.is_empty());
    w.open("div").attr("class", "fw-map-tables").close_tag();
    for (i, t) in scene.tables(lang).iter().enumerate() {
        html::table(w, t, lang, classes[(i + skip).min(2)]);
    }
    w.end("div");
}

/// Where the geometry comes from (the licence's attribution) and where the figures do.
pub fn notes(w: &mut Writer, attribution: Option<&str>, source: Option<&str>, lang: Lang) {
    let t = lang.texts();
    if let Some(a) = attribution.filter(|a| !a.is_empty()) {
        w.element(
            "p",
            "fw-attribution",
            &format!("{}: {a}", t.map.geometry_note),
        );
    }
    html::source(w, source, lang);
}
