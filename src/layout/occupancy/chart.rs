//! The dashboard's charts of series over reporting dates: laid out ([`charts`]), then drawn as
//! a scene of typed marks ([`drawing`]): grid and ticks, the capacity line, each line with its
//! own marker shape (not colour alone), and each point a focusable record with its name.

use super::{Field, change, fields, totals};
use crate::i18n::{Lang, fill};
use crate::layout::scale::{Linear, Place, TICK_SIZE, Time};
use crate::layout::text::text_width;
use crate::model::occupancy::OccupancyDoc;
use crate::scene::symbol::{self, Shape};
use crate::scene::{Anchor, Group, Mark, Scene, num, ring_around};
use chrono::NaiveDate;

pub use crate::layout::scale::Tick;

/// A point of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// Index of the reporting date (column of the table).
    pub date_index: usize,
    /// Position in pixels.
    pub x: f64,
    /// Position in pixels.
    pub y: f64,
    /// `Profilings am 01.12.2018: 302 (+6 seit 23.10.2018)`.
    pub text: String,
    /// A figure, a provisional one, or one withheld (drawn on the axis, with no number).
    pub kind: PointKind,
}

/// What a point of a line stands for; told apart by the marker's fill and the line's dash,
/// and named in the legend and the point's text, never by colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointKind {
    /// A published figure.
    Shown,
    /// A figure that may still change: a hollow marker, reached by a dashed line.
    Provisional,
    /// A figure withheld for privacy: a hollow square on the axis, the line broken around it.
    Suppressed,
}

impl PointKind {
    /// What the legend calls it.
    pub fn legend(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            PointKind::Shown => "",
            PointKind::Provisional => t.occ.provisional,
            PointKind::Suppressed => t.map.suppressed_long,
        }
    }

    /// The legend swatch of the kind: its marker alone.
    pub fn swatch(self) -> Scene {
        Scene {
            width: 28.0,
            height: 12.0,
            class: "fw-swatch-line".into(),
            role: None,
            label: String::new(),
            label_data: false,
            patterns: Vec::new(),
            marks: vec![self.marker(14.0, 6.0, Shape::Circle, "fw-marker fw-marker--legend")],
        }
    }

    /// The marker of a point of this kind at (`x`, `y`), in `shape` unless withheld.
    fn marker(self, x: f64, y: f64, shape: Shape, class: &str) -> Mark {
        let (form, r) = self.form(shape);
        let class = match self {
            PointKind::Suppressed => format!("fw-marker{}", self.class()),
            kind => format!("{class}{}", kind.class()),
        };
        Mark::path(symbol::path(form, x, y, r), class)
    }

    /// The symbol and size of a point of a line drawn with `shape`: a withheld figure is a
    /// small square whatever its line.
    fn form(self, shape: Shape) -> (Shape, f64) {
        match self {
            PointKind::Suppressed => (Shape::Square, 4.0),
            _ => (shape, radius(shape)),
        }
    }

    /// The marker's extra class.
    fn class(self) -> &'static str {
        match self {
            PointKind::Shown => "",
            PointKind::Provisional => " fw-marker--provisional",
            PointKind::Suppressed => " fw-marker--suppressed",
        }
    }
}

/// One series of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// `profilings`, `admitted`, … (class and legend key).
    pub key: String,
    /// Label.
    pub label: String,
    /// SVG path, with a gap (a new `M`) where a reporting date has no value.
    pub d: String,
    /// The dashed part of the line: the segments that lead to a provisional figure.
    pub dashed: String,
    /// The points that have values.
    pub points: Vec<Point>,
}

/// A chart of series over reporting dates.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// `people`, `slots`, or `indicator-{n}` for the n-th key figure.
    pub id: String,
    /// Title.
    pub title: String,
    /// The title is the document's (a key figure's name), not the widget's own words.
    pub title_from_data: bool,
    /// Width and height in pixels.
    pub width: f64,
    /// Height in pixels.
    pub height: f64,
    /// Left, right, top, bottom edges of the plot area.
    pub plot: (f64, f64, f64, f64),
    /// Date axis.
    pub x_ticks: Vec<Tick>,
    /// Count axis.
    pub y_ticks: Vec<Tick>,
    /// The series.
    pub lines: Vec<Line>,
    /// Capacity line: y and its label.
    pub reference: Option<(f64, String)>,
    /// The kinds of points besides figures that the chart holds, for its legend.
    pub states: Vec<PointKind>,
}

/// The ids of the charts, in the order the dashboard shows them: people, slots.
pub const CHART_IDS: [&str; 2] = ["people", "slots"];

/// Height of a chart in pixels.
pub const CHART_HEIGHT: f64 = 240.0;

/// The two charts of the series at `width` pixels: people (profilings, admitted, follow-up
/// talks) and slots (filled, planned, early terminations, with the capacity line).
pub fn charts(doc: &OccupancyDoc, width: f64, lang: Lang) -> Vec<Chart> {
    let order = doc.series_by_date();
    let (Some(first), Some(last)) = (order.first(), order.last()) else {
        return Vec::new();
    };
    let o = lang.texts().occ;
    let width = if width.is_finite() {
        width.clamp(240.0, 4000.0)
    } else {
        640.0
    };
    let (top, bottom) = (12.0, CHART_HEIGHT - 30.0);
    let capacity = totals(doc, None).slots;
    let all = fields(lang);
    let groups: [(&'static str, &'static str, &[&str], Option<u64>); 2] = [
        (
            CHART_IDS[0],
            o.people_chart,
            &["profilings", "admitted", "followUpTalks"],
            None,
        ),
        (
            CHART_IDS[1],
            o.slots_chart,
            &["filled", "planned", "early"],
            capacity,
        ),
    ];
    // The count axes first: the widest of their labels sets the gutter of both charts, so
    // their plots line up.
    let counted: Vec<_> = groups
        .into_iter()
        .filter_map(|(id, title, keys, reference)| {
            let chosen: Vec<_> = all.iter().filter(|(k, _, _)| keys.contains(k)).collect();
            let max = order
                .iter()
                .flat_map(|i| chosen.iter().filter_map(|(_, _, f)| f(&doc.series[*i])))
                .map(u64::from)
                .chain(reference)
                .max()?;
            let (scale, ticks) = Linear::nice_from_zero(max as f64, (bottom, top), 5);
            let y_ticks: Vec<Tick> = ticks
                .into_iter()
                .map(|v| Tick::minor(scale.apply(v), lang.integer(v as i64)))
                .collect();
            Some((id, title, chosen, reference, scale, y_ticks))
        })
        .collect();
    let left = gutter(counted.iter().flat_map(|c| &c.5), 48.0);
    let right = width - 16.0;
    let time = Time::new(
        doc.series[*first].date.0,
        doc.series[*last].date.0,
        (left + 8.0, right - 8.0),
    );
    let x_ticks = time_ticks(&time, width, lang);
    counted
        .into_iter()
        .map(|(id, title, chosen, reference, scale, y_ticks)| {
            let lines = chosen
                .iter()
                .map(|(key, label, field)| {
                    line(doc, &order, key, label, *field, (&time, &scale), lang)
                })
                .filter(|l| !l.points.is_empty())
                .collect();
            Chart {
                id: id.to_string(),
                title: title.to_string(),
                title_from_data: false,
                width,
                height: CHART_HEIGHT,
                plot: (left, right, top, bottom),
                x_ticks: x_ticks.clone(),
                y_ticks,
                lines,
                reference: reference.map(|r| {
                    (
                        scale.apply(r as f64),
                        fill(o.capacity, &lang.integer(r as i64), ""),
                    )
                }),
                states: Vec::new(),
            }
        })
        .collect()
}

/// The left edge of a plot whose count axis writes `labels` left of it: the widest label (with
/// a reader's text spacing, [`text_width`]) and 12 px (6 to the axis, 6 to the chart's edge),
/// at least `least`.
pub(super) fn gutter<'a>(labels: impl IntoIterator<Item = &'a Tick>, least: f64) -> f64 {
    labels
        .into_iter()
        .map(|t| text_width(&t.label, TICK_SIZE, false) + 12.0)
        .fold(least, f64::max)
}

/// The date axis of a chart `width` wide over `time`: its labels centred under their ticks,
/// inside the chart.
pub(super) fn time_ticks(time: &Time, width: f64, lang: Lang) -> Vec<Tick> {
    time.ticks(Place::Centred, (0.0, width), lang)
}

fn line(
    doc: &OccupancyDoc,
    order: &[usize],
    key: &'static str,
    label: &'static str,
    field: Field,
    (time, scale): (&Time, &Linear),
    lang: Lang,
) -> Line {
    let o = lang.texts().occ;
    let mut d = String::new();
    let mut points = Vec::new();
    let mut previous: Option<(u32, NaiveDate)> = None;
    let mut pen_down = false;
    for (column, i) in order.iter().enumerate() {
        let p = &doc.series[*i];
        let Some(value) = field(p) else {
            pen_down = false; // a gap: the line breaks instead of dropping to zero
            continue;
        };
        let (x, y) = (time.apply(p.date.0), scale.apply(f64::from(value)));
        d.push(if pen_down { 'L' } else { 'M' });
        num::push(&mut d, x);
        d.push(',');
        num::push(&mut d, y);
        pen_down = true;
        let mut text = format!(
            "{}: {}",
            fill(o.tooltip, label, &lang.date(p.date.0)),
            lang.integer(i64::from(value))
        );
        if let Some((before, since)) = previous {
            let c = change(lang, f64::from(value) - f64::from(before), 0, None, since);
            text.push_str(&format!(" ({})", c.text));
        }
        previous = Some((value, p.date.0));
        points.push(Point {
            date_index: column,
            x,
            y,
            text,
            kind: PointKind::Shown,
        });
    }
    Line {
        key: key.to_string(),
        label: label.to_string(),
        d,
        dashed: String::new(),
        points,
    }
}

/// Where the focus goes from point `at` (line, point) on `key`: left/right along a line,
/// Home/End to its ends, up/down to the nearest reporting date of the line above or below.
///
/// ```
/// use foerderweg::layout::occupancy::next_point;
/// assert_eq!(next_point(&[], (0, 0), "ArrowRight"), None);
/// ```
pub fn next_point(lines: &[Line], at: (usize, usize), key: &str) -> Option<(usize, usize)> {
    let (l, p) = at;
    let line = lines.get(l)?;
    let last = line.points.len().checked_sub(1)?;
    match key {
        "ArrowRight" => Some((l, (p + 1).min(last))),
        "ArrowLeft" => Some((l, p.saturating_sub(1))),
        "Home" => Some((l, 0)),
        "End" => Some((l, last)),
        "ArrowUp" | "ArrowDown" => {
            let target = if key == "ArrowUp" {
                l.checked_sub(1)?
            } else {
                l + 1
            };
            let column = line.points.get(p)?.date_index;
            let nearest = lines
                .get(target)?
                .points
                .iter()
                .enumerate()
                .min_by_key(|(_, q)| q.date_index.abs_diff(column))
                .map(|(i, _)| i)?;
            Some((target, nearest))
        }
        _ => None,
    }
}

/// The marker shape of the `index`-th line of a chart.
pub fn shape_of(index: usize) -> Shape {
    Shape::CYCLE[index % Shape::CYCLE.len()]
}

/// The marker size of a shape: corners drawn a little further out than a circle's edge, so
/// each looks as large.
fn radius(shape: Shape) -> f64 {
    match shape {
        Shape::Circle | Shape::Square => 4.5,
        _ => 5.5,
    }
}

/// A point's tooltip: where it points, what it says, and the side it opens to so it stays
/// inside the chart (`start`: to the right of the point, `middle`, `end`: to its left).
#[derive(Clone, Debug, PartialEq)]
pub struct Tip {
    /// Anchor, in view units.
    pub x: f64,
    /// Anchor, in view units.
    pub y: f64,
    /// The point's accessible text.
    pub text: String,
    /// `start`, `middle` or `end`.
    pub side: &'static str,
}

/// The tooltip of point `at` (line, point) of `chart`.
pub fn tip(chart: &Chart, (line, point): (usize, usize)) -> Option<Tip> {
    let p = chart.lines.get(line)?.points.get(point)?;
    let side = if p.x < chart.width * 0.25 {
        "start"
    } else if p.x > chart.width * 0.75 {
        "end"
    } else {
        "middle"
    };
    Some(Tip {
        x: p.x,
        y: p.y,
        text: p.text.clone(),
        side,
    })
}

/// The count axis (grid lines and labels), the date axis and the capacity line.
fn axes(chart: &Chart) -> Vec<Mark> {
    let (left, right, top, bottom) = chart.plot;
    let y = chart.y_ticks.iter().flat_map(|t| {
        [
            Mark::line(left, t.at, right, t.at, "fw-grid-line"),
            Mark::text(left - 6.0, t.at, t.label.clone(), "fw-tick")
                .anchored(Anchor::End)
                .centred(),
        ]
    });
    let x = chart.x_ticks.iter().flat_map(|t| {
        [
            Mark::line(t.at, bottom, t.at, bottom + 4.0, "fw-axis-line"),
            Mark::text(t.at, bottom + 16.0, t.label.clone(), "fw-tick").anchored(Anchor::Middle),
        ]
    });
    let x_axis = std::iter::once(Mark::line(left, bottom, right, bottom, "fw-axis-line")).chain(x);
    let mut marks = vec![
        Mark::Group(Group::layer("fw-axis fw-axis--y", y.collect())),
        Mark::Group(Group::layer("fw-axis fw-axis--x", x_axis.collect())),
    ];
    if let Some((at, label)) = &chart.reference {
        marks.push(Mark::Group(Group::layer(
            "fw-reference",
            vec![
                Mark::line(left, *at, right, *at, ""),
                Mark::text(right - 4.0, (at - 5.0).max(top + 8.0), label.clone(), "")
                    .anchored(Anchor::End),
            ],
        )));
    }
    marks
}

/// The id of a point: `{line}-{point}` (`data-fw-point`).
pub fn point_id(line: usize, point: usize) -> String {
    format!("{line}-{point}")
}

/// The inverse of [`point_id`].
///
/// ```
/// use foerderweg::layout::occupancy::parse_point;
/// assert_eq!(parse_point("2-5"), Some((2, 5)));
/// assert_eq!(parse_point("x"), None);
/// ```
pub fn parse_point(id: &str) -> Option<(usize, usize)> {
    let (line, point) = id.split_once('-')?;
    Some((line.parse().ok()?, point.parse().ok()?))
}

/// A line's path (hidden from screen readers) and then its points: each a record with its
/// accessible text, a tooltip anchor and its marker. The first point of the first line is the
/// chart's one tab stop; the arrow keys move on from there.
fn series(index: usize, line: &Line) -> Vec<Mark> {
    let shape = shape_of(index);
    let marker = format!("fw-marker fw-line--{}", line.key);
    let mut paths = vec![Mark::path(
        line.d.clone(),
        format!("fw-line fw-line--{}", line.key),
    )];
    if !line.dashed.is_empty() {
        paths.push(Mark::path(
            line.dashed.clone(),
            format!("fw-line fw-line--{} fw-line--provisional", line.key),
        ));
    }
    let mut marks = vec![Mark::Group(Group::layer(
        format!("fw-series fw-series--{}", line.key),
        paths,
    ))];
    marks.extend(line.points.iter().enumerate().map(|(p, point)| {
        Mark::Group(Group {
            class: "fw-point".into(),
            data: vec![("data-fw-point", point_id(index, p))],
            label: Some(point.text.clone()),
            focusable: Some(index == 0 && p == 0),
            tip: Some((point.x, point.y)),
            role: None,
            ring: {
                let (form, r) = point.kind.form(shape);
                ring_around(symbol::extent(form, point.x, point.y, r))
            },
            marks: vec![point.kind.marker(point.x, point.y, shape, &marker)],
        })
    }));
    marks
}

/// The chart as a scene: what the widget draws, the exports write and the server renders.
pub fn drawing(chart: &Chart, lang: Lang) -> Scene {
    let mut marks = axes(chart);
    for (i, line) in chart.lines.iter().enumerate() {
        marks.extend(series(i, line));
    }
    Scene {
        width: chart.width,
        height: chart.height,
        class: "fw-svg".into(),
        role: Some(lang.texts().occ.chart_role.to_string()),
        label: chart.title.to_string(),
        label_data: chart.title_from_data,
        patterns: Vec::new(),
        marks,
    }
}

/// The legend swatch of the `index`-th line (key `key`): a short stroke and its marker.
pub fn swatch(index: usize, key: &str) -> Scene {
    let shape = shape_of(index);
    Scene {
        width: 28.0,
        height: 12.0,
        class: "fw-swatch-line".into(),
        role: None,
        label: String::new(),
        label_data: false,
        patterns: Vec::new(),
        marks: vec![
            Mark::path("M1,6H27".to_string(), format!("fw-line fw-line--{key}")),
            Mark::path(
                symbol::path(shape, 14.0, 6.0, radius(shape)),
                format!("fw-marker fw-line--{key}"),
            ),
        ],
    }
}

/// The chart as a file shows it: the drawing with its legend below (in the widget the legend
/// is HTML beside the chart), each line's swatch and name, wrapped to the chart's width.
pub fn drawing_with_legend(chart: &Chart, lang: Lang) -> Scene {
    let mut scene = drawing(chart, lang);
    let (mut x, mut y) = (0.0, scene.height + 8.0);
    let mut marks = Vec::new();
    for (i, line) in chart.lines.iter().enumerate() {
        // 12 px text: about 6.6 px a character, after a 28 px swatch.
        let width = 32.0 + line.label.chars().count() as f64 * 6.6 + 16.0;
        if x > 0.0 && x + width > scene.width {
            (x, y) = (0.0, y + 20.0);
        }
        let shape = shape_of(i);
        let mut d = String::from("M");
        num::push(&mut d, x + 1.0);
        d.push(',');
        num::push(&mut d, y + 6.0);
        d.push('H');
        num::push(&mut d, x + 27.0);
        marks.push(Mark::path(d, format!("fw-line fw-line--{}", line.key)));
        marks.push(Mark::path(
            symbol::path(shape, x + 14.0, y + 6.0, radius(shape)),
            format!("fw-marker fw-line--{}", line.key),
        ));
        marks.push(Mark::text(x + 32.0, y + 6.0, line.label.clone(), "fw-legend-text").centred());
        x += width;
    }
    for kind in &chart.states {
        let label = kind.legend(lang);
        let width = 32.0 + label.chars().count() as f64 * 6.6 + 16.0;
        if x > 0.0 && x + width > scene.width {
            (x, y) = (0.0, y + 20.0);
        }
        marks.push(kind.marker(
            x + 14.0,
            y + 6.0,
            Shape::Circle,
            "fw-marker fw-marker--legend",
        ));
        marks.push(Mark::text(x + 32.0, y + 6.0, label, "fw-legend-text").centred());
        x += width;
    }
    if !marks.is_empty() {
        scene
            .marks
            .push(Mark::Group(Group::layer("fw-legend-drawn", marks)));
        scene.height = y + 20.0;
    }
    scene
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_file_names_every_line_below_the_chart() {
        let doc = stendal();
        let lang = Lang::De;
        for chart in super::super::charts(&doc, 360.0, lang) {
            let plain = drawing(&chart, lang);
            let framed = drawing_with_legend(&chart, lang);
            assert!(framed.height > plain.height);
            let mut texts = Vec::new();
            framed.marks.iter().for_each(|m| m.texts(&mut texts));
            for line in &chart.lines {
                assert!(
                    texts.contains(&line.label.as_str()),
                    "{} in {texts:?}",
                    line.label
                );
            }
        }
    }

    use super::*;
    use crate::check::{Document, check};
    use crate::model::WidgetKind;

    fn stendal() -> OccupancyDoc {
        let text = include_str!("../../../www/data/occupancy-stendal.json");
        match check(WidgetKind::Occupancy, text).document {
            Some(Document::Occupancy(d)) => std::sync::Arc::unwrap_or_clone(d),
            other => panic!("not an occupancy document: {other:?}"),
        }
    }

    fn texts_of(marks: &[Mark]) -> Vec<&str> {
        let mut out = Vec::new();
        marks.iter().for_each(|m| m.texts(&mut out));
        out
    }

    fn layer<'a>(scene: &'a Scene, class: &str) -> &'a Group {
        scene
            .marks
            .iter()
            .find_map(|m| match m {
                Mark::Group(g) if g.class == class => Some(g),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no layer {class}"))
    }

    #[test]
    fn the_slots_chart_has_its_axes_and_the_capacity_line() {
        let charts = charts(&stendal(), 800.0, Lang::De);
        let slots = drawing(&charts[1], Lang::De);
        assert_eq!((slots.width, slots.height), (800.0, CHART_HEIGHT));
        assert_eq!(slots.label, "Einsatzstellen je Stichtag");
        assert_eq!(slots.role.as_deref(), Some("Diagramm"));
        assert_eq!(
            texts_of(&layer(&slots, "fw-axis fw-axis--y").marks),
            ["0", "20", "40", "60", "80", "100", "120"]
        );
        let x = texts_of(&layer(&slots, "fw-axis fw-axis--x").marks);
        assert_eq!(x.first().copied(), Some("Mär 2018"), "{x:?}");
        assert!(x.contains(&"Dez"), "{x:?}");
        let reference = layer(&slots, "fw-reference");
        assert_eq!(texts_of(&reference.marks), ["113 Einsatzstellen"]);
        // Axes and the capacity line are decoration: the table view says their figures.
        assert!(slots.marks.iter().all(|m| match m {
            Mark::Group(g) => g.label.is_none() == g.data.is_empty(),
            _ => false,
        }));
    }

    #[test]
    fn each_line_has_its_own_marker_shape_and_each_point_its_name() {
        let charts = charts(&stendal(), 640.0, Lang::De);
        let people = drawing(&charts[0], Lang::De);
        let points = people.records("data-fw-point");
        assert_eq!(points.len(), 18);
        let ids: Vec<&str> = points.iter().map(|(id, _)| *id).collect();
        assert_eq!(&ids[..7], ["0-0", "0-1", "0-2", "0-3", "0-4", "0-5", "1-0"]);
        // One tab stop; every other point focusable by script (the arrow keys).
        let stops: Vec<&str> = points
            .iter()
            .filter(|(_, g)| g.focusable == Some(true))
            .map(|(id, _)| *id)
            .collect();
        assert_eq!(stops, ["0-0"]);
        assert!(points.iter().all(|(_, g)| g.focusable.is_some()));
        let (_, last) = points[17];
        assert_eq!(
            last.label.as_deref(),
            Some("Folgegespräche am 01.12.2018: 605 (+107 seit 23.10.2018)")
        );
        // The tooltip points at the marker.
        let point = &charts[0].lines[2].points[5];
        assert_eq!(last.tip, Some((point.x, point.y)));
        // A marker shape per line, the same on every point of a line and in its legend swatch.
        let shape = |g: &Group| match &g.marks[..] {
            [Mark::Path { d, class }] => (
                d.chars().filter(|c| c.is_alphabetic()).collect::<String>(),
                class.to_string(),
            ),
            other => panic!("one marker, not {other:?}"),
        };
        let mut per_line: Vec<(String, String)> = Vec::new();
        for (id, g) in &points {
            let (line, _) = parse_point(id).expect("id");
            let s = shape(g);
            match per_line.get(line) {
                Some(seen) => assert_eq!(seen, &s, "{id}"),
                None => per_line.push(s),
            }
        }
        assert_eq!(per_line.len(), 3);
        assert_eq!(
            per_line.iter().map(|s| s.0.as_str()).collect::<Vec<_>>(),
            ["MaaZ", "MLLLZ", "MLLLZ"]
        );
        assert_ne!(
            points[0].1.marks, points[6].1.marks,
            "circle and square differ"
        );
        assert_eq!(per_line[1].1, "fw-marker fw-line--admitted");
        for (i, line) in charts[0].lines.iter().enumerate() {
            let legend = swatch(i, &line.key);
            match &legend.marks[1] {
                Mark::Path { d, .. } => assert_eq!(
                    d.chars().filter(|c| c.is_alphabetic()).collect::<String>(),
                    per_line[i].0
                ),
                other => panic!("{other:?}"),
            }
        }
        let diamond = symbol::path(Shape::Diamond, 0.0, 0.0, 1.0);
        assert_ne!(diamond, symbol::path(Shape::Square, 0.0, 0.0, 1.0));
    }

    #[test]
    fn the_markup_names_every_point_and_hides_the_axes() {
        let charts = charts(&stendal(), 640.0, Lang::En);
        let svg = crate::render::svg::drawing(&drawing(&charts[0], Lang::En));
        assert!(svg.contains(r#"aria-roledescription="chart""#), "{svg}");
        assert!(svg.contains(
            r#"data-fw-point="0-0" tabindex="0" role="img" aria-label="Profilings on 2018-02-21: 179""#
        ), "{svg}");
        assert_eq!(svg.matches("tabindex=\"0\"").count(), 1);
        assert_eq!(svg.matches("tabindex=\"-1\"").count(), 17);
        assert!(!svg.contains("style="));
    }

    #[test]
    fn tooltips_open_away_from_the_edges() {
        let charts = charts(&stendal(), 640.0, Lang::De);
        let sides: Vec<&str> = (0..6)
            .filter_map(|p| tip(&charts[0], (0, p)))
            .map(|t| t.side)
            .collect();
        assert_eq!(sides.first(), Some(&"start"));
        assert_eq!(sides.last(), Some(&"end"));
        assert!(sides.contains(&"middle"));
        let last = tip(&charts[0], (2, 5)).expect("a tip");
        let point = &charts[0].lines[2].points[5];
        assert_eq!((last.x, last.y), (point.x, point.y));
        assert_eq!(last.text, point.text);
        assert_eq!(tip(&charts[0], (3, 0)), None);
    }
}
