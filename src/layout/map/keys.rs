//! Key resolution: which areas of the geometry a document's key stands for (a Land's districts,
//! a district or its municipalities, a municipality, a host's area or areas by prefix), and the
//! areas a document names, in the order it names them.

use super::types::Geometry;
use crate::check::{Diagnostic, Problem};
use crate::geo::{Key, Shape, Target, figure_target, land_name};
use crate::model::WidgetKind;
use crate::model::regions::MapDoc;
use std::collections::HashSet;

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

/// Reads keys against a geometry.
pub(super) struct Resolver<'a> {
    pub geo: Geometry<'a>,
    /// Districts drawn as their municipalities.
    pub split: HashSet<String>,
}

impl<'a> Resolver<'a> {
    /// A resolver for `doc`: districts of which it names a municipality are drawn as theirs.
    pub fn new(doc: &MapDoc, geo: Geometry<'a>) -> Resolver<'a> {
        let split = match geo.municipalities {
            Some(m) if !geo.host => all_keys(doc)
                .filter_map(|k| match Key::parse(k) {
                    Key::Municipality(k) if m.get(&k).is_some() => Some(k[..5].to_string()),
                    _ => None,
                })
                .collect(),
            _ => HashSet::new(),
        };
        Resolver { geo, split }
    }

    /// The unit keys a document key stands for; `None` when nothing is known by it.
    pub fn expand(&self, raw: &str) -> Option<Vec<String>> {
        if self.geo.host {
            return self.expand_host(raw);
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

    /// A host's key: an area as it is, else the areas it is a prefix of.
    fn expand_host(&self, raw: &str) -> Option<Vec<String>> {
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
        (!key.is_empty() && !list.is_empty()).then_some(list)
    }

    fn district(&self, key: &str) -> Vec<String> {
        match self.geo.municipalities {
            Some(m) if self.split.contains(key) => {
                m.with_prefix(key).map(|s| s.key.clone()).collect()
            }
            _ => vec![key.to_string()],
        }
    }

    /// The shape of a unit key.
    pub fn shape(&self, key: &str) -> Option<&Shape> {
        self.geo.areas.get(key).or_else(|| {
            self.geo
                .municipalities
                .filter(|_| !self.geo.host)
                .and_then(|m| m.get(key))
        })
    }
}

/// The unit keys a document names, each once, in the order it names them.
#[derive(Default)]
pub(super) struct Named {
    /// Every unit key, first mention first.
    pub order: Vec<String>,
    /// Those seen, for lookup.
    pub seen: HashSet<String>,
    /// The keys of the focus.
    pub focus: Vec<String>,
    /// The keys of each region.
    pub regions: Vec<Vec<String>>,
    /// Unknown keys.
    pub diagnostics: Vec<Diagnostic>,
}

impl Named {
    fn add(&mut self, keys: &[String]) {
        for k in keys {
            if self.seen.insert(k.clone()) {
                self.order.push(k.clone());
            }
        }
    }
}

/// The areas `doc` names in its focus, its regions and its figures (the whole geometry when it
/// names none), with a warning for each key nothing is known by.
pub(super) fn named(doc: &MapDoc, resolver: &Resolver) -> Named {
    let mut named = Named::default();
    for (i, key) in doc.focus.iter().enumerate() {
        match resolver.expand(key) {
            Some(list) => {
                named.add(&list);
                named.focus.extend(list);
            }
            None => named.diagnostics.push(unknown(format!("focus[{i}]"), key)),
        }
    }
    for (i, region) in doc.regions.iter().enumerate() {
        let mut keys = Vec::new();
        for (j, key) in region.districts.iter().enumerate() {
            match resolver.expand(key) {
                Some(list) => {
                    named.add(&list);
                    keys.extend(list);
                }
                None => {
                    let path = format!("regions[{i}].districts[{j}]");
                    named.diagnostics.push(unknown(path, key))
                }
            }
        }
        named.regions.push(keys);
    }
    figure_keys(doc, resolver, &mut named);
    if named.order.is_empty() {
        // Nothing named: the whole geometry.
        let all: Vec<String> = resolver
            .geo
            .areas
            .shapes
            .iter()
            .map(|s| s.key.clone())
            .collect();
        named.add(&all);
    }
    named
}

/// The areas of the figures.
fn figure_keys(doc: &MapDoc, resolver: &Resolver, named: &mut Named) {
    for (i, value) in doc.values.iter().enumerate() {
        // A Land's figure (a warning of the check) still brings its districts into view.
        let key = match figure_target(doc, &value.key) {
            Target::Region(_) => continue,
            Target::Land(k) | Target::Area(k) => k,
        };
        let path = format!("values[{i}].key");
        match resolver.expand(&key) {
            Some(list) => {
                // A host's key that is only the prefix of its areas' keys names no one area.
                if resolver.geo.host && !list.contains(&key) {
                    let problem = Problem::ManyAreas(value.key.clone());
                    named
                        .diagnostics
                        .push(Diagnostic::warning(WidgetKind::Map, path, problem));
                }
                named.add(&list)
            }
            None => named.diagnostics.push(unknown(path, &value.key)),
        }
    }
}

fn unknown(path: String, key: &str) -> Diagnostic {
    Diagnostic::warning(WidgetKind::Map, path, Problem::UnknownArea(key.to_string()))
}
