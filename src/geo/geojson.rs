//! A host's own geometry: a GeoJSON FeatureCollection (WGS 84) whose features carry their key
//! in a named property. Every feature becomes a shape or an issue with its JSON path.

use super::{Atlas, MICRO, Point, Polygon, Shape};
use serde_json::Value;

/// Why a feature of a host's GeoJSON is not drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Issue {
    /// The value is not a FeatureCollection.
    NotACollection,
    /// The feature has no text or number in the id property.
    NoId,
    /// The geometry is missing or not a Polygon or MultiPolygon; the type found.
    NotAPolygon(String),
    /// A ring with fewer than four positions or a position that is not two finite numbers in
    /// range.
    BadRing,
    /// A second feature with the same id; the path of the first.
    DuplicateId(String),
}

/// Reads `collection`: each feature's id from `id_property`, its name from `name_property`
/// (the id when missing). Issues carry paths relative to `base` (`geometry.data`).
pub fn read(
    collection: &Value,
    id_property: &str,
    name_property: Option<&str>,
    base: &str,
) -> (Atlas, Vec<(String, Issue)>) {
    let mut issues = Vec::new();
    let features = match (collection.get("type"), collection.get("features")) {
        (Some(Value::String(t)), Some(Value::Array(f))) if t == "FeatureCollection" => f,
        _ => {
            issues.push((base.to_string(), Issue::NotACollection));
            return (Atlas::default(), issues);
        }
    };
    let mut shapes = Vec::with_capacity(features.len());
    let mut seen: std::collections::HashMap<String, String> = Default::default();
    for (i, feature) in features.iter().enumerate() {
        let path = format!("{base}.features[{i}]");
        let props = feature.get("properties");
        let text = |name: &str| match props.and_then(|p| p.get(name)) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        let Some(key) = text(id_property) else {
            issues.push((format!("{path}.properties.{id_property}"), Issue::NoId));
            continue;
        };
        if let Some(first) = seen.get(&key) {
            issues.push((path, Issue::DuplicateId(first.clone())));
            continue;
        }
        let name = name_property.and_then(text).unwrap_or_else(|| key.clone());
        let geometry = feature.get("geometry");
        let kind = geometry
            .and_then(|g| g.get("type"))
            .and_then(Value::as_str)
            .unwrap_or("");
        let coords = geometry.and_then(|g| g.get("coordinates"));
        let polygons = match (kind, coords) {
            ("Polygon", Some(c)) => polygon(c).map(|p| vec![p]),
            ("MultiPolygon", Some(Value::Array(list))) => {
                list.iter().map(polygon).collect::<Option<Vec<_>>>()
            }
            _ => {
                issues.push((
                    format!("{path}.geometry"),
                    Issue::NotAPolygon(kind.to_string()),
                ));
                continue;
            }
        };
        let Some(polygons) = polygons else {
            issues.push((format!("{path}.geometry.coordinates"), Issue::BadRing));
            continue;
        };
        seen.insert(key.clone(), path);
        shapes.push(Shape {
            key,
            name,
            kind: String::new(),
            polygons,
        });
    }
    (Atlas::new(shapes, String::new(), String::new()), issues)
}

fn polygon(value: &Value) -> Option<Polygon> {
    let rings = value.as_array()?;
    if rings.is_empty() {
        return None;
    }
    let rings = rings.iter().map(ring).collect::<Option<Vec<_>>>()?;
    Some(Polygon { rings })
}

fn ring(value: &Value) -> Option<Vec<Point>> {
    let mut points = Vec::new();
    for position in value.as_array()? {
        let pair = position.as_array()?;
        let lon = pair.first()?.as_f64()?;
        let lat = pair.get(1)?.as_f64()?;
        if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
            return None;
        }
        let p = [(lon * MICRO).round() as i32, (lat * MICRO).round() as i32];
        if points.last() != Some(&p) {
            points.push(p);
        }
    }
    if points.first() != points.last() {
        let first = *points.first()?;
        points.push(first);
    }
    (points.len() >= 4).then_some(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_polygons_and_names_what_it_cannot() {
        let fc = serde_json::json!({
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": {"ags": "A1", "name": "Eins"},
                 "geometry": {"type": "Polygon", "coordinates": [[[10, 50], [11, 50], [11, 51], [10, 50]]]}},
                {"type": "Feature", "properties": {"name": "ohne"},
                 "geometry": {"type": "Polygon", "coordinates": [[[10, 50], [11, 50], [11, 51]]]}},
                {"type": "Feature", "properties": {"ags": 7},
                 "geometry": {"type": "Point", "coordinates": [10, 50]}},
                {"type": "Feature", "properties": {"ags": "B"},
                 "geometry": {"type": "MultiPolygon", "coordinates": [[[[10, 50], [11, 50], [11, 51]]]]}},
                {"type": "Feature", "properties": {"ags": "C"},
                 "geometry": {"type": "Polygon", "coordinates": [[[10, 50], [11, 95], [11, 51]]]}},
                {"type": "Feature", "properties": {"ags": "A1"},
                 "geometry": {"type": "Polygon", "coordinates": [[[10, 50], [11, 50], [11, 51]]]}}
            ]
        });
        let (atlas, issues) = read(&fc, "ags", Some("name"), "geometry.data");
        let keys: Vec<_> = atlas.shapes.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["A1", "B"]);
        assert_eq!(atlas.get("A1").unwrap().name, "Eins");
        assert_eq!(atlas.get("B").unwrap().name, "B");
        // The unclosed ring of B was closed.
        assert_eq!(atlas.get("B").unwrap().polygons[0].rings[0].len(), 4);
        assert_eq!(
            issues,
            vec![
                (
                    "geometry.data.features[1].properties.ags".into(),
                    Issue::NoId
                ),
                (
                    "geometry.data.features[2].geometry".into(),
                    Issue::NotAPolygon("Point".into())
                ),
                (
                    "geometry.data.features[4].geometry.coordinates".into(),
                    Issue::BadRing
                ),
                (
                    "geometry.data.features[5]".into(),
                    Issue::DuplicateId("geometry.data.features[0]".into())
                ),
            ]
        );
        let (_, issues) = read(&serde_json::json!([1, 2]), "id", None, "geometry.data");
        assert_eq!(issues[0].1, Issue::NotACollection);
    }
}
