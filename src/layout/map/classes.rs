//! Figures as colour classes: a threshold scale (quantiles, equal intervals or the host's
//! breaks) over a palette of seven steps, the formatting of figures, and the legend.

use super::figures::Figure;
use super::types::LegendEntry;
use crate::i18n::{Lang, fill};
use crate::layout::table::Cell;
use crate::model::regions::Scale;
use crate::order::sort_by;
use std::collections::BTreeSet;

/// The palette has this many steps; `classes` picks evenly among them.
const PALETTE_STEPS: usize = 7;

/// Class boundaries (upper bounds of all classes but the last) for `values`.
///
/// ```
/// use foerderweg::layout::map::breaks;
/// assert_eq!(breaks(&[1.0, 2.0, 3.0, 4.0], "equal", 2, &[]), vec![2.5]);
/// ```
pub fn breaks(values: &[f64], kind: &str, classes: usize, given: &[f64]) -> Vec<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    sort_by(&mut sorted, f64::total_cmp);
    sorted.dedup();
    if kind == "breaks" {
        let mut b: Vec<f64> = given.iter().copied().filter(|v| v.is_finite()).collect();
        sort_by(&mut b, f64::total_cmp);
        b.dedup();
        b.truncate(PALETTE_STEPS - 1);
        return b;
    }
    let classes = classes.clamp(2, PALETTE_STEPS).min(sorted.len().max(1));
    if classes < 2 {
        return Vec::new();
    }
    let (lo, hi) = match (sorted.first(), sorted.last()) {
        (Some(&lo), Some(&hi)) => (lo, hi),
        _ => return Vec::new(),
    };
    let mut b: Vec<f64> = if kind == "equal" {
        (1..classes)
            .map(|i| lo + (hi - lo) * i as f64 / classes as f64)
            .collect()
    } else {
        // Quantiles of the distinct figures: each class holds about as many.
        (1..classes)
            .filter_map(|i| {
                let at = (i * sorted.len()).div_ceil(classes).saturating_sub(1);
                sorted.get(at).copied()
            })
            .collect()
    };
    b.dedup();
    b
}

fn class_of(v: f64, breaks: &[f64]) -> usize {
    breaks.iter().take_while(|&&b| v > b).count()
}

/// The palette step for class `i` of `n`: spread from light to dark.
fn step(i: usize, n: usize) -> usize {
    if n <= 1 {
        return PALETTE_STEPS / 2;
    }
    (i * (PALETTE_STEPS - 1) + (n - 1) / 2) / (n - 1)
}

/// The areas' fills that are not a class: they have their own legend entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Special {
    NoData,
    Suppressed,
    NoRegion,
}

/// The scale of a document's figures.
pub(super) struct Classes {
    breaks: Vec<f64>,
    /// Number of classes (0 without figures).
    count: usize,
    /// Decimals figures are written with.
    pub decimals: usize,
    /// The host gave the breaks: every class has a legend entry, used or not.
    given: bool,
    /// The first figure (the legend of a single class names it).
    first: Option<f64>,
    used: BTreeSet<usize>,
    special: BTreeSet<Special>,
}

impl Classes {
    /// The classes of `numbers` as `scale` asks.
    pub fn new(numbers: &[f64], scale: Option<&Scale>) -> Classes {
        let scale = scale.cloned().unwrap_or_default();
        let kind = scale.kind.as_deref().map_or("quantile", str::trim);
        let decimals = if numbers.iter().all(|v| v.fract() == 0.0) {
            0
        } else {
            1
        };
        let classes = usize::from(scale.classes.unwrap_or(5));
        let mut breaks = breaks(numbers, kind, classes, &scale.breaks);
        if decimals == 0 {
            // Whole figures: a break of 5.5 parts them as 5 does, and the legend can say so
            // ("bis 5", "über 5") instead of rounding it to a 6 that lies in the upper class.
            for b in &mut breaks {
                *b = b.floor();
            }
            breaks.dedup();
        }
        let count = if numbers.is_empty() {
            0
        } else {
            breaks.len() + 1
        };
        Classes {
            breaks,
            count,
            decimals,
            given: kind == "breaks",
            first: numbers.first().copied(),
            used: BTreeSet::new(),
            special: BTreeSet::new(),
        }
    }

    /// The fill class of an area with `figure` (`figures`: the document has any; `in_region`:
    /// the area belongs to a region in force), noted for the legend.
    pub fn class(&mut self, figure: Option<Figure>, figures: bool, in_region: bool) -> String {
        let special = match figure {
            Some(Figure::Value(x)) => {
                let class = class_of(x, &self.breaks);
                self.used.insert(class);
                return format!("fw-c{}", step(class, self.count));
            }
            Some(Figure::Suppressed) => Special::Suppressed,
            Some(Figure::NoData) => Special::NoData,
            None if figures => Special::NoData,
            None if in_region => return "fw-inregion".into(),
            None => Special::NoRegion,
        };
        self.special.insert(special);
        special_class(special).into()
    }

    /// A figure as the map writes it.
    pub fn format(&self, f: Figure, lang: Lang) -> String {
        let m = lang.texts().map;
        match f {
            Figure::Value(x) => lang.number(x, self.decimals),
            Figure::Suppressed => m.suppressed.to_string(),
            Figure::NoData => m.no_data.to_string(),
        }
    }

    /// A figure as the tables hold it.
    pub fn cell(&self, f: Option<Figure>, lang: Lang) -> Cell {
        match f {
            Some(Figure::Value(x)) => Cell::Number(x, self.decimals),
            Some(Figure::Suppressed) => Cell::Suppressed,
            Some(Figure::NoData) => Cell::Absent(lang.texts().map.no_data.to_string()),
            None => Cell::empty(),
        }
    }

    /// The legend: the classes used (all of them for given breaks), then the special fills
    /// used.
    pub fn legend(&self, lang: Lang) -> Vec<LegendEntry> {
        let mut legend: Vec<LegendEntry> = (0..self.count)
            .filter(|c| self.used.contains(c) || self.given)
            .map(|c| LegendEntry {
                class: format!("fw-c{}", step(c, self.count)),
                text: self.range(c, lang),
            })
            .collect();
        let m = lang.texts().map;
        legend.extend(self.special.iter().map(|&s| {
            LegendEntry {
                class: special_class(s).into(),
                text: match s {
                    Special::NoData => m.no_data,
                    Special::Suppressed => m.suppressed_long,
                    Special::NoRegion => m.no_region,
                }
                .into(),
            }
        }));
        legend
    }

    /// "bis 5", "über 5 bis 9", "über 9": the figures of class `c`.
    fn range(&self, c: usize, lang: Lang) -> String {
        let m = lang.texts().map;
        let lo = if c == 0 {
            None
        } else {
            self.breaks.get(c - 1).copied()
        };
        let hi = self.breaks.get(c).copied();
        let n = |v: f64| lang.number(v, self.decimals);
        match (lo, hi) {
            (None, Some(h)) => fill(m.up_to, &n(h), ""),
            (Some(l), Some(h)) => fill(m.over_up_to, &n(l), &n(h)),
            (Some(l), None) => fill(m.over, &n(l), ""),
            (None, None) => self.first.map(n).unwrap_or_default(),
        }
    }
}

fn special_class(s: Special) -> &'static str {
    match s {
        Special::NoData => "fw-nodata",
        Special::Suppressed => "fw-suppressed",
        Special::NoRegion => "fw-noregion",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile_and_equal_breaks() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];
        assert_eq!(breaks(&v, "quantile", 5, &[]), vec![2.0, 4.0, 6.0, 8.0]);
        assert_eq!(breaks(&v, "equal", 3, &[]), vec![4.0, 7.0]);
        assert_eq!(
            breaks(&v, "breaks", 5, &[5.0, 1.0, f64::NAN]),
            vec![1.0, 5.0]
        );
        // Fewer distinct figures than classes: fewer classes.
        assert_eq!(breaks(&[3.0, 3.0, 8.0], "quantile", 5, &[]), vec![3.0]);
        assert!(breaks(&[4.0], "quantile", 5, &[]).is_empty());
        assert!(breaks(&[], "equal", 5, &[]).is_empty());
        assert_eq!(class_of(2.0, &[2.0, 4.0]), 0);
        assert_eq!(class_of(2.5, &[2.0, 4.0]), 1);
        assert_eq!(class_of(9.0, &[2.0, 4.0]), 2);
        // Classes spread over the palette from lightest to darkest.
        assert_eq!(
            (0..3).map(|i| step(i, 3)).collect::<Vec<_>>(),
            vec![0, 3, 6]
        );
        assert_eq!(
            (0..7).map(|i| step(i, 7)).collect::<Vec<_>>(),
            (0..7).collect::<Vec<_>>()
        );
    }
}
