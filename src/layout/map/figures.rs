//! What figure each area shows: its own, its district's (for a municipality of a district
//! drawn as its municipalities) or its region's, with keys read as everywhere else.

use crate::geo::{Target, figure_target};
use crate::model::regions::{MapDoc, Region};
use std::collections::HashMap;

/// What a figure is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Figure {
    Value(f64),
    Suppressed,
    NoData,
}

/// The figures of a document by what they stand for.
pub(super) struct Figures {
    by_target: HashMap<Target, Figure>,
    /// Keys are the host's (no district is read from a municipality's key).
    host: bool,
}

impl Figures {
    /// The first of two figures for one area is shown (the check names the second); a Land's
    /// figure is not drawn (the check names it).
    pub fn new(doc: &MapDoc, host: bool) -> Figures {
        let mut by_target = HashMap::new();
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
                    by_target.entry(target).or_insert(f);
                }
            }
        }
        Figures { by_target, host }
    }

    /// The figure of `target`.
    pub fn get(&self, target: &Target) -> Option<Figure> {
        self.by_target.get(target).copied()
    }

    /// A region's figure.
    pub fn of_region(&self, region: &Region) -> Option<Figure> {
        self.get(&Target::Region(region.id.trim().to_string()))
    }

    /// A unit's figure and where it comes from: its own; else, for a municipality of a
    /// district drawn as its municipalities, the district's; else its region's.
    pub fn of_unit(&self, key: &str, region: Option<&Region>) -> Option<(Figure, Target)> {
        let area = |k: &str| Target::Area(k.to_string());
        let district = key
            .get(..5)
            .filter(|_| !self.host && key.len() == 8)
            .map(area);
        let region = region.map(|r| Target::Region(r.id.trim().to_string()));
        std::iter::once(area(key))
            .chain(district)
            .chain(region)
            .find_map(|t| self.get(&t).map(|f| (f, t)))
    }

    /// The numbers among the figures.
    pub fn numbers(&self) -> Vec<f64> {
        self.by_target
            .values()
            .filter_map(|f| match f {
                Figure::Value(x) => Some(*x),
                _ => None,
            })
            .collect()
    }
}
