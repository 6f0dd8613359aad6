//! Pieces shared by the three documents.

use chrono::NaiveDate;
use serde::de::{self, Deserialize, Deserializer, Visitor};
use std::fmt;

/// A calendar day, written `YYYY-MM-DD` on the wire.
///
/// ```
/// let Ok(d) = serde_json::from_str::<foerderweg::model::Day>("\"2018-12-01\"") else { panic!("a date") };
/// assert_eq!(d.0.to_string(), "2018-12-01");
/// assert!(serde_json::from_str::<foerderweg::model::Day>("\"2018-02-30\"").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub NaiveDate);

impl Day {
    /// Parses exactly `YYYY-MM-DD` (no time, no other separators).
    pub fn parse(text: &str) -> Option<Day> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = text.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let year = num(0..4)? as i32;
        NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?).map(Day)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Day {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Day".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar day, YYYY-MM-DD.",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

/// The `expecting` text of dates; [`crate::check`] recognises it to translate the message.
pub(crate) const DATE_EXPECTED: &str = "a date YYYY-MM-DD";

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DayVisitor;
        impl Visitor<'_> for DayVisitor {
            type Value = Day;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(DATE_EXPECTED)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Day, E> {
                Day::parse(v).ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
            }
        }
        deserializer.deserialize_str(DayVisitor)
    }
}

/// Only the `schema` field, read first to pick the document type and to report a wrong or
/// newer schema before any other error.
#[derive(Debug, serde::Deserialize)]
pub struct Head {
    /// `"foerderweg/<widget>@<version>"`.
    pub schema: Option<serde_json::Value>,
}
