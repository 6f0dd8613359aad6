//! The map document's checks beyond types.

use super::*;
use crate::geo::Atlas;

impl Wire for MapDoc {
    fn schema(&self) -> &str {
        &self.schema
    }
    fn semantic(&mut self, out: &mut Vec<Diagnostic>) -> Option<Arc<Atlas>> {
        semantic_map(self, out)
    }
    fn is_empty(&self) -> bool {
        self.regions.is_empty() && self.values.is_empty() && self.markers.is_empty()
    }
    fn into_document(self) -> Document {
        Document::Map(Arc::new(self))
    }
}

/// The map's checks; returns its own geometry (`geometry`) read into shapes.
pub(super) fn semantic_map(doc: &mut MapDoc, out: &mut Vec<Diagnostic>) -> Option<Arc<Atlas>> {
    let kind = WidgetKind::Map;
    let mut host_atlas = None;
    if let Some(g) = &doc.geometry {
        let (atlas, issues) = crate::geo::geojson::read(
            &g.data,
            &g.id_property,
            g.name_property.as_deref(),
            "geometry.data",
        );
        for (path, issue) in issues {
            use crate::geo::geojson::Issue;
            let what = match issue {
                Issue::NotACollection => "not a GeoJSON FeatureCollection".to_string(),
                Issue::NoId => format!("no value in the id property \"{}\"", g.id_property),
                Issue::NotAPolygon(t) => {
                    format!("geometry type \"{t}\" is not Polygon or MultiPolygon")
                }
                Issue::BadRing => {
                    "a ring with fewer than four positions or a position out of range".to_string()
                }
                Issue::DuplicateId(first) => format!("the same id as {first}"),
            };
            out.push(Diagnostic::warning(kind, path, Problem::BadGeometry(what)));
        }
        host_atlas = Some(Arc::new(atlas));
    }
    let mut region_ids = UniqueIds::new(String::clone);
    for (i, r) in doc.regions.iter().enumerate() {
        region_ids.note(kind, &r.id, format!("regions[{i}].id"), out);
    }
    // Kinds are read trimmed, as the layout reads them.
    let scale_kind = doc.scale.as_ref().and_then(|s| s.kind.as_deref());
    if let Some(k) = scale_kind.filter(|k| !matches!(k.trim(), "quantile" | "equal" | "breaks")) {
        out.push(Diagnostic::warning(
            kind,
            "scale.kind",
            Problem::UnknownKind(k.to_string()),
        ));
    }
    for (i, m) in doc.markers.iter().enumerate() {
        if !matches!(m.kind.trim(), "office" | "provider" | "jobcenter") {
            out.push(Diagnostic::warning(
                kind,
                format!("markers[{i}].kind"),
                Problem::UnknownKind(m.kind.clone()),
            ));
        }
    }
    for (i, r) in doc.regions.iter().enumerate() {
        if let Some(from) = r.valid_from {
            end_before_start(
                kind,
                from,
                r.valid_to,
                || format!("regions[{i}].validTo"),
                out,
            );
        }
    }
    for (i, m) in doc.markers.iter().enumerate() {
        if let Some(from) = m.valid_from {
            end_before_start(
                kind,
                from,
                m.valid_to,
                || format!("markers[{i}].validTo"),
                out,
            );
        }
    }
    let mut ids = UniqueIds::new(String::clone);
    for (i, m) in doc.markers.iter().enumerate() {
        ids.note(kind, &m.id, format!("markers[{i}].id"), out);
    }
    map_figure_keys(doc, out);
    host_atlas
}

/// Figures keyed by a Land, and second figures for one area or region in one period (keys
/// read as the map reads them, [`crate::geo::figure_target`]): warnings with their paths; the
/// first is shown.
pub(super) fn map_figure_keys(doc: &MapDoc, out: &mut Vec<Diagnostic>) {
    use crate::geo::{Target, figure_target};
    let kind = WidgetKind::Map;
    let mut first: HashMap<(Target, Option<crate::model::indicator::Period>), usize> =
        HashMap::new();
    for (i, v) in doc.values.iter().enumerate() {
        let target = (figure_target(doc, &v.key), v.period);
        let path = format!("values[{i}].key");
        if let (Target::Land(k), _) = &target {
            out.push(Diagnostic::warning(kind, path, Problem::LandKey(k.clone())));
        } else if let Some(j) = first.get(&target) {
            let problem = Problem::DuplicateFigure {
                key: v.key.clone(),
                first: format!("values[{j}]"),
            };
            out.push(Diagnostic::warning(kind, path, problem));
        } else {
            first.insert(target, i);
        }
    }
}
