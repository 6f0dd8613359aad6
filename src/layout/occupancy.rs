//! The occupancy dashboard's scene: key figures with their change, bars by provider and
//! project, charts of the series on a real date axis, the report table, the funnel, reasons
//! for early termination, exits and funding. Pure: numbers and strings, no browser.

mod chart;
pub mod indicators;

pub use chart::{
    CHART_HEIGHT, CHART_IDS, Chart, Line, Point, PointKind, Tick, Tip, charts, drawing,
    drawing_with_legend, next_point, parse_point, point_id, shape_of, swatch, tip,
};

use super::table::{Cell, Column, DataTable};
use crate::i18n::{Lang, fill, fill_named, isolate, join_isolated, name_of};
use crate::model::occupancy::{OccupancyDoc, Project, SeriesPoint};
use crate::order::sort_by;
use chrono::{Datelike, NaiveDate};

/// How many key figures a summary names before it counts the rest.
const SUMMARY_CARDS: usize = 3;

/// Direction of a change, for the arrow and the class (never colour alone: the text says it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    /// More than before.
    Up,
    /// Less than before.
    Down,
    /// The same.
    Same,
}

impl Trend {
    pub(super) fn of(delta: f64) -> Trend {
        if delta > 0.0 {
            Trend::Up
        } else if delta < 0.0 {
            Trend::Down
        } else {
            Trend::Same
        }
    }

    /// `up`, `down`, `same` (class names).
    pub fn as_str(self) -> &'static str {
        match self {
            Trend::Up => "up",
            Trend::Down => "down",
            Trend::Same => "same",
        }
    }

    /// The arrow shown before the change.
    pub fn arrow(self) -> &'static str {
        match self {
            Trend::Up => "▲",
            Trend::Down => "▼",
            Trend::Same => "▶",
        }
    }
}

/// The change of a key figure since the previous reporting date.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Direction.
    pub trend: Trend,
    /// `+3 seit 23.10.2018`, `unverändert seit …`.
    pub text: String,
}

/// One key figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Stable key (`slots`, `filled`, `rate`, `vacant`, `planned`, `early`).
    pub key: &'static str,
    /// Label.
    pub label: &'static str,
    /// The value, formatted (`111`, `98,2 %`); `–` when unknown.
    pub value: String,
    /// The value as the key figures' table and its CSV hold it.
    pub cell: Cell,
    /// The change since the previous reporting date, when both are known.
    pub change: Option<Change>,
}

/// Sort order of the bars.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BarSort {
    /// Most slots first.
    #[default]
    Size,
    /// Highest fill rate first.
    FillRate,
    /// As in the document.
    Document,
}

impl BarSort {
    /// Every order, in the order of the menu.
    pub const ALL: [BarSort; 3] = [BarSort::Size, BarSort::FillRate, BarSort::Document];

    /// `size`, `rate`, `document`.
    pub fn as_str(self) -> &'static str {
        match self {
            BarSort::Size => "size",
            BarSort::FillRate => "rate",
            BarSort::Document => "document",
        }
    }

    /// The inverse of [`BarSort::as_str`]; `Size` for anything else.
    pub fn parse(value: &str) -> BarSort {
        BarSort::ALL
            .into_iter()
            .find(|s| s.as_str() == value)
            .unwrap_or_default()
    }

    /// The menu label.
    pub fn label(self, lang: Lang) -> &'static str {
        let t = lang.texts().occ;
        match self {
            BarSort::Size => t.sort_size,
            BarSort::FillRate => t.sort_rate,
            BarSort::Document => t.sort_document,
        }
    }
}

/// One part of a stacked bar, as a share of the longest bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// `filled`, `planned`, `vacant`.
    pub class: &'static str,
    /// Width in percent of the bar track (0–100).
    pub percent: f64,
    /// The count.
    pub value: u64,
}

/// A provider or project bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Id for `foerderweg-select`.
    pub id: String,
    /// `provider` or `project`.
    pub kind: &'static str,
    /// Name.
    pub label: String,
    /// Filled, planned, vacant.
    pub segments: Vec<Segment>,
    /// `17 / 20 · 85,0 %`.
    pub short: String,
    /// The figures as a sentence, read after the label by screen readers.
    pub figures: String,
    /// Figures for the table view: slots, filled, planned, vacant, rate.
    pub cells: [Cell; 5],
    /// Activating it opens the provider's projects.
    pub drills: bool,
}

/// The bars of all providers, or of one provider's projects.
#[derive(Clone, Debug, PartialEq)]
pub struct Bars {
    /// Heading.
    pub title: String,
    /// The provider drilled into, if any.
    pub provider: Option<String>,
    /// Bars in the chosen order.
    pub bars: Vec<Bar>,
}

impl Bars {
    /// The table view of the bars: name, slots, filled, planned, vacant, rate.
    pub fn table(&self, lang: Lang) -> DataTable {
        let o = lang.texts().occ;
        let mut columns = vec![Column::data(o.name)];
        columns.extend(
            [o.slots, o.filled, o.planned, o.vacant, o.fill_rate]
                .into_iter()
                .map(Column::figure),
        );
        let mut table = DataTable::new(self.title.clone(), columns);
        for bar in &self.bars {
            let mut cells = vec![Cell::text(bar.label.clone())];
            cells.extend(bar.cells.iter().cloned());
            table.push(cells);
        }
        table
    }
}

/// A stage of the funnel.
#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    /// Label.
    pub label: &'static str,
    /// Count, formatted.
    pub value: String,
    /// Width in percent of the first stage.
    pub percent: f64,
    /// `59,9 % von „Profilings“`, for all but the first stage.
    pub share: Option<String>,
}

/// A ranked list of counts by key (reasons, outcomes).
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    /// Label, count formatted, bar width in percent of the largest.
    pub rows: Vec<(String, String, f64)>,
}

/// Everything the dashboard shows except the charts (which depend on the width) and the bars
/// (which depend on the drill-down and sort order).
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// Programme name.
    pub title: String,
    /// Region and period.
    pub subtitle: Option<String>,
    /// `Stand 01.12.2018`.
    pub as_of: Option<String>,
    /// One paragraph saying the essentials, for everyone.
    pub summary: Option<String>,
    /// Key figures.
    pub figures: Vec<Figure>,
    /// The providers are listed (so there are bars).
    pub has_bars: bool,
    /// The report table: one row per series, one column per reporting date.
    pub table: DataTable,
    /// Funnel stages (those with a value).
    pub funnel: Vec<Stage>,
    /// Reasons for early termination, or `None` when not broken down.
    pub reasons: Option<Ranked>,
    /// Exits by outcome.
    pub exits: Option<Ranked>,
    /// Funding lines and their total.
    pub funding: Option<DataTable>,
    /// Where the figures come from.
    pub source: Option<String>,
    /// The key figures' cards (latest value, changes, target), in document order.
    pub cards: Vec<indicators::Card>,
    /// The key figures over time: a table per grain of periods.
    pub indicators: Vec<DataTable>,
}

/// Slots, filled and planned of the programme as of the reporting date, from the series where
/// it has them and from the projects otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Totals {
    /// Slots in total.
    pub slots: Option<u64>,
    /// Filled.
    pub filled: Option<u64>,
    /// Planned placements.
    pub planned: Option<u64>,
}

impl Totals {
    /// Vacant: neither filled nor planned.
    pub fn vacant(&self) -> Option<u64> {
        Some(
            self.slots?
                .saturating_sub(self.filled?)
                .saturating_sub(self.planned.unwrap_or(0)),
        )
    }

    /// Filled as a share of slots; `None` without slots.
    pub fn rate(&self) -> Option<f64> {
        let slots = self.slots.filter(|s| *s > 0)?;
        Some(self.filled? as f64 / slots as f64)
    }
}

fn sum_projects(projects: &[&Project], field: impl Fn(&Project) -> Option<u32>) -> Option<u64> {
    let values: Vec<u64> = projects
        .iter()
        .filter_map(|p| field(p))
        .map(u64::from)
        .collect();
    (!values.is_empty()).then(|| values.iter().sum())
}

/// The programme totals at a series point (or from the projects alone with `None`).
///
/// ```
/// use foerderweg::check::{check, Document};
/// use foerderweg::layout::occupancy::totals;
/// use foerderweg::model::WidgetKind;
/// let text = r#"{"schema":"foerderweg/occupancy@1","programme":{"label":"P","slots":113},
///               "series":[{"date":"2018-12-01","filled":111,"planned":2}]}"#;
/// let Some(Document::Occupancy(doc)) = check(WidgetKind::Occupancy, text).document else { panic!() };
/// let t = totals(&doc, doc.as_of_point());
/// assert_eq!((t.slots, t.filled, t.vacant()), (Some(113), Some(111), Some(0)));
/// ```
pub fn totals(doc: &OccupancyDoc, point: Option<usize>) -> Totals {
    let projects: Vec<&Project> = doc.providers.iter().flat_map(|p| &p.projects).collect();
    let point = point.and_then(|i| doc.series.get(i));
    let from_projects = |f: fn(&Project) -> Option<u32>| sum_projects(&projects, f);
    Totals {
        slots: doc
            .programme
            .slots
            .map(u64::from)
            .or_else(|| from_projects(|p| Some(p.slots))),
        filled: point
            .and_then(|p| p.filled)
            .map(u64::from)
            .or_else(|| from_projects(|p| p.filled)),
        planned: point
            .and_then(|p| p.planned)
            .map(u64::from)
            .or_else(|| from_projects(|p| p.planned)),
    }
}

fn or_dash(lang: Lang, value: Option<u64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| lang.integer(v as i64))
}

/// The change text: `▲ +3 seit 23.10.2018`.
fn change(lang: Lang, delta: f64, decimals: usize, unit: Option<&str>, since: NaiveDate) -> Change {
    let t = lang.texts().occ;
    let since = fill(t.since, &lang.date(since), "");
    let trend = Trend::of(delta);
    let amount = match (trend, unit) {
        (Trend::Same, _) => t.unchanged.to_string(),
        (_, Some(unit)) => format!("{} {unit}", lang.signed(delta, decimals)),
        (_, None) => lang.signed(delta, decimals),
    };
    Change {
        trend,
        text: format!("{amount} {since}"),
    }
}

/// The scene of `doc` in `lang` (without charts and bars, see [`charts`] and [`bars`]).
pub fn scene(doc: &OccupancyDoc, lang: Lang) -> Scene {
    let t = lang.texts();
    let o = t.occ;
    let order = doc.series_by_date();
    let now_at = doc.as_of_point();
    let before_at = now_at.and_then(|i| {
        let pos = order.iter().position(|j| *j == i)?;
        pos.checked_sub(1).map(|p| order[p])
    });
    let now = totals(doc, now_at);
    let before = before_at.map(|i| totals(doc, Some(i)));
    let point = |i: Option<usize>| i.and_then(|i| doc.series.get(i));
    let early_now = point(now_at)
        .and_then(|p| p.early_terminations)
        .map(u64::from);
    let since = before_at.map(|i| doc.series[i].date.0);

    let delta = |a: Option<u64>, b: Option<u64>| -> Option<Change> {
        let (a, b, since) = (a?, b?, since?);
        Some(change(lang, a as f64 - b as f64, 0, None, since))
    };
    let before_early = point(before_at)
        .and_then(|p| p.early_terminations)
        .map(u64::from);
    let rate_change = (|| {
        let (a, b, since) = (now.rate()?, before?.rate()?, since?);
        Some(change(lang, (a - b) * 100.0, 1, Some(o.points), since))
    })();
    let count = |key, label, value: Option<u64>, change| Figure {
        key,
        label,
        value: or_dash(lang, value),
        cell: value.map_or(Cell::Missing, |v| Cell::count(v as f64)),
        change,
    };
    let (projects, providers) = programme_counts(doc);
    let mut figures = vec![count("slots", o.slots, now.slots, None)];
    // The programme's size, where the document gives it (Stendal: 42 projects, 7 providers).
    figures.extend(projects.map(|n| count("projects", o.projects, Some(n), None)));
    figures.extend(providers.map(|n| count("providers", o.providers, Some(n), None)));
    figures.extend([
        count(
            "filled",
            o.filled,
            now.filled,
            delta(now.filled, before.and_then(|b| b.filled)),
        ),
        Figure {
            key: "rate",
            label: o.fill_rate,
            value: now
                .rate()
                .map_or_else(|| "–".to_string(), |r| lang.percent(r)),
            cell: now.rate().map_or(Cell::Missing, Cell::Percent),
            change: rate_change,
        },
        count(
            "vacant",
            o.vacant,
            now.vacant(),
            delta(now.vacant(), before.and_then(|b| b.vacant())),
        ),
        count(
            "planned",
            o.planned,
            now.planned,
            delta(now.planned, before.and_then(|b| b.planned)),
        ),
        count("early", o.early, early_now, delta(early_now, before_early)),
    ]);

    let as_of_day = as_of_day(doc);
    let summary = (|| {
        let date = lang.date(as_of_day?);
        let values = [
            ("date", date.as_str()),
            ("filled", &or_dash(lang, now.filled)),
            ("slots", &or_dash(lang, now.slots)),
            ("rate", &now.rate().map(|r| lang.percent(r))?),
            ("planned", &or_dash(lang, now.planned.or(Some(0)))),
            ("early", &or_dash(lang, early_now.or(Some(0)))),
        ];
        let mut summary = fill_named(o.summary, &values);
        let size: Vec<String> = [(projects, t.projects), (providers, t.providers)]
            .into_iter()
            .filter_map(|(n, words)| Some(lang.count(n? as usize, words)))
            .collect();
        if !size.is_empty() {
            summary.push_str(&format!(" {}.", size.join(", ")));
        }
        Some(summary)
    })();
    let cards = indicators::cards(doc, lang);
    // A document of key figures alone is summed up by its first cards; the rest by their
    // number (a summary is read out whole: fifty sentences are no summary).
    let summary = summary.or_else(|| {
        let mut parts: Vec<String> = cards
            .iter()
            .take(SUMMARY_CARDS)
            .map(|c| c.name.clone())
            .collect();
        if cards.len() > SUMMARY_CARDS {
            let more = lang.integer((cards.len() - SUMMARY_CARDS) as i64);
            parts.push(fill(o.more_measures, &more, ""));
        }
        (!parts.is_empty()).then(|| format!("{}.", parts.join("; ")))
    });
    // Only what has data is shown: no row of six dashes for a document without slots.
    if figures.iter().all(|f| f.value == "–") {
        figures.clear();
    }

    let mut subtitle: Vec<String> = doc.programme.region.iter().cloned().collect();
    match (doc.programme.start, doc.programme.end) {
        (Some(a), Some(b)) => subtitle.push(format!("{}–{}", lang.date(a.0), lang.date(b.0))),
        (Some(a), None) => subtitle.push(format!("{} {}", lang.date(a.0), "–")),
        _ => {}
    }

    Scene {
        title: doc.programme.label.clone(),
        subtitle: (!subtitle.is_empty())
            .then(|| join_isolated(subtitle.iter().map(String::as_str), " · ")),
        as_of: as_of_day.map(|d| format!("{} {}", t.as_of, lang.date(d))),
        summary,
        figures,
        has_bars: doc.providers.iter().any(|p| !p.projects.is_empty()),
        table: table(doc, &order, lang),
        funnel: funnel(point(now_at), now.filled, lang),
        reasons: point(now_at)
            .filter(|p| !p.early_terminations_by_reason.is_empty())
            .map(|p| ranked(p.early_terminations_by_reason.iter(), o.reasons, lang)),
        exits: point(now_at)
            .filter(|p| !p.exits_by_outcome.is_empty())
            .map(|p| ranked(p.exits_by_outcome.iter(), o.outcomes, lang)),
        funding: funding(doc, lang),
        source: doc.programme.source.clone(),
        cards,
        indicators: indicators::report(doc, lang),
    }
}

/// The number of projects and of providers: as the programme states them, else as listed.
fn programme_counts(doc: &OccupancyDoc) -> (Option<u64>, Option<u64>) {
    let listed: usize = doc.providers.iter().map(|p| p.projects.len()).sum();
    let projects = doc
        .programme
        .project_count
        .map(u64::from)
        .or((listed > 0).then_some(listed as u64));
    let providers = doc
        .programme
        .provider_count
        .map(u64::from)
        .or((!doc.providers.is_empty()).then_some(doc.providers.len() as u64));
    (projects, providers)
}

/// The key figures as a table: what the CSV, a file and a server-rendered page get of them.
pub fn figures_table(figures: &[Figure], lang: Lang) -> DataTable {
    let o = lang.texts().occ;
    let mut table = DataTable::new(
        o.key_figures,
        vec![Column::text(o.measure), Column::figure(o.latest_value)],
    );
    for f in figures {
        table.push(vec![Cell::text(f.label), f.cell.clone()]);
    }
    table
}

/// What a series row reads from a point.
type Field = fn(&SeriesPoint) -> Option<u32>;

/// The series figures: key, label, field, in the order of a published report.
fn fields(lang: Lang) -> [(&'static str, &'static str, Field); 6] {
    let o = lang.texts().occ;
    [
        ("profilings", o.profilings, |p| p.profilings),
        ("admitted", o.admitted, |p| p.admitted),
        ("followUpTalks", o.follow_up_talks, |p| p.follow_up_talks),
        ("filled", o.filled_slots, |p| p.filled),
        ("planned", o.planned, |p| p.planned),
        ("early", o.early, |p| p.early_terminations),
    ]
}

fn table(doc: &OccupancyDoc, order: &[usize], lang: Lang) -> DataTable {
    let o = lang.texts().occ;
    let mut columns = vec![Column::text(o.table_stub)];
    columns.extend(
        order
            .iter()
            .map(|i| Column::figure(lang.date(doc.series[*i].date.0))),
    );
    let mut table = DataTable::new(o.table_title, columns);
    for (_, label, f) in fields(lang) {
        if !order.iter().any(|i| f(&doc.series[*i]).is_some()) {
            continue;
        }
        let mut cells = vec![Cell::text(label)];
        cells.extend(
            order
                .iter()
                .map(|i| f(&doc.series[*i]).map_or(Cell::Missing, |v| Cell::count(f64::from(v)))),
        );
        table.push(cells);
    }
    table
}

fn funnel(point: Option<&SeriesPoint>, filled: Option<u64>, lang: Lang) -> Vec<Stage> {
    let o = lang.texts().occ;
    let Some(point) = point else {
        return Vec::new();
    };
    // Each stage with the index of the stage its share is taken of: early terminations are a
    // share of the people admitted, not of the slots filled today.
    let all: [(&'static str, Option<u64>, Option<usize>); 4] = [
        (o.profilings, point.profilings.map(u64::from), None),
        (o.admitted, point.admitted.map(u64::from), Some(0)),
        (o.filled_slots, filled, Some(1)),
        (o.early, point.early_terminations.map(u64::from), Some(1)),
    ];
    let first = all.iter().find_map(|s| s.1).unwrap_or(0).max(1) as f64;
    all.iter()
        .filter_map(|(label, value, base)| {
            let value = (*value)?;
            let share = base.and_then(|b| {
                let (base_label, base_value, _) = all[b];
                let base_value = base_value.filter(|v| *v > 0)?;
                Some(fill(
                    o.share_of,
                    &lang.percent(value as f64 / base_value as f64),
                    base_label,
                ))
            });
            Some(Stage {
                label,
                value: lang.integer(value as i64),
                percent: (value as f64 / first * 100.0).min(100.0),
                share,
            })
        })
        .collect()
}

fn ranked<'a>(
    counts: impl Iterator<Item = (&'a String, &'a u32)>,
    names: &[(&str, &str)],
    lang: Lang,
) -> Ranked {
    let mut rows: Vec<(&String, u32)> = counts.map(|(k, v)| (k, *v)).collect();
    // Largest first; equal counts in the order of the known keys, then by key.
    let rank = |k: &str| {
        names
            .iter()
            .position(|(n, _)| *n == k)
            .unwrap_or(names.len())
    };
    sort_by(&mut rows, |a, b| {
        b.1.cmp(&a.1)
            .then(rank(a.0).cmp(&rank(b.0)))
            .then(a.0.cmp(b.0))
    });
    let max = rows.first().map_or(0, |r| r.1).max(1) as f64;
    Ranked {
        rows: rows
            .into_iter()
            .map(|(k, v)| {
                (
                    name_of(names, k).to_string(),
                    lang.integer(i64::from(v)),
                    f64::from(v) / max * 100.0,
                )
            })
            .collect(),
    }
}

fn funding(doc: &OccupancyDoc, lang: Lang) -> Option<DataTable> {
    if doc.funding.is_empty() {
        return None;
    }
    let o = lang.texts().occ;
    let total: f64 = doc
        .funding
        .iter()
        .map(|f| f.amount)
        .filter(|a| a.is_finite())
        .sum();
    // Shares of amounts scaled by the largest, so they stay right when the sum itself is too
    // large for a number (the check warns; the total is then left blank, never "inf").
    let largest = doc
        .funding
        .iter()
        .map(|f| f.amount)
        .filter(|a| a.is_finite() && *a > 0.0)
        .fold(0.0, f64::max);
    let scaled: f64 = doc
        .funding
        .iter()
        .map(|f| f.amount)
        .filter(|a| a.is_finite() && *a > 0.0)
        .map(|a| a / largest)
        .sum();
    let mut table = DataTable::new(
        o.funding_title,
        vec![
            Column::data(o.name),
            Column::text(o.period),
            Column::figure(o.amount),
            Column::figure(o.share),
        ],
    );
    for f in &doc.funding {
        let source = name_of(o.funding_sources, &f.source);
        let label = match &f.label {
            Some(label) => format!("{}: {}", isolate(source), isolate(label)),
            None => source.to_string(),
        };
        let share = if scaled > 0.0 && f.amount.is_finite() {
            f.amount / largest / scaled
        } else {
            0.0
        };
        let period = match (f.start, f.end) {
            (Some(a), Some(b)) if a.0.year() != b.0.year() => {
                format!("{}–{}", a.0.year(), b.0.year())
            }
            (Some(a), Some(_)) => a.0.year().to_string(),
            (Some(a), None) => format!("{} –", lang.date(a.0)),
            (None, Some(b)) => format!("– {}", lang.date(b.0)),
            (None, None) => String::new(),
        };
        table.push(vec![
            Cell::Text(label),
            Cell::Text(period),
            Cell::Euro(f.amount),
            Cell::Share(share),
        ]);
    }
    table.foot = Some(vec![
        Cell::text(o.funding_total),
        Cell::text(""),
        if total.is_finite() {
            Cell::Euro(total)
        } else {
            Cell::text("")
        },
        Cell::text(""),
    ]);
    Some(table)
}

/// Sorts and shapes the bars: all providers, or the projects of `provider`.
pub fn bars(doc: &OccupancyDoc, provider: Option<&str>, sort: BarSort, lang: Lang) -> Bars {
    let o = lang.texts().occ;
    struct Row<'a> {
        id: &'a str,
        kind: &'static str,
        label: &'a str,
        slots: u64,
        filled: Option<u64>,
        planned: u64,
        drills: bool,
    }
    let chosen = provider.and_then(|id| doc.providers.iter().find(|p| p.id == id));
    let mut rows: Vec<Row> = match chosen {
        Some(p) => p
            .projects
            .iter()
            .map(|pj| Row {
                id: &pj.id,
                kind: "project",
                label: &pj.label,
                slots: u64::from(pj.slots),
                filled: pj.filled.map(u64::from),
                planned: u64::from(pj.planned.unwrap_or(0)),
                drills: false,
            })
            .collect(),
        None => doc
            .providers
            .iter()
            .map(|p| {
                let projects: Vec<&Project> = p.projects.iter().collect();
                Row {
                    id: &p.id,
                    kind: "provider",
                    label: &p.label,
                    slots: sum_projects(&projects, |x| Some(x.slots)).unwrap_or(0),
                    filled: sum_projects(&projects, |x| x.filled),
                    planned: sum_projects(&projects, |x| x.planned).unwrap_or(0),
                    drills: !p.projects.is_empty(),
                }
            })
            .collect(),
    };
    let rate = |r: &Row| {
        if r.slots == 0 {
            0.0
        } else {
            r.filled.unwrap_or(0) as f64 / r.slots as f64
        }
    };
    match sort {
        BarSort::Size => sort_by(&mut rows, |a, b| b.slots.cmp(&a.slots)),
        BarSort::FillRate => sort_by(&mut rows, |a, b| {
            rate(b).total_cmp(&rate(a)).then(b.slots.cmp(&a.slots))
        }),
        BarSort::Document => {}
    }
    let longest = rows
        .iter()
        .map(|r| r.slots.max(r.filled.unwrap_or(0)))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let bars = rows
        .iter()
        .map(|r| {
            let filled = r.filled.unwrap_or(0);
            let planned = r.planned.min(r.slots.saturating_sub(filled));
            let vacant = r.slots.saturating_sub(filled).saturating_sub(planned);
            let pct = |v: u64| v as f64 / longest * 100.0;
            let rate_text = if r.slots == 0 {
                "–".to_string()
            } else {
                lang.percent(rate(r))
            };
            let figures = fill_named(
                o.bar_figures,
                &[
                    ("filled", &or_dash(lang, r.filled)),
                    ("slots", &lang.integer(r.slots as i64)),
                    ("rate", &rate_text),
                    ("planned", &lang.integer(r.planned as i64)),
                    ("vacant", &lang.integer(vacant as i64)),
                ],
            );
            Bar {
                id: r.id.to_string(),
                kind: r.kind,
                label: r.label.to_string(),
                segments: vec![
                    Segment {
                        class: "filled",
                        percent: pct(filled),
                        value: filled,
                    },
                    Segment {
                        class: "planned",
                        percent: pct(planned),
                        value: planned,
                    },
                    Segment {
                        class: "vacant",
                        percent: pct(vacant),
                        value: vacant,
                    },
                ],
                short: format!(
                    "{} / {} · {}",
                    or_dash(lang, r.filled),
                    lang.integer(r.slots as i64),
                    rate_text
                ),
                figures,
                cells: [
                    Cell::count(r.slots as f64),
                    r.filled.map_or(Cell::Missing, |f| Cell::count(f as f64)),
                    Cell::count(r.planned as f64),
                    Cell::count(vacant as f64),
                    if r.slots == 0 {
                        Cell::Missing
                    } else {
                        Cell::Percent(rate(r))
                    },
                ],
                drills: r.drills,
            }
        })
        .collect();
    Bars {
        title: chosen.map_or_else(
            || o.providers_title.to_string(),
            |p| fill(o.projects_of, &p.label, ""),
        ),
        provider: chosen.map(|p| p.id.clone()),
        bars,
    }
}

/// The day the dashboard's figures are of: the document's as-of date, else the date of its
/// as-of reporting point.
fn as_of_day(doc: &OccupancyDoc) -> Option<NaiveDate> {
    doc.as_of.map(|d| d.0).or_else(|| {
        doc.as_of_point()
            .and_then(|i| doc.series.get(i))
            .map(|p| p.date.0)
    })
}

/// What frames a drawing of the dashboard titled `title` in every export and rendering: the
/// title with the programme's name, the as-of date, the source and the summary sentence.
///
/// ```
/// use foerderweg::check::{check, Document};
/// use foerderweg::i18n::Lang;
/// use foerderweg::layout::occupancy::frame;
/// use foerderweg::model::WidgetKind;
/// let text = r#"{"schema":"foerderweg/occupancy@1","asOf":"2018-12-01",
///               "programme":{"label":"P","source":"Jobcenter"}}"#;
/// let Some(Document::Occupancy(doc)) = check(WidgetKind::Occupancy, text).document else { panic!() };
/// let f = frame(&doc, "Plätze", Lang::De);
/// assert_eq!(f.title, "Plätze – P");
/// assert_eq!(f.as_of.as_deref(), Some("Stand: 01.12.2018"));
/// assert_eq!(f.source.as_deref(), Some("Quelle: Jobcenter"));
/// ```
pub fn frame(doc: &OccupancyDoc, title: &str, lang: Lang) -> crate::scene::Frame {
    let t = lang.texts();
    let label = &doc.programme.label;
    let title = match (title.is_empty(), label.is_empty()) {
        (false, false) => format!("{title} – {label}"),
        (true, _) => label.clone(),
        (false, true) => title.to_string(),
    };
    crate::scene::Frame {
        title,
        as_of: as_of_day(doc).map(|d| format!("{}: {}", capitalised(t.as_of), lang.date(d))),
        source: doc
            .programme
            .source
            .as_ref()
            .map(|s| format!("{}: {s}", t.source)),
        attribution: None,
        summary: scene(doc, lang).summary.unwrap_or_default(),
    }
}

/// `as of` → `As of` (ASCII only: the case tables of all of Unicode cost the module kilobytes,
/// and the words it is used on are the crate's own).
fn capitalised(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// The table views the dashboard shows for `doc` (the bars in their first order).
pub fn tables(doc: &OccupancyDoc, lang: Lang) -> Vec<DataTable> {
    let s = scene(doc, lang);
    let mut tables = Vec::new();
    if !s.figures.is_empty() {
        tables.push(figures_table(&s.figures, lang));
    }
    if s.table.columns.len() > 1 {
        tables.push(s.table);
    }
    if s.has_bars {
        tables.push(bars(doc, None, BarSort::default(), lang).table(lang));
    }
    tables.extend(s.funding);
    tables.extend(indicators::tables(doc, lang));
    tables
}

/// Everything the dashboard shows for `doc` at `width`, as a renderer needs it: its charts
/// (each with its frame) and its table views.
pub fn rendering(doc: &OccupancyDoc, width: f64, lang: Lang) -> crate::layout::Rendering {
    let figures = charts(doc, width, lang)
        .iter()
        .map(|chart| crate::scene::Figure {
            scene: drawing_with_legend(chart, lang),
            frame: frame(doc, &chart.title, lang),
        })
        .chain(
            indicators::figures(doc, width, lang)
                .into_iter()
                .map(|(_, f)| f),
        )
        .collect();
    crate::layout::Rendering {
        figures,
        tables: tables(doc, lang),
        frame: frame(doc, "", lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Document, check};
    use crate::model::WidgetKind;

    fn doc(text: &str) -> OccupancyDoc {
        match check(WidgetKind::Occupancy, text).document {
            Some(Document::Occupancy(d)) => std::sync::Arc::unwrap_or_clone(d),
            other => panic!("not an occupancy document: {other:?}"),
        }
    }

    fn stendal() -> OccupancyDoc {
        doc(include_str!("../../www/data/occupancy-stendal.json"))
    }

    #[test]
    fn stendal_key_figures_are_the_published_ones() {
        let s = scene(&stendal(), Lang::De);
        let value = |k: &str| {
            s.figures
                .iter()
                .find(|f| f.key == k)
                .map(|f| f.value.clone())
        };
        assert_eq!(value("slots").as_deref(), Some("113"));
        assert_eq!(value("filled").as_deref(), Some("111"));
        assert_eq!(value("rate").as_deref(), Some("98,2\u{202f}%"));
        assert_eq!(value("vacant").as_deref(), Some("0"));
        assert_eq!(value("planned").as_deref(), Some("2"));
        assert_eq!(value("early").as_deref(), Some("17"));
        let filled = s
            .figures
            .iter()
            .find(|f| f.key == "filled")
            .and_then(|f| f.change.clone());
        assert_eq!(
            filled,
            Some(Change {
                trend: Trend::Up,
                text: "+3 seit 23.10.2018".into()
            })
        );
        let rate = s
            .figures
            .iter()
            .find(|f| f.key == "rate")
            .and_then(|f| f.change.clone());
        assert_eq!(
            rate.map(|c| c.text),
            Some("+2,7 Prozentpunkte seit 23.10.2018".into())
        );
        let planned = s
            .figures
            .iter()
            .find(|f| f.key == "planned")
            .and_then(|f| f.change.clone());
        assert_eq!(planned.map(|c| c.trend), Some(Trend::Same));
        assert_eq!(s.as_of.as_deref(), Some("Stand 01.12.2018"));
        assert_eq!(
            s.summary.as_deref(),
            Some(
                "Stand 01.12.2018: 111 von 113 Einsatzstellen besetzt (98,2\u{202f}%), 2 Besetzungen geplant, 17 vorzeitige Beendigungen. 42 Projekte, 7 Träger."
            )
        );
    }

    #[test]
    fn report_table_has_every_published_figure_and_dashes_for_gaps() {
        let s = scene(&stendal(), Lang::De);
        assert_eq!(s.table.columns[1].label, "21.02.2018");
        assert_eq!(s.table.columns.len(), 7);
        let shown = s.table.shown(Lang::De);
        let row = |label: &str| {
            shown
                .iter()
                .find(|r| r[0] == label)
                .map(|r| r[1..].join(" "))
        };
        assert_eq!(
            row("Profilings").as_deref(),
            Some("179 241 267 287 296 302")
        );
        assert_eq!(
            row("Folgegespräche").as_deref(),
            Some("39 102 237 368 498 605")
        );
        assert_eq!(
            row("Besetzte Einsatzstellen").as_deref(),
            Some("– 85 94 99 108 111")
        );
        assert_eq!(
            row("Vorzeitige Beendigungen").as_deref(),
            Some("– 4 11 16 16 17")
        );
    }

    #[test]
    fn a_series_with_gaps_breaks_its_line() {
        let d = doc(
            r#"{"schema":"foerderweg/occupancy@1","programme":{"label":"P"},"series":[
            {"date":"2018-01-01","profilings":10},{"date":"2018-02-01"},
            {"date":"2018-03-01","profilings":30},{"date":"2018-04-01","profilings":35}]}"#,
        );
        let charts = charts(&d, 600.0, Lang::En);
        assert_eq!(charts.len(), 1, "no slot figures, no slot chart");
        let line = &charts[0].lines[0];
        assert_eq!(line.points.len(), 3);
        assert_eq!(line.d.matches('M').count(), 2, "{}", line.d);
        assert_eq!(line.points[1].date_index, 2);
        assert_eq!(
            line.points[1].text,
            "Profilings on 2018-03-01: 30 (+20 since 2018-01-01)"
        );
    }

    #[test]
    fn points_keep_the_uneven_spacing_of_reporting_dates() {
        let charts = charts(&stendal(), 800.0, Lang::De);
        let people = &charts[0];
        let xs: Vec<f64> = people.lines[0].points.iter().map(|p| p.x).collect();
        let gaps: Vec<f64> = xs.windows(2).map(|w| w[1] - w[0]).collect();
        // 76, 57, 55, 56 and 39 days apart.
        let per_day = gaps[0] / 76.0;
        for (gap, days) in gaps.iter().zip([76.0, 57.0, 55.0, 56.0, 39.0]) {
            assert!((gap - days * per_day).abs() < 1e-6, "{gaps:?}");
        }
        let slots = &charts[1];
        let (y, label) = slots.reference.clone().expect("capacity line");
        assert_eq!(label, "113 Einsatzstellen");
        assert!(y > slots.plot.2 && y < slots.plot.3);
        assert_eq!(slots.y_ticks.last().map(|t| t.label.as_str()), Some("120"));
    }

    #[test]
    fn vacant_is_derived_and_bars_sort_by_rate() {
        let d = doc(
            r#"{"schema":"foerderweg/occupancy@1","programme":{"label":"P"},"providers":[
            {"id":"a","label":"A","projects":[{"id":"a1","label":"A1","slots":10,"filled":5,"planned":2}]},
            {"id":"b","label":"B","projects":[{"id":"b1","label":"B1","slots":4,"filled":4},
                                              {"id":"b2","label":"B2","slots":2,"filled":1}]}]}"#,
        );
        let t = totals(&d, None);
        assert_eq!(
            (t.slots, t.filled, t.planned, t.vacant()),
            (Some(16), Some(10), Some(2), Some(4))
        );
        let by_size = bars(&d, None, BarSort::Size, Lang::De);
        assert_eq!(
            by_size
                .bars
                .iter()
                .map(|b| b.id.as_str())
                .collect::<Vec<_>>(),
            ["a", "b"]
        );
        let by_rate = bars(&d, None, BarSort::FillRate, Lang::De);
        assert_eq!(by_rate.bars[0].id, "b");
        assert_eq!(
            by_rate.bars[0].figures,
            "5 von 6 besetzt (83,3\u{202f}%), 0 geplant, 1 frei"
        );
        let a = &by_size.bars[0];
        assert_eq!(
            a.segments.iter().map(|s| s.value).collect::<Vec<_>>(),
            [5, 2, 3]
        );
        assert_eq!(a.segments[0].percent, 50.0);
        let projects = bars(&d, Some("b"), BarSort::Document, Lang::En);
        assert_eq!(projects.title, "Projects of B");
        assert_eq!(
            projects.bars.iter().map(|b| b.kind).collect::<Vec<_>>(),
            ["project", "project"]
        );
    }

    #[test]
    fn fill_rate_rounds_half_up_to_one_decimal() {
        let t = Totals {
            slots: Some(8),
            filled: Some(7),
            planned: None,
        };
        assert_eq!(
            Lang::De.percent(t.rate().unwrap_or(f64::NAN)),
            "87,5\u{202f}%"
        );
        let t = Totals {
            slots: Some(3),
            filled: Some(2),
            planned: None,
        };
        assert_eq!(Lang::En.percent(t.rate().unwrap_or(f64::NAN)), "66.7%");
        assert_eq!(
            Totals {
                slots: Some(0),
                filled: Some(0),
                planned: None
            }
            .rate(),
            None
        );
    }

    #[test]
    fn funnel_reasons_and_funding() {
        let d = doc(
            r#"{"schema":"foerderweg/occupancy@1","programme":{"label":"P","slots":20},
            "series":[{"date":"2019-01-01","profilings":40,"admitted":30,"filled":18,"earlyTerminations":5,
              "earlyTerminationsByReason":{"other":1,"health":2,"jobUptake":2}}],
            "funding":[{"source":"ESF","amount":13900000,"start":"2015-01-01","end":"2022-12-31"},
                       {"source":"district","amount":570000}]}"#,
        );
        let s = scene(&d, Lang::De);
        let labels: Vec<_> = s
            .funnel
            .iter()
            .map(|f| (f.value.as_str(), f.share.clone()))
            .collect();
        assert_eq!(
            labels[1],
            ("30", Some("75,0\u{202f}% von „Profilings“".to_string()))
        );
        assert_eq!(s.funnel[3].percent, 12.5);
        assert_eq!(
            s.funnel[3].share.as_deref(),
            Some("16,7\u{202f}% von „Aufgenommene Teilnehmende“")
        );
        let reasons = s.reasons.expect("reasons");
        let names: Vec<_> = reasons.rows.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(
            names,
            [
                "Gesundheitliche Gründe",
                "Arbeitsaufnahme",
                "Sonstige Gründe"
            ]
        );
        let rows = s.funding.expect("funding").shown(Lang::De);
        assert_eq!(rows[2][0], "Gesamt");
        assert_eq!(rows[2][2], "14.470.000\u{a0}€");
        assert_eq!(rows[0][1], "2015–2022");
        assert_eq!(rows[1][0], "Landkreis");
        assert_eq!(rows[0][3], "96,1\u{202f}%");
    }

    #[test]
    fn a_document_without_series_still_has_a_scene() {
        let d = doc(r#"{"schema":"foerderweg/occupancy@1","programme":{"label":"P"}}"#);
        let s = scene(&d, Lang::De);
        assert!(s.figures.iter().all(|f| f.value == "–"));
        assert!(s.summary.is_none() && s.funnel.is_empty());
        assert!(charts(&d, 320.0, Lang::De).is_empty());
        assert!(
            charts(&stendal(), f64::NAN, Lang::De)
                .iter()
                .all(|c| c.width == 640.0)
        );
    }

    fn dated(dates: &[usize]) -> Line {
        let points = dates
            .iter()
            .map(|d| Point {
                date_index: *d,
                x: 0.0,
                y: 0.0,
                text: String::new(),
                kind: PointKind::Shown,
            })
            .collect();
        Line {
            key: "k".into(),
            label: "L".into(),
            d: String::new(),
            dashed: String::new(),
            points,
        }
    }

    #[test]
    fn arrow_keys_move_along_and_across_lines() {
        let lines = [dated(&[0, 1, 2, 3]), dated(&[1, 3])];
        assert_eq!(next_point(&lines, (0, 3), "ArrowRight"), Some((0, 3)));
        assert_eq!(next_point(&lines, (0, 0), "ArrowLeft"), Some((0, 0)));
        assert_eq!(next_point(&lines, (0, 3), "ArrowDown"), Some((1, 1)));
        assert_eq!(next_point(&lines, (1, 0), "ArrowUp"), Some((0, 1)));
        assert_eq!(next_point(&lines, (1, 0), "ArrowDown"), None);
        assert_eq!(next_point(&lines, (0, 1), "End"), Some((0, 3)));
        assert_eq!(next_point(&lines, (0, 1), "a"), None);
    }
}
