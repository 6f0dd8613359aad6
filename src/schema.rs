//! JSON Schemas of the three documents, generated from the model types (native builds only:
//! the shipped wasm does not carry them). Hosts validate their backend's output with the files
//! in `www/schema/`.

use crate::model::WidgetKind;
use crate::model::occupancy::OccupancyDoc;
use crate::model::regions::MapDoc;
use crate::model::timeline::TimelineDoc;

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
