//! The region map's scene: which areas are drawn (districts, or municipalities where a region
//! needs them), which programme region each belongs to on the chosen day, dissolved region
//! outlines, colour classes of the figures with their legend, value labels where they fit,
//! markers with labels that do not overlap, and the tables. Pure: numbers and strings.
//!
//! Two steps: [`prepare`] resolves a document against the geometry once (and finds unknown
//! keys and overlapping regions); [`scene`] lays it out for a day, a zoom and a width.

use super::table::{Cell, Column, DataTable, Row};
use crate::check::{Diagnostic, Problem};
use crate::geo::projection::{Conic, Fit, projected};
use crate::geo::{
    Atlas, BBox, FastHasher, Key, Shape, Target, dissolve, figure_target, land_name, path,
    ring_area2,
};
use crate::i18n::{Lang, fill, fill_named, isolate, join_isolated, name_of};
use crate::model::WidgetKind;
use crate::model::common::Day;
use crate::model::regions::MapDoc;
use crate::order::{sort_by, sort_by_cached_key};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::Hasher;

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

/// A document resolved against its geometry.
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    /// Areas a person can reach: in focus, in a region or with a figure.
    pub units: Vec<Shape>,
    /// Neighbouring areas drawn faintly for orientation.
    pub context: Vec<Shape>,
    /// Units of each region, by index into `units`.
    pub members: Vec<Vec<usize>>,
    /// Unknown keys and overlapping regions, with their paths.
    pub diagnostics: Vec<Diagnostic>,
    /// The days on which the assignment of districts to regions changes.
    pub dates: Vec<Day>,
    /// The day shown first.
    pub initial: Option<Day>,
    /// The notice the geometry demands.
    pub attribution: String,
    /// Districts drawn as their municipalities, with those municipalities' unit indices.
    /// Outlines use the district's own border where a region holds all of it, so that it meets
    /// its neighbours (the two files are simplified apart).
    pub split: Vec<(Shape, Vec<usize>)>,
    focus: Vec<usize>,
    /// Keys are the host's: matched as they are, never read as official keys.
    host: bool,
    /// Equal for two documents whose map has the same areas, regions and focus: their
    /// [`Drawing`]s are the same, so a view can keep one across new figures.
    pub fingerprint: u64,
}

/// Whether the document needs the municipality geometry (it names 8- or 12-digit keys).
pub fn needs_municipalities(doc: &MapDoc) -> bool {
    doc.geometry.is_none() && all_keys(doc).any(|k| matches!(Key::parse(k), Key::Municipality(_)))
}

fn all_keys(doc: &MapDoc) -> impl Iterator<Item = &str> {
    doc.focus
        .iter()
        .chain(doc.regions.iter().flat_map(|r| r.districts.iter()))
        .chain(doc.values.iter().map(|v| &v.key))
        .map(String::as_str)
}

struct Resolver<'a> {
    geo: Geometry<'a>,
    /// Districts drawn as their municipalities.
    split: HashSet<String>,
}

impl Resolver<'_> {
    /// The unit keys a document key stands for; `None` when nothing is known by it.
    fn expand(&self, raw: &str) -> Option<Vec<String>> {
        if self.geo.host {
            let key = raw.trim();
            if self.geo.areas.get(key).is_some() {
                return Some(vec![key.to_string()]);
            }
            let list: Vec<_> = self
                .geo
                .areas
                .with_prefix(key)
                .map(|s| s.key.clone())
                .collect();
            return (!key.is_empty() && !list.is_empty()).then_some(list);
        }
        match Key::parse(raw) {
            Key::Land(k) => {
                land_name(&k)?;
                let list: Vec<_> = self
                    .geo
                    .areas
                    .with_prefix(&k)
                    .flat_map(|d| self.district(&d.key))
                    .collect();
                (!list.is_empty()).then_some(list)
            }
            Key::District(k) => {
                self.geo.areas.get(&k)?;
                Some(self.district(&k))
            }
            Key::Municipality(k) => {
                self.geo.municipalities?.get(&k)?;
                Some(vec![k])
            }
            Key::Other(_) => None,
        }
    }

    fn district(&self, key: &str) -> Vec<String> {
        match self.geo.municipalities {
            Some(m) if self.split.contains(key) => {
                m.with_prefix(key).map(|s| s.key.clone()).collect()
            }
            _ => vec![key.to_string()],
        }
    }

    fn shape(&self, key: &str) -> Option<&Shape> {
        self.geo.areas.get(key).or_else(|| {
            self.geo
                .municipalities
                .filter(|_| !self.geo.host)
                .and_then(|m| m.get(key))
        })
    }
}

/// Resolves `doc` against `geo`.
pub fn prepare(doc: &MapDoc, geo: Geometry) -> Prepared {
    let kind = WidgetKind::Map;
    let mut diagnostics = Vec::new();
    let split: HashSet<String> = match geo.municipalities {
        Some(m) if !geo.host => all_keys(doc)
            .filter_map(|k| match Key::parse(k) {
                Key::Municipality(k) if m.get(&k).is_some() => Some(k[..5].to_string()),
                _ => None,
            })
            .collect(),
        _ => HashSet::new(),
    };
    let resolver = Resolver { geo, split };

    let mut order: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut add = |keys: &[String], order: &mut Vec<String>| {
        for k in keys {
            if seen.insert(k.clone()) {
                order.push(k.clone());
            }
        }
    };
    let mut focus_keys = Vec::new();
    for (i, key) in doc.focus.iter().enumerate() {
        match resolver.expand(key) {
            Some(list) => {
                add(&list, &mut order);
                focus_keys.extend(list);
            }
            None => diagnostics.push(unknown(kind, format!("focus[{i}]"), key)),
        }
    }
    let mut region_keys: Vec<Vec<String>> = Vec::new();
    for (i, region) in doc.regions.iter().enumerate() {
        let mut keys = Vec::new();
        for (j, key) in region.districts.iter().enumerate() {
            match resolver.expand(key) {
                Some(list) => {
                    add(&list, &mut order);
                    keys.push((j, list));
                }
                None => {
                    diagnostics.push(unknown(kind, format!("regions[{i}].districts[{j}]"), key))
                }
            }
        }
        region_keys.push(keys.into_iter().flat_map(|(_, l)| l).collect());
    }
    for (i, value) in doc.values.iter().enumerate() {
        // A Land's figure (a warning of the check) still brings its districts into view.
        let key = match figure_target(doc, &value.key) {
            Target::Region(_) => continue,
            Target::Land(k) | Target::Area(k) => k,
        };
        match resolver.expand(&key) {
            Some(list) => {
                // A host's key that is only the prefix of its areas' keys names no one area.
                if geo.host && !list.contains(&key) {
                    diagnostics.push(Diagnostic::warning(
                        kind,
                        format!("values[{i}].key"),
                        Problem::ManyAreas(value.key.clone()),
                    ));
                }
                add(&list, &mut order)
            }
            None => diagnostics.push(unknown(kind, format!("values[{i}].key"), &value.key)),
        }
    }
    if order.is_empty() {
        // Nothing named: the whole geometry.
        let all: Vec<String> = geo.areas.shapes.iter().map(|s| s.key.clone()).collect();
        add(&all, &mut order);
    }
    let units: Vec<Shape> = order
        .iter()
        .filter_map(|k| resolver.shape(k).cloned())
        .collect();
    let index: HashMap<&str, usize> = units
        .iter()
        .enumerate()
        .map(|(i, s)| (s.key.as_str(), i))
        .collect();
    let members: Vec<Vec<usize>> = region_keys
        .iter()
        .map(|keys| {
            let mut m: Vec<usize> = keys
                .iter()
                .filter_map(|k| index.get(k.as_str()).copied())
                .collect();
            sort_by(&mut m, usize::cmp);
            m.dedup();
            m
        })
        .collect();
    let focus: Vec<usize> = if focus_keys.is_empty() {
        (0..units.len()).collect()
    } else {
        focus_keys
            .iter()
            .filter_map(|k| index.get(k.as_str()).copied())
            .collect()
    };

    // Regions in force at the same time must not share an area.
    for (j, b) in doc.regions.iter().enumerate() {
        for (i, a) in doc.regions.iter().enumerate().take(j) {
            let overlap_in_time = a
                .valid_from
                .max(b.valid_from)
                .zip(a.valid_to.min(b.valid_to));
            if matches!(overlap_in_time, Some((from, to)) if from > to)
                || matches!((a.valid_to, b.valid_from), (Some(end), Some(start)) if end < start)
                || matches!((b.valid_to, a.valid_from), (Some(end), Some(start)) if end < start)
            {
                continue;
            }
            let shared = members[j].iter().find(|u| members[i].contains(u));
            if let Some(&u) = shared {
                let name = units.get(u).map(|s| s.name.clone()).unwrap_or_default();
                diagnostics.push(Diagnostic::warning(
                    kind,
                    format!("regions[{j}].districts"),
                    Problem::TwoRegions {
                        area: name,
                        first: format!("regions[{i}]"),
                    },
                ));
            }
        }
    }

    // Neighbours in view, for orientation (not for municipality or host maps' own units).
    let focus_box = focus
        .iter()
        .filter_map(|&i| units.get(i).and_then(Shape::bbox))
        .reduce(BBox::union);
    let context = match focus_box {
        Some(b) => {
            let (w, h) = b.size();
            let wide = BBox([
                b.0[0] - w * 0.15,
                b.0[1] - h * 0.15,
                b.0[2] + w * 0.15,
                b.0[3] + h * 0.15,
            ]);
            geo.areas
                .shapes
                .iter()
                .filter(|s| !seen.contains(&s.key) && !resolver.split.contains(&s.key))
                .filter(|s| s.bbox().is_some_and(|sb| sb.intersects(wide)))
                .cloned()
                .collect()
        }
        None => Vec::new(),
    };

    let mut days = BTreeSet::new();
    for r in &doc.regions {
        if let Some(d) = r.valid_from {
            days.insert(d);
        }
        if let Some(d) = r.valid_to.and_then(|d| d.0.succ_opt()) {
            days.insert(Day(d));
        }
    }
    let any_open_start = doc.regions.iter().any(|r| r.valid_from.is_none());
    let mut dates: Vec<Day> = days.into_iter().collect();
    // The time before the first change is a state of its own when some region has no start.
    if any_open_start && let Some(first) = dates.first().and_then(|d| d.0.pred_opt()) {
        dates.insert(0, Day(first));
    }
    let initial = doc.date.or_else(|| dates.last().copied());
    let mut split: Vec<(Shape, Vec<usize>)> = resolver
        .split
        .iter()
        .filter_map(|key| {
            let district = geo.areas.get(key)?.clone();
            let parts = units
                .iter()
                .enumerate()
                .filter(|(_, u)| u.key.starts_with(key.as_str()) && u.key.len() > key.len())
                .map(|(i, _)| i)
                .collect();
            Some((district, parts))
        })
        .collect();
    sort_by(&mut split, |a, b| a.0.key.cmp(&b.0.key));
    let attribution = if geo.host {
        doc.geometry
            .as_ref()
            .and_then(|g| g.attribution.clone())
            .unwrap_or_default()
    } else {
        geo.areas.attribution.clone()
    };
    let fingerprint = fingerprint(&units, &context, &members, &split, &focus, doc);
    Prepared {
        units,
        context,
        members,
        diagnostics,
        dates,
        initial,
        attribution,
        split,
        focus,
        host: geo.host,
        fingerprint,
    }
}

/// A hash of everything a [`Drawing`] is made from (but the view and the width).
fn fingerprint(
    units: &[Shape],
    context: &[Shape],
    members: &[Vec<usize>],
    split: &[(Shape, Vec<usize>)],
    focus: &[usize],
    doc: &MapDoc,
) -> u64 {
    let mut h = FastHasher::default();
    let shapes = units
        .iter()
        .chain(context)
        .chain(split.iter().map(|(s, _)| s));
    for shape in shapes {
        h.write(shape.key.as_bytes());
        for ring in shape.polygons.iter().flat_map(|p| p.rings.iter()) {
            h.write_usize(ring.len());
            for p in ring {
                h.write_i32(p[0]);
                h.write_i32(p[1]);
            }
        }
    }
    let lists = members
        .iter()
        .map(Vec::as_slice)
        .chain(split.iter().map(|(_, parts)| parts.as_slice()))
        .chain(std::iter::once(focus));
    for list in lists {
        h.write_usize(list.len());
        for &i in list {
            h.write_usize(i);
        }
    }
    for r in &doc.regions {
        h.write(r.id.as_bytes());
        h.write_usize(0);
    }
    h.write_usize(units.len() ^ context.len() << 20);
    h.finish()
}

impl Prepared {
    /// The shapes whose outline is the outline of `members`: whole split districts by their
    /// own border, everything else as drawn.
    fn outline_shapes(&self, members: &[usize]) -> Vec<&Shape> {
        let mut taken: HashSet<usize> = HashSet::new();
        let mut shapes = Vec::new();
        for (district, parts) in &self.split {
            if !parts.is_empty() && parts.iter().all(|p| members.contains(p)) {
                taken.extend(parts.iter().copied());
                shapes.push(district);
            }
        }
        shapes.extend(
            members
                .iter()
                .filter(|m| !taken.contains(m))
                .filter_map(|&m| self.units.get(m)),
        );
        shapes
    }
}

fn unknown(kind: WidgetKind, path: String, key: &str) -> Diagnostic {
    Diagnostic::warning(kind, path, Problem::UnknownArea(key.to_string()))
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
    /// Inside the view.
    pub visible: bool,
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
    /// The day shown, formatted.
    pub date: Option<String>,
}

impl MapScene {
    /// The titles of [`MapScene::tables`], without making the tables (the export menu's items).
    pub fn table_titles(&self, lang: Lang) -> Vec<&'static str> {
        let m = lang.texts().map;
        let mut titles = Vec::new();
        if !self.regions.is_empty() {
            titles.push(m.regions_title);
        }
        titles.push(m.areas_title);
        if !self.markers.is_empty() {
            titles.push(m.markers_title);
        }
        titles
    }

    /// The table views: regions (if any), areas, markers (if any).
    pub fn tables(&self, lang: Lang) -> Vec<DataTable> {
        let m = lang.texts().map;
        let mut tables = Vec::new();
        if !self.regions.is_empty() {
            let mut t = DataTable::new(
                m.regions_title,
                vec![
                    Column::text(m.region),
                    Column::text(m.office),
                    Column::text(m.valid),
                    Column::text(m.in_force),
                    Column::text(m.areas),
                    Column::figure(m.value),
                ],
            );
            for r in &self.regions {
                t.rows.push(Row {
                    cells: vec![
                        Cell::text(r.label.clone()),
                        Cell::text(r.office.clone()),
                        Cell::text(r.valid.clone()),
                        Cell::text(if r.active { m.yes } else { m.no }),
                        Cell::text(r.areas.clone()),
                        r.value.clone(),
                    ],
                    dimmed: !r.active,
                });
            }
            tables.push(t);
        }
        let mut t = DataTable::new(
            m.areas_title,
            vec![
                Column::text(m.area),
                Column::text(m.key),
                Column::text(m.region),
                Column::figure(self.legend_title.clone()),
            ],
        );
        for u in &self.units {
            t.push(vec![
                Cell::text(u.name.clone()),
                Cell::text(u.key.clone()),
                Cell::text(
                    u.region_label
                        .clone()
                        .unwrap_or_else(|| m.no_region.to_string()),
                ),
                u.figure.clone(),
            ]);
        }
        tables.push(t);
        if !self.markers.is_empty() {
            let mut t = DataTable::new(
                m.markers_title,
                vec![Column::text(m.area), Column::text(m.kind)],
            );
            for mk in &self.markers {
                t.push(vec![
                    Cell::text(mk.label.clone()),
                    Cell::text(crate::i18n::name_of(m.marker_kinds, mk.kind)),
                ]);
            }
            tables.push(t);
        }
        tables
    }
}

/// What a figure is.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Figure {
    Value(f64),
    Suppressed,
    NoData,
}

/// The palette has this many steps; `classes` picks evenly among them.
const PALETTE_STEPS: usize = 7;

/// Class boundaries (upper bounds of all classes but the last) for `values`.
pub fn breaks(values: &[f64], kind: &str, classes: usize, given: &[f64]) -> Vec<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    sort_by(&mut sorted, f64::total_cmp);
    sorted.dedup();
    if kind == "breaks" {
        let mut b: Vec<f64> = given.iter().copied().filter(|v| v.is_finite()).collect();
        sort_by(&mut b, f64::total_cmp);
        b.dedup();
        b.truncate(PALETTE_STEPS - 1);
        return b;
    }
    let classes = classes.clamp(2, PALETTE_STEPS).min(sorted.len().max(1));
    if classes < 2 {
        return Vec::new();
    }
    let (lo, hi) = match (sorted.first(), sorted.last()) {
        (Some(&lo), Some(&hi)) => (lo, hi),
        _ => return Vec::new(),
    };
    let mut b: Vec<f64> = if kind == "equal" {
        (1..classes)
            .map(|i| lo + (hi - lo) * i as f64 / classes as f64)
            .collect()
    } else {
        // Quantiles of the distinct figures: each class holds about as many.
        (1..classes)
            .filter_map(|i| {
                let at = (i * sorted.len()).div_ceil(classes).saturating_sub(1);
                sorted.get(at).copied()
            })
            .collect()
    };
    b.dedup();
    b
}

fn class_of(v: f64, breaks: &[f64]) -> usize {
    breaks.iter().take_while(|&&b| v > b).count()
}

/// The palette step for class `i` of `n`: spread from light to dark.
fn step(i: usize, n: usize) -> usize {
    if n <= 1 {
        return PALETTE_STEPS / 2;
    }
    (i * (PALETTE_STEPS - 1) + (n - 1) / 2) / (n - 1)
}

fn in_force(r: &crate::model::regions::Region, day: Option<Day>) -> bool {
    match day {
        None => true,
        Some(d) => r.valid_from.is_none_or(|f| f <= d) && r.valid_to.is_none_or(|t| d <= t),
    }
}

/// What a map draws that depends only on its areas, the view and the width: the path strings
/// and label points. Built once and kept while only the figures or the day change.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    fit: Fit,
    conic: Conic,
    /// Path of each unit, by index into `Prepared::units`.
    unit_paths: Vec<String>,
    /// Label point and room of each unit.
    anchors: Vec<Option<(f64, f64, f64)>>,
    /// Outline of each region of the document (empty when it has no area).
    outlines: Vec<String>,
    context: String,
    lands: String,
}

/// Projects and builds the paths of `prepared`, zoomed to region `zoom`, `width` wide.
pub fn drawing(doc: &MapDoc, prepared: &Prepared, zoom: Option<&str>, width: f64) -> Drawing {
    let conic = Conic::germany();
    let width = if width.is_finite() {
        width.clamp(200.0, 4000.0)
    } else {
        640.0
    };
    // The view: the zoomed region's areas, else the focus.
    let zoom_region = zoom.and_then(|id| doc.regions.iter().position(|r| r.id == id));
    let view_units: Vec<usize> = match zoom_region.and_then(|r| prepared.members.get(r)) {
        Some(members) if !members.is_empty() => members.clone(),
        _ => prepared.focus.clone(),
    };
    let bbox = view_units
        .iter()
        .filter_map(|&i| prepared.units.get(i).and_then(Shape::bbox))
        .reduce(BBox::union)
        .map(|b| projected(&conic, b))
        .unwrap_or([-0.05, -0.05, 0.05, 0.05]);
    let max_height = (width * 1.25).clamp(240.0, 900.0);
    let fit = Fit::new(bbox, width, max_height, 16.0);

    let unit_paths = prepared
        .units
        .iter()
        .map(|shape| {
            path::rings(
                shape.polygons.iter().flat_map(|p| p.rings.iter()),
                &conic,
                &fit,
            )
        })
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
    let context = path::rings(
        prepared
            .context
            .iter()
            .flat_map(|s| s.polygons.iter().flat_map(|p| p.rings.iter())),
        &conic,
        &fit,
    );
    let lands = {
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
                        &conic,
                        &fit,
                    ));
                }
            }
        }
        d
    };
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

/// Lays out `prepared` for `day`, zoomed to region `zoom`, `width` wide.
pub fn scene(
    doc: &MapDoc,
    prepared: &Prepared,
    day: Option<Day>,
    zoom: Option<&str>,
    width: f64,
    lang: Lang,
) -> MapScene {
    scene_on(
        doc,
        prepared,
        &drawing(doc, prepared, zoom, width),
        day,
        lang,
    )
}

/// Lays out `prepared` for `day` on a `drawing` made for it by [`drawing`] (a view keeps one
/// while only the figures or the day change).
pub fn scene_on(
    doc: &MapDoc,
    prepared: &Prepared,
    drawing: &Drawing,
    day: Option<Day>,
    lang: Lang,
) -> MapScene {
    let t = lang.texts();
    let m = t.map;
    let (conic, fit) = (drawing.conic, drawing.fit);

    // Region of each unit on the day shown: the first in force.
    let active: Vec<bool> = doc.regions.iter().map(|r| in_force(r, day)).collect();
    let mut region_of: Vec<Option<usize>> = vec![None; prepared.units.len()];
    for (r, members) in prepared.members.iter().enumerate() {
        if !active.get(r).copied().unwrap_or(false) {
            continue;
        }
        for &u in members {
            if let Some(slot) = region_of.get_mut(u) {
                slot.get_or_insert(r);
            }
        }
    }
    let view = [0.0, 0.0, fit.width, fit.height];

    // Figures by what they stand for, keys read as everywhere else; the first of two for one
    // area is shown (the check names the second), a Land's figure is not drawn (the check names
    // it).
    let mut figures: HashMap<Target, Figure> = HashMap::new();
    for v in &doc.values {
        let f = if v.suppressed {
            Figure::Suppressed
        } else {
            match v.value {
                Some(x) if x.is_finite() => Figure::Value(x),
                _ => Figure::NoData,
            }
        };
        match figure_target(doc, &v.key) {
            Target::Land(_) => {}
            target => {
                figures.entry(target).or_insert(f);
            }
        }
    }
    // A unit's figure and where it comes from: its own; else, for a municipality of a district
    // drawn as its municipalities, the district's; else its region's.
    let figure_of = |key: &str, region: Option<&crate::model::regions::Region>| {
        let area = |k: &str| Target::Area(k.to_string());
        let district = key
            .get(..5)
            .filter(|_| !prepared.host && key.len() == 8)
            .map(area);
        let region = region.map(|r| Target::Region(r.id.trim().to_string()));
        std::iter::once(area(key))
            .chain(district)
            .chain(region)
            .find_map(|t| figures.get(&t).map(|f| (*f, t)))
    };
    let numbers: Vec<f64> = figures
        .values()
        .filter_map(|f| match f {
            Figure::Value(x) => Some(*x),
            _ => None,
        })
        .collect();
    let scale = doc.scale.clone().unwrap_or_default();
    let kind = scale.kind.as_deref().map_or("quantile", str::trim);
    let decimals = if numbers.iter().all(|v| v.fract() == 0.0) {
        0
    } else {
        1
    };
    let mut breaks = breaks(
        &numbers,
        kind,
        usize::from(scale.classes.unwrap_or(5)),
        &scale.breaks,
    );
    if decimals == 0 {
        // Whole figures: a break of 5.5 parts them as 5 does, and the legend can say so ("bis
        // 5", "über 5") instead of rounding it to a 6 that lies in the upper class.
        for b in &mut breaks {
            *b = b.floor();
        }
        breaks.dedup();
    }
    let n_classes = if numbers.is_empty() {
        0
    } else {
        breaks.len() + 1
    };
    let has_figures = !doc.values.is_empty();
    let format = |f: Figure| match f {
        Figure::Value(x) => lang.number(x, decimals),
        Figure::Suppressed => m.suppressed.to_string(),
        Figure::NoData => m.no_data.to_string(),
    };
    let cell = |f: Option<Figure>| match f {
        Some(Figure::Value(x)) => Cell::Number(x, decimals),
        Some(Figure::Suppressed) => Cell::Suppressed,
        Some(Figure::NoData) => Cell::text(m.no_data),
        None => Cell::empty(),
    };
    let value_label = doc
        .value_label
        .clone()
        .unwrap_or_else(|| m.value.to_string());

    // Units.
    let mut used_classes = BTreeSet::new();
    let mut special = BTreeSet::new();
    let mut units = Vec::with_capacity(prepared.units.len());
    let mut unit_anchor = Vec::with_capacity(prepared.units.len());
    let mut unit_figure = Vec::with_capacity(prepared.units.len());
    let mut unit_source = Vec::with_capacity(prepared.units.len());
    for (i, shape) in prepared.units.iter().enumerate() {
        let region = region_of[i].and_then(|r| doc.regions.get(r));
        let found = figure_of(&shape.key, region);
        let figure = found.as_ref().map(|(f, _)| *f);
        unit_source.push(found.map(|(_, t)| t));
        let class = match figure {
            Some(Figure::Value(x)) => {
                let class = class_of(x, &breaks);
                used_classes.insert(class);
                format!("fw-c{}", step(class, n_classes))
            }
            Some(Figure::Suppressed) => {
                special.insert(1);
                "fw-suppressed".into()
            }
            Some(Figure::NoData) => {
                special.insert(0);
                "fw-nodata".into()
            }
            None if has_figures => {
                special.insert(0);
                "fw-nodata".into()
            }
            None if region.is_some() => "fw-inregion".into(),
            None => {
                special.insert(2);
                "fw-noregion".into()
            }
        };
        let anchor = drawing.anchors.get(i).copied().flatten();
        unit_anchor.push(anchor);
        unit_figure.push(figure);
        let value = figure.map(format).unwrap_or_default();
        let mut text = format!("{} ({})", isolate(&shape.name), isolate(&shape.key));
        if !shape.kind.is_empty() {
            text = format!("{} ({}, {})", shape.name, shape.kind, shape.key);
        }
        match region {
            Some(r) => text.push_str(&format!(" · {}: {}", m.region, isolate(&r.label))),
            None if !doc.regions.is_empty() => text.push_str(&format!(" · {}", m.no_region)),
            None => {}
        }
        if has_figures {
            text.push_str(&format!(
                " · {}: {}",
                value_label,
                figure.map(format).unwrap_or_else(|| m.no_data.to_string())
            ));
        }
        units.push(Unit {
            key: shape.key.clone(),
            name: shape.name.clone(),
            d: drawing.unit_paths.get(i).cloned().unwrap_or_default(),
            class,
            region: region.map(|r| r.id.clone()),
            region_label: region.map(|r| r.label.clone()),
            value,
            figure: cell(figure),
            text,
            anchor: anchor
                .map(|(x, y, _)| (x, y))
                .unwrap_or((fit.width / 2.0, fit.height / 2.0)),
        });
    }

    // Figures on the map: once per figure, at the largest area it colours (a region's or a
    // district's drawn as municipalities once, an area's own at the area).
    let mut labels = Vec::new();
    let mut labelled: HashSet<&Target> = HashSet::new();
    let mut by_size: Vec<usize> = (0..units.len()).collect();
    sort_by(&mut by_size, |&a, &b| {
        let size = |i: usize| unit_anchor[i].map_or(0.0, |(_, _, w)| w);
        size(b).total_cmp(&size(a))
    });
    for i in by_size {
        let unit = &units[i];
        // Only figures are written; "no data" and "suppressed" are patterns with a legend.
        if !matches!(unit_figure[i], Some(Figure::Value(_))) {
            continue;
        }
        if unit_source[i].as_ref().is_some_and(|t| !labelled.insert(t)) {
            continue;
        }
        let Some((x, y, room)) = unit_anchor[i] else {
            continue;
        };
        let text = unit.value.clone();
        if text.chars().count() as f64 * 7.5 + 6.0 <= room && inside(view, x, y) {
            labels.push(Label {
                x,
                y: y + 4.0,
                text,
            });
        }
    }

    // Keyboard order: by region, then by name.
    sort_by(&mut units, |a, b| {
        (a.region_label.is_none(), &a.region_label, &a.name).cmp(&(
            b.region_label.is_none(),
            &b.region_label,
            &b.name,
        ))
    });

    // Outlines of the regions in force.
    let outlines = doc
        .regions
        .iter()
        .zip(&drawing.outlines)
        .enumerate()
        .filter(|(r, (_, d))| active.get(*r).copied().unwrap_or(false) && !d.is_empty())
        .map(|(_, (region, d))| (region.id.clone(), d.clone()))
        .collect();
    let context = drawing.context.clone();
    let lands = drawing.lands.clone();

    // Figures written on the map keep their place; marker labels go around them.
    let written: Vec<[f64; 4]> = labels
        .iter()
        .map(|l| {
            let w = l.text.chars().count() as f64 * 7.5 / 2.0 + 2.0;
            [l.x - w, l.y - 12.0, l.x + w, l.y + 3.0]
        })
        .collect();
    let markers = place_markers(doc, &conic, &fit, view, &written, lang);

    // Legend.
    let mut legend = Vec::new();
    if n_classes > 0 {
        for c in 0..n_classes {
            if !used_classes.contains(&c) && kind != "breaks" {
                continue;
            }
            let lo = if c == 0 {
                None
            } else {
                breaks.get(c - 1).copied()
            };
            let hi = breaks.get(c).copied();
            let text = match (lo, hi) {
                (None, Some(h)) => fill(m.up_to, &lang.number(h, decimals), ""),
                (Some(l), Some(h)) => fill(
                    m.over_up_to,
                    &lang.number(l, decimals),
                    &lang.number(h, decimals),
                ),
                (Some(l), None) => fill(m.over, &lang.number(l, decimals), ""),
                (None, None) => numbers
                    .first()
                    .map(|v| lang.number(*v, decimals))
                    .unwrap_or_default(),
            };
            legend.push(LegendEntry {
                class: format!("fw-c{}", step(c, n_classes)),
                text,
            });
        }
    }
    for s in special {
        let (class, text) = match s {
            0 => ("fw-nodata", m.no_data),
            1 => ("fw-suppressed", m.suppressed_long),
            _ => ("fw-noregion", m.no_region),
        };
        legend.push(LegendEntry {
            class: class.into(),
            text: text.into(),
        });
    }

    // Region table.
    let regions: Vec<RegionRow> = doc
        .regions
        .iter()
        .enumerate()
        .map(|(r, region)| {
            let from = region
                .valid_from
                .map(|d| lang.date(d.0))
                .unwrap_or_else(|| m.open.to_string());
            let to = region
                .valid_to
                .map(|d| lang.date(d.0))
                .unwrap_or_else(|| m.open.to_string());
            let valid = if region.valid_from.is_none() && region.valid_to.is_none() {
                m.always.to_string()
            } else {
                format!("{from} – {to}")
            };
            let mut names: Vec<&str> = prepared
                .members
                .get(r)
                .map(|ms| {
                    ms.iter()
                        .filter_map(|&u| prepared.units.get(u))
                        .map(|s| s.name.as_str())
                        .collect()
                })
                .unwrap_or_default();
            sort_by(&mut names, |a, b| a.cmp(b));
            RegionRow {
                id: region.id.clone(),
                label: region.label.clone(),
                office: region.office.clone().unwrap_or_default(),
                valid,
                active: active.get(r).copied().unwrap_or(false),
                areas: join_isolated(names.iter().map(|n| n.as_ref()), ", "),
                value: cell(
                    figures
                        .get(&Target::Region(region.id.trim().to_string()))
                        .copied(),
                ),
            }
        })
        .collect();

    let date = day.map(|d| lang.date(d.0));
    let in_force_count = active.iter().filter(|a| **a).count();
    let areas = lang.count(units.len(), m.area_forms);
    let in_force_text = lang.count(in_force_count, t.regions);
    let mut summary = match &date {
        Some(d) => fill_named(
            m.summary_dated,
            &[("areas", &areas), ("regions", &in_force_text), ("date", d)],
        ),
        None => fill_named(m.summary, &[("areas", &areas), ("regions", &in_force_text)]),
    };
    if !doc.markers.is_empty() {
        summary.push(' ');
        summary.push_str(&fill(
            m.summary_markers,
            &lang.count(doc.markers.len(), t.markers),
            "",
        ));
    }
    if let Some((lo, hi)) = numbers
        .iter()
        .copied()
        .fold(None, |acc: Option<(f64, f64)>, v| {
            Some(acc.map_or((v, v), |(a, b)| (a.min(v), b.max(v))))
        })
    {
        summary.push(' ');
        summary.push_str(&fill_named(
            m.summary_values,
            &[
                ("what", &value_label),
                ("lo", &lang.number(lo, decimals)),
                ("hi", &lang.number(hi, decimals)),
            ],
        ));
    }

    MapScene {
        width: fit.width,
        height: fit.height,
        units,
        context,
        lands,
        outlines,
        labels,
        markers,
        legend,
        legend_title: value_label,
        regions,
        summary,
        date,
    }
}

fn inside(view: [f64; 4], x: f64, y: f64) -> bool {
    x >= view[0] && x <= view[2] && y >= view[1] && y <= view[3]
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
    // Room: the horizontal run of the ring through the centroid.
    let mut crossings: Vec<f64> = pts
        .windows(2)
        .filter(|w| (w[0].1 > y) != (w[1].1 > y))
        .map(|w| w[0].0 + (y - w[0].1) * (w[1].0 - w[0].0) / (w[1].1 - w[0].1))
        .collect();
    sort_by(&mut crossings, f64::total_cmp);
    let room = crossings
        .chunks(2)
        .filter(|c| c.len() == 2 && c[0] <= x && x <= c[1])
        .map(|c| 2.0 * (x - c[0]).min(c[1] - x))
        .next()
        .unwrap_or(0.0);
    Some((x, y, room))
}

fn symbol(kind: &str, x: f64, y: f64) -> String {
    let r = 6.0;
    match kind {
        "office" => format!(
            "M{:.1} {:.1}h{:.1}v{:.1}h{:.1}Z",
            x - r,
            y - r,
            2.0 * r,
            2.0 * r,
            -2.0 * r
        ),
        "jobcenter" => format!(
            "M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z",
            y - r - 1.5,
            x + r + 1.5,
            y + r + 1.5,
            x - r - 1.5
        ),
        "provider" => format!(
            "M{:.1} {y:.1}a{r} {r} 0 1 0 {:.1} 0a{r} {r} 0 1 0 {:.1} 0Z",
            x - r,
            2.0 * r,
            -2.0 * r
        ),
        _ => format!(
            "M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z",
            y - r - 1.5,
            x + r + 1.5,
            y + r,
            x - r - 1.5,
            y + r
        ),
    }
}

fn marker_kind(kind: &str) -> &'static str {
    match kind.trim() {
        "office" => "office",
        "provider" => "provider",
        "jobcenter" => "jobcenter",
        _ => "other",
    }
}

fn place_markers(
    doc: &MapDoc,
    conic: &Conic,
    fit: &Fit,
    view: [f64; 4],
    written: &[[f64; 4]],
    lang: Lang,
) -> Vec<MarkerMark> {
    let m = lang.texts().map;
    let mut order: Vec<usize> = (0..doc.markers.len()).collect();
    let rank = |k: &str| match marker_kind(k) {
        "office" => 0,
        "jobcenter" => 1,
        "provider" => 2,
        _ => 3,
    };
    sort_by_cached_key(&mut order, |&i| {
        doc.markers.get(i).map_or(4, |mk| rank(&mk.kind))
    });
    let mut taken: Vec<[f64; 4]> = written.to_vec();
    let mut out = Vec::with_capacity(order.len());
    let projected: Vec<(f64, f64)> = doc
        .markers
        .iter()
        .map(|mk| fit.apply(conic.project(mk.lon, mk.lat)))
        .collect();
    for &(x, y) in &projected {
        taken.push([x - 7.0, y - 7.0, x + 7.0, y + 7.0]);
    }
    for i in order {
        let Some(mk) = doc.markers.get(i) else {
            continue;
        };
        let (x, y) = projected.get(i).copied().unwrap_or((0.0, 0.0));
        let kind = marker_kind(&mk.kind);
        let visible = x.is_finite() && y.is_finite() && inside(view, x, y);
        let w = mk.label.chars().count() as f64 * 6.6;
        let candidates = [
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
        ];
        let label_at = if visible {
            candidates
                .iter()
                .find(|(_, _, _, b)| {
                    b[0] >= view[0]
                        && b[2] <= view[2]
                        && b[1] >= view[1]
                        && b[3] <= view[3]
                        && !taken.iter().any(|t| overlaps(*t, *b))
                })
                .map(|&(lx, ly, anchor, b)| {
                    taken.push(b);
                    (lx, ly, anchor)
                })
        } else {
            None
        };
        out.push(MarkerMark {
            id: mk.id.clone(),
            kind,
            label: mk.label.clone(),
            d: symbol(kind, x, y),
            x,
            y,
            label_at,
            text: format!("{} ({})", mk.label, name_of(m.marker_kinds, kind)),
            visible,
        });
    }
    out
}

fn overlaps(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile_and_equal_breaks() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];
        assert_eq!(breaks(&v, "quantile", 5, &[]), vec![2.0, 4.0, 6.0, 8.0]);
        assert_eq!(breaks(&v, "equal", 3, &[]), vec![4.0, 7.0]);
        assert_eq!(
            breaks(&v, "breaks", 5, &[5.0, 1.0, f64::NAN]),
            vec![1.0, 5.0]
        );
        // Fewer distinct figures than classes: fewer classes.
        assert_eq!(breaks(&[3.0, 3.0, 8.0], "quantile", 5, &[]), vec![3.0]);
        assert!(breaks(&[4.0], "quantile", 5, &[]).is_empty());
        assert!(breaks(&[], "equal", 5, &[]).is_empty());
        assert_eq!(class_of(2.0, &[2.0, 4.0]), 0);
        assert_eq!(class_of(2.5, &[2.0, 4.0]), 1);
        assert_eq!(class_of(9.0, &[2.0, 4.0]), 2);
        // Classes spread over the palette from lightest to darkest.
        assert_eq!(
            (0..3).map(|i| step(i, 3)).collect::<Vec<_>>(),
            vec![0, 3, 6]
        );
        assert_eq!(
            (0..7).map(|i| step(i, 7)).collect::<Vec<_>>(),
            (0..7).collect::<Vec<_>>()
        );
    }
}

/// Everything the map shows for `doc` on `geo` at `width`, as a renderer needs it: the map (on
/// its first day) with its attribution, and its table views.
///
/// Being filled in by the scene work of issue 19: for now only the tables.
pub fn rendering(doc: &MapDoc, geo: Geometry, width: f64, lang: Lang) -> crate::scene::Rendering {
    let prepared = prepare(doc, geo);
    let scene = scene(doc, &prepared, prepared.initial, None, width, lang);
    crate::scene::Rendering {
        figures: Vec::new(),
        tables: scene.tables(lang),
    }
}
