//! Two periods compared: the change of each area's figure between them (a difference or a
//! percentage), on a diverging scale centred at zero, with the reason where there is none.
//!
//! An area's figure in a period is what the table column of that period holds: its own, its
//! district's, or that of the region it belonged to on the period's first day. A change is
//! only one of the same figure: two regions' figures (an area that changed its region) are
//! not compared, nor a suppressed figure, a figure of one period only, or a base of 0 for a
//! percentage. The map then says "kein Vergleich möglich" and why, never a 0.

use super::calendar::regions_on;
use super::classes::Classes;
use super::drawing::Drawing;
use super::figures::{Figure, Figures};
use super::labels::{Placed, figure_labels, place_markers};
use super::prepare::Prepared;
use super::scene::{day_summary, marker_boxes, scene_on, unit_text};
use super::types::{LegendEntry, MapScene};
use crate::geo::Target;
use crate::i18n::{Lang, fill, fill_named};
use crate::layout::table::{Cell, signed};
use crate::model::common::Day;
use crate::model::indicator::Period;
use crate::model::regions::MapDoc;
use std::collections::HashMap;

/// How a change is given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// The later figure less the earlier one.
    #[default]
    Difference,
    /// That difference in percent of the earlier figure.
    Percent,
}

impl ChangeKind {
    /// `difference` or `percent` (an attribute's and an option's value).
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Difference => "difference",
            ChangeKind::Percent => "percent",
        }
    }

    /// The kind an attribute names; anything else is a difference.
    pub fn parse(text: &str) -> ChangeKind {
        match text.trim() {
            "percent" | "%" => ChangeKind::Percent,
            _ => ChangeKind::Difference,
        }
    }
}

/// Two periods to compare, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Comparison {
    /// The earlier period (the base).
    pub from: Period,
    /// The later period.
    pub to: Period,
    /// Difference or percent.
    pub kind: ChangeKind,
}

impl Comparison {
    /// Two periods written as the data writes them, with space between, and optionally how
    /// (`difference` or `percent`; else `kind`): the `compare` attribute.
    ///
    /// ```
    /// use foerderweg::layout::map::{ChangeKind, Comparison};
    /// let c = Comparison::parse("2017-Q3 2018-Q1", ChangeKind::Difference);
    /// assert_eq!(c.map(|c| c.to.wire()), Some("2018-Q1".to_string()));
    /// let c = Comparison::parse("2017-Q3 2018-Q1 percent", ChangeKind::Difference);
    /// assert_eq!(c.map(|c| c.kind), Some(ChangeKind::Percent));
    /// ```
    pub fn parse(text: &str, kind: ChangeKind) -> Option<Comparison> {
        let mut words = text.split_whitespace();
        let from = Period::parse(words.next()?)?;
        let to = Period::parse(words.next()?)?;
        let kind = match words.next() {
            None => kind,
            Some(w @ ("percent" | "difference" | "%")) => ChangeKind::parse(w),
            Some(_) => return None,
        };
        words
            .next()
            .is_none()
            .then_some(Comparison { from, to, kind })
    }
}

/// The comparison of `from` with `to` (by `kind`) among a document's `periods`: none without
/// `from` or when either is not one of them; without `to`, the last period after `from`, else
/// the one before it.
///
/// ```
/// use foerderweg::layout::map::{ChangeKind, compared};
/// use foerderweg::model::indicator::Period;
/// let p: Vec<Period> = ["2017-Q3", "2017-Q4"].iter().filter_map(|p| Period::parse(p)).collect();
/// let c = compared(&p, p.first().copied(), None, ChangeKind::Difference);
/// assert_eq!(c.map(|c| c.to), p.last().copied());
/// ```
pub fn compared(
    periods: &[Period],
    from: Option<Period>,
    to: Option<Period>,
    kind: ChangeKind,
) -> Option<Comparison> {
    let from = from.filter(|p| periods.contains(p))?;
    let to = to
        .filter(|p| periods.contains(p) && *p != from)
        .or_else(|| periods.iter().rev().find(|p| p.key() > from.key()).copied())
        .or_else(|| periods.iter().rev().find(|p| **p != from).copied())?;
    Some(Comparison { from, to, kind })
}

/// Why an area has no change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Why {
    Neither,
    OnlyOne,
    Suppressed,
    ZeroBase,
    OtherRegion,
}

/// An area's change, or why there is none.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Change {
    By(f64),
    None(Why),
}

/// Decimals of a percentage change.
const PERCENT_DECIMALS: usize = 1;

/// The change from `a` to `b` (each a figure and what it is the figure of), rounded to the
/// `decimals` it is written with, so that what reads "0" is drawn as no change.
fn change(
    a: Option<(Figure, Target)>,
    b: Option<(Figure, Target)>,
    kind: ChangeKind,
    decimals: usize,
) -> Change {
    let value = |f: &Option<(Figure, Target)>| match f {
        Some((Figure::Value(x), t)) => Some((*x, t.clone())),
        _ => None,
    };
    let suppressed = |f: &Option<(Figure, Target)>| matches!(f, Some((Figure::Suppressed, _)));
    if suppressed(&a) || suppressed(&b) {
        return Change::None(Why::Suppressed);
    }
    let (x, y) = match (value(&a), value(&b)) {
        (Some(x), Some(y)) => (x, y),
        (None, None) => return Change::None(Why::Neither),
        _ => return Change::None(Why::OnlyOne),
    };
    if x.1 != y.1 {
        return Change::None(Why::OtherRegion);
    }
    let (by, decimals) = match kind {
        ChangeKind::Difference => (y.0 - x.0, decimals),
        ChangeKind::Percent if x.0 == 0.0 => return Change::None(Why::ZeroBase),
        ChangeKind::Percent => ((y.0 - x.0) / x.0.abs() * 100.0, PERCENT_DECIMALS),
    };
    let scale = 10f64.powi(decimals as i32);
    let by = (by * scale).round() / scale;
    Change::By(if by == 0.0 { 0.0 } else { by })
}

/// A diverging scale of seven steps centred at zero: three of falls, no change, three of
/// rises, each side `step` wide per class (a round number), the same on both sides.
struct Diverging {
    step: f64,
    decimals: usize,
    percent: bool,
    any: bool,
}

impl Diverging {
    fn new(changes: &[f64], decimals: usize, percent: bool) -> Diverging {
        let largest = changes.iter().fold(0.0f64, |m, c| m.max(c.abs()));
        let step = nice(largest / 3.0, decimals);
        Diverging {
            step,
            decimals,
            percent,
            any: !changes.is_empty(),
        }
    }

    /// The step of `by`: 0–2 falls, 3 no change, 4–6 rises.
    fn step_of(&self, by: f64) -> usize {
        let s = self.step;
        if by == 0.0 {
            return 3;
        }
        match by {
            x if x <= -2.0 * s => 0,
            x if x <= -s => 1,
            x if x < 0.0 => 2,
            x if x < s => 4,
            x if x < 2.0 * s => 5,
            _ => 6,
        }
    }

    /// Every step, each side as wide as the other, so the centre is always seen.
    fn legend(&self, lang: Lang) -> Vec<LegendEntry> {
        if !self.any {
            return Vec::new();
        }
        let m = lang.texts().map;
        let n = |x: f64| signed(x, self.decimals, self.percent, lang);
        let s = self.step;
        let texts = [
            fill(m.up_to, &n(-2.0 * s), ""),
            fill(m.over_up_to, &n(-2.0 * s), &n(-s)),
            fill(m.over_below, &n(-s), &n(0.0)),
            m.unchanged.to_string(),
            fill(m.over_below, &n(0.0), &n(s)),
            fill(m.from_below, &n(s), &n(2.0 * s)),
            fill(m.at_least, &n(2.0 * s), ""),
        ];
        texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| LegendEntry {
                class: format!("fw-d{i}"),
                text,
            })
            .collect()
    }
}

/// The smallest of 1, 2, 2.5, 5 times a power of ten that is at least `v` (at least one unit
/// of the last decimal written).
fn nice(v: f64, decimals: usize) -> f64 {
    let unit = 10f64.powi(-(decimals as i32));
    if !(v.is_finite() && v > unit) {
        return unit;
    }
    let power = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= v)
        .unwrap_or(10.0 * power)
        .max(unit)
}

/// The class of an area with no change.
const NO_COMPARISON: &str = "fw-nocompare";

/// Each unit's figure and where it comes from in `period`, in the prepared order: with the
/// regions in force on the period's first day.
fn figures_in(doc: &MapDoc, prepared: &Prepared, period: Period) -> Vec<Option<(Figure, Target)>> {
    let figures = Figures::of_period(doc, prepared.host, Some(period));
    let day = Some(Day(period.first_day()));
    let (_, region_of) = regions_on(doc, &prepared.members, prepared.units.len(), day);
    prepared
        .units
        .iter()
        .zip(region_of)
        .map(|(shape, r)| figures.of_unit(&shape.key, r.and_then(|r| doc.regions.get(r))))
        .collect()
}

/// Lays out `prepared` as `cmp` compares it, on a `drawing` made for it: the regions and
/// markers of the later period's first day, each area coloured and labelled by its change.
pub fn scene_compared(
    doc: &MapDoc,
    prepared: &Prepared,
    drawing: &Drawing,
    cmp: &Comparison,
    lang: Lang,
) -> MapScene {
    let m = lang.texts().map;
    let day = Some(Day(cmp.to.first_day()));
    let mut scene = scene_on(doc, prepared, drawing, day, lang);
    let classes = Classes::new(&Figures::every_number(doc), doc.scale.as_ref());
    let percent = cmp.kind == ChangeKind::Percent;
    let decimals = if percent {
        PERCENT_DECIMALS
    } else {
        classes.decimals
    };
    let (from, to) = (
        figures_in(doc, prepared, cmp.from),
        figures_in(doc, prepared, cmp.to),
    );
    let changes: Vec<Change> = from
        .iter()
        .zip(&to)
        .map(|(a, b)| change(a.clone(), b.clone(), cmp.kind, classes.decimals))
        .collect();
    let numbers: Vec<f64> = changes
        .iter()
        .filter_map(|c| match c {
            Change::By(x) => Some(*x),
            Change::None(_) => None,
        })
        .collect();
    let scale = Diverging::new(&numbers, decimals, percent);
    let cell = |c: Change| match c {
        Change::By(by) => Cell::Change {
            by,
            decimals,
            percent,
        },
        Change::None(why) => Cell::Absent(no_comparison(why, lang)),
    };
    let value_label = scene.legend_title.clone();
    let names = (lang.period(cmp.from), lang.period(cmp.to));
    let change_head = if percent { m.change_percent } else { m.change };
    // The scene's units are in keyboard order; the prepared ones by index.
    let at: HashMap<String, usize> = scene
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.key.clone(), i))
        .collect();
    let mut placed = Vec::with_capacity(prepared.units.len());
    let mut ordered = Vec::with_capacity(prepared.units.len());
    let mut used_none = false;
    for (i, shape) in prepared.units.iter().enumerate() {
        let Some(unit) = at.get(&shape.key).and_then(|&j| scene.units.get_mut(j)) else {
            continue;
        };
        let (a, b, c) = (&from[i], &to[i], changes[i]);
        let cells = [
            classes.cell(a.as_ref().map(|f| f.0), lang),
            classes.cell(b.as_ref().map(|f| f.0), lang),
            cell(c),
        ];
        unit.class = match c {
            Change::By(by) => format!("fw-d{}", scale.step_of(by)),
            Change::None(_) => {
                used_none = true;
                NO_COMPARISON.to_string()
            }
        };
        unit.value = cells[2].display(lang);
        let region = unit
            .region
            .as_ref()
            .and_then(|id| doc.regions.iter().find(|r| &r.id == id));
        let figures = format!(
            "{}: {}, {}: {}, {change_head}: {}",
            names.0,
            cells[0].display(lang),
            names.1,
            cells[1].display(lang),
            unit.value
        );
        unit.text = unit_text(doc, lang, &value_label, shape, region, &figures);
        unit.figure = cells[2].clone();
        unit.by_period = cells.to_vec();
        placed.push(Placed {
            anchor: drawing.anchors.get(i).copied().flatten(),
            figure: match c {
                Change::By(by) => Some(Figure::Value(by)),
                Change::None(_) => None,
            },
            source: b.as_ref().map(|f| f.1.clone()),
        });
        ordered.push(unit.clone());
    }
    let view = [0.0, 0.0, drawing.fit.width, drawing.fit.height];
    scene.labels = figure_labels(&ordered, &placed, view, &marker_boxes(doc, drawing, day));
    scene.markers = place_markers(doc, drawing, &scene.labels, day, lang);
    // The region table: each region's own figures and their change.
    let of = |p: Period| Figures::of_period(doc, prepared.host, Some(p));
    let (region_from, region_to) = (of(cmp.from), of(cmp.to));
    for (row, region) in scene.regions.iter_mut().zip(&doc.regions) {
        let target = || Target::Region(region.id.trim().to_string());
        let a = region_from.of_region(region).map(|f| (f, target()));
        let b = region_to.of_region(region).map(|f| (f, target()));
        let c = change(a.clone(), b.clone(), cmp.kind, classes.decimals);
        row.value = cell(c);
        row.by_period = vec![
            classes.cell(a.map(|f| f.0), lang),
            classes.cell(b.map(|f| f.0), lang),
            row.value.clone(),
        ];
    }
    let mut legend = scale.legend(lang);
    if used_none {
        legend.push(LegendEntry {
            class: NO_COMPARISON.into(),
            text: m.no_comparison.into(),
        });
    }
    scene.legend = legend;
    let title = if percent {
        m.change_title_percent
    } else {
        m.change_title
    };
    scene.legend_title = fill_named(
        title,
        &[("what", &value_label), ("from", &names.0), ("to", &names.1)],
    );
    let active: Vec<bool> = scene.regions.iter().map(|r| r.active).collect();
    let open = scene.markers.iter().filter(|m| m.open).count();
    let day = day_summary(
        lang,
        (scene.units.len(), &active, open),
        scene.date.as_deref(),
    );
    // What each change is of: the later figure's region or area, else the earlier one's, else
    // the area itself.
    let owners: Vec<(Target, Change)> = prepared
        .units
        .iter()
        .enumerate()
        .map(|(i, shape)| {
            let owner = to[i]
                .as_ref()
                .or(from[i].as_ref())
                .map_or_else(|| Target::Area(shape.key.clone()), |f| f.1.clone());
            (owner, changes[i])
        })
        .collect();
    scene.summary = summary(day, &owners, &value_label, &names, &scale, lang);
    scene.periods = vec![names.0, names.1, change_head.to_string()];
    scene
}

/// "kein Vergleich möglich (Wert unterdrückt)".
fn no_comparison(why: Why, lang: Lang) -> String {
    let m = lang.texts().map;
    let reason = match why {
        Why::Neither => m.why_neither,
        Why::OnlyOne => m.why_only_one,
        Why::Suppressed => m.why_suppressed,
        Why::ZeroBase => m.why_zero_base,
        Why::OtherRegion => m.why_other_region,
    };
    format!("{} ({reason})", m.no_comparison)
}

/// The day's summary of areas and regions, the number of figures that rose, fell, stayed and
/// could not be compared (each with what it is the figure of), and the range of the changes.
fn summary(
    mut out: String,
    changes: &[(Target, Change)],
    what: &str,
    (from, to): &(String, String),
    scale: &Diverging,
    lang: Lang,
) -> String {
    let m = lang.texts().map;
    // Each figure once: a region's change is one, however many areas it colours.
    let mut seen = std::collections::HashSet::new();
    let once: Vec<Change> = changes
        .iter()
        .filter(|(owner, _)| seen.insert(owner.clone()))
        .map(|(_, c)| *c)
        .collect();
    let count = |f: fn(&Change) -> bool| once.iter().filter(|c| f(c)).count();
    let up = lang.count(
        count(|c| matches!(c, Change::By(x) if *x > 0.0)),
        m.figure_forms,
    );
    let down = lang.integer(count(|c| matches!(c, Change::By(x) if *x < 0.0)) as i64);
    let same = lang.integer(count(|c| matches!(c, Change::By(x) if *x == 0.0)) as i64);
    let none = lang.integer(count(|c| matches!(c, Change::None(_))) as i64);
    out.push(' ');
    out.push_str(&fill_named(
        m.compare_summary,
        &[
            ("what", what),
            ("from", from),
            ("to", to),
            ("up", &up),
            ("down", &down),
            ("same", &same),
            ("none", &none),
        ],
    ));
    let range = once
        .iter()
        .fold(None, |acc: Option<(f64, f64)>, c| match c {
            Change::By(x) => Some(acc.map_or((*x, *x), |(a, b)| (a.min(*x), b.max(*x)))),
            Change::None(_) => acc,
        });
    if let Some((lo, hi)) = range {
        let n = |x: f64| signed(x, scale.decimals, scale.percent, lang);
        out.push(' ');
        out.push_str(&fill_named(
            m.summary_values,
            &[
                (
                    "what",
                    if scale.percent {
                        m.change_percent
                    } else {
                        m.change
                    },
                ),
                ("lo", &n(lo)),
                ("hi", &n(hi)),
            ],
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(nice(16.0 / 3.0, 0), 10.0);
        assert_eq!(nice(2.0, 0), 2.0);
        assert_eq!(nice(0.0, 0), 1.0);
        assert_eq!(nice(0.0, 1), 0.1);
        assert_eq!(nice(31.0, 1), 50.0);
        assert_eq!(nice(f64::NAN, 0), 1.0);
        let d = Diverging::new(&[-16.0, 12.0, 0.0], 0, false);
        let steps: Vec<usize> = [-25.0, -20.0, -15.0, -1.0, 0.0, 1.0, 10.0, 19.0, 20.0]
            .into_iter()
            .map(|x| d.step_of(x))
            .collect();
        assert_eq!(steps, [0, 0, 1, 2, 3, 4, 5, 5, 6]);
    }
}
