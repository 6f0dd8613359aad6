//! JSON Schemas of the three documents, generated from the model types (native builds only:
//! the shipped wasm does not carry them). Hosts validate their backend's output with the files
//! in `www/schema/`.

use crate::model::WidgetKind;
use crate::model::occupancy::OccupancyDoc;
use crate::model::regions::MapDoc;
use crate::model::timeline::TimelineDoc;

pub mod typescript;

/// `timeline.schema.json`, `occupancy.schema.json`, `map.schema.json`.
pub fn file_name(kind: WidgetKind) -> String {
    format!("{}.schema.json", kind.as_str())
}

/// The schema of `kind`'s document as pretty JSON text (with a final newline).
///
/// ```
/// use foerderweg::model::WidgetKind;
/// let text = foerderweg::schema::text(WidgetKind::Timeline);
/// assert!(text.contains("\"participants\""));
/// ```
pub fn text(kind: WidgetKind) -> String {
    let mut schema = match kind {
        WidgetKind::Timeline => schemars::schema_for!(TimelineDoc),
        WidgetKind::Occupancy => schemars::schema_for!(OccupancyDoc),
        WidgetKind::Map => schemars::schema_for!(MapDoc),
    };
    schema.insert(
        "$id".into(),
        format!("https://foerderweg.example/schema/{}", file_name(kind)).into(),
    );
    schema.insert("title".into(), kind.schema_id().into());
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}

/// `timeline.d.ts`, `occupancy.d.ts`, `map.d.ts`: the TypeScript declarations beside the schema.
pub fn typescript_file_name(kind: WidgetKind) -> String {
    format!("{}.d.ts", kind.as_str())
}

/// The name of the root type of `kind`'s declarations: `TimelineDocument`, `OccupancyDocument`,
/// `MapDocument`.
pub fn typescript_root(kind: WidgetKind) -> &'static str {
    match kind {
        WidgetKind::Timeline => "TimelineDocument",
        WidgetKind::Occupancy => "OccupancyDocument",
        WidgetKind::Map => "MapDocument",
    }
}

/// TypeScript declarations of `kind`'s document, written from its schema ([`text`]), so from
/// the same model types.
///
/// ```
/// use foerderweg::model::WidgetKind;
/// let ts = foerderweg::schema::typescript(WidgetKind::Timeline);
/// assert!(ts.contains("export interface TimelineDocument {"));
/// assert!(ts.contains("  participants"));
/// ```
pub fn typescript(kind: WidgetKind) -> String {
    let schema: serde_json::Value = serde_json::from_str(&text(kind)).unwrap_or_default();
    format!(
        "// The document of <{}> ({}), written by `cargo run --example schemas` from\n\
         // {} (the same model types). Do not edit.\n\n{}",
        kind.tag(),
        kind.schema_id(),
        file_name(kind),
        typescript::declarations(&schema, typescript_root(kind))
    )
}
