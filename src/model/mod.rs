//! The documents hosts send, as serde types: one versioned schema per widget.
//!
//! These are wire types: they hold what the JSON says, kinds as the strings the host sent.
//! [`crate::check`] turns them into checked documents and diagnostics; unknown kinds become
//! warnings there, not parse errors, so newer backends work with older widgets.

pub mod common;
pub mod indicator;
pub mod occupancy;
pub mod presets;
pub mod regions;
pub mod timeline;

pub use common::Day;

/// The attributes every element observes (each also a property and a `mount()` option, named
/// in camelCase where the attribute has a hyphen: `max-size` is `maxSize`).
/// `js/custom-elements.json` lists the same; tests/manifest.rs keeps them equal.
pub const ATTRIBUTES: [&str; 12] = [
    "lang",
    "theme",
    "heading-level",
    "confidential",
    "compare",
    "src",
    "refresh",
    "timeout",
    "max-size",
    "loading",
    "paused",
    "pause-on-focus",
];

/// The three widgets, each reading one document type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WidgetKind {
    /// `<foerderweg-timeline>`: `foerderweg/timeline@1`.
    Timeline,
    /// `<foerderweg-occupancy>`: `foerderweg/occupancy@1`.
    Occupancy,
    /// `<foerderweg-map>`: `foerderweg/map@1`.
    Map,
}

impl WidgetKind {
    /// All kinds, in the order the gallery shows them.
    pub const ALL: [WidgetKind; 3] = [WidgetKind::Timeline, WidgetKind::Occupancy, WidgetKind::Map];

    /// The short name used by `mount(element, kind, …)` and in CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            WidgetKind::Timeline => "timeline",
            WidgetKind::Occupancy => "occupancy",
            WidgetKind::Map => "map",
        }
    }

    /// Whether this build draws the kind (the crate's features `timeline`, `occupancy` and
    /// `map`; all three by default). Dispatches on a kind test it in a guard, so that the code
    /// of a kind left out of a build is not reachable and the linker drops it.
    pub const fn built(self) -> bool {
        match self {
            WidgetKind::Timeline => cfg!(feature = "timeline"),
            WidgetKind::Occupancy => cfg!(feature = "occupancy"),
            WidgetKind::Map => cfg!(feature = "map"),
        }
    }

    /// Reads a kind name (`timeline`, `occupancy`, `map`).
    pub fn parse(name: &str) -> Option<WidgetKind> {
        WidgetKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The custom element's tag name.
    pub fn tag(self) -> &'static str {
        match self {
            WidgetKind::Timeline => "foerderweg-timeline",
            WidgetKind::Occupancy => "foerderweg-occupancy",
            WidgetKind::Map => "foerderweg-map",
        }
    }

    /// The schema name without version, as in `"schema": "foerderweg/timeline@1"`.
    pub fn schema_name(self) -> &'static str {
        match self {
            WidgetKind::Timeline => "foerderweg/timeline",
            WidgetKind::Occupancy => "foerderweg/occupancy",
            WidgetKind::Map => "foerderweg/map",
        }
    }

    /// The full schema id this version of the crate reads.
    pub fn schema_id(self) -> &'static str {
        match self {
            WidgetKind::Timeline => "foerderweg/timeline@1",
            WidgetKind::Occupancy => "foerderweg/occupancy@1",
            WidgetKind::Map => "foerderweg/map@1",
        }
    }
}
