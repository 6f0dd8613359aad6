//! The visible time window (zoom, pan, presets) and the axis ticks that fit the width.

use super::*;

/// The shortest window, in days.
pub const MIN_DAYS: i64 = 7;
/// The longest window, in days (60 years).
pub const MAX_DAYS: i64 = 366 * 60;

/// The dates on screen, `from` to `to`, at least [`MIN_DAYS`] apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// First day shown.
    pub from: NaiveDate,
    /// Last day shown.
    pub to: NaiveDate,
}

pub(super) fn add_days(day: NaiveDate, days: i64) -> NaiveDate {
    let moved = if days >= 0 {
        day.checked_add_days(Days::new(days as u64))
    } else {
        day.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    moved.unwrap_or(day)
}

impl Window {
    /// A window around `from..=to`, widened to [`MIN_DAYS`] around its middle when shorter.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Window {
        let (from, to) = if to < from { (to, from) } else { (from, to) };
        let days = (to - from).num_days();
        if days >= MIN_DAYS {
            return Window {
                from,
                to: add_days(from, days.min(MAX_DAYS)),
            };
        }
        let middle = add_days(from, days / 2);
        Window {
            from: add_days(middle, -MIN_DAYS / 2),
            to: add_days(middle, MIN_DAYS - MIN_DAYS / 2),
        }
    }

    /// Everything in `participants` and `today`, with a margin of 3 % each side.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use foerderweg::layout::timeline::Window;
    /// let day = NaiveDate::from_ymd_opt(2018, 12, 1).unwrap_or_default();
    /// let w = Window::fit(&[], day);
    /// assert_eq!((w.to - w.from).num_days(), 7);
    /// ```
    pub fn fit(participants: &[&Participant], today: NaiveDate) -> Window {
        let mut first = today;
        let mut last = today;
        for p in participants {
            for day in dates_of(p) {
                first = first.min(day);
                last = last.max(day);
            }
        }
        let margin = ((last - first).num_days() as f64 * 0.03).ceil() as i64;
        Window::new(
            add_days(first, -margin.max(1)),
            add_days(last, margin.max(1)),
        )
    }

    /// The number of days shown.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days()
    }

    /// Zooms by `factor` (below 1 zooms in) keeping the day at `anchor` (0 = left edge, 1 = right
    /// edge) in place.
    pub fn zoom(self, factor: f64, anchor: f64) -> Window {
        let days = self.days() as f64;
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let anchor = if anchor.is_finite() {
            anchor.clamp(0.0, 1.0)
        } else {
            0.5
        };
        let new_days = (days * factor)
            .round()
            .clamp(MIN_DAYS as f64, MAX_DAYS as f64);
        let pivot = add_days(self.from, (days * anchor).round() as i64);
        let from = add_days(pivot, -(new_days * anchor).round() as i64);
        Window::new(from, add_days(from, new_days as i64))
    }

    /// Moves by `fraction` of the window (negative is earlier).
    pub fn pan(self, fraction: f64) -> Window {
        let fraction = if fraction.is_finite() { fraction } else { 0.0 };
        let shift = (self.days() as f64 * fraction).round() as i64;
        Window::new(add_days(self.from, shift), add_days(self.to, shift))
    }

    /// `months` months ending a little after `today`.
    pub fn around_today(today: NaiveDate, months: u32) -> Window {
        let from = today
            .checked_sub_months(Months::new(months))
            .unwrap_or(today);
        let span = (today - from).num_days();
        Window::new(add_days(from, span / 6), add_days(today, span / 6))
    }
}

/// Every date a participant's record mentions.
pub(super) fn dates_of(p: &Participant) -> impl Iterator<Item = NaiveDate> + '_ {
    let phases = p
        .phases
        .iter()
        .flat_map(|ph| [Some(ph.start), ph.planned_end, ph.end])
        .flatten();
    let events = p.events.iter().map(|e| e.date);
    let goals = p.goals.iter().filter_map(|g| g.due);
    let exit = p.exit.iter().map(|e| e.date);
    phases.chain(events).chain(goals).chain(exit).map(|d| d.0)
}

use crate::layout::scale::Place;
pub use crate::layout::scale::Tick;

/// Ticks for `window` drawn from `left` to `right`, each label beside its line: the date axis
/// of every chart ([`Time::ticks`]), a label allowed 8 px past the right end.
///
/// ```
/// use chrono::NaiveDate;
/// use foerderweg::i18n::Lang;
/// use foerderweg::layout::timeline::{ticks, Window};
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
/// let t = ticks(Window::new(d(2017, 11, 15), d(2018, 2, 15)), (0.0, 600.0), Lang::De);
/// let labels: Vec<_> = t.iter().map(|t| t.label.as_str()).collect();
/// assert_eq!(labels, ["Dez 2017", "Jan 2018", "Feb"]);
/// ```
pub fn ticks(window: Window, (left, right): (f64, f64), lang: Lang) -> Vec<Tick> {
    Time::new(window.from, window.to, (left, right)).ticks(Place::Beside, (left, right + 8.0), lang)
}
