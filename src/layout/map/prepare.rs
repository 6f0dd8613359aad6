//! A document resolved against its geometry once: the units drawn, their neighbours, the
//! members of each region, the change days and the warnings about keys and overlaps.

use super::calendar::{change_days, meet};
use super::keys::{Named, Resolver, named};
use super::types::Geometry;
use crate::check::{Diagnostic, Problem};
use crate::geo::{BBox, FastHasher, Shape};
use crate::model::WidgetKind;
use crate::model::common::Day;
use crate::model::regions::MapDoc;
use crate::order::sort_by;
use std::collections::{HashMap, HashSet};
use std::hash::Hasher;

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
    /// The days on which what the map shows changes (regions, markers, periods of figures).
    pub dates: Vec<Day>,
    /// The first of `dates` stands for the time up to it ("bis 14.08.2017").
    pub until_first: bool,
    /// The day shown first.
    pub initial: Option<Day>,
    /// The notice the geometry demands.
    pub attribution: String,
    /// Districts drawn as their municipalities, with those municipalities' unit indices.
    /// Outlines use the district's own border where a region holds all of it, so that it meets
    /// its neighbours (the two files are simplified apart).
    pub split: Vec<(Shape, Vec<usize>)>,
    pub(super) focus: Vec<usize>,
    /// Keys are the host's: matched as they are, never read as official keys.
    pub(super) host: bool,
    /// Equal for two documents whose map has the same areas, regions and focus: their
    /// [`super::Drawing`]s are the same, so a view can keep one across new figures.
    pub fingerprint: u64,
}

/// Resolves `doc` against `geo`.
pub fn prepare(doc: &MapDoc, geo: Geometry) -> Prepared {
    let resolver = Resolver::new(doc, geo);
    let Named {
        order,
        seen,
        focus: focus_keys,
        regions: region_keys,
        mut diagnostics,
    } = named(doc, &resolver);
    let units: Vec<Shape> = order
        .iter()
        .filter_map(|k| resolver.shape(k).cloned())
        .collect();
    let index: HashMap<&str, usize> = units
        .iter()
        .enumerate()
        .map(|(i, s)| (s.key.as_str(), i))
        .collect();
    let members: Vec<Vec<usize>> = region_keys.iter().map(|k| indices(k, &index)).collect();
    let focus: Vec<usize> = if focus_keys.is_empty() {
        (0..units.len()).collect()
    } else {
        focus_keys
            .iter()
            .filter_map(|k| index.get(k.as_str()).copied())
            .collect()
    };
    diagnostics.extend(overlaps(doc, &members, &units));
    let context = context(&resolver, &units, &focus, &seen);
    let (dates, until_first) = change_days(doc);
    let initial = doc.date.or_else(|| dates.last().copied());
    let split = split(&resolver, &units);
    let attribution = attribution(doc, geo);
    let fingerprint = fingerprint(&units, &context, &members, &split, &focus, doc);
    Prepared {
        units,
        context,
        members,
        diagnostics,
        dates,
        until_first,
        initial,
        attribution,
        split,
        focus,
        host: geo.host,
        fingerprint,
    }
}

impl Prepared {
    /// How the date control and the map name `day`: its date, or "bis 14.08.2017" for the
    /// first step when it stands for all the time up to it.
    pub fn date_label(&self, day: Day, lang: crate::i18n::Lang) -> String {
        let date = lang.date(day.0);
        if self.until_first && self.dates.first() == Some(&day) {
            crate::i18n::fill(lang.texts().map.until, &date, "")
        } else {
            date
        }
    }
}

/// The unit indices of `keys`, sorted, each once.
fn indices(keys: &[String], index: &HashMap<&str, usize>) -> Vec<usize> {
    let mut m: Vec<usize> = keys
        .iter()
        .filter_map(|k| index.get(k.as_str()).copied())
        .collect();
    sort_by(&mut m, usize::cmp);
    m.dedup();
    m
}

/// Regions in force at the same time must not share an area: a warning for each pair that do.
fn overlaps(doc: &MapDoc, members: &[Vec<usize>], units: &[Shape]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (j, b) in doc.regions.iter().enumerate() {
        for (i, a) in doc.regions.iter().enumerate().take(j) {
            if !meet(a, b) {
                continue;
            }
            let shared = members[j].iter().find(|u| members[i].contains(u));
            if let Some(&u) = shared {
                let name = units.get(u).map(|s| s.name.clone()).unwrap_or_default();
                out.push(Diagnostic::warning(
                    WidgetKind::Map,
                    format!("regions[{j}].districts"),
                    Problem::TwoRegions {
                        area: name,
                        first: format!("regions[{i}]"),
                    },
                ));
            }
        }
    }
    out
}

/// Neighbours in view, for orientation (not for municipality or host maps' own units).
fn context(
    resolver: &Resolver,
    units: &[Shape],
    focus: &[usize],
    seen: &HashSet<String>,
) -> Vec<Shape> {
    let focus_box = focus
        .iter()
        .filter_map(|&i| units.get(i).and_then(Shape::bbox))
        .reduce(BBox::union);
    let Some(b) = focus_box else {
        return Vec::new();
    };
    let (w, h) = b.size();
    let wide = BBox([
        b.0[0] - w * 0.15,
        b.0[1] - h * 0.15,
        b.0[2] + w * 0.15,
        b.0[3] + h * 0.15,
    ]);
    resolver
        .geo
        .areas
        .shapes
        .iter()
        .filter(|s| !seen.contains(&s.key) && !resolver.split.contains(&s.key))
        .filter(|s| s.bbox().is_some_and(|sb| sb.intersects(wide)))
        .cloned()
        .collect()
}

/// Districts drawn as their municipalities, with the unit indices of those, by key.
fn split(resolver: &Resolver, units: &[Shape]) -> Vec<(Shape, Vec<usize>)> {
    let mut split: Vec<(Shape, Vec<usize>)> = resolver
        .split
        .iter()
        .filter_map(|key| {
            let district = resolver.geo.areas.get(key)?.clone();
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
    split
}

/// The notice the geometry's licence demands: the host's for its own areas.
fn attribution(doc: &MapDoc, geo: Geometry) -> String {
    if geo.host {
        doc.geometry
            .as_ref()
            .and_then(|g| g.attribution.clone())
            .unwrap_or_default()
    } else {
        geo.areas.attribution.clone()
    }
}

/// A hash of everything a [`super::Drawing`] is made from (but the view and the width).
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
    pub(super) fn outline_shapes(&self, members: &[usize]) -> Vec<&Shape> {
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
