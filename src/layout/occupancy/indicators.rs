//! Key figures over time: each measure resolved (its preset's official name and unit, or the
//! document's own), its card (the latest value, the change since the period before and since
//! the same period a year before, the distance to the target) and the report table with the
//! periods as columns. A suppressed value is shown as withheld, never as 0 and never as "no
//! data"; a provisional one carries the word. Pure: numbers and strings.

use super::chart::{CHART_HEIGHT, Chart, Line, Point, PointKind, Tick};
use super::{Change, Trend};
use crate::i18n::{Lang, fill, isolate, name_of};
use crate::layout::scale::{Linear, Time};
use crate::layout::table::{Cell, Column, DataTable};
use crate::model::indicator::{Indicator, IndicatorValue, Period, Status, Unit};
use crate::model::occupancy::OccupancyDoc;
use crate::model::presets;
use crate::scene::num;
use chrono::NaiveDate;
use std::borrow::Cow;
use std::sync::Arc;

/// A measure with what it is called and what it counts, in the widget's language.
#[derive(Clone, Debug)]
pub struct Measure<'a> {
    /// The measure as the document gives it (or as derived from its parts).
    pub indicator: Cow<'a, Indicator>,
    /// Its name: the document's label, else the preset's official name.
    pub label: String,
    /// Its unit: the document's, else the preset's.
    pub unit: Unit,
}

/// The measures of `doc` in document order (each already checked to have a label and a unit),
/// then the totals a legal list derives from measures the document gives (the ESF+ total of
/// participants from those by employment status), when the document does not give them.
pub fn measures(doc: &OccupancyDoc, lang: Lang) -> Vec<Measure<'_>> {
    doc.indicators
        .iter()
        .map(Cow::Borrowed)
        .chain(derived(&doc.indicators).map(Cow::Owned))
        .filter_map(|indicator| {
            let preset = indicator.preset.as_deref().and_then(presets::preset);
            let label = indicator.label.clone().or_else(|| {
                preset.map(|p| match lang {
                    Lang::De => p.de.to_string(),
                    Lang::En => p.en.to_string(),
                })
            })?;
            let unit = indicator.unit_of()?;
            Some(Measure {
                indicator,
                label,
                unit,
            })
        })
        .collect()
}

/// The totals of presets made of others (`sum_of`) that `given` holds all parts of and not the
/// total itself. A period's total is their sum where every part has a figure there (final, or
/// provisional if any part is); where a part is withheld or missing, the total has no data:
/// adding up the rest would understate it, and a total beside all but one part would give
/// away the withheld one.
fn derived(given: &[Indicator]) -> impl Iterator<Item = Indicator> + '_ {
    let of = |id: &str| given.iter().find(|m| m.preset.as_deref() == Some(id));
    presets::PRESETS
        .iter()
        .filter(move |p| !p.sum_of.is_empty() && of(p.id).is_none())
        .filter_map(move |p| {
            let parts: Vec<&Indicator> = p.sum_of.iter().map(|id| of(id)).collect::<Option<_>>()?;
            let periods = in_order(parts.iter().flat_map(|m| {
                m.values
                    .iter()
                    .filter(|v| v.group.is_none())
                    .map(|v| v.period)
            }));
            let values = periods
                .into_iter()
                .map(|period| {
                    let found: Vec<Option<&IndicatorValue>> = parts
                        .iter()
                        .map(|m| {
                            m.values
                                .iter()
                                .find(|v| v.group.is_none() && v.period == period)
                        })
                        .collect();
                    let numbers: Option<Vec<f64>> =
                        found.iter().map(|v| v.and_then(shown)).collect();
                    let provisional = found
                        .iter()
                        .any(|v| v.is_some_and(|v| v.status == Status::Provisional));
                    let (value, status) = match numbers {
                        Some(n) if provisional => (Some(n.iter().sum()), Status::Provisional),
                        Some(n) => (Some(n.iter().sum()), Status::Final),
                        None => (None, Status::NoData),
                    };
                    IndicatorValue {
                        period,
                        value,
                        status,
                        group: None,
                    }
                })
                .collect();
            Some(Indicator {
                id: p.id.to_string(),
                preset: Some(p.id.to_string()),
                label: None,
                unit: None,
                target: None,
                source: parts.iter().find_map(|m| m.source.clone()),
                breakdown: None,
                values,
            })
        })
}

/// The key of a unit (`persons`, …), for classes and the unit names.
pub fn unit_key(unit: Unit) -> &'static str {
    match unit {
        Unit::Persons => "persons",
        Unit::Euro => "euro",
        Unit::Percent => "percent",
        Unit::Ratio => "ratio",
        Unit::Cases => "cases",
    }
}

/// A period as people write it: `01.07.2014`, `Jul 2014`, `3. Quartal 2019`, `2019`.
pub fn period_label(period: Period, lang: Lang) -> String {
    lang.period(period)
}

/// A value of `unit` as the table and the cards show it: `15.654`, `98,2 %`, `13.900.000 €`.
pub fn value_text(value: f64, unit: Unit, lang: Lang) -> String {
    match unit {
        Unit::Euro => lang.euro(value),
        Unit::Percent => lang.percent(value / 100.0),
        Unit::Ratio => lang.percent(value),
        Unit::Persons | Unit::Cases => lang.number(value, decimals(value)),
    }
}

/// Whole numbers without decimals, others with one.
fn decimals(value: f64) -> usize {
    if value.fract() == 0.0 { 0 } else { 1 }
}

/// What a status is called where no number is shown (`None` for a final value).
pub fn status_word(status: Status, lang: Lang) -> Option<&'static str> {
    let t = lang.texts();
    match status {
        Status::Final => None,
        Status::Provisional => Some(t.occ.provisional),
        Status::Suppressed => Some(t.map.suppressed),
        Status::NoData => Some(t.occ.no_data),
    }
}

/// `periods` in time order (by first day, the shorter first), each once.
fn in_order(periods: impl Iterator<Item = Period>) -> Vec<Period> {
    let mut all: Vec<Period> = periods.collect();
    crate::order::sort_by(&mut all, |a, b| a.key().cmp(&b.key()));
    all.dedup();
    all
}

/// The values of the measure's total (no breakdown group), in period order.
pub fn totals(indicator: &Indicator) -> Vec<&IndicatorValue> {
    let mut values: Vec<&IndicatorValue> = indicator
        .values
        .iter()
        .filter(|v| v.group.is_none())
        .collect();
    crate::order::sort_by(&mut values, |a, b| a.period.key().cmp(&b.period.key()));
    values
}

/// The number a value shows: none when it is withheld or missing, whatever the document says.
pub fn shown(value: &IndicatorValue) -> Option<f64> {
    match value.status {
        Status::Final | Status::Provisional => value.value.filter(|v| v.is_finite()),
        Status::Suppressed | Status::NoData => None,
    }
}

/// One key-figure card.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// The measure's id.
    pub id: String,
    /// Its name.
    pub label: String,
    /// The latest value with a number, formatted (`provisional` says if it may change); or the
    /// status of the latest period.
    pub value: String,
    /// That value as the table view and the CSV hold it: a figure, or the word for its absence.
    pub figure: Cell,
    /// The period of that value.
    pub period: String,
    /// Whether that value is provisional.
    pub provisional: bool,
    /// The change since the period before, when both have numbers.
    pub previous: Option<Change>,
    /// The change since the same period a year before, when both have numbers.
    pub year: Option<Change>,
    /// `Ziel: 80 %`, `Ziel: 80 % · noch 4,5 % bis zum Ziel` or `… · Ziel erreicht`.
    pub target: Option<String>,
    /// The target alone (`80 %`) and how far away it is, for the table.
    pub target_parts: Option<(String, Option<String>)>,
    /// The card in one sentence, for screen readers and the summary.
    pub name: String,
}

/// The change from `before` to `now` of a measure in `unit`, named by the earlier period.
fn change(now: f64, before: f64, unit: Unit, since: Period, lang: Lang) -> Change {
    let t = lang.texts().occ;
    let delta = now - before;
    let trend = Trend::of(delta);
    let amount = match (trend, unit) {
        (Trend::Same, _) => t.unchanged.to_string(),
        // A rate changes by percentage points; a count by itself and by its share.
        (_, Unit::Percent) => format!("{} {}", lang.signed(delta, 1), t.points),
        (_, Unit::Ratio) => format!("{} {}", lang.signed(delta * 100.0, 1), t.points),
        (_, Unit::Euro) => match lang {
            Lang::De => format!("{}\u{a0}€", lang.signed(delta, 0)),
            Lang::En => {
                let signed = lang.signed(delta, 0);
                let (sign, digits) =
                    signed.split_at(signed.chars().next().map_or(0, char::len_utf8));
                format!("{sign}€{digits}")
            }
        },
        (_, Unit::Persons | Unit::Cases) => {
            let relative = (before != 0.0).then(|| lang.signed(delta / before.abs() * 100.0, 1));
            match relative {
                Some(r) => format!("{} ({r}\u{a0}%)", lang.signed(delta, decimals(delta))),
                None => lang.signed(delta, decimals(delta)),
            }
        }
    };
    Change {
        trend,
        text: format!(
            "{amount} {}",
            fill(t.compared_with, &period_label(since, lang), "")
        ),
    }
}

/// The cards of `doc`'s measures, in document order.
pub fn cards(doc: &OccupancyDoc, lang: Lang) -> Vec<Card> {
    measures(doc, lang)
        .into_iter()
        .map(|m| card(&m, lang))
        .collect()
}

fn card(m: &Measure<'_>, lang: Lang) -> Card {
    let t = lang.texts().occ;
    let values = totals(&m.indicator);
    let latest = values.iter().rposition(|v| shown(v).is_some());
    let last = values.last();
    let (value, period, provisional) = match (latest, last) {
        (Some(i), _) => {
            let v = values[i];
            let number = shown(v).map_or_else(String::new, |n| value_text(n, m.unit, lang));
            let provisional = v.status == Status::Provisional;
            (number, period_label(v.period, lang), provisional)
        }
        (None, Some(v)) => (
            status_word(v.status, lang).unwrap_or(t.no_data).to_string(),
            period_label(v.period, lang),
            false,
        ),
        (None, None) => (t.no_data.to_string(), String::new(), false),
    };
    let figure = match (latest, last) {
        (Some(i), _) => cell(values[i], m.unit),
        (None, Some(v)) if v.status == Status::Suppressed => Cell::Suppressed,
        _ => Cell::Absent(value.clone()),
    };
    let now = latest.map(|i| (values[i], shown(values[i]).unwrap_or(0.0)));
    // The last figure before the latest one.
    let before = latest.and_then(|i| {
        values[..i]
            .iter()
            .rev()
            .find_map(|x| shown(x).map(|b| (x.period, b)))
    });
    let previous = now
        .zip(before)
        .map(|((_, n), (since, b))| change(n, b, m.unit, since, lang));
    let year = now.and_then(|(v, n)| {
        let then = v.period.a_year_before();
        // Of yearly figures the period before is the year before: said once.
        if before.is_some_and(|(since, _)| since == then) {
            return None;
        }
        let before = values
            .iter()
            .find(|x| x.period == then)
            .and_then(|x| shown(x))?;
        Some(change(n, before, m.unit, then, lang))
    });
    let target_parts = m.indicator.target.filter(|t| t.is_finite()).map(|goal| {
        let distance = now.map(|(_, n)| {
            if n >= goal {
                t.target_reached.to_string()
            } else {
                fill(t.to_target, &value_text(goal - n, m.unit, lang), "")
            }
        });
        (value_text(goal, m.unit, lang), distance)
    });
    let target = target_parts.as_ref().map(|(goal, distance)| {
        let goal = fill(t.target, goal, "");
        match distance {
            Some(d) => format!("{goal} · {d}"),
            None => goal,
        }
    });
    let mut name = format!("{}: {value}", isolate(&m.label));
    let when: Vec<&str> = [
        period.as_str(),
        if provisional { t.provisional } else { "" },
    ]
    .into_iter()
    .filter(|w| !w.is_empty())
    .collect();
    if !when.is_empty() {
        name.push_str(&format!(" ({})", when.join(", ")));
    }
    for extra in [
        previous.as_ref().map(|c| c.text.as_str()),
        year.as_ref().map(|c| c.text.as_str()),
        target.as_deref(),
    ]
    .into_iter()
    .flatten()
    {
        name.push_str(", ");
        name.push_str(extra);
    }
    Card {
        id: m.indicator.id.clone(),
        label: m.label.clone(),
        value,
        figure,
        period,
        provisional,
        previous,
        year,
        target,
        target_parts,
        name,
    }
}

/// The cell of one value.
fn cell(value: &IndicatorValue, unit: Unit) -> Cell {
    match (value.status, shown(value)) {
        (Status::Suppressed, _) => Cell::Suppressed,
        (Status::NoData, _) | (_, None) => Cell::Missing,
        (Status::Provisional, Some(n)) => Cell::Provisional(Box::new(figure(n, unit))),
        (Status::Final, Some(n)) => figure(n, unit),
    }
}

fn figure(n: f64, unit: Unit) -> Cell {
    match unit {
        Unit::Euro => Cell::Euro(n),
        Unit::Ratio => Cell::Percent(n),
        Unit::Percent => Cell::Percent(n / 100.0),
        Unit::Persons | Unit::Cases => Cell::Number(n, decimals(n)),
    }
}

/// How fine a measure's periods are; measures of one grain share a report table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Grain {
    Day,
    Month,
    Quarter,
    Year,
    Mixed,
}

fn grain(m: &Indicator) -> Grain {
    let of = |p: Period| match p {
        Period::Day(_) => Grain::Day,
        Period::Month(..) => Grain::Month,
        Period::Quarter(..) => Grain::Quarter,
        Period::Year(_) => Grain::Year,
    };
    let mut grains = m.values.iter().map(|v| of(v.period));
    let first = grains.next().unwrap_or(Grain::Mixed);
    if grains.all(|g| g == first) {
        first
    } else {
        Grain::Mixed
    }
}

/// A report table holds at most this many periods as columns (A4 landscape); a longer one
/// lists the periods as rows.
pub const REPORT_COLUMNS: usize = 8;

/// The report tables: the measures of one grain (days, months, quarters, years, mixed)
/// together, a row per measure (and per group of its breakdown, below it) and a column per
/// period, in time order; with more than [`REPORT_COLUMNS`] periods, a row per period and a
/// column per measure instead, so no page cuts them off. Empty without measures.
pub fn report(doc: &OccupancyDoc, lang: Lang) -> Vec<DataTable> {
    // A measure without values (a target alone) has its card, and no row of dashes here.
    let measures: Vec<Measure<'_>> = measures(doc, lang)
        .into_iter()
        .filter(|m| !m.indicator.values.is_empty())
        .collect();
    let mut grains: Vec<Grain> = Vec::new();
    for m in &measures {
        let g = grain(&m.indicator);
        if !grains.contains(&g) {
            grains.push(g);
        }
    }
    let many = grains.len() > 1;
    grains
        .into_iter()
        .map(|g| {
            let chosen: Vec<&Measure<'_>> = measures
                .iter()
                .filter(|m| grain(&m.indicator) == g)
                .collect();
            let mut table = report_table(&chosen, lang);
            // Each table is a file of its own: told apart by their names.
            if many {
                let key = match g {
                    Grain::Day => "day",
                    Grain::Month => "month",
                    Grain::Quarter => "quarter",
                    Grain::Year => "year",
                    Grain::Mixed => "mixed",
                };
                let by = name_of(lang.texts().occ.grains, key);
                table.title = format!("{} {by}", table.title);
            }
            table
        })
        .collect()
}

/// The tables of the key figures: the cards' table and the report tables (none without
/// measures).
pub fn tables(doc: &OccupancyDoc, lang: Lang) -> Vec<DataTable> {
    let cards = cards(doc, lang);
    if cards.is_empty() {
        return Vec::new();
    }
    std::iter::once(cards_table(&cards, lang))
        .chain(report(doc, lang))
        .collect()
}

/// The rows of a report: (label, unit, cell of each period).
type ReportRows = Vec<(String, String, Vec<Cell>)>;

fn report_table(measures: &[&Measure<'_>], lang: Lang) -> DataTable {
    let t = lang.texts().occ;
    let periods = in_order(
        measures
            .iter()
            .flat_map(|m| m.indicator.values.iter().map(|v| v.period)),
    );
    let mut rows: ReportRows = Vec::new();
    for m in measures {
        let unit = name_of(t.units, unit_key(m.unit)).to_string();
        let groups = std::iter::once((None, m.label.clone())).chain(
            m.indicator.breakdown.iter().flat_map(|b| {
                b.groups
                    .iter()
                    .map(|g| (Some(g.key.as_str()), format!("{} – {}", m.label, g.label)))
            }),
        );
        for (group, label) in groups {
            let values: Vec<&IndicatorValue> = m
                .indicator
                .values
                .iter()
                .filter(|v| v.group.as_deref() == group)
                .collect();
            if group.is_some() && values.is_empty() {
                continue;
            }
            let cells = periods
                .iter()
                .map(|p| {
                    values
                        .iter()
                        .find(|v| v.period == *p)
                        .map_or(Cell::Missing, |v| cell(v, m.unit))
                })
                .collect();
            rows.push((label, unit.clone(), cells));
        }
    }
    let title = t.indicators_title;
    if periods.len() <= REPORT_COLUMNS {
        let mut columns = vec![Column::text(t.measure), Column::text(t.unit)];
        columns.extend(
            periods
                .iter()
                .map(|p| Column::figure(period_label(*p, lang))),
        );
        let mut table = DataTable::new(title, columns);
        for (label, unit, cells) in rows {
            let mut all = vec![Cell::Text(label), Cell::Text(unit)];
            all.extend(cells);
            table.push(all);
        }
        table
    } else {
        let mut columns = vec![Column::text(t.period)];
        columns.extend(
            rows.iter()
                .map(|(label, unit, _)| Column::figure(format!("{label} ({unit})"))),
        );
        let mut table = DataTable::new(title, columns);
        for (i, p) in periods.iter().enumerate() {
            let mut all = vec![Cell::Text(period_label(*p, lang))];
            all.extend(rows.iter().map(|(_, _, cells)| cells[i].clone()));
            table.push(all);
        }
        table
    }
}

/// The chart of measure `m` (the `index`-th of the document) at `width` pixels: its total and
/// each group of its breakdown as a line on a true time axis (each value at the middle of its
/// period), the target as a reference line. Provisional figures are hollow and reached by a
/// dashed line; a withheld figure is a hollow square on the axis, the line broken around it; a
/// period without data is a gap. `None` when the measure has no values.
pub fn chart(m: &Measure<'_>, index: usize, width: f64, lang: Lang) -> Option<Chart> {
    let values = &m.indicator.values;
    // One period is a figure, not a course: its card and the table say it.
    let periods = in_order(values.iter().map(|v| v.period));
    if periods.len() < 2 {
        return None;
    }
    let first = values.iter().map(|v| v.period.first_day()).min()?;
    let last = values.iter().map(|v| v.period.last_day()).max()?;
    let width = if width.is_finite() {
        width.clamp(240.0, 4000.0)
    } else {
        640.0
    };
    // A ratio is drawn as a percentage; every figure on the axis is written as the table does.
    let scaled = |v: f64| if m.unit == Unit::Ratio { v * 100.0 } else { v };
    let axis_unit = if m.unit == Unit::Ratio {
        Unit::Percent
    } else {
        m.unit
    };
    let numbers: Vec<f64> = values.iter().filter_map(shown).map(scaled).collect();
    let target = m.indicator.target.filter(|t| t.is_finite()).map(scaled);
    let low = numbers.iter().copied().chain(target).fold(0.0, f64::min);
    let high = numbers.iter().copied().chain(target).fold(0.0, f64::max);
    let (top, bottom) = (12.0, CHART_HEIGHT - 30.0);
    let (scale, ticks) = Linear::nice_around(low, high, (bottom, top), 5);
    let y_ticks: Vec<Tick> = ticks
        .into_iter()
        .map(|v| Tick::minor(scale.apply(v), value_text(v, axis_unit, lang)))
        .collect();
    let (left, right) = (super::chart::gutter(&y_ticks, 40.0), width - 16.0);
    let time = Time::new(first, last, (left + 8.0, right - 8.0));
    let x_of = |p: Period| {
        let (a, b) = (p.first_day(), p.last_day());
        time.apply(a + (b - a) / 2)
    };
    let groups: Vec<(Option<&str>, String)> = std::iter::once((None, m.label.clone()))
        .chain(m.indicator.breakdown.iter().flat_map(|b| {
            b.groups
                .iter()
                .map(|g| (Some(g.key.as_str()), g.label.clone()))
        }))
        .collect();
    let mut states = Vec::new();
    let lines: Vec<Line> = groups
        .into_iter()
        .enumerate()
        .filter_map(|(n, (group, label))| {
            let mut of_group: Vec<&IndicatorValue> = values
                .iter()
                .filter(|v| v.group.as_deref() == group)
                .collect();
            crate::order::sort_by(&mut of_group, |a, b| a.period.key().cmp(&b.period.key()));
            if of_group.is_empty() {
                return None;
            }
            let line = series_line(
                &of_group,
                &periods,
                (&x_of, &scale, bottom),
                (n, label),
                m.unit,
                lang,
            );
            for p in &line.points {
                if p.kind != PointKind::Shown && !states.contains(&p.kind) {
                    states.push(p.kind);
                }
            }
            Some(line)
        })
        .collect();
    let t = lang.texts().occ;
    Some(Chart {
        id: format!("indicator-{index}"),
        title: m.label.clone(),
        title_from_data: m.indicator.label.is_some(),
        width,
        height: CHART_HEIGHT,
        plot: (left, right, top, bottom),
        x_ticks: super::chart::time_ticks(&time, width, lang),
        y_ticks,
        lines,
        reference: target.map(|goal| {
            (
                scale.apply(goal),
                fill(t.target, &value_text(goal, axis_unit, lang), ""),
            )
        }),
        states,
    })
}

/// One line of a measure's chart: its values in period order.
fn series_line(
    values: &[&IndicatorValue],
    periods: &[Period],
    (x_of, scale, bottom): (&dyn Fn(Period) -> f64, &Linear, f64),
    (n, label): (usize, String),
    unit: Unit,
    lang: Lang,
) -> Line {
    let (mut d, mut dashed) = (String::new(), String::new());
    let mut points = Vec::new();
    let mut before: Option<(f64, f64)> = None;
    // Which path the last segment went into (`Some(true)`: the dashed one).
    let mut drawn: Option<bool> = None;
    let axis = |v: f64| if unit == Unit::Ratio { v * 100.0 } else { v };
    for v in values {
        let x = x_of(v.period);
        let column = periods.iter().position(|p| *p == v.period).unwrap_or(0);
        let when = period_label(v.period, lang);
        let (kind, y, said) = match (v.status, shown(v)) {
            (Status::Suppressed, _) => (
                PointKind::Suppressed,
                bottom,
                lang.texts().map.suppressed_long.to_string(),
            ),
            (_, None) => {
                // A gap: the line breaks instead of dropping to zero.
                (before, drawn) = (None, None);
                continue;
            }
            (status, Some(n)) => {
                let kind = if status == Status::Provisional {
                    PointKind::Provisional
                } else {
                    PointKind::Shown
                };
                let mut said = value_text(n, unit, lang);
                if kind == PointKind::Provisional {
                    said.push_str(&format!(" ({})", lang.texts().occ.provisional));
                }
                (kind, scale.apply(axis(n)), said)
            }
        };
        if kind == PointKind::Suppressed {
            (before, drawn) = (None, None);
        } else {
            // A segment belongs to the dashed path when it leads to a provisional figure; a
            // path goes on with `L` while its last segment ended where this one starts.
            let provisional = kind == PointKind::Provisional;
            if let Some((bx, by)) = before {
                let into = if provisional { &mut dashed } else { &mut d };
                if drawn != Some(provisional) {
                    into.push('M');
                    num::push(into, bx);
                    into.push(',');
                    num::push(into, by);
                }
                into.push('L');
                num::push(into, x);
                into.push(',');
                num::push(into, y);
                drawn = Some(provisional);
            } else {
                drawn = None;
            }
            before = Some((x, y));
        }
        points.push(Point {
            date_index: column,
            x,
            y,
            text: format!("{}, {when}: {said}", isolate(&label)),
            kind,
        });
    }
    Line {
        key: format!("series-{}", n % 3 + 1),
        label,
        d,
        dashed,
        points,
    }
}

/// The charts of every measure of `doc` that has values.
pub fn charts(doc: &OccupancyDoc, width: f64, lang: Lang) -> Vec<Chart> {
    measures(doc, lang)
        .iter()
        .enumerate()
        .filter_map(|(i, m)| chart(m, i, width, lang))
        .collect()
}

/// The cards as a table: what a screen reader, the CSV and a printed page get of them.
pub fn cards_table(cards: &[Card], lang: Lang) -> DataTable {
    let t = lang.texts().occ;
    let mut table = DataTable::new(
        t.latest_title,
        vec![
            Column::text(t.measure),
            Column::figure(t.latest_value),
            Column::text(t.period),
            Column::text(t.change_previous),
            Column::text(t.change_year),
            Column::text(t.target_head),
        ],
    );
    for c in cards {
        let change = |c: &Option<Change>| {
            c.as_ref().map_or_else(Cell::empty, |c| {
                Cell::Text(format!("{} {}", c.trend.arrow(), c.text))
            })
        };
        table.push(vec![
            Cell::Text(c.label.clone()),
            c.figure.clone(),
            Cell::Text(c.period.clone()),
            change(&c.previous),
            change(&c.year),
            c.target_parts
                .as_ref()
                .map_or_else(Cell::empty, |(goal, distance)| {
                    Cell::Text(match distance {
                        Some(d) => format!("{goal} ({d})"),
                        None => goal.clone(),
                    })
                }),
        ]);
    }
    table
}

/// The charts of the key figures as files show them, each with its chart's id, framed by its own
/// source (else the programme's) and summed up by its card.
pub fn figures(doc: &OccupancyDoc, width: f64, lang: Lang) -> Vec<(String, crate::scene::Figure)> {
    let cards = cards(doc, lang);
    measures(doc, lang)
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let chart = chart(m, i, width, lang)?;
            let mut frame = super::frame(doc, &chart.title, lang);
            if let Some(source) = &m.indicator.source {
                frame.source = Some(format!("{}: {source}", lang.texts().source));
            }
            if let Some(card) = cards.get(i) {
                frame.summary = card.name.clone();
            }
            let scene = super::drawing_with_legend(&chart, lang);
            Some((chart.id, crate::scene::Figure { scene, frame }))
        })
        .collect()
}

/// What of the key figures the reader asked to see: a range of days (every period that lies
/// inside it) and the provider drilled down to. It applies to every card, chart and table of
/// the key figures alike.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// The first day shown.
    pub from: Option<NaiveDate>,
    /// The last day shown.
    pub to: Option<NaiveDate>,
    /// The provider whose figures are shown: measures broken down by `provider` show that
    /// group's values; measures that are not are left out while a provider is open (they are
    /// the programme's, not the provider's). Without any measure by provider, all stay.
    pub provider: Option<String>,
}

impl Filter {
    /// Whether the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        self.from.is_none() && self.to.is_none() && self.provider.is_none()
    }

    /// The document with the key figures the filter keeps (the same document when it keeps
    /// everything); slots, series and funding are untouched.
    pub fn apply(&self, doc: &Arc<OccupancyDoc>) -> Arc<OccupancyDoc> {
        if self.is_empty() {
            return doc.clone();
        }
        let inside = |p: Period| {
            self.from.is_none_or(|from| p.first_day() >= from)
                && self.to.is_none_or(|to| p.last_day() <= to)
        };
        let by_provider = |m: &Indicator| {
            m.breakdown
                .as_ref()
                .is_some_and(|b| b.dimension == "provider")
        };
        let provider = self
            .provider
            .as_deref()
            .filter(|_| doc.indicators.iter().any(by_provider));
        let mut out = OccupancyDoc::clone(doc);
        out.indicators = doc
            .indicators
            .iter()
            .filter(|m| provider.is_none() || by_provider(m))
            .map(|m| {
                let mut m = m.clone();
                if let Some(p) = provider {
                    m.values.retain(|v| v.group.as_deref() == Some(p));
                    m.values.iter_mut().for_each(|v| v.group = None);
                    m.breakdown = None;
                }
                m.values.retain(|v| inside(v.period));
                m
            })
            .collect();
        Arc::new(out)
    }
}

/// The periods the key figures of `doc` have, in time order, each as (first day, last day,
/// label): what a period filter offers.
pub fn periods(doc: &OccupancyDoc, lang: Lang) -> Vec<(NaiveDate, NaiveDate, String)> {
    in_order(
        doc.indicators
            .iter()
            .flat_map(|m| m.values.iter().map(|v| v.period)),
    )
    .into_iter()
    .map(|p| (p.first_day(), p.last_day(), period_label(p, lang)))
    .collect()
}
