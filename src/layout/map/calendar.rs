//! The validity calendar: the days on which the assignment of areas to regions changes, which
//! regions are in force on a day, and which region each area belongs to then.

use crate::i18n::Lang;
use crate::model::common::Day;
use crate::model::regions::{MapDoc, Region};
use std::collections::BTreeSet;

/// The days on which what the map shows changes, in order: every start and every day after an
/// end of a region or a marker, and the first day of every period a figure is for. When some
/// region has no start and the first day changes the assignment, the day before it stands for
/// the time up to it (a state of its own); the second value says so (it reads "bis …"). Before
/// a first period that changes nothing else there is nothing of its own to show.
pub(super) fn change_days(doc: &MapDoc) -> (Vec<Day>, bool) {
    let mut days = BTreeSet::new();
    let spans = doc
        .regions
        .iter()
        .map(|r| (r.valid_from, r.valid_to))
        .chain(doc.markers.iter().map(|m| (m.valid_from, m.valid_to)));
    for (from, to) in spans {
        if let Some(d) = from {
            days.insert(d);
        }
        if let Some(d) = to.and_then(|d| d.0.succ_opt()) {
            days.insert(Day(d));
        }
    }
    let changes = days.clone();
    days.extend(
        doc.values
            .iter()
            .filter_map(|v| v.period)
            .map(|p| Day(p.first_day())),
    );
    let any_open_start = doc.regions.iter().any(|r| r.valid_from.is_none());
    let mut dates: Vec<Day> = days.into_iter().collect();
    let before_first = dates
        .first()
        .filter(|d| changes.contains(d))
        .and_then(|d| d.0.pred_opt());
    match before_first {
        Some(first) if any_open_start => {
            dates.insert(0, Day(first));
            (dates, true)
        }
        _ => (dates, false),
    }
}

/// Whether a marker is open on `day` (every marker is, when no day is shown).
pub(super) fn marker_open(m: &crate::model::regions::Marker, day: Option<Day>) -> bool {
    within(m.valid_from, m.valid_to, day)
}

/// Whether `day` lies between `from` and `to` (an open end reaches any day; no day: always).
fn within(from: Option<Day>, to: Option<Day>, day: Option<Day>) -> bool {
    day.is_none_or(|d| from.is_none_or(|f| f <= d) && to.is_none_or(|t| d <= t))
}

/// Whether `r` is in force on `day` (every region is, when no day is shown).
pub(super) fn in_force(r: &Region, day: Option<Day>) -> bool {
    within(r.valid_from, r.valid_to, day)
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

/// "01.10.2017 – offen", or "immer": when a region or a marker is in force.
pub(super) fn validity(from: Option<Day>, to: Option<Day>, lang: Lang) -> String {
    let m = lang.texts().map;
    if from.is_none() && to.is_none() {
        return m.always.to_string();
    }
    let end = |d: Option<Day>| {
        d.map(|d| lang.date(d.0))
            .unwrap_or_else(|| m.open.to_string())
    };
    format!("{} – {}", end(from), end(to))
}
