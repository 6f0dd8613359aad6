//! The validity calendar: the days on which the assignment of areas to regions changes, which
//! regions are in force on a day, and which region each area belongs to then.

use crate::model::common::Day;
use crate::model::regions::{MapDoc, Region};
use std::collections::BTreeSet;

/// The days on which the assignment changes, in order: every start, every day after an end,
/// and the day before the first change when some region has no start (the time before it is a
/// state of its own).
pub(super) fn change_days(doc: &MapDoc) -> Vec<Day> {
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
    if any_open_start && let Some(first) = dates.first().and_then(|d| d.0.pred_opt()) {
        dates.insert(0, Day(first));
    }
    dates
}

/// Whether `r` is in force on `day` (every region is, when no day is shown).
pub(super) fn in_force(r: &Region, day: Option<Day>) -> bool {
    match day {
        None => true,
        Some(d) => r.valid_from.is_none_or(|f| f <= d) && r.valid_to.is_none_or(|t| d <= t),
    }
}

/// Whether two regions are in force on some common day.
pub(super) fn meet(a: &Region, b: &Region) -> bool {
    let overlap = a
        .valid_from
        .max(b.valid_from)
        .zip(a.valid_to.min(b.valid_to));
    !(matches!(overlap, Some((from, to)) if from > to)
        || matches!((a.valid_to, b.valid_from), (Some(end), Some(start)) if end < start)
        || matches!((b.valid_to, a.valid_from), (Some(end), Some(start)) if end < start))
}

/// The regions in force on `day`, and for each of `units` units the first of them it belongs to
/// (`members`: units of each region).
pub(super) fn regions_on(
    doc: &MapDoc,
    members: &[Vec<usize>],
    units: usize,
    day: Option<Day>,
) -> (Vec<bool>, Vec<Option<usize>>) {
    let active: Vec<bool> = doc.regions.iter().map(|r| in_force(r, day)).collect();
    let mut region_of: Vec<Option<usize>> = vec![None; units];
    for (r, members) in members.iter().enumerate() {
        if !active.get(r).copied().unwrap_or(false) {
            continue;
        }
        for &u in members {
            if let Some(slot) = region_of.get_mut(u) {
                slot.get_or_insert(r);
            }
        }
    }
    (active, region_of)
}
