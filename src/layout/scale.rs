//! Scales: a linear scale for counts and a time scale for reporting dates, both mapping a domain
//! onto pixels, with "nice" ticks. Degenerate domains (one value, one date, NaN) map to the
//! middle of the range instead of dividing by zero.

use crate::i18n::Lang;
use crate::layout::text::text_width;
use chrono::{Datelike, Months, NaiveDate};

/// A tick of an axis, of every chart (counts and reporting dates on the dashboard, the time axis
/// of the timeline).
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Position in pixels along the axis.
    pub at: f64,
    /// Label.
    pub label: String,
    /// A year boundary, drawn stronger.
    pub major: bool,
}

impl Tick {
    /// A tick at `at` with `label`, not a year boundary.
    pub fn minor(at: f64, label: String) -> Tick {
        Tick {
            at,
            label,
            major: false,
        }
    }
}

/// Maps `[d0, d1]` linearly onto `[r0, r1]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Linear {
    /// A scale from `domain` to `range`.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        Linear {
            d0: domain.0,
            d1: domain.1,
            r0: range.0,
            r1: range.1,
        }
    }

    /// A scale from zero to a "nice" round number at or above `max` (at least 1), so the top
    /// tick is labelled; returns the scale and its ticks.
    ///
    /// ```
    /// use foerderweg::layout::scale::Linear;
    /// let (scale, ticks) = Linear::nice_from_zero(113.0, (200.0, 0.0), 5);
    /// assert_eq!(ticks, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0, 120.0]);
    /// assert_eq!(scale.apply(60.0), 100.0);
    /// ```
    pub fn nice_from_zero(max: f64, range: (f64, f64), count: usize) -> (Linear, Vec<f64>) {
        let max = if max.is_finite() && max > 0.0 {
            max
        } else {
            1.0
        };
        let step = tick_step(max, count.max(1));
        let top = (max / step).ceil() * step;
        let n = (top / step).round() as usize;
        let ticks = (0..=n).map(|i| i as f64 * step).collect();
        (Linear::new((0.0, top), range), ticks)
    }

    /// A scale over "nice" round numbers around `min..=max`, from zero when both are on the
    /// same side of it (a bar or a count reads against zero), else across it; with its ticks.
    ///
    /// ```
    /// use foerderweg::layout::scale::Linear;
    /// let (_, ticks) = Linear::nice_around(-3.2, 4.1, (100.0, 0.0), 4);
    /// assert_eq!(ticks, vec![-4.0, -2.0, 0.0, 2.0, 4.0, 6.0]);
    /// let (_, ticks) = Linear::nice_around(12.0, 113.0, (100.0, 0.0), 5);
    /// assert_eq!(ticks.first(), Some(&0.0));
    /// ```
    pub fn nice_around(min: f64, max: f64, range: (f64, f64), count: usize) -> (Linear, Vec<f64>) {
        let (min, max) = (min.min(0.0), max.max(0.0));
        if !(min.is_finite() && max.is_finite()) || min >= 0.0 {
            return Linear::nice_from_zero(max, range, count);
        }
        let step = tick_step(max - min, count.max(1));
        let (low, high) = ((min / step).floor(), (max / step).ceil().max(1.0));
        let ticks = (0..=(high - low).round() as usize)
            .map(|i| (low + i as f64) * step)
            .collect();
        (Linear::new((low * step, high * step), range), ticks)
    }

    /// The position of `value`; the middle of the range for an empty domain or a NaN.
    pub fn apply(&self, value: f64) -> f64 {
        let span = self.d1 - self.d0;
        if !value.is_finite() || span == 0.0 || !span.is_finite() {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (value - self.d0) / span * (self.r1 - self.r0)
    }
}

/// A round step (1, 2 or 5 times a power of ten) giving about `count` intervals up to `max`.
fn tick_step(max: f64, count: usize) -> f64 {
    let raw = max / count as f64;
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    // Round to the nearest of 1, 2, 5, 10 on a log scale (the thresholds are their geometric
    // means), so the tick count stays close to `count` either way.
    let nice = if fraction >= 50f64.sqrt() {
        10.0
    } else if fraction >= 10f64.sqrt() {
        5.0
    } else if fraction >= 2f64.sqrt() {
        2.0
    } else {
        1.0
    };
    // Counts are whole people and slots: never a step below 1.
    (nice * power).max(1.0)
}

/// Maps dates onto pixels by their distance in days, so uneven gaps between reporting dates
/// stay uneven on screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Time {
    first: NaiveDate,
    last: NaiveDate,
    r0: f64,
    r1: f64,
}

impl Time {
    /// A scale from `first..=last` onto `range`.
    pub fn new(first: NaiveDate, last: NaiveDate, range: (f64, f64)) -> Time {
        Time {
            first,
            last,
            r0: range.0,
            r1: range.1,
        }
    }

    /// The position of `date`; the middle of the range when first and last are the same day.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use foerderweg::layout::scale::Time;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2018, m, day).unwrap_or_default();
    /// let t = Time::new(d(1, 1), d(1, 11), (0.0, 100.0));
    /// assert_eq!(t.apply(d(1, 3)), 20.0);
    /// assert_eq!(Time::new(d(1, 1), d(1, 1), (0.0, 100.0)).apply(d(1, 1)), 50.0);
    /// ```
    pub fn apply(&self, date: NaiveDate) -> f64 {
        let span = (self.last - self.first).num_days() as f64;
        let at = (date - self.first).num_days() as f64;
        Linear::new((0.0, span), (self.r0, self.r1)).apply(at)
    }

    /// The ticks of a date axis over this scale: months, quarters, half years, years or
    /// several years, whichever is the finest whose widest label (with a reader's text spacing,
    /// [`text_width`]) fits its room. The year is named at the first tick of each year; a label
    /// that would leave `room` (the left and right end labels may reach) is left off, its line
    /// kept; where the first label names a later year than the scale's first day (a path
    /// within one year, drawn in years), that year is named at the start, so a path in 2019
    /// never reads as "2020". Both the timeline (labels `Beside` their lines) and the charts
    /// (labels `Centred` under them) use it, so their labels never collide.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use foerderweg::i18n::Lang;
    /// use foerderweg::layout::scale::{Place, Time};
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
    /// let time = Time::new(d(2018, 2, 21), d(2018, 12, 1), (56.0, 276.0));
    /// let ticks = time.ticks(Place::Centred, (0.0, 300.0), Lang::De);
    /// let labels: Vec<_> = ticks.iter().map(|t| t.label.as_str()).collect();
    /// assert_eq!(labels, ["Q2 2018", "Q3 2018", "Q4 2018"]);
    /// ```
    pub fn ticks(&self, place: Place, room: (f64, f64), lang: Lang) -> Vec<Tick> {
        let step = self.step_months(lang);
        let months = lang.texts().occ.months;
        let mut ticks = Vec::new();
        let mut labelled_year = None;
        for at in starts(self.first, self.last, step) {
            let month = months[at.month0() as usize];
            let label = match step {
                1 | 6 if labelled_year == Some(at.year()) => month.to_string(),
                1 | 6 => format!("{month} {}", at.year()),
                3 => format!("Q{} {}", at.month0() / 3 + 1, at.year()),
                _ => at.year().to_string(),
            };
            let x = self.apply(at);
            let (start, end) = place.span(x, &label);
            // A label that would leave the room is left off (the line stays), and the next one
            // names the year in its place.
            let label = if start < room.0 || end > room.1 {
                String::new()
            } else {
                labelled_year = Some(at.year());
                label
            };
            ticks.push(Tick {
                at: x,
                label,
                major: at.month() == 1,
            });
        }
        self.name_the_first_year(&mut ticks, place, room);
        ticks
    }

    /// The finest step in months (1, 3, 6, 12, 24, 60 or 120) whose widest label fits the
    /// room of one step.
    fn step_months(&self, lang: Lang) -> u32 {
        let days = (self.last - self.first).num_days().max(1) as f64;
        let per_day = (self.r1 - self.r0).abs() / days;
        let months = lang.texts().occ.months;
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
        [1, 3, 6, 12, 24, 60, 120]
            .into_iter()
            .find(|m| {
                *m as f64 * 30.44 * per_day >= text_width(&widest(*m), TICK_SIZE, false) + 8.0
            })
            .unwrap_or(120)
    }

    /// Names the year of the first day at the start when the first label names another year
    /// (or there is none) and leaves room for it: the days before the first tick are then of a
    /// year the axis would not say.
    fn name_the_first_year(&self, ticks: &mut Vec<Tick>, place: Place, room: (f64, f64)) {
        let year = self.first.year().to_string();
        let first = ticks.iter().find(|t| !t.label.is_empty());
        if first.is_some_and(|t| t.label.contains(&year)) {
            return;
        }
        let (start, end) = place.span(self.r0, &year);
        let clear = |t: &Tick| end + 8.0 <= t.at.min(place.span(t.at, &t.label).0);
        if first.is_none_or(clear) && start >= room.0 && end <= room.1 {
            ticks.insert(0, Tick::minor(self.r0, year));
        }
    }
}

/// The size of a tick label, in px (`.fw-tick`).
pub const TICK_SIZE: f64 = 11.0;

/// Where a date axis writes a tick's label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Starting just right of its line: it names the month or year that begins there (the
    /// timeline).
    Beside,
    /// Centred under its line (the charts, whose points sit on reporting dates).
    Centred,
}

impl Place {
    /// The left and right end of `label` on the tick at `at`.
    fn span(self, at: f64, label: &str) -> (f64, f64) {
        let width = text_width(label, TICK_SIZE, false);
        match self {
            Place::Beside => (at + 3.0, at + 3.0 + width),
            Place::Centred => (at - width / 2.0, at + width / 2.0),
        }
    }
}

/// The first days of every `step` months from `first` to `last` (at most 400): months from the
/// first one of `first`'s year; steps of several years on years divisible by the step.
fn starts(first: NaiveDate, last: NaiveDate, step: u32) -> Vec<NaiveDate> {
    let years = (step / 12).max(1) as i32;
    let mut out = Vec::new();
    let Some(mut at) = NaiveDate::from_ymd_opt(first.year() - first.year().rem_euclid(years), 1, 1)
    else {
        return out;
    };
    while at <= last && out.len() < 400 {
        if at >= first {
            out.push(at);
        }
        let Some(next) = at.checked_add_months(Months::new(step)) else {
            break;
        };
        at = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn nice_ticks_cover_the_maximum() {
        let (_, ticks) = Linear::nice_from_zero(605.0, (0.0, 1.0), 5);
        assert_eq!(ticks.last(), Some(&700.0));
        assert_eq!(ticks[1], 100.0);
        let (_, ticks) = Linear::nice_from_zero(3.0, (0.0, 1.0), 5);
        assert_eq!(ticks, vec![0.0, 1.0, 2.0, 3.0]);
    }

    #[test]
    fn empty_or_bad_maximum_still_gives_a_scale() {
        for max in [0.0, -4.0, f64::NAN, f64::INFINITY] {
            let (scale, ticks) = Linear::nice_from_zero(max, (100.0, 0.0), 5);
            assert_eq!(ticks, vec![0.0, 1.0]);
            assert_eq!(scale.apply(1.0), 0.0);
        }
        assert_eq!(Linear::new((5.0, 5.0), (0.0, 10.0)).apply(5.0), 5.0);
        assert_eq!(Linear::new((0.0, 1.0), (0.0, 10.0)).apply(f64::NAN), 5.0);
    }

    #[test]
    fn uneven_reporting_dates_keep_their_spacing() {
        // The Stendal reporting dates: 76, 57, 55, 56, 39 days apart.
        let dates = [
            d(2018, 2, 21),
            d(2018, 5, 8),
            d(2018, 7, 4),
            d(2018, 8, 28),
            d(2018, 10, 23),
            d(2018, 12, 1),
        ];
        let t = Time::new(dates[0], dates[5], (0.0, 283.0));
        let xs: Vec<f64> = dates.iter().map(|x| t.apply(*x).round()).collect();
        assert_eq!(xs, vec![0.0, 76.0, 133.0, 188.0, 244.0, 283.0]);
    }
}
