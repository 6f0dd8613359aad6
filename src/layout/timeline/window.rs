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

pub use crate::layout::scale::Tick;

/// Ticks for `window` drawn from `left` to `right`: months, quarters, half years, years or
/// several years, whichever is the finest whose labels fit. The first label names its year;
/// where the first tick lies well inside the window (a path within one year, drawn in years),
/// the year of the window's first day is named at its left edge, so a path in 2019 never reads
/// as "2020".
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
    let scale = Time::new(window.from, window.to, (left, right));
    let per_day = (right - left) / window.days().max(1) as f64;
    let months = lang.texts().occ.months;
    // The finest step whose widest label (with a reader's text spacing) fits its room.
    let widest = |step: u32| match step {
        1 | 6 => {
            let month = months
                .iter()
                .step_by(step as usize)
                .max_by_key(|m| m.chars().count());
            format!("{} 2000", month.copied().unwrap_or("Sep"))
        }
        3 => "Q4 2000".to_string(),
        _ => "2000".to_string(),
    };
    let step_months = [1, 3, 6, 12, 24, 60, 120]
        .into_iter()
        .find(|m| *m as f64 * 30.44 * per_day >= text_width(&widest(*m), 11.0, false) + 8.0)
        .unwrap_or(120);
    let mut ticks = Vec::new();
    // Multi-year steps fall on years divisible by the step, the first one too (a tick on the
    // window's own first year and the next aligned one would crowd each other).
    let first_year = match step_months / 12 {
        years @ 2.. => {
            let years = years as i32;
            window.from.year() - window.from.year().rem_euclid(years)
        }
        _ => window.from.year(),
    };
    let Some(mut at) = NaiveDate::from_ymd_opt(first_year, 1, 1) else {
        return ticks;
    };
    let mut labelled_year = None;
    while at <= window.to && ticks.len() < 400 {
        if at >= window.from {
            let major = at.month() == 1;
            let label = match step_months {
                1 | 6 => {
                    let month = months[at.month0() as usize];
                    if labelled_year == Some(at.year()) {
                        month.to_string()
                    } else {
                        format!("{month} {}", at.year())
                    }
                }
                3 => format!("Q{} {}", at.month0() / 3 + 1, at.year()),
                _ => at.year().to_string(),
            };
            labelled_year = Some(at.year());
            let x = scale.apply(at);
            // A label that would run past the right edge is left off (the line stays).
            let too_wide = x + 3.0 + text_width(&label, 11.0, false) > right + 8.0;
            let label = if too_wide { String::new() } else { label };
            ticks.push(Tick {
                at: x,
                label,
                major,
            });
        }
        let Some(next) = at.checked_add_months(Months::new(step_months)) else {
            break;
        };
        at = next;
        // Multi-year steps start on years divisible by the step.
        if step_months > 12 {
            let years = step_months as i32 / 12;
            let aligned = at.year() - at.year().rem_euclid(years);
            at = NaiveDate::from_ymd_opt(aligned.max(at.year() - years + 1), 1, 1).unwrap_or(at);
        }
    }
    name_the_first_year(&mut ticks, window, (left, right));
    ticks
}

/// Names the year of `window.from` at the left edge when the first label names another year
/// (or there is none) and leaves room for it: the days before the first tick are then of a year
/// the axis would not say.
fn name_the_first_year(ticks: &mut Vec<Tick>, window: Window, (left, right): (f64, f64)) {
    let year = window.from.year().to_string();
    let first = ticks.iter().find(|t| !t.label.is_empty());
    if first.is_some_and(|t| t.label.contains(&year)) {
        return;
    }
    let room = left + 3.0 + text_width(&year, 11.0, false) + 8.0;
    if first.is_none_or(|t| t.at >= room) && room <= right + 8.0 {
        ticks.insert(
            0,
            Tick {
                at: left,
                label: year,
                major: false,
            },
        );
    }
}
