//! Labels and markers: where an area's figure is written (the centroid of its largest polygon,
//! when the figure fits across it), and the markers with labels placed around them so that no
//! label covers a figure, a marker or another label.

use super::drawing::Drawing;
use super::figures::Figure;
use super::marks::marker_symbol;
use super::types::{Label, MarkerMark, Unit};
use crate::geo::Target;
use crate::i18n::{Lang, name_of};
use crate::model::regions::MapDoc;
use crate::order::{sort_by, sort_by_cached_key};
use std::collections::HashSet;

/// Width of a character of a figure written on the map, and of a marker's label.
const FIGURE_CHAR: f64 = 7.5;
const MARKER_CHAR: f64 = 6.6;

/// A box: left, top, right, bottom.
type Box4 = [f64; 4];

/// What the labels need to know of a unit besides what it shows.
pub(super) struct Placed {
    /// Label point and room across it.
    pub anchor: Option<(f64, f64, f64)>,
    /// Its figure.
    pub figure: Option<Figure>,
    /// What the figure stands for (a region's figure is written once).
    pub source: Option<Target>,
}

pub(super) fn inside(view: Box4, x: f64, y: f64) -> bool {
    x >= view[0] && x <= view[2] && y >= view[1] && y <= view[3]
}

fn overlaps(a: Box4, b: Box4) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Figures on the map: once per figure, at the largest area it colours (a region's or a
/// district's drawn as municipalities once, an area's own at the area), where it fits.
/// A figure that would sit on a marker (`pins`) moves below or above it, or is left to the
/// tooltip and the table when neither fits.
pub(super) fn figure_labels(
    units: &[Unit],
    placed: &[Placed],
    view: Box4,
    pins: &[Box4],
) -> Vec<Label> {
    let mut labels = Vec::new();
    let mut labelled: HashSet<&Target> = HashSet::new();
    let mut by_size: Vec<usize> = (0..units.len()).collect();
    let size = |i: usize| placed[i].anchor.map_or(0.0, |(_, _, w)| w);
    sort_by(&mut by_size, |&a, &b| size(b).total_cmp(&size(a)));
    for i in by_size {
        // Only figures are written; "no data" and "suppressed" are patterns with a legend.
        if !matches!(placed[i].figure, Some(Figure::Value(_))) {
            continue;
        }
        if placed[i]
            .source
            .as_ref()
            .is_some_and(|t| !labelled.insert(t))
        {
            continue;
        }
        let Some((x, y, room)) = placed[i].anchor else {
            continue;
        };
        let text = units[i].value.clone();
        if text.chars().count() as f64 * FIGURE_CHAR + 6.0 > room || !inside(view, x, y) {
            continue;
        }
        let free = |y: f64| {
            let b = label_box(x, y, &text);
            inside(view, x, y) && !pins.iter().any(|p| overlaps(*p, b))
        };
        if let Some(y) = [y + 4.0, y + 20.0, y - 12.0].into_iter().find(|y| free(*y)) {
            labels.push(Label { x, y, text });
        }
    }
    labels
}

/// The box of a figure written at (`x`, baseline `y`).
fn label_box(x: f64, y: f64, text: &str) -> Box4 {
    let w = text.chars().count() as f64 * FIGURE_CHAR / 2.0 + 2.0;
    [x - w, y - 12.0, x + w, y + 3.0]
}

/// What a marker takes on the map: its target for pointer and touch (24 px, larger than its
/// symbol), which no label may cover, or a click on the label would select another marker.
pub(super) fn pin_box(x: f64, y: f64) -> Box4 {
    let half = super::marks::HIT / 2.0;
    [x - half, y - half, x + half, y + half]
}

/// The boxes the figures written on the map take.
fn written(labels: &[Label]) -> Vec<Box4> {
    labels
        .iter()
        .map(|l| label_box(l.x, l.y, &l.text))
        .collect()
}

pub(super) fn marker_kind(kind: &str) -> &'static str {
    match kind.trim() {
        "office" => "office",
        "provider" => "provider",
        "jobcenter" => "jobcenter",
        _ => "other",
    }
}

fn rank(kind: &str) -> usize {
    match marker_kind(kind) {
        "office" => 0,
        "jobcenter" => 1,
        "provider" => 2,
        _ => 3,
    }
}

/// Where a label `w` wide may go around a marker at (`x`, `y`), in order of preference:
/// (x, y, anchor, box).
fn candidates(x: f64, y: f64, w: f64) -> [(f64, f64, &'static str, Box4); 4] {
    [
        (
            x + 10.0,
            y + 4.0,
            "start",
            [x + 9.0, y - 7.0, x + 11.0 + w, y + 7.0],
        ),
        (
            x - 10.0,
            y + 4.0,
            "end",
            [x - 11.0 - w, y - 7.0, x - 9.0, y + 7.0],
        ),
        (
            x,
            y - 12.0,
            "middle",
            [x - w / 2.0, y - 23.0, x + w / 2.0, y - 9.0],
        ),
        (
            x,
            y + 22.0,
            "middle",
            [x - w / 2.0, y + 10.0, x + w / 2.0, y + 25.0],
        ),
    ]
}

/// The markers of `doc`, offices first; those open on `day` drawn, with labels around them that
/// stay in `view` and overlap neither the figures written (`labels`), nor any marker, nor each
/// other. An office that closed (its `validTo` before the day) is listed, not drawn.
pub(super) fn place_markers(
    doc: &MapDoc,
    drawing: &Drawing,
    labels: &[Label],
    day: Option<crate::model::common::Day>,
    lang: Lang,
) -> Vec<MarkerMark> {
    let m = lang.texts().map;
    let (conic, fit) = (&drawing.conic, &drawing.fit);
    let view = [0.0, 0.0, fit.width, fit.height];
    let mut order: Vec<usize> = (0..doc.markers.len()).collect();
    sort_by_cached_key(&mut order, |&i| {
        doc.markers.get(i).map_or(4, |mk| rank(&mk.kind))
    });
    let projected: Vec<(f64, f64)> = doc
        .markers
        .iter()
        .map(|mk| fit.apply(conic.project(mk.lon, mk.lat)))
        .collect();
    let open: Vec<bool> = doc
        .markers
        .iter()
        .map(|mk| super::calendar::marker_open(mk, day))
        .collect();
    let mut taken = written(labels);
    // The other open markers' targets: a label may sit in its own marker's, in no other.
    let pins: Vec<(usize, Box4)> = projected
        .iter()
        .zip(&open)
        .enumerate()
        .filter(|(_, (_, open))| **open)
        .map(|(i, (&(x, y), _))| (i, pin_box(x, y)))
        .collect();
    let mut out = Vec::with_capacity(order.len());
    for i in order {
        let Some(mk) = doc.markers.get(i) else {
            continue;
        };
        let (x, y) = projected.get(i).copied().unwrap_or((0.0, 0.0));
        let kind = marker_kind(&mk.kind);
        let is_open = open.get(i).copied().unwrap_or(true);
        let visible = is_open && x.is_finite() && y.is_finite() && inside(view, x, y);
        let w = mk.label.chars().count() as f64 * MARKER_CHAR;
        let label_at = if visible {
            let others = pins.iter().filter(|(j, _)| *j != i).map(|(_, b)| *b);
            free_place(candidates(x, y, w), view, &mut taken, others.collect())
        } else {
            None
        };
        out.push(MarkerMark {
            id: mk.id.clone(),
            kind,
            label: mk.label.clone(),
            d: marker_symbol(kind, x, y),
            x,
            y,
            label_at,
            text: format!("{} ({})", mk.label, name_of(m.marker_kinds, kind)),
            visible,
            open: is_open,
            valid: super::calendar::validity(mk.valid_from, mk.valid_to, lang),
        });
    }
    out
}

/// The first of `candidates` inside `view` that overlaps nothing `taken` nor any of `pins`; it
/// is taken then.
fn free_place(
    candidates: [(f64, f64, &'static str, Box4); 4],
    view: Box4,
    taken: &mut Vec<Box4>,
    pins: Vec<Box4>,
) -> Option<(f64, f64, &'static str)> {
    let (lx, ly, anchor, b) = candidates.into_iter().find(|(_, _, _, b)| {
        b[0] >= view[0]
            && b[2] <= view[2]
            && b[1] >= view[1]
            && b[3] <= view[3]
            && !taken.iter().chain(&pins).any(|t| overlaps(*t, *b))
    })?;
    taken.push(b);
    Some((lx, ly, anchor))
}
