//! Everything the map shows for a day: its areas with their classes and names, the outlines of
//! the regions in force, the figures written on it, the markers, the legend, the region rows
//! and the summary.

use super::calendar::regions_on;
use super::classes::Classes;
use super::drawing::{Drawing, drawing};
use super::figures::Figures;
use super::labels::{Placed, figure_labels, place_markers};
use super::prepare::Prepared;
use super::tables::region_rows;
use super::types::{MapScene, Unit};
use crate::geo::Shape;
use crate::i18n::{Lang, fill, fill_named, isolate};
use crate::model::common::Day;
use crate::model::indicator::Period;
use crate::model::regions::{MapDoc, Region};
use crate::order::sort_by;

/// Lays out `prepared` for `day`, zoomed to region `zoom`, `width` wide.
pub fn scene(
    doc: &MapDoc,
    prepared: &Prepared,
    day: Option<Day>,
    zoom: Option<&str>,
    width: f64,
    lang: Lang,
) -> MapScene {
    scene_on(
        doc,
        prepared,
        &drawing(doc, prepared, zoom, width),
        day,
        lang,
    )
}

/// What the units of a day are made from.
struct Shown<'a> {
    doc: &'a MapDoc,
    day: Option<Day>,
    prepared: &'a Prepared,
    drawing: &'a Drawing,
    region_of: Vec<Option<usize>>,
    figures: Figures,
    value_label: String,
    lang: Lang,
}

/// Lays out `prepared` for `day` on a `drawing` made for it by [`drawing`] (a view keeps one
/// while only the figures or the day change).
pub fn scene_on(
    doc: &MapDoc,
    prepared: &Prepared,
    drawing: &Drawing,
    day: Option<Day>,
    lang: Lang,
) -> MapScene {
    let (active, region_of) = regions_on(doc, &prepared.members, prepared.units.len(), day);
    let figures = Figures::new(doc, prepared.host, day);
    let mut classes = Classes::new(&Figures::every_number(doc), doc.scale.as_ref());
    let value_label = doc
        .value_label
        .clone()
        .unwrap_or_else(|| lang.texts().map.value.to_string());
    let on = Shown {
        doc,
        day,
        prepared,
        drawing,
        region_of,
        figures,
        value_label,
        lang,
    };
    let (mut units, placed) = on.units(&mut classes);
    let periods = Figures::periods(doc);
    // The figures of each period, made once for the area and the region columns.
    let of_period: Vec<Figures> = periods
        .iter()
        .map(|p| Figures::of_period(doc, prepared.host, *p))
        .collect();
    on.by_period(&mut units, &periods, &of_period, &classes);
    let view = [0.0, 0.0, drawing.fit.width, drawing.fit.height];
    // Figures are written where no marker open on the day sits.
    let pins = marker_boxes(doc, drawing, day);
    let labels = figure_labels(&units, &placed, view, &pins);
    // Keyboard order: by region, then by name.
    sort_by(&mut units, |a, b| {
        (a.region_label.is_none(), &a.region_label, &a.name).cmp(&(
            b.region_label.is_none(),
            &b.region_label,
            &b.name,
        ))
    });
    // Figures written on the map keep their place; marker labels go around them.
    let markers = place_markers(doc, drawing, &labels, day, lang);
    let open = markers.iter().filter(|m| m.open).count();
    let mut regions = region_rows(doc, prepared, &active, &on.figures, &classes, lang);
    for (row, region) in regions.iter_mut().zip(&doc.regions) {
        row.by_period = of_period
            .iter()
            .map(|f| classes.cell(f.of_region(region), lang))
            .collect();
    }
    let date = day.map(|d| prepared.date_label(d, lang));
    let shown: Vec<f64> = placed
        .iter()
        .filter_map(|p| match p.figure {
            Some(super::figures::Figure::Value(x)) => Some(x),
            _ => None,
        })
        .collect();
    let summary = summary(
        &on,
        &classes,
        &shown,
        (units.len(), &active, open),
        date.as_deref(),
    );
    MapScene {
        width: drawing.fit.width,
        height: drawing.fit.height,
        units,
        context: drawing.context.clone(),
        lands: drawing.lands.clone(),
        outlines: outlines(doc, drawing, &active),
        labels,
        markers,
        legend: classes.legend(lang),
        legend_title: on.value_label,
        regions,
        summary,
        date,
        periods: periods
            .iter()
            .map(|p| match p {
                Some(p) => lang.period(*p),
                None => lang.texts().map.no_period.to_string(),
            })
            .collect(),
    }
}

/// The boxes of the markers open on `day` (their targets for pointer and touch).
pub(super) fn marker_boxes(doc: &MapDoc, drawing: &Drawing, day: Option<Day>) -> Vec<[f64; 4]> {
    doc.markers
        .iter()
        .filter(|m| super::calendar::marker_open(m, day))
        .map(|m| drawing.fit.apply(drawing.conic.project(m.lon, m.lat)))
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .map(|(x, y)| super::labels::pin_box(x, y))
        .collect()
}

impl Shown<'_> {
    /// The units in the prepared order, with what their labels need.
    fn units(&self, classes: &mut Classes) -> (Vec<Unit>, Vec<Placed>) {
        let has_figures = !self.doc.values.is_empty();
        let fit = &self.drawing.fit;
        let mut units = Vec::with_capacity(self.prepared.units.len());
        let mut placed = Vec::with_capacity(self.prepared.units.len());
        for (i, shape) in self.prepared.units.iter().enumerate() {
            let region = self.region_of[i].and_then(|r| self.doc.regions.get(r));
            let found = self.figures.of_unit(&shape.key, region);
            let figure = found.as_ref().map(|(f, _)| *f);
            let class = classes.class(figure, has_figures, region.is_some());
            let anchor = self.drawing.anchors.get(i).copied().flatten();
            let value = figure.map(|f| classes.format(f, self.lang));
            let shown = value
                .clone()
                .unwrap_or_else(|| self.lang.texts().map.no_data.into());
            units.push(Unit {
                key: shape.key.clone(),
                name: shape.name.clone(),
                d: self.drawing.unit_paths.get(i).cloned().unwrap_or_default(),
                class,
                region: region.map(|r| r.id.clone()),
                region_label: region.map(|r| r.label.clone()),
                value: value.unwrap_or_default(),
                figure: classes.cell(figure, self.lang),
                by_period: Vec::new(),
                text: self.unit_text(shape, region, &shown),
                anchor: anchor
                    .map(|(x, y, _)| (x, y))
                    .unwrap_or((fit.width / 2.0, fit.height / 2.0)),
            });
            placed.push(Placed {
                anchor,
                figure,
                source: found.map(|(_, t)| t),
            });
        }
        (units, placed)
    }

    /// Each unit's figure in each period: its own, its district's, or that of the region it
    /// belonged to on the period's first day.
    fn by_period(
        &self,
        units: &mut [Unit],
        periods: &[Option<Period>],
        of_period: &[Figures],
        classes: &Classes,
    ) {
        for (p, figures) in periods.iter().zip(of_period) {
            // The figures without a period: the regions of the day shown.
            let day = p.map(|p| Day(p.first_day())).or(self.day);
            let (_, region_of) = regions_on(
                self.doc,
                &self.prepared.members,
                self.prepared.units.len(),
                day,
            );
            for (i, (unit, shape)) in units.iter_mut().zip(&self.prepared.units).enumerate() {
                let region = region_of[i].and_then(|r| self.doc.regions.get(r));
                let figure = figures.of_unit(&shape.key, region).map(|(f, _)| f);
                unit.by_period.push(classes.cell(figure, self.lang));
            }
        }
    }

    /// The tooltip and accessible name of a unit with `figure`.
    fn unit_text(&self, shape: &Shape, region: Option<&Region>, figure: &str) -> String {
        unit_text(
            self.doc,
            self.lang,
            &self.value_label,
            shape,
            region,
            figure,
        )
    }
}

/// "Stendal (15090) · Programmregion: Nord · Teilnehmende: 412": the tooltip and name of a
/// unit, `figure` as written.
pub(super) fn unit_text(
    doc: &MapDoc,
    lang: Lang,
    value_label: &str,
    shape: &Shape,
    region: Option<&Region>,
    figure: &str,
) -> String {
    let m = lang.texts().map;
    let mut text = format!("{} ({})", isolate(&shape.name), isolate(&shape.key));
    if !shape.kind.is_empty() {
        text = format!("{} ({}, {})", shape.name, shape.kind, shape.key);
    }
    match region {
        Some(r) => text.push_str(&format!(" · {}: {}", m.region, isolate(&r.label))),
        None if !doc.regions.is_empty() => text.push_str(&format!(" · {}", m.no_region)),
        None => {}
    }
    if !doc.values.is_empty() {
        text.push_str(&format!(" · {value_label}: {figure}"));
    }
    text
}

/// Outlines of the regions in force: (id, path).
fn outlines(doc: &MapDoc, drawing: &Drawing, active: &[bool]) -> Vec<(String, String)> {
    doc.regions
        .iter()
        .zip(&drawing.outlines)
        .enumerate()
        .filter(|(r, (_, d))| active.get(*r).copied().unwrap_or(false) && !d.is_empty())
        .map(|(_, (region, d))| (region.id.clone(), d.clone()))
        .collect()
}

/// The paragraph for screen readers: areas, regions in force, the day, markers, the range of
/// the figures.
fn summary(
    on: &Shown,
    classes: &Classes,
    shown: &[f64],
    (areas, active, markers): (usize, &[bool], usize),
    date: Option<&str>,
) -> String {
    let lang = on.lang;
    let m = lang.texts().map;
    let mut summary = day_summary(lang, (areas, active, markers), date);
    // The range of the figures on the map on the day shown, not of every date's.
    let range = shown
        .iter()
        .copied()
        .fold(None, |acc: Option<(f64, f64)>, v| {
            Some(acc.map_or((v, v), |(a, b)| (a.min(v), b.max(v))))
        });
    if let Some((lo, hi)) = range {
        summary.push(' ');
        summary.push_str(&fill_named(
            m.summary_values,
            &[
                ("what", &on.value_label),
                ("lo", &lang.number(lo, classes.decimals)),
                ("hi", &lang.number(hi, classes.decimals)),
            ],
        ));
    }
    summary
}

/// What the map shows on a day: its areas, the regions in force, the markers open.
pub(super) fn day_summary(
    lang: Lang,
    (areas, active, markers): (usize, &[bool], usize),
    date: Option<&str>,
) -> String {
    let t = lang.texts();
    let m = t.map;
    let areas = lang.count(areas, m.area_forms);
    let in_force = lang.count(active.iter().filter(|a| **a).count(), t.regions);
    let mut summary = match date {
        Some(d) => fill_named(
            m.summary_dated,
            &[("areas", &areas), ("regions", &in_force), ("date", d)],
        ),
        None => fill_named(m.summary, &[("areas", &areas), ("regions", &in_force)]),
    };
    if markers > 0 {
        summary.push(' ');
        let markers = lang.count(markers, t.markers);
        summary.push_str(&fill(m.summary_markers, &markers, ""));
    }
    summary
}
