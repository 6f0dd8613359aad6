//! What a map draws that depends only on its areas, the zoom and the width: the projection,
//! the path strings and the label points. Built once and kept while only the figures or the
//! day change.

use super::prepare::Prepared;
use crate::geo::projection::{Conic, Fit, projected};
use crate::geo::{BBox, Shape, dissolve, path, ring_area2};
use crate::model::regions::MapDoc;
use crate::order::sort_by;
use std::collections::HashMap;

/// The paths and label points of a prepared document at one zoom and width.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    pub(super) fit: Fit,
    pub(super) conic: Conic,
    /// Path of each unit, by index into `Prepared::units`.
    pub(super) unit_paths: Vec<String>,
    /// Label point and room of each unit.
    pub(super) anchors: Vec<Option<(f64, f64, f64)>>,
    /// Outline of each region of the document (empty when it has no area).
    pub(super) outlines: Vec<String>,
    pub(super) context: String,
    pub(super) lands: String,
}

/// Projects and builds the paths of `prepared`, zoomed to region `zoom`, `width` wide.
pub fn drawing(doc: &MapDoc, prepared: &Prepared, zoom: Option<&str>, width: f64) -> Drawing {
    let conic = Conic::germany();
    let fit = fit(doc, prepared, &conic, zoom, width);
    let unit_paths = prepared
        .units
        .iter()
        .map(|shape| rings([shape], &conic, &fit))
        .collect();
    let anchors = prepared
        .units
        .iter()
        .map(|shape| label_point(shape, &conic, &fit))
        .collect();
    let outlines = (0..doc.regions.len())
        .map(|r| match prepared.members.get(r) {
            Some(members) if !members.is_empty() => path::lines(
                &dissolve::outline(prepared.outline_shapes(members)),
                &conic,
                &fit,
            ),
            _ => String::new(),
        })
        .collect();
    let context = rings(&prepared.context, &conic, &fit);
    let lands = lands(prepared, &conic, &fit);
    Drawing {
        fit,
        conic,
        unit_paths,
        anchors,
        outlines,
        context,
        lands,
    }
}

/// One path of the rings of `shapes`.
fn rings<'a>(shapes: impl IntoIterator<Item = &'a Shape>, conic: &Conic, fit: &Fit) -> String {
    let all = shapes
        .into_iter()
        .flat_map(|s| s.polygons.iter().flat_map(|p| p.rings.iter()));
    path::rings(all, conic, fit)
}

/// The view: the zoomed region's areas, else the focus, fitted into `width`.
fn fit(doc: &MapDoc, prepared: &Prepared, conic: &Conic, zoom: Option<&str>, width: f64) -> Fit {
    let width = if width.is_finite() {
        width.clamp(200.0, 4000.0)
    } else {
        640.0
    };
    let zoom_region = zoom.and_then(|id| doc.regions.iter().position(|r| r.id == id));
    let view_units: Vec<usize> = match zoom_region.and_then(|r| prepared.members.get(r)) {
        Some(members) if !members.is_empty() => members.clone(),
        _ => prepared.focus.clone(),
    };
    let bbox = view_units
        .iter()
        .filter_map(|&i| prepared.units.get(i).and_then(Shape::bbox))
        .reduce(BBox::union)
        .map(|b| projected(conic, b))
        .unwrap_or([-0.05, -0.05, 0.05, 0.05]);
    let max_height = (width * 1.25).clamp(240.0, 900.0);
    Fit::new(bbox, width, max_height, 16.0)
}

/// Borders of the Länder among the shapes drawn, when there are two or more.
fn lands(prepared: &Prepared, conic: &Conic, fit: &Fit) -> String {
    let mut groups: HashMap<&str, Vec<&Shape>> = HashMap::new();
    let everything: Vec<usize> = (0..prepared.units.len()).collect();
    for s in prepared
        .outline_shapes(&everything)
        .into_iter()
        .chain(prepared.context.iter())
    {
        if let Some(prefix) = s.key.get(..2) {
            groups.entry(prefix).or_default().push(s);
        }
    }
    let mut d = String::new();
    if groups.len() > 1 {
        let mut keys: Vec<_> = groups.keys().copied().collect();
        sort_by(&mut keys, |a, b| a.cmp(b));
        for k in keys {
            if let Some(g) = groups.get(k) {
                d.push_str(&path::lines(
                    &dissolve::outline(g.iter().copied()),
                    conic,
                    fit,
                ));
            }
        }
    }
    d
}

/// Where a shape's figure goes: the centroid of its largest polygon (view units), with the
/// width of room around it.
fn label_point(shape: &Shape, conic: &Conic, fit: &Fit) -> Option<(f64, f64, f64)> {
    let ring = shape
        .polygons
        .iter()
        .filter_map(|p| p.rings.first())
        .max_by(|a, b| ring_area2(a).abs().total_cmp(&ring_area2(b).abs()))?;
    let pts: Vec<(f64, f64)> = ring.iter().map(|&p| fit.apply(conic.point(p))).collect();
    let (mut a2, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for w in pts.windows(2) {
        let cross = w[0].0 * w[1].1 - w[1].0 * w[0].1;
        a2 += cross;
        cx += (w[0].0 + w[1].0) * cross;
        cy += (w[0].1 + w[1].1) * cross;
    }
    if a2.abs() < 1e-9 {
        return None;
    }
    let (x, y) = (cx / (3.0 * a2), cy / (3.0 * a2));
    Some((x, y, room(&pts, x, y)))
}

/// The horizontal run of the ring `pts` through (`x`, `y`).
fn room(pts: &[(f64, f64)], x: f64, y: f64) -> f64 {
    let mut crossings: Vec<f64> = pts
        .windows(2)
        .filter(|w| (w[0].1 > y) != (w[1].1 > y))
        .map(|w| w[0].0 + (y - w[0].1) * (w[1].0 - w[0].0) / (w[1].1 - w[0].1))
        .collect();
    sort_by(&mut crossings, f64::total_cmp);
    crossings
        .chunks(2)
        .filter(|c| c.len() == 2 && c[0] <= x && x <= c[1])
        .map(|c| 2.0 * (x - c[0]).min(c[1] - x))
        .next()
        .unwrap_or(0.0)
}
