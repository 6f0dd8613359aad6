//! Scales: a linear scale for counts and a time scale for reporting dates, both mapping a domain
//! onto pixels, with "nice" ticks. Degenerate domains (one value, one date, NaN) map to the
//! middle of the range instead of dividing by zero.

use chrono::{Datelike, NaiveDate};

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

    /// First days of months (every `step` months, chosen so about `max_ticks` fit) inside the
    /// domain.
    pub fn month_ticks(&self, max_ticks: usize) -> Vec<NaiveDate> {
        let months = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
        let (a, b) = (months(self.first), months(self.last));
        let span = (b - a).max(0) as usize + 1;
        let step = [1, 2, 3, 6, 12, 24, 60, 120]
            .into_iter()
            .find(|s| span.div_ceil(*s) <= max_ticks.max(1))
            .unwrap_or(120);
        let mut ticks = Vec::new();
        let mut m = a + 1; // the first month start inside the domain (or the first day itself)
        if self.first.day() == 1 {
            m = a;
        }
        // Align to the step so ticks fall on quarter or year starts.
        while m % step as i32 != 0 {
            m += 1;
        }
        while m <= b {
            if let Some(d) =
                NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1)
            {
                ticks.push(d);
            }
            m += step as i32;
        }
        ticks
    }
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

    #[test]
    fn month_ticks_fall_on_month_starts_inside_the_domain() {
        let t = Time::new(d(2018, 2, 21), d(2018, 12, 1), (0.0, 1.0));
        let ticks = t.month_ticks(12);
        assert_eq!(ticks.first(), Some(&d(2018, 3, 1)));
        assert_eq!(ticks.last(), Some(&d(2018, 12, 1)));
        assert_eq!(ticks.len(), 10);
        let sparse = t.month_ticks(4);
        assert_eq!(sparse, vec![d(2018, 4, 1), d(2018, 7, 1), d(2018, 10, 1)]);
        // Eight years of dates: yearly or sparser ticks.
        let long = Time::new(d(2015, 1, 1), d(2022, 12, 31), (0.0, 1.0)).month_ticks(6);
        assert!(
            long.len() <= 6 && long.iter().all(|x| x.day() == 1),
            "{long:?}"
        );
    }
}
