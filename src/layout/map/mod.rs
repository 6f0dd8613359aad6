//! The region map's scene: which areas are drawn (districts, or municipalities where a region
//! needs them), which programme region each belongs to on the chosen day, dissolved region
//! outlines, colour classes of the figures with their legend, value labels where they fit,
//! markers with labels that do not overlap, and the tables. Pure: numbers and strings.
//!
//! Two steps: [`prepare`] resolves a document against the geometry once (and finds unknown
//! keys and overlapping regions); [`scene`] lays it out for a day, a zoom and a width.
//!
//! By what it does, bottom up: each module imports only modules listed before it
//! (`tests/layers.rs` keeps it so):
//! - [`types`]: the scene's structs, which every step fills in and the renderers read, and the
//!   geometry a document is drawn on;
//! - [`calendar`]: the days on which regions change, which are in force, and their validity;
//! - [`figures`]: what figure each area shows;
//! - [`keys`]: which areas a document key stands for;
//! - [`prepare`](mod@prepare): the document resolved against its geometry;
//! - [`classes`]: figures as colour classes (a threshold scale) and their legend;
//! - [`marks`]: a [`MapScene`] as a [`crate::scene::Scene`] of typed marks;
//! - [`drawing`](mod@drawing): projection, path strings and label points, kept while only
//!   figures change;
//! - [`labels`]: figures written on the map, markers and their labels;
//! - [`tables`]: the table views;
//! - [`scene`](mod@scene): everything the map shows for a day;
//! - [`compare`]: the change between two periods, on a diverging scale.

mod calendar;
mod classes;
mod compare;
mod drawing;
mod figures;
mod keys;
mod labels;
mod marks;
mod prepare;
mod scene;
mod tables;
mod types;

pub use classes::breaks;
pub use compare::{ChangeKind, Comparison, compared, scene_compared};
pub use drawing::{Drawing, drawing};
pub use keys::needs_municipalities;
pub use marks::KEY;
pub use prepare::{Prepared, prepare};
pub use scene::{scene, scene_on};
pub use types::{Geometry, Label, LegendEntry, MapScene, MarkerMark, RegionRow, Unit};

/// The columns of the tables when a document's figures have periods (see
/// [`MapScene::periods`]): `None` for the figures without a period.
pub fn periods(doc: &MapDoc) -> Vec<Option<crate::model::indicator::Period>> {
    figures::Figures::periods(doc)
}

use crate::i18n::Lang;
use crate::layout::Rendering;
use crate::model::regions::MapDoc;
use crate::scene::{Figure, Frame};

/// Lays out `prepared` as `cmp` compares two periods, zoomed to region `zoom`, `width` wide
/// (see [`scene_compared`]).
pub fn scene_compare(
    doc: &MapDoc,
    prepared: &Prepared,
    cmp: &Comparison,
    zoom: Option<&str>,
    width: f64,
    lang: Lang,
) -> MapScene {
    scene_compared(
        doc,
        prepared,
        &drawing(doc, prepared, zoom, width),
        cmp,
        lang,
    )
}

/// What frames the map in every export and rendering: its title (the document's or the
/// widget's), the day shown ("Stand der Zuordnung: 01.10.2017"), the source, the attribution
/// the geometry's licence requires ("© GeoBasis-DE / BKG") and the summary.
pub fn frame(doc: &MapDoc, prepared: &Prepared, scene: &MapScene, lang: Lang) -> Frame {
    let t = lang.texts();
    let m = t.map;
    let attribution = &prepared.attribution;
    Frame {
        title: doc.title.clone().unwrap_or_else(|| t.map_name.to_string()),
        as_of: scene
            .date
            .as_ref()
            .map(|d| format!("{}: {d}", m.date_label)),
        source: doc.source.as_ref().map(|s| format!("{}: {s}", t.source)),
        attribution: (!attribution.is_empty())
            .then(|| format!("{}: {attribution}", m.geometry_note)),
        summary: scene.summary.clone(),
    }
}

/// Everything the map shows for `doc` on `geo` at `width`, as a renderer needs it: the map on
/// its first day with its legend, in its [`frame`], and its table views.
pub fn rendering(doc: &MapDoc, geo: Geometry, width: f64, lang: Lang) -> Rendering {
    let prepared = prepare(doc, geo);
    let scene = scene(doc, &prepared, prepared.initial, None, width, lang);
    let frame = frame(doc, &prepared, &scene, lang);
    Rendering {
        figures: vec![Figure {
            scene: scene.marks_with_legend(&frame.title, lang),
            frame: frame.clone(),
        }],
        tables: scene.tables(lang),
        frame,
    }
}
