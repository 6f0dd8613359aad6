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

/// The `expecting` text of counts; [`crate::check`] recognises it to name a bad count.
pub(crate) const COUNT_EXPECTED: &str = "a whole number ≥ 0";

/// A count as hosts write it: a whole number ≥ 0, also when written `10.0` or `-0` (as
/// spreadsheets and some JSON writers do).
///
/// ```
/// let read = |t: &str| serde_json::from_str::<foerderweg::model::common::Count>(t).map(|c| c.0).ok();
/// assert_eq!(read("10.0"), Some(10));
/// assert_eq!(read("-0"), Some(0));
/// assert_eq!(read("10.5"), None);
/// assert_eq!(read("-3"), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Count(pub u32);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CountVisitor;
        impl Visitor<'_> for CountVisitor {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(COUNT_EXPECTED)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
                u32::try_from(v)
                    .map(Count)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
                u32::try_from(v)
                    .map(Count)
                    .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Count, E> {
                if v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v) {
                    Ok(Count(v as u32))
                } else {
                    Err(E::invalid_value(de::Unexpected::Float(v), &self))
                }
            }
        }
        // Every number reaches the visitor as it is written (u64, i64 or f64).
        deserializer.deserialize_u64(CountVisitor)
    }
}

/// `deserialize_with` helpers for count fields of the model types.
pub(crate) mod count {
    use super::Count;
    use serde::{Deserialize, Deserializer};

    /// A required count.
    pub(crate) fn required<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
        Count::deserialize(d).map(|c| c.0)
    }

    /// An optional count (`null` or absent is `None`).
    pub(crate) fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
        Option::<Count>::deserialize(d).map(|c| c.map(|c| c.0))
    }
}

/// Counts by key (`"health": 4`), read as [`Count`]s; keys given twice are remembered (the last
/// value is used), so the check can say so.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    map: std::collections::BTreeMap<String, u32>,
    duplicates: Vec<String>,
}

impl Counts {
    /// The keys that appeared more than once, in the order of their repetition.
    pub fn duplicates(&self) -> &[String] {
        &self.duplicates
    }
}

impl std::ops::Deref for Counts {
    type Target = std::collections::BTreeMap<String, u32>;
    fn deref(&self) -> &Self::Target {
        &self.map
    }
}

impl FromIterator<(String, u32)> for Counts {
    fn from_iter<I: IntoIterator<Item = (String, u32)>>(items: I) -> Self {
        Counts {
            map: items.into_iter().collect(),
            duplicates: Vec::new(),
        }
    }
}

impl<'de> Deserialize<'de> for Counts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CountsVisitor;
        impl<'de> Visitor<'de> for CountsVisitor {
            type Value = Counts;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut access: A) -> Result<Counts, A::Error> {
                let mut counts = Counts::default();
                while let Some(key) = access.next_key::<String>()? {
                    let Count(n) = access.next_value()?;
                    if counts.map.insert(key.clone(), n).is_some() {
                        counts.duplicates.push(key);
                    }
                }
                Ok(counts)
            }
        }
        deserializer.deserialize_map(CountsVisitor)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Counts {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Counts".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Counts by key.",
            "type": "object",
            "additionalProperties": { "type": "integer", "format": "uint32", "minimum": 0 }
        })
    }
}
