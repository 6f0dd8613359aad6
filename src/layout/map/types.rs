//! The map's scene as plain structs: the geometry a document is drawn on, and what every step
//! of the layout fills in (areas, labels, markers, legend, region rows) and the renderers read.
//! The bottom layer of the map layout: it imports none of its siblings.

use crate::geo::Atlas;
use crate::layout::table::Cell;

/// The geometry a document is drawn on.
#[derive(Clone, Copy)]
pub struct Geometry<'a> {
    /// Districts (built in) or the host's areas.
    pub areas: &'a Atlas,
    /// Municipalities of Sachsen and Sachsen-Anhalt, when loaded.
    pub municipalities: Option<&'a Atlas>,
    /// `areas` came from the host: keys are matched as they are.
    pub host: bool,
}

/// A drawn area.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// Key (sent in `foerderweg-select`).
    pub key: String,
    /// Name.
    pub name: String,
    /// SVG path.
    pub d: String,
    /// Colour class (`fw-c0`…`fw-c6`, `fw-nodata`, `fw-suppressed`, `fw-noregion`, `fw-inregion`).
    pub class: String,
    /// Id of the region it belongs to on the day shown.
    pub region: Option<String>,
    /// Name of that region.
    pub region_label: Option<String>,
    /// The figure shown for it (its own or its region's), formatted.
    pub value: String,
    /// The same figure for the table view and the CSV.
    pub figure: Cell,
    /// Its figure in each of [`MapScene::periods`] (the table's columns), when figures have
    /// periods.
    pub by_period: Vec<Cell>,
    /// Tooltip and accessible name.
    pub text: String,
    /// Where the tooltip points (view units).
    pub anchor: (f64, f64),
}

/// A figure written on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// Position (view units, centre).
    pub x: f64,
    /// Baseline.
    pub y: f64,
    /// The text.
    pub text: String,
}

/// A marker.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkerMark {
    /// Id (sent in `foerderweg-select`).
    pub id: String,
    /// `office`, `provider`, `jobcenter` or `other`.
    pub kind: &'static str,
    /// Name.
    pub label: String,
    /// The symbol's path.
    pub d: String,
    /// Position.
    pub x: f64,
    /// Position.
    pub y: f64,
    /// Where its label goes (x, y, `start` or `end`), if it fits without overlap.
    pub label_at: Option<(f64, f64, &'static str)>,
    /// Tooltip and accessible name.
    pub text: String,
    /// Inside the view and open on the day shown: drawn.
    pub visible: bool,
    /// Open on the day shown (an office that closed is listed, not drawn).
    pub open: bool,
    /// `01.10.2017 – offen`, or "immer".
    pub valid: String,
}

/// One legend entry.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// Class of its swatch.
    pub class: String,
    /// Text.
    pub text: String,
}

/// A row of the region table.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionRow {
    /// Id.
    pub id: String,
    /// Name.
    pub label: String,
    /// Office.
    pub office: String,
    /// `01.10.2017 – offen`.
    pub valid: String,
    /// In force on the day shown.
    pub active: bool,
    /// Names of its areas.
    pub areas: String,
    /// Its figure.
    pub value: Cell,
    /// Its figure in each of [`MapScene::periods`].
    pub by_period: Vec<Cell>,
}

/// Everything the map draws.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapScene {
    /// View width.
    pub width: f64,
    /// View height.
    pub height: f64,
    /// Areas, in keyboard order.
    pub units: Vec<Unit>,
    /// Neighbours (one path).
    pub context: String,
    /// Borders of the Länder.
    pub lands: String,
    /// Dissolved outlines of the regions in force: (id, path).
    pub outlines: Vec<(String, String)>,
    /// Figures written on the map.
    pub labels: Vec<Label>,
    /// Markers, offices first.
    pub markers: Vec<MarkerMark>,
    /// Legend entries.
    pub legend: Vec<LegendEntry>,
    /// Legend title.
    pub legend_title: String,
    /// Regions (all, with `active` for the day shown).
    pub regions: Vec<RegionRow>,
    /// A paragraph for screen readers and the page.
    pub summary: String,
    /// The day shown, formatted ("bis 14.08.2017" for the time up to the first change).
    pub date: Option<String>,
    /// The periods the figures are for, named ("3. Quartal 2017"), in order: a column each in
    /// the tables, led by "ohne Zeitraum" when some figures have no period and others have.
    pub periods: Vec<String>,
}
