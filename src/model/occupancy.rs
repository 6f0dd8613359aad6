//! `foerderweg/occupancy@1`: slots, placements, the series of reporting dates, funding, and
//! (since `@1.1`) key figures over time ([`super::indicator`]).

use super::Day;
use super::common::{Counts, count};
use serde::Deserialize;

/// An occupancy document.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct OccupancyDoc {
    /// `"foerderweg/occupancy@1"`.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(extend("pattern" = "^foerderweg/occupancy@1(\\.[0-9]+)?$"))
    )]
    pub schema: String,
    /// Preferred language of the document.
    #[serde(default)]
    pub lang: Option<String>,
    /// The programme.
    pub programme: Programme,
    /// The reporting date the dashboard is "as of".
    #[serde(default)]
    pub as_of: Option<Day>,
    /// Providers (Träger) and their projects.
    #[serde(default)]
    pub providers: Vec<Provider>,
    /// Figures by reporting date (Stichtag).
    #[serde(default)]
    pub series: Vec<SeriesPoint>,
    /// Funding lines.
    #[serde(default)]
    pub funding: Vec<Funding>,
    /// Key figures over time (since `occupancy@1.1`).
    #[serde(default)]
    pub indicators: Vec<super::indicator::Indicator>,
}

/// The programme the figures are about.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Programme {
    /// Name.
    pub label: String,
    /// Region served.
    #[serde(default)]
    pub region: Option<String>,
    /// First day.
    #[serde(default)]
    pub start: Option<Day>,
    /// Last day.
    #[serde(default)]
    pub end: Option<Day>,
    /// Where the figures were published.
    #[serde(default)]
    pub source: Option<String>,
    /// Slots in total, when the document gives no breakdown by project (or to state the total).
    #[serde(default, deserialize_with = "count::optional")]
    pub slots: Option<u32>,
    /// Number of projects, when they are not listed one by one.
    #[serde(default, deserialize_with = "count::optional")]
    pub project_count: Option<u32>,
    /// Number of providers, when they are not listed one by one.
    #[serde(default, deserialize_with = "count::optional")]
    pub provider_count: Option<u32>,
}

/// A provider with its projects.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Provider {
    /// Id, sent in `foerderweg-select`.
    pub id: String,
    /// Display name.
    pub label: String,
    /// Its projects.
    #[serde(default)]
    pub projects: Vec<Project>,
}

/// A project with slots, as of the reporting date.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Project {
    /// Id, sent in `foerderweg-select`.
    pub id: String,
    /// Display name.
    pub label: String,
    /// Number of slots (Einsatzstellen).
    #[serde(deserialize_with = "count::required")]
    pub slots: u32,
    /// Filled slots.
    #[serde(default, deserialize_with = "count::optional")]
    pub filled: Option<u32>,
    /// Planned placements.
    #[serde(default, deserialize_with = "count::optional")]
    pub planned: Option<u32>,
    /// Vacant slots (derived from the others where absent).
    #[serde(default, deserialize_with = "count::optional")]
    pub vacant: Option<u32>,
}

/// The figures of one reporting date. Every figure is optional: series have gaps.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SeriesPoint {
    /// The reporting date.
    pub date: Day,
    /// Profilings so far.
    #[serde(default, deserialize_with = "count::optional")]
    pub profilings: Option<u32>,
    /// Participants admitted so far.
    #[serde(default, deserialize_with = "count::optional")]
    pub admitted: Option<u32>,
    /// Follow-up talks so far.
    #[serde(default, deserialize_with = "count::optional")]
    pub follow_up_talks: Option<u32>,
    /// Slots filled on that date.
    #[serde(default, deserialize_with = "count::optional")]
    pub filled: Option<u32>,
    /// Planned placements on that date.
    #[serde(default, deserialize_with = "count::optional")]
    pub planned: Option<u32>,
    /// Early terminations so far.
    #[serde(default, deserialize_with = "count::optional")]
    pub early_terminations: Option<u32>,
    /// Early terminations by reason (`health`, `overload`, `qualification`, `jobUptake`, `other`).
    #[serde(default)]
    pub early_terminations_by_reason: Counts,
    /// Exits by outcome.
    #[serde(default)]
    pub exits_by_outcome: Counts,
}

/// A funding line.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Funding {
    /// `ESF`, `ESF+`, `Land`, `district`, `own`, …
    pub source: String,
    /// Amount in euro.
    pub amount: f64,
    /// Description.
    #[serde(default)]
    pub label: Option<String>,
    /// First day.
    #[serde(default)]
    pub start: Option<Day>,
    /// Last day.
    #[serde(default)]
    pub end: Option<Day>,
}

/// The reasons for early termination this version names; others are shown under their own key.
pub const TERMINATION_REASONS: &[&str] =
    &["health", "overload", "qualification", "jobUptake", "other"];

impl Project {
    /// Vacant slots: those neither filled nor planned. `None` while `filled` is unknown.
    ///
    /// ```
    /// use foerderweg::model::occupancy::Project;
    /// let p = Project { id: "p".into(), label: "P".into(), slots: 20, filled: Some(17), planned: Some(1), vacant: None };
    /// assert_eq!(p.derived_vacant(), Some(2));
    /// ```
    pub fn derived_vacant(&self) -> Option<u32> {
        let filled = self.filled?;
        Some(
            self.slots
                .saturating_sub(filled)
                .saturating_sub(self.planned.unwrap_or(0)),
        )
    }
}

impl OccupancyDoc {
    /// Indices of `series` in date order (stable for equal dates).
    pub fn series_by_date(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.series.len()).collect();
        crate::order::sort_by(&mut order, |a, b| {
            self.series[*a].date.cmp(&self.series[*b].date)
        });
        order
    }

    /// Index into `series` of the point the dashboard is "as of": the last on or before `asOf`,
    /// or the last of all when `asOf` is absent.
    pub fn as_of_point(&self) -> Option<usize> {
        self.series_by_date()
            .into_iter()
            .rev()
            .find(|i| self.as_of.is_none_or(|day| self.series[*i].date <= day))
    }
}
