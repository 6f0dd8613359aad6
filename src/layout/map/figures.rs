//! What figure each area shows: its own, its district's (for a municipality of a district
//! drawn as its municipalities) or its region's, with keys read as everywhere else.

use crate::geo::{Target, figure_target};
use crate::model::common::Day;
use crate::model::indicator::Period;
use crate::model::regions::{MapDoc, Region, Value};
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

/// What a value shows.
fn figure_of(v: &Value) -> Figure {
    if v.suppressed {
        Figure::Suppressed
    } else {
        match v.value {
            Some(x) if x.is_finite() => Figure::Value(x),
            _ => Figure::NoData,
        }
    }
}

impl Figures {
    /// The figures shown on `day`: those of the period it falls in, else those without a
    /// period (with no day, every figure counts). The first of two figures for one area is
    /// shown (the check names the second); a Land's figure is not drawn (the check names it).
    pub fn new(doc: &MapDoc, host: bool, day: Option<Day>) -> Figures {
        let holds = |p: Period| day.is_none_or(|d| p.first_day() <= d.0 && d.0 <= p.last_day());
        Figures::picked(doc, host, |v| v.period.is_some_and(holds))
    }

    /// The figures of a column of the tables: those of `period` and, where an area has none,
    /// those without a period; with no period, those without one alone.
    pub fn of_period(doc: &MapDoc, host: bool, period: Option<Period>) -> Figures {
        Figures::picked(doc, host, |v| period.is_some() && v.period == period)
    }

    /// The figures of the values `dated` picks, then of those without a period where an area
    /// has none of its own.
    fn picked(doc: &MapDoc, host: bool, dated: impl Fn(&Value) -> bool) -> Figures {
        let mut by_target = HashMap::new();
        let dated = doc.values.iter().filter(|v| dated(v));
        let lasting = doc.values.iter().filter(|v| v.period.is_none());
        for v in dated.chain(lasting) {
            match figure_target(doc, &v.key) {
                Target::Land(_) => {}
                target => {
                    by_target.entry(target).or_insert(figure_of(v));
                }
            }
        }
        Figures { by_target, host }
    }

    /// Every number of the document, of every period: one colour scale for all dates, so a
    /// colour means the same figure on each.
    pub fn every_number(doc: &MapDoc) -> Vec<f64> {
        doc.values
            .iter()
            .filter(|v| !matches!(figure_target(doc, &v.key), Target::Land(_)))
            .filter_map(|v| match figure_of(v) {
                Figure::Value(x) => Some(x),
                _ => None,
            })
            .collect()
    }

    /// The columns of the tables when figures have periods: one per period in order, led by
    /// one of the figures without a period when there are both (so that a figure for all time
    /// that periods outshine is still shown). None at all when no figure has a period.
    pub fn periods(doc: &MapDoc) -> Vec<Option<Period>> {
        let mut periods: Vec<Period> = doc.values.iter().filter_map(|v| v.period).collect();
        crate::order::sort_by(&mut periods, |a, b| a.key().cmp(&b.key()));
        periods.dedup();
        let lasting = doc.values.iter().any(|v| v.period.is_none());
        let mut columns: Vec<Option<Period>> = Vec::with_capacity(periods.len() + 1);
        if lasting && !periods.is_empty() {
            columns.push(None);
        }
        columns.extend(periods.into_iter().map(Some));
        columns
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
}
