//! Key figures over time (`indicators` of `foerderweg/occupancy@1.1`): any number of measures,
//! each with a label, a unit, an optional target and values by period, perhaps broken down by a
//! dimension the host names (region, target group, provider, gender).
//!
//! Why a minor version of the dashboard's document and not a new document kind: the key
//! figures are shown by the same widget beside slots, series and funding (a Jobcenter's
//! dashboard holds both), and the change only adds optional fields, so every `occupancy@1`
//! document reads as before and a widget that predates `indicators` names the field as unknown
//! (a warning) and draws the rest, as the contract promises newer backends.

use super::Day;
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// A measure: its values by period.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Indicator {
    /// Id, unique among the document's indicators.
    pub id: String,
    /// A key figure of a legal list (`sgb2/K2`, `esf+/EECO01`): label and unit come from it.
    #[serde(default)]
    pub preset: Option<String>,
    /// Name in the document's language (needed without `preset`; overrides the preset's).
    #[serde(default)]
    pub label: Option<String>,
    /// What the values count or measure (needed without `preset`).
    #[serde(default)]
    pub unit: Option<Unit>,
    /// The value the programme aims at.
    #[serde(default)]
    pub target: Option<f64>,
    /// Where the figures were published.
    #[serde(default)]
    pub source: Option<String>,
    /// The dimension the values are broken down by, if any.
    #[serde(default)]
    pub breakdown: Option<Breakdown>,
    /// The values, in any order; periods may be uneven.
    #[serde(default)]
    pub values: Vec<IndicatorValue>,
}

impl Indicator {
    /// What the values measure: the document's unit, else its preset's.
    pub fn unit_of(&self) -> Option<Unit> {
        use super::presets::{PresetUnit, preset};
        self.unit.or_else(|| {
            Some(match preset(self.preset.as_deref()?)?.unit {
                PresetUnit::Persons => Unit::Persons,
                PresetUnit::Percent => Unit::Percent,
                PresetUnit::Euro => Unit::Euro,
                PresetUnit::Count => Unit::Cases,
            })
        })
    }
}

/// What the values of a measure count or measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    /// People.
    Persons,
    /// Euro.
    Euro,
    /// Percent (0–100, or a change in percent).
    Percent,
    /// A ratio (0.25 is a quarter).
    Ratio,
    /// A count of cases (applications, talks, placements).
    Cases,
}

/// A dimension and its groups.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Breakdown {
    /// `gender`, `region` (groups keyed by district key), `targetGroup`, `provider`, or the
    /// host's own.
    pub dimension: String,
    /// Name of the dimension.
    #[serde(default)]
    pub label: Option<String>,
    /// The groups, in the order they are shown.
    pub groups: Vec<BreakdownGroup>,
}

/// One group of a breakdown.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct BreakdownGroup {
    /// The key values use (`f`, `15084`, `u25`).
    pub key: String,
    /// Name.
    pub label: String,
}

/// The value of one period (and group).
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct IndicatorValue {
    /// Day, month, quarter or year.
    pub period: Period,
    /// The number; absent or `null` when there is none.
    #[serde(default)]
    pub value: Option<f64>,
    /// `final` when absent.
    #[serde(default)]
    pub status: Status,
    /// The breakdown group the value is for; the total when absent.
    #[serde(default)]
    pub group: Option<String>,
}

/// What a value is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Status {
    /// A published figure.
    #[default]
    Final,
    /// Published, but may still change.
    Provisional,
    /// Withheld for privacy by the statistics office (small numbers): never a 0, never "no data".
    Suppressed,
    /// Not collected or not published.
    NoData,
}

/// A reporting period.
///
/// ```
/// use foerderweg::model::indicator::Period;
/// let p = |s: &str| serde_json::from_str::<Period>(&format!("\"{s}\"")).ok();
/// assert_eq!(p("2014-07"), Some(Period::Month(2014, 7)));
/// assert_eq!(p("2019-Q3"), Some(Period::Quarter(2019, 3)));
/// assert_eq!(p("2019"), Some(Period::Year(2019)));
/// assert!(p("2019-Q5").is_none() && p("2019-13").is_none() && p("19").is_none());
/// assert_eq!(Period::Month(2014, 7).a_year_before(), Period::Month(2013, 7));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// A day.
    Day(NaiveDate),
    /// Year and month 1–12.
    Month(i32, u32),
    /// Year and quarter 1–4.
    Quarter(i32, u32),
    /// A calendar year.
    Year(i32),
}

/// The `expecting` text of periods; [`crate::check`] recognises it to translate the message.
pub(crate) const PERIOD_EXPECTED: &str = "a period: YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY";

impl Period {
    /// Parses `2019-07-01`, `2019-07`, `2019-Q3` or `2019` (years 1000–9999).
    pub fn parse(text: &str) -> Option<Period> {
        let digits = |s: &str| -> Option<u32> {
            (!s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let year = digits(text.get(0..4)?).filter(|y| *y >= 1000)? as i32;
        let rest = &text[4..];
        if rest.is_empty() {
            return Some(Period::Year(year));
        }
        if rest.len() == 6 {
            return Day::parse(text).map(|d| Period::Day(d.0));
        }
        if let Some(q) = rest.strip_prefix("-Q") {
            return digits(q)
                .filter(|q| (1..=4).contains(q) && rest.len() == 3)
                .map(|q| Period::Quarter(year, q));
        }
        let month = rest.strip_prefix('-').filter(|m| m.len() == 2)?;
        digits(month)
            .filter(|m| (1..=12).contains(m))
            .map(|m| Period::Month(year, m))
    }

    /// The first day of the period.
    pub fn first_day(self) -> NaiveDate {
        let ymd = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN);
        match self {
            Period::Day(d) => d,
            Period::Month(y, m) => ymd(y, m),
            Period::Quarter(y, q) => ymd(y, q * 3 - 2),
            Period::Year(y) => ymd(y, 1),
        }
    }

    /// The last day of the period.
    pub fn last_day(self) -> NaiveDate {
        let next = match self {
            Period::Day(d) => return d,
            Period::Month(y, 12) | Period::Quarter(y, 4) | Period::Year(y) => (y + 1, 1),
            Period::Month(y, m) => (y, m + 1),
            Period::Quarter(y, q) => (y, q * 3 + 1),
        };
        NaiveDate::from_ymd_opt(next.0, next.1, 1)
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MAX)
    }

    /// The same period a year earlier (29 February goes to the 28th).
    pub fn a_year_before(self) -> Period {
        match self {
            Period::Day(d) => Period::Day(
                d.with_year(d.year() - 1)
                    .or_else(|| NaiveDate::from_ymd_opt(d.year() - 1, d.month(), 28))
                    .unwrap_or(d),
            ),
            Period::Month(y, m) => Period::Month(y - 1, m),
            Period::Quarter(y, q) => Period::Quarter(y - 1, q),
            Period::Year(y) => Period::Year(y - 1),
        }
    }

    /// The period as written on the wire.
    pub fn wire(self) -> String {
        match self {
            Period::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Period::Month(y, m) => format!("{y:04}-{m:02}"),
            Period::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Period::Year(y) => format!("{y:04}"),
        }
    }

    /// Sort key: by first day, the shorter period first.
    pub fn key(self) -> (NaiveDate, NaiveDate) {
        (self.first_day(), self.last_day())
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PeriodVisitor;
        impl Visitor<'_> for PeriodVisitor {
            type Value = Period;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(PERIOD_EXPECTED)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Period, E> {
                Period::parse(v).ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
            }
        }
        deserializer.deserialize_str(PeriodVisitor)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Period {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A day (2019-07-01), a month (2019-07), a quarter (2019-Q3) or a year (2019).",
            "type": "string",
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?|-Q[1-4])?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_span_their_days() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("day"));
        let cases = [
            ("2014-07", d(2014, 7, 1), d(2014, 7, 31)),
            ("2024-02", d(2024, 2, 1), d(2024, 2, 29)),
            ("2019-Q3", d(2019, 7, 1), d(2019, 9, 30)),
            ("2019-Q4", d(2019, 10, 1), d(2019, 12, 31)),
            ("2019", d(2019, 1, 1), d(2019, 12, 31)),
            ("2018-12-01", d(2018, 12, 1), d(2018, 12, 1)),
        ];
        for (text, first, last) in cases {
            let p = Period::parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((p.first_day(), p.last_day()), (first, last), "{text}");
            assert_eq!(p.wire(), text);
        }
        for bad in [
            "",
            "2019-",
            "2019-7",
            "2019-00",
            "2019-Q0",
            "2019-Q12",
            "0999",
            "2019-02-30",
            "20190",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
        let leap = Period::Day(d(2024, 2, 29)).a_year_before();
        assert_eq!(leap, Period::Day(d(2023, 2, 28)));
    }
}
