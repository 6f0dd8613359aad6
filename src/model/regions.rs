//! `foerderweg/map@1`: districts grouped into programme regions, figures and markers.

use super::Day;
use serde::Deserialize;

/// A map document.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct MapDoc {
    /// `"foerderweg/map@1"`.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(extend("pattern" = "^foerderweg/map@1(\\.[0-9]+)?$"))
    )]
    pub schema: String,
    /// Preferred language of the document.
    #[serde(default)]
    pub lang: Option<String>,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Where the figures come from (shown under the widget).
    #[serde(default)]
    pub source: Option<String>,
    /// Keys of the Länder or districts to fit the view to (e.g. `["14", "15"]`).
    #[serde(default)]
    pub focus: Vec<String>,
    /// The day whose region assignment is shown first.
    #[serde(default)]
    pub date: Option<Day>,
    /// Programme regions with their validity.
    #[serde(default)]
    pub regions: Vec<Region>,
    /// Figures per region or district.
    #[serde(default)]
    pub values: Vec<Value>,
    /// What the figures count (legend title).
    #[serde(default)]
    pub value_label: Option<String>,
    /// How figures are put into colour classes.
    #[serde(default)]
    pub scale: Option<Scale>,
    /// Offices, providers and Jobcenters.
    #[serde(default)]
    pub markers: Vec<Marker>,
    /// The host's own geometry instead of the built-in districts.
    #[serde(default)]
    pub geometry: Option<HostGeometry>,
}

/// Colour classes of the choropleth.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Scale {
    /// `quantile` (default: about as many areas in each class), `equal` (equal intervals) or
    /// `breaks` (the upper bounds given in `breaks`).
    #[serde(default)]
    pub kind: Option<String>,
    /// Number of classes, 2 to 7 (default 5; fewer when there are fewer distinct figures).
    #[serde(default)]
    pub classes: Option<u8>,
    /// Upper bounds of the classes but the last, ascending (for `breaks`).
    #[serde(default)]
    pub breaks: Vec<f64>,
}

/// A host's own areas: a GeoJSON FeatureCollection (WGS 84) whose features carry their key in
/// `idProperty`; regions, figures and focus then refer to those keys.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct HostGeometry {
    /// The feature property holding each area's key.
    pub id_property: String,
    /// The feature property holding each area's name (the key when missing).
    #[serde(default)]
    pub name_property: Option<String>,
    /// The FeatureCollection.
    pub data: serde_json::Value,
    /// Copyright notice of the geometry, shown under the map.
    #[serde(default)]
    pub attribution: Option<String>,
}

/// A programme region: districts served by one office, valid from/to.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Region {
    /// Id, sent in `foerderweg-select`.
    pub id: String,
    /// Name.
    pub label: String,
    /// The office serving it.
    #[serde(default)]
    pub office: Option<String>,
    /// District keys (5 digits), municipality keys (8-digit AGS, for Sachsen and Sachsen-Anhalt
    /// built in) or 12-digit regional keys (ARS); with host geometry, the host's keys.
    pub districts: Vec<String>,
    /// First day of this assignment.
    #[serde(default)]
    pub valid_from: Option<Day>,
    /// Last day of this assignment.
    #[serde(default)]
    pub valid_to: Option<Day>,
}

/// A figure for a region or a district. `value: null` is "no data"; `suppressed: true` is a
/// figure withheld for privacy: never drawn as 0, never as "no data". With a `period` it is the
/// figure of that day, month, quarter or year: the map's date shows the figures of the period
/// it falls in, with the regions in force on it.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Value {
    /// Region id or district key.
    pub key: String,
    /// The figure.
    #[serde(default)]
    pub value: Option<f64>,
    /// Withheld by the statistics office.
    #[serde(default)]
    pub suppressed: bool,
    /// The period the figure is for (`2017-08-15`, `2017-08`, `2017-Q3`, `2017`); without one,
    /// it holds for every date.
    #[serde(default)]
    pub period: Option<super::indicator::Period>,
}

/// A point on the map.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Marker {
    /// Id, sent in `foerderweg-select`.
    pub id: String,
    /// `office`, `provider`, `jobcenter`.
    pub kind: String,
    /// Name.
    pub label: String,
    /// Longitude (WGS 84).
    pub lon: f64,
    /// Latitude (WGS 84).
    pub lat: f64,
    /// First day it is open (an office opened).
    #[serde(default)]
    pub valid_from: Option<Day>,
    /// Last day it is open (an office closed or merged): it leaves the map the day after.
    #[serde(default)]
    pub valid_to: Option<Day>,
}
