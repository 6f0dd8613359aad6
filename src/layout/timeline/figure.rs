//! The timeline as scenes of typed marks: the single view's lanes, ticks, today line, phases
//! and markers, the cohort's axis and rows, and the cohort as one figure for exports. Every
//! coordinate, label fit and symbol shape is decided here; the view only draws the markup.

use super::{
    Bar, Marker, PhaseStatus, Row, Single, Texture, Tick, Window, choices, cohort_rows, ticks,
};
use crate::i18n::{Lang, fill, name_of};
use crate::layout::text::text_width;
use crate::model::timeline::TimelineDoc;
use crate::scene::num::push;
use crate::scene::symbol::{self, Shape};
use crate::scene::{Anchor, Group, Mark, Pattern, Scene, ring_around};
use chrono::NaiveDate;

/// Height of the single view's axis strip above its lanes.
pub const AXIS: f64 = 22.0;
/// Height of a lane of the single view.
pub const LANE: f64 = 30.0;
/// Height of a cohort row.
pub const ROW: f64 = 32.0;
/// Height of the cohort's axis strip.
pub const COHORT_AXIS: f64 = 18.0;
/// Height of the band above a lane's marks that holds its title when the gutter is too narrow.
const TITLE_BAND: f64 = 16.0;
/// Height of a row of the legend.
const LEGEND_ROW: f64 = 20.0;
/// Height of a phase bar, inside its lane.
const BAR: f64 = LANE - 12.0;

/// Left gutter (lane titles, row labels) and right end of the plot for a widget `width` wide.
///
/// ```
/// use foerderweg::layout::timeline::plot_for;
/// assert_eq!(plot_for(900.0), (150.0, 888.0));
/// assert_eq!(plot_for(300.0), (96.0, 288.0));
/// ```
pub fn plot_for(width: f64) -> (f64, f64) {
    let width = drawable(width);
    let gutter = if width < 480.0 { 96.0 } else { 150.0 };
    (gutter, (width - 12.0).max(gutter + 60.0))
}

/// A width that can be drawn: a broken one is 640.
fn drawable(width: f64) -> f64 {
    if width.is_finite() && width > 0.0 {
        width
    } else {
        640.0
    }
}

/// Keeps the letters, digits, `-` and `_` of a word from the data, for a class name.
fn word(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

fn rounded(mark: Mark, r: f64) -> Mark {
    match mark {
        Mark::Rect {
            x,
            y,
            width,
            height,
            class,
            ..
        } => Mark::Rect {
            x,
            y,
            width,
            height,
            rx: r,
            class,
        },
        other => other,
    }
}

/// Where a phase's label goes: inside the bar when it fits (not over a pattern), else after
/// the bar (or its planned rest), else before it; `None` where it fits nowhere (the tooltip,
/// the accessible name and the table view carry it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LabelFit {
    /// Inside the bar, starting at `x`.
    Inside(f64),
    /// After the bar, starting at `x`.
    After(f64),
    /// Before the bar, ending at `x`.
    Before(f64),
}

/// The fit of `b`'s label in a plot starting at `left` in a drawing `width` wide.
pub fn fit_label(b: &Bar, left: f64, width: f64) -> Option<LabelFit> {
    // Inside, the label is bold.
    let inside = text_width(&b.label, 11.0, true) + 8.0;
    let needed = text_width(&b.label, 11.0, false) + 8.0;
    let after = b.planned.map_or(b.x1, |(_, z)| z.max(b.x1)) + 10.0;
    if b.x1 - b.x0 > inside && b.status != PhaseStatus::Terminated {
        Some(LabelFit::Inside(b.x0 + 4.0))
    } else if after + needed < width {
        Some(LabelFit::After(after))
    } else if b.x0 - 6.0 - needed >= left {
        Some(LabelFit::Before(b.x0 - 6.0))
    } else {
        None
    }
}

/// The form of a marker: goals are diamonds, the exit a flag, reviews squares, profilings
/// triangles, an early termination a triangle pointing down, other events circles. With its
/// size (the `r` of [`symbol::path`]).
pub fn marker_shape(m: &Marker) -> (Shape, f64) {
    match (m.class, m.kind.as_str()) {
        ("goal", _) => (Shape::Diamond, 7.0),
        ("exit", _) => (Shape::Flag, 9.0),
        (_, "review") => (Shape::Square, 5.0),
        (_, "followUpProfiling" | "profiling") => (Shape::Triangle, 6.5),
        (_, "earlyTermination") => (Shape::TriangleDown, 6.5),
        (_, "homeVisit") => (Shape::House, 6.5),
        (_, "recommendation") => (Shape::Star, 7.0),
        (
            _,
            "counselling"
            | "debtCounselling"
            | "addictionCounselling"
            | "healthCounselling"
            | "psychosocialCounselling"
            | "confidential",
        ) => (Shape::Circle, 5.0),
        _ => (Shape::Plus, 6.0),
    }
}

/// The icon inside a goal's diamond, where there is room for it.
fn goal_icon(m: &Marker) -> Option<&'static str> {
    if m.class != "goal" || m.crowded {
        return None;
    }
    match m.kind.as_str() {
        "achieved" => Some("✓"),
        "dropped" => Some("✕"),
        _ => None,
    }
}

/// Tick lines from `top` to `bottom` with their labels on `label_y`.
fn tick_marks(ticks: &[Tick], top: f64, bottom: f64, label_y: f64) -> Vec<Mark> {
    let mut marks = Vec::with_capacity(ticks.len() * 2);
    for tk in ticks {
        let class = if tk.major {
            "fw-tick-line fw-tick-line--major"
        } else {
            "fw-tick-line"
        };
        marks.push(Mark::line(tk.at, top, tk.at, bottom, class));
        if !tk.label.is_empty() {
            marks.push(Mark::text(
                tk.at + 3.0,
                label_y,
                tk.label.clone(),
                "fw-tick",
            ));
        }
    }
    marks
}

/// The lanes' geometry: each `height` tall, its marks `inset` below its top (the title band,
/// when the titles are drawn above the marks).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Lanes {
    height: f64,
    inset: f64,
}

impl Lanes {
    /// Titles in the gutter where the longest fits there, else each above its lane's marks.
    fn for_titles(titles: &[String], gutter: f64) -> Lanes {
        let fits = titles
            .iter()
            .all(|t| 4.0 + text_width(t, 12.0, true) + 6.0 <= gutter);
        let inset = if fits { 0.0 } else { TITLE_BAND };
        Lanes {
            height: LANE + inset,
            inset,
        }
    }

    fn top(self, lane: usize) -> f64 {
        AXIS + lane as f64 * self.height
    }

    /// Where the marks of `lane` start.
    fn marks(self, lane: usize) -> f64 {
        self.top(lane) + self.inset
    }
}

/// A phase: planned rest, bar, cross and ✕ when ended early, an open arrow while it runs,
/// and its label where it fits.
fn phase(b: &Bar, left: f64, width: f64, lanes: Lanes) -> Mark {
    let y = lanes.marks(b.lane) + 6.0;
    let middle = y + BAR / 2.0;
    let terminated = b.status == PhaseStatus::Terminated;
    let mut marks = Vec::new();
    if let Some((a, z)) = b.planned {
        marks.push(Mark::rect(a, y, (z - a).max(1.0), BAR, "fw-phase__planned"));
    }
    let bar_width = (b.x1 - b.x0).max(2.0);
    marks.push(rounded(
        Mark::rect(b.x0, y, bar_width, BAR, "fw-phase__bar"),
        3.0,
    ));
    if terminated {
        marks.push(Mark::rect(b.x0, y, bar_width, BAR, "fw-phase__cross"));
    }
    if b.open {
        let mut d = String::from("M");
        push(&mut d, b.x1);
        d.push(',');
        push(&mut d, y);
        d.push('L');
        push(&mut d, b.x1 + 7.0);
        d.push(',');
        push(&mut d, middle);
        d.push('L');
        push(&mut d, b.x1);
        d.push(',');
        push(&mut d, y + BAR);
        d.push('Z');
        marks.push(Mark::path(d, "fw-phase__open"));
    }
    if terminated {
        marks.push(Mark::text(b.x1 + 1.0, middle, "✕", "fw-phase__end").centred());
    }
    let label = |x: f64, class: &'static str| Mark::text(x, middle, b.label.clone(), class);
    match fit_label(b, left, width) {
        Some(LabelFit::Inside(x)) => {
            marks.push(label(x, "fw-phase__label fw-phase__label--in").centred())
        }
        Some(LabelFit::After(x)) => marks.push(label(x, "fw-phase__label").centred()),
        Some(LabelFit::Before(x)) => {
            marks.push(label(x, "fw-phase__label").anchored(Anchor::End).centred())
        }
        None => {}
    }
    Mark::Group(Group {
        class: format!(
            "fw-phase fw-phase--{} fw-kind--{}",
            b.status.as_class(),
            word(&b.kind)
        )
        .into(),
        data: vec![("data-fw-path", b.path.clone())],
        label: Some(b.text.clone()),
        focusable: Some(true),
        tip: Some(((b.x0 + b.x1) / 2.0, y)),
        role: None,
        ring: ring_around(phase_extent(b, y)),
        marks,
    })
}

/// The box a phase's bar fills with its planned rest and its open arrow (its labels and its ✕
/// lie outside the ring).
fn phase_extent(b: &Bar, y: f64) -> [f64; 4] {
    let (mut left, mut right) = (b.x0, b.x0 + (b.x1 - b.x0).max(2.0));
    if let Some((a, z)) = b.planned {
        (left, right) = (left.min(a), right.max(a + (z - a).max(1.0)));
    }
    if b.open {
        right = right.max(b.x1 + 7.0);
    }
    [left, y, right, y + BAR]
}

/// An event, goal or exit: its symbol, and a goal's icon where there is room.
fn marker(m: &Marker, lanes: Lanes) -> Mark {
    let y = lanes.marks(m.lane) + LANE / 2.0;
    let (shape, r) = marker_shape(m);
    let mut marks = vec![Mark::path(symbol::path(shape, m.x, y, r), "")];
    if let Some(icon) = goal_icon(m) {
        marks.push(
            Mark::text(m.x, y + 1.0, icon, "fw-mark__icon")
                .anchored(Anchor::Middle)
                .centred(),
        );
    }
    Mark::Group(Group {
        class: format!("fw-mark fw-mark--{} fw-mark--{}", m.class, word(&m.kind)).into(),
        data: vec![("data-fw-path", m.path.clone())],
        label: Some(m.text.clone()),
        focusable: Some(true),
        tip: Some((m.x, y - 6.0)),
        role: None,
        ring: ring_around(symbol::extent(shape, m.x, y, r)),
        marks,
    })
}

/// The single view `width` wide: lanes with their titles, the axis, the today line, then the
/// phases and markers in keyboard order. `name` is the drawing's accessible name.
pub fn single_scene(s: &Single, width: f64, name: &str, lang: Lang) -> Scene {
    let width = drawable(width);
    let lanes = Lanes::for_titles(&s.lanes, s.plot.0);
    let bottom = AXIS + s.lanes.len() as f64 * lanes.height + 8.0;
    let mut frame = Vec::new();
    for (i, title) in s.lanes.iter().enumerate() {
        let class = if i % 2 == 0 {
            "fw-lane fw-lane--even"
        } else {
            "fw-lane"
        };
        frame.push(Mark::rect(0.0, lanes.top(i), width, lanes.height, class));
        let middle = if lanes.inset > 0.0 {
            lanes.top(i) + lanes.inset / 2.0 + 1.0
        } else {
            lanes.top(i) + LANE / 2.0
        };
        frame.push(Mark::text(4.0, middle, title.clone(), "fw-lane__title").centred());
    }
    frame.extend(tick_marks(&s.ticks, 16.0, bottom, 12.0));
    frame.push(Mark::line(s.plot.0, 16.0, s.plot.0, bottom, "fw-axis-line"));
    let mut marks = vec![Mark::Group(Group::layer("fw-frame", frame))];
    if let Some(x) = s.today {
        let word = lang.texts().tl.today;
        // Left of the line where it would run past the right edge.
        let label = if x + 3.0 + text_width(word, 11.0, true) > width {
            Mark::text(x - 3.0, bottom - 4.0, word, "").anchored(Anchor::End)
        } else {
            Mark::text(x + 3.0, bottom - 4.0, word, "")
        };
        marks.push(Mark::Group(Group::layer(
            "fw-today",
            vec![Mark::line(x, 16.0, x, bottom, ""), label],
        )));
    }
    marks.extend(in_time(s, width, lanes));
    let (legend, legend_height) = legend(&path_legend(s, lang), width, bottom + 2.0);
    marks.extend(legend);
    Scene {
        width,
        height: bottom + legend_height,
        class: "fw-svg fw-timeline".into(),
        role: Some(lang.texts().tl.drawing.into()),
        label: name.to_string(),
        // A participant's label is the document's text.
        label_data: true,
        patterns: vec![Pattern::Hatch, Pattern::Cross],
        marks,
    }
}

/// What a legend entry shows beside its text.
#[derive(Clone, Debug, PartialEq)]
pub enum Swatch {
    /// A phase kind's bar: its colour and texture.
    Phase(String),
    /// A marker: its class (`event`, `goal`, `exit`), kind and shape.
    Marker(&'static str, String),
    /// A look of a phase bar of this kind: the planned rest (`rest`), still running (`open`),
    /// not begun (`planned`), ended early (`terminated`).
    Look(&'static str, String),
}

/// One entry of a timeline's legend.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// The swatch.
    pub swatch: Swatch,
    /// What it stands for.
    pub text: String,
}

/// The single view's legend: every symbol and pattern the path uses. Each phase kind (its
/// colour and texture), then each look a bar has (planned rest, still running, not begun,
/// ended early), then each kind of marker (events by kind, goals by status, the exit) with its
/// shape, in the order they first appear.
///
/// ```
/// use foerderweg::layout::timeline::{Single, path_legend};
/// use foerderweg::i18n::Lang;
/// let empty = Single {
///     lanes: vec![], bars: vec![], markers: vec![], ticks: vec![], today: None, plot: (0.0, 9.0),
/// };
/// assert!(path_legend(&empty, Lang::De).is_empty());
/// ```
pub fn path_legend(s: &Single, lang: Lang) -> Vec<LegendEntry> {
    let t = lang.texts().tl;
    let mut out: Vec<LegendEntry> = Vec::new();
    let add = |out: &mut Vec<LegendEntry>, swatch: Swatch, text: String| {
        let same = |e: &LegendEntry| match (&e.swatch, &swatch) {
            // A look is told once, whatever the kind of the bar it was first seen on.
            (Swatch::Look(a, _), Swatch::Look(b, _)) => a == b,
            (a, b) => a == b,
        };
        if !out.iter().any(same) {
            out.push(LegendEntry { swatch, text });
        }
    };
    for b in &s.bars {
        add(
            &mut out,
            Swatch::Phase(b.kind.clone()),
            name_of(t.phase_kinds, &b.kind).to_string(),
        );
    }
    for b in &s.bars {
        let looks = [
            (b.planned.is_some(), "rest", t.legend_rest),
            (b.open, "open", t.legend_open),
            (
                b.status == PhaseStatus::Planned,
                "planned",
                t.legend_planned,
            ),
            (
                b.status == PhaseStatus::Terminated,
                "terminated",
                t.legend_terminated,
            ),
        ];
        for (_, look, text) in looks.into_iter().filter(|l| l.0) {
            add(
                &mut out,
                Swatch::Look(look, b.kind.clone()),
                text.to_string(),
            );
        }
    }
    out.extend(marker_legend(s, lang));
    out
}

/// Each kind of marker the single view shows (events by kind, goals by status, the exit) with
/// its shape, in the order they first appear.
fn marker_legend(s: &Single, lang: Lang) -> Vec<LegendEntry> {
    let t = lang.texts().tl;
    let mut out: Vec<LegendEntry> = Vec::new();
    for m in &s.markers {
        let text = match m.class {
            "event" => name_of(t.event_kinds, &m.kind).to_string(),
            "goal" => format!("{} ({})", t.goals_lane, name_of(t.statuses, &m.kind)),
            _ => fill(t.exit, name_of(t.outcomes, &m.kind), ""),
        };
        let swatch = Swatch::Marker(m.class, m.kind.clone());
        if !out.iter().any(|e| e.swatch == swatch) {
            out.push(LegendEntry { swatch, text });
        }
    }
    out
}

/// The cohort's legend: each phase kind its rows show, with its colour and texture, then the
/// exit flags.
pub fn cohort_legend_entries(doc: &TimelineDoc, lang: Lang) -> Vec<LegendEntry> {
    let t = lang.texts().tl;
    let mut out: Vec<LegendEntry> = choices(doc)
        .2
        .into_iter()
        .map(|k| LegendEntry {
            swatch: Swatch::Phase(k.to_string()),
            text: name_of(t.phase_kinds, k).to_string(),
        })
        .collect();
    let exits = doc.participants.iter().filter_map(|p| p.exit.as_ref());
    let (mut early, mut other) = (false, false);
    for e in exits {
        if e.outcome == "earlyTermination" {
            early = true;
        } else {
            other = true;
        }
    }
    if other {
        out.push(LegendEntry {
            swatch: Swatch::Marker("exit", "other".into()),
            text: t.exit_lane.to_string(),
        });
    }
    if early {
        out.push(LegendEntry {
            swatch: Swatch::Marker("exit", "earlyTermination".into()),
            text: fill(t.exit, name_of(t.outcomes, "earlyTermination"), ""),
        });
    }
    out
}

/// The legend of `entries` from `top`, in rows that wrap at `width`; its marks and height.
pub fn legend(entries: &[LegendEntry], width: f64, top: f64) -> (Vec<Mark>, f64) {
    if entries.is_empty() {
        return (Vec::new(), 0.0);
    }
    let width = drawable(width);
    let (mut x, mut y) = (4.0, top);
    let mut items = Vec::with_capacity(entries.len());
    for e in entries {
        let room = 16.0 + 5.0 + text_width(&e.text, 11.0, false) + 14.0;
        if x > 4.0 && x + room > width {
            x = 4.0;
            y += LEGEND_ROW;
        }
        let middle = y + LEGEND_ROW / 2.0;
        let swatch = match &e.swatch {
            Swatch::Phase(kind) => {
                let mut marks = vec![Mark::rect(
                    x,
                    middle - 6.0,
                    16.0,
                    12.0,
                    format!("fw-row__bar fw-kind--{}", word(kind)),
                )];
                marks.extend(
                    Texture::of(kind)
                        .path(x, middle - 6.0, 16.0, 12.0)
                        .map(|d| Mark::path(d, "fw-texture")),
                );
                Mark::Group(Group::layer("fw-tl-legend__swatch", marks))
            }
            Swatch::Look(look, kind) => look_swatch(look, kind, x, middle - 6.0),
            Swatch::Marker(class, kind) => {
                let m = Marker {
                    path: String::new(),
                    class,
                    kind: kind.clone(),
                    x: x + 8.0,
                    lane: 0,
                    text: String::new(),
                    crowded: true,
                    day: NaiveDate::default(),
                };
                let (shape, r) = marker_shape(&m);
                Mark::Group(Group::layer(
                    format!(
                        "fw-tl-legend__swatch fw-mark--{class} fw-mark--{}",
                        word(kind)
                    ),
                    vec![Mark::path(
                        symbol::path(shape, x + 8.0, middle, r.min(7.0)),
                        "",
                    )],
                ))
            }
        };
        let text = Mark::text(x + 21.0, middle, e.text.clone(), "fw-tl-legend__text").centred();
        items.push(Mark::Group(Group::layer(
            "fw-tl-legend__item",
            vec![swatch, text],
        )));
        x += room;
    }
    let height = y + LEGEND_ROW - top + 4.0;
    (
        vec![Mark::Group(Group::layer("fw-tl-legend", items))],
        height,
    )
}

/// A swatch of a bar's `look` in the colour of `kind`, 16 × 12 at (`x`, `y`): drawn with the
/// classes of the bars' parts, so it looks as they do, but not as a `fw-phase` (a record the
/// keyboard, the tooltips and the tests reach).
fn look_swatch(look: &str, kind: &str, x: f64, y: f64) -> Mark {
    let bar = |class: &'static str| rounded(Mark::rect(x, y, 16.0, 12.0, class), 3.0);
    let (status, marks) = match look {
        "rest" => (
            "active",
            vec![Mark::rect(x, y, 16.0, 12.0, "fw-phase__planned")],
        ),
        "open" => {
            let mut d = String::new();
            for (cmd, (px, py)) in [
                ("M", (x + 9.0, y)),
                ("L", (x + 16.0, y + 6.0)),
                ("L", (x + 9.0, y + 12.0)),
            ] {
                d.push_str(cmd);
                push(&mut d, px);
                d.push(',');
                push(&mut d, py);
            }
            d.push('Z');
            (
                "active",
                vec![
                    rounded(Mark::rect(x, y, 9.0, 12.0, "fw-phase__bar"), 3.0),
                    Mark::path(d, "fw-phase__open"),
                ],
            )
        }
        "terminated" => (
            "terminated",
            vec![
                bar("fw-phase__bar"),
                Mark::rect(x, y, 16.0, 12.0, "fw-phase__cross"),
            ],
        ),
        _ => ("planned", vec![bar("fw-phase__bar")]),
    };
    Mark::Group(Group::layer(
        format!(
            "fw-tl-legend__swatch fw-phase--{status} fw-kind--{}",
            word(kind)
        ),
        marks,
    ))
}

/// The cohort's legend as its own drawing, `width` wide, for the list view.
pub fn cohort_legend(doc: &TimelineDoc, width: f64, lang: Lang) -> Scene {
    let width = drawable(width);
    let (marks, height) = legend(&cohort_legend_entries(doc, lang), width, 0.0);
    Scene {
        width,
        height,
        class: "fw-svg fw-tl-legend__drawing".into(),
        marks,
        ..Scene::default()
    }
}

/// The phases and markers as one sequence by day (a phase before a marker of its first day):
/// the order of Tab and of reading.
fn in_time(s: &Single, width: f64, lanes: Lanes) -> Vec<Mark> {
    let mut out = Vec::with_capacity(s.bars.len() + s.markers.len());
    let (mut bars, mut markers) = (s.bars.iter().peekable(), s.markers.iter().peekable());
    loop {
        let bar_first = match (bars.peek(), markers.peek()) {
            (Some(b), Some(m)) => b.day <= m.day,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return out,
        };
        if bar_first {
            out.extend(bars.next().map(|b| phase(b, s.plot.0, width, lanes)));
        } else {
            out.extend(markers.next().map(|m| marker(m, lanes)));
        }
    }
}

/// A cohort row's phases and exit flag, in a row whose top is `y`.
fn row_marks(r: &Row, y: f64) -> Vec<Mark> {
    let mut marks: Vec<Mark> = r
        .bars
        .iter()
        .flat_map(|(x0, x1, kind, status)| {
            let class = format!(
                "fw-row__bar fw-kind--{} fw-phase--{}",
                word(kind),
                status.as_class()
            );
            let w = (x1 - x0).max(2.0);
            // The kind's texture over its colour: kinds differ by more than colour.
            let texture = Texture::of(kind)
                .path(*x0, y + 9.0, w, 14.0)
                .map(|d| Mark::path(d, format!("fw-texture fw-kind--{}", word(kind))));
            std::iter::once(rounded(Mark::rect(*x0, y + 9.0, w, 14.0, class), 2.0)).chain(texture)
        })
        .collect();
    if let Some((x, outcome)) = &r.exit {
        marks.push(Mark::path(
            symbol::path(Shape::Flag, *x, y + 16.0, 10.0),
            format!("fw-row__exit fw-mark--{}", word(outcome)),
        ));
    }
    marks
}

/// The drawing inside a cohort row of the list (`width` wide; the row's button carries its
/// name and its label).
pub fn row_scene(r: &Row, width: f64) -> Scene {
    Scene {
        width: drawable(width),
        height: ROW,
        class: "fw-svg fw-row__bars".into(),
        marks: row_marks(r, 0.0),
        ..Scene::default()
    }
}

/// The axis strip above the cohort's list, `width` wide.
pub fn cohort_axis(window: Window, width: f64, lang: Lang) -> Scene {
    let width = drawable(width);
    Scene {
        width,
        height: COHORT_AXIS,
        class: "fw-svg".into(),
        marks: tick_marks(
            &ticks(window, plot_for(width), lang),
            0.0,
            COHORT_AXIS,
            13.0,
        ),
        ..Scene::default()
    }
}

/// The cohort in `order` as one figure (every row, not only those in view): the axis, then a
/// row per participant with its label, named by the row's sentence.
pub fn cohort_figure(
    doc: &TimelineDoc,
    order: &[usize],
    window: Window,
    today: NaiveDate,
    lang: Lang,
    width: f64,
) -> Scene {
    let width = drawable(width).max(320.0);
    let plot = plot_for(width);
    let rows = cohort_rows(doc, order, 0..order.len(), window, plot, today, lang);
    let bottom = COHORT_AXIS + rows.len() as f64 * ROW;
    let axis = tick_marks(&ticks(window, plot, lang), 0.0, bottom, 13.0);
    let mut marks = vec![Mark::Group(Group::layer("fw-frame", axis))];
    for (k, r) in rows.iter().enumerate() {
        let y = COHORT_AXIS + k as f64 * ROW;
        let mut row = vec![Mark::text(4.0, y + 20.0, r.label.clone(), "fw-row__label")];
        row.extend(row_marks(r, y));
        marks.push(Mark::Group(Group {
            class: format!("fw-cohort-row fw-row--{}", r.status).into(),
            data: vec![("data-fw-path", format!("participants[{}]", r.index))],
            label: Some(r.text.clone()),
            marks: row,
            ..Group::default()
        }));
    }
    let (legend, legend_height) = legend(&cohort_legend_entries(doc, lang), width, bottom + 4.0);
    marks.extend(legend);
    Scene {
        width,
        height: bottom + 4.0 + legend_height,
        class: "fw-svg fw-cohort-figure".into(),
        role: Some(lang.texts().tl.drawing.into()),
        label: lang.texts().tl.cohort.to_string(),
        label_data: false,
        patterns: Vec::new(),
        marks,
    }
}

/// The cohort's list, scrolled to `scroll` pixels: the first row in view.
pub fn row_at(scroll: f64) -> usize {
    if scroll.is_finite() && scroll > 0.0 {
        (scroll / ROW) as usize
    } else {
        0
    }
}

/// Where the cohort's list, `height` tall and scrolled to `scroll`, must scroll so that row
/// `position` is in view; `None` when it is.
pub fn scroll_to_show(position: usize, scroll: f64, height: f64) -> Option<f64> {
    let top = position as f64 * ROW;
    if top < scroll {
        Some(top)
    } else if top + ROW > scroll + height {
        Some(top + ROW - height)
    } else {
        None
    }
}

/// The CSS height of the list of `rows` rows (`"320px"`).
pub fn list_height(rows: usize) -> String {
    let mut s = String::new();
    push(&mut s, rows as f64 * ROW);
    s.push_str("px");
    s
}

/// The CSS transform that moves the drawn slice, starting at row `first`, to its place.
pub fn slice_offset(first: usize) -> String {
    let mut s = String::from("translateY(");
    push(&mut s, first as f64 * ROW);
    s.push_str("px)");
    s
}

/// The window dragged from `from` to `to` (pointer positions in pixels) from `start`, in a
/// widget `width` wide (to the right shows earlier days); `None` for a twitch under 4 px.
pub fn dragged(start: Window, from: f64, to: f64, width: f64) -> Option<Window> {
    let (left, right) = plot_for(width);
    let dx = to - from;
    (dx.abs() > 3.0).then(|| start.pan(-dx / (right - left).max(1.0)))
}

/// The window zoomed by a wheel turn (`delta_y`) at the pointer `x` over an element from
/// `left`, `width` wide (the day under the pointer stays in place).
pub fn wheeled(window: Window, delta_y: f64, x: f64, left: f64, width: f64) -> Window {
    let factor = if delta_y > 0.0 { 1.2 } else { 1.0 / 1.2 };
    window.zoom(factor, (x - left) / width.max(1.0))
}

/// The top of cohort row `position` in the list (where the list scrolls to show it first).
pub fn row_top(position: usize) -> f64 {
    position as f64 * ROW
}

#[cfg(test)]
mod tests {
    use super::super::{single, today};
    use super::*;
    use crate::check::{Document, check};
    use crate::model::WidgetKind;

    fn doc(text: &str) -> TimelineDoc {
        match check(WidgetKind::Timeline, text).document {
            Some(Document::Timeline(doc)) => std::sync::Arc::unwrap_or_clone(doc),
            other => panic!("{other:?}"),
        }
    }

    fn bar(x0: f64, x1: f64, label: &str, status: PhaseStatus) -> Bar {
        Bar {
            path: "participants[0].phases[0]".into(),
            lane: 0,
            x0,
            x1,
            planned: None,
            status,
            kind: "profiling".into(),
            open: false,
            label: label.into(),
            text: label.into(),
            day: NaiveDate::default(),
        }
    }

    #[test]
    fn a_label_goes_inside_after_before_or_nowhere() {
        // "Profiling" is 9 characters: 9 × 6.6 + 8 = 67.4 px.
        let active = PhaseStatus::Active;
        assert_eq!(
            fit_label(&bar(200.0, 300.0, "Profiling", active), 150.0, 900.0),
            Some(LabelFit::Inside(204.0))
        );
        assert_eq!(
            fit_label(&bar(200.0, 260.0, "Profiling", active), 150.0, 900.0),
            Some(LabelFit::After(270.0))
        );
        // Not over the cross of a phase ended early, however wide.
        assert_eq!(
            fit_label(
                &bar(200.0, 700.0, "Profiling", PhaseStatus::Terminated),
                150.0,
                900.0
            ),
            Some(LabelFit::After(710.0))
        );
        // After the planned rest, not over it.
        let mut planned = bar(200.0, 220.0, "Profiling", active);
        planned.planned = Some((220.0, 400.0));
        assert_eq!(
            fit_label(&planned, 150.0, 900.0),
            Some(LabelFit::After(410.0))
        );
        assert_eq!(
            fit_label(&bar(820.0, 850.0, "Profiling", active), 150.0, 900.0),
            Some(LabelFit::Before(814.0))
        );
        assert_eq!(
            fit_label(&bar(160.0, 180.0, "Profiling", active), 150.0, 250.0),
            None
        );
    }

    #[test]
    fn markers_differ_by_shape() {
        let m = |class: &'static str, kind: &str| Marker {
            path: String::new(),
            class,
            kind: kind.into(),
            x: 0.0,
            lane: 0,
            text: String::new(),
            crowded: false,
            day: NaiveDate::default(),
        };
        let shapes: Vec<Shape> = [
            m("goal", "open"),
            m("exit", "employment"),
            m("event", "review"),
            m("event", "followUpProfiling"),
            m("event", "earlyTermination"),
            m("event", "homeVisit"),
            m("event", "recommendation"),
            m("event", "debtCounselling"),
            m("event", "somethingNew"),
        ]
        .iter()
        .map(|m| marker_shape(m).0)
        .collect();
        assert_eq!(
            shapes,
            [
                Shape::Diamond,
                Shape::Flag,
                Shape::Square,
                Shape::Triangle,
                Shape::TriangleDown,
                Shape::House,
                Shape::Star,
                Shape::Circle,
                Shape::Plus
            ]
        );
    }

    fn sample_scene(index: usize, width: f64) -> (Single, Scene) {
        let tl = doc(include_str!("../../../www/data/timeline-sample.json"));
        let day = today(&tl, NaiveDate::default());
        let w = Window::fit(&tl.participants.iter().collect::<Vec<_>>(), day);
        let s = single(&tl, index, w, plot_for(width), day, Lang::De).expect("participant");
        let scene = single_scene(&s, width, "TN", Lang::De);
        (s, scene)
    }

    fn texts(g: &Group) -> Vec<&str> {
        let mut out = Vec::new();
        for m in &g.marks {
            m.texts(&mut out);
        }
        out
    }

    #[test]
    fn every_phase_and_marker_is_a_named_focusable_record() {
        let (s, scene) = sample_scene(0, 900.0);
        let records = scene.records("data-fw-path");
        let paths: Vec<&str> = records.iter().map(|(p, _)| *p).collect();
        // Every record, in the order of its day (a phase before a marker of the same day).
        let mut expected: Vec<(NaiveDate, bool, &str, &String)> = s
            .bars
            .iter()
            .map(|b| (b.day, false, b.path.as_str(), &b.text))
            .chain(
                s.markers
                    .iter()
                    .map(|m| (m.day, true, m.path.as_str(), &m.text)),
            )
            .collect();
        expected.sort_by_key(|(day, marker, _, _)| (*day, *marker));
        let in_order: Vec<&str> = expected.iter().map(|(_, _, p, _)| *p).collect();
        assert_eq!(paths, in_order);
        for ((_, g), (_, _, _, text)) in records.iter().zip(&expected) {
            assert_eq!(g.label.as_ref(), Some(*text));
            assert_eq!(g.focusable, Some(true));
            assert!(g.tip.is_some());
        }
        // The open work opportunity: planned rest, bar and arrow, in its kind's class.
        let (_, work) = records
            .iter()
            .find(|(p, _)| p.ends_with("phases[2]"))
            .expect("work");
        assert_eq!(
            work.class,
            "fw-phase fw-phase--active fw-kind--workOpportunity"
        );
        let classes: Vec<&str> = work
            .marks
            .iter()
            .map(|m| match m {
                Mark::Rect { class, .. } | Mark::Path { class, .. } | Mark::Text { class, .. } => {
                    class.as_ref()
                }
                _ => "",
            })
            .collect();
        assert_eq!(
            classes,
            [
                "fw-phase__planned",
                "fw-phase__bar",
                "fw-phase__open",
                "fw-phase__label fw-phase__label--in"
            ]
        );
        // The achieved goal: a diamond with its tick.
        let (_, goal) = records
            .iter()
            .find(|(p, _)| p.ends_with("goals[0]"))
            .expect("goal");
        assert_eq!(goal.class, "fw-mark fw-mark--goal fw-mark--achieved");
        assert_eq!(texts(goal), ["✓"]);
        let m = s.markers.iter().find(|m| m.path.ends_with("goals[0]"));
        let m = m.expect("goal marker");
        let y = Lanes::for_titles(&s.lanes, s.plot.0).marks(m.lane) + LANE / 2.0;
        assert_eq!(
            goal.marks[0],
            Mark::path(symbol::path(Shape::Diamond, m.x, y, 7.0), "")
        );
        // Lanes under the axis (their titles above their marks: "Qualifizierungsempfehlung"
        // does not fit the gutter), then the legend of the markers.
        let lanes = Lanes::for_titles(&s.lanes, s.plot.0);
        assert_eq!(lanes.inset, TITLE_BAND);
        let bottom = AXIS + s.lanes.len() as f64 * (LANE + TITLE_BAND) + 8.0;
        let entries = path_legend(&s, Lang::De);
        assert!(entries.len() >= 3, "{entries:?}");
        assert_eq!(
            scene.height,
            bottom + legend(&entries, 900.0, bottom + 2.0).1
        );
        assert!(
            scene
                .marks
                .iter()
                .any(|m| matches!(m, Mark::Group(g) if g.class == "fw-today"))
        );
    }

    #[test]
    fn an_early_termination_is_crossed_with_its_label_outside() {
        // Wide enough for the long label with a reader's text spacing.
        let (_, scene) = sample_scene(1, 1200.0);
        let records = scene.records("data-fw-path");
        let (_, work) = records
            .iter()
            .find(|(p, _)| p.ends_with("phases[2]"))
            .expect("work");
        assert!(work.class.contains("fw-phase--terminated"));
        assert!(
            work.marks
                .iter()
                .any(|m| matches!(m, Mark::Rect { class, .. } if class == "fw-phase__cross"))
        );
        assert_eq!(texts(work), ["✕", "Arbeitsgelegenheit Holzwerkstatt"]);
        assert!(work.marks.iter().all(|m| !matches!(
            m,
            Mark::Text { class, .. } if class.contains("--in")
        )));
        // The exit: a flag.
        let (_, exit) = records
            .iter()
            .find(|(p, _)| p.ends_with("exit"))
            .expect("exit");
        assert_eq!(
            exit.class,
            "fw-mark fw-mark--exit fw-mark--earlyTermination"
        );
    }

    #[test]
    fn the_cohort_figure_has_a_named_row_per_participant() {
        let tl = doc(include_str!("../../../www/data/timeline-sample.json"));
        let day = today(&tl, NaiveDate::default());
        let w = Window::fit(&tl.participants.iter().collect::<Vec<_>>(), day);
        let scene = cohort_figure(&tl, &[2, 0, 1], w, day, Lang::En, 700.0);
        let (_, legend_height) = legend(&cohort_legend_entries(&tl, Lang::En), 700.0, 0.0);
        assert!(legend_height > 0.0);
        assert_eq!(scene.height, COHORT_AXIS + 3.0 * ROW + 4.0 + legend_height);
        assert_eq!(scene.class, "fw-svg fw-cohort-figure");
        let rows = scene.records("data-fw-path");
        let ids: Vec<&str> = rows.iter().map(|(p, _)| *p).collect();
        assert_eq!(
            ids,
            ["participants[2]", "participants[0]", "participants[1]"]
        );
        assert_eq!(texts(rows[0].1), ["Teilnehmerin C"]);
        assert!(
            rows[0]
                .1
                .label
                .as_deref()
                .unwrap_or("")
                .starts_with("Teilnehmerin C: exited"),
            "{:?}",
            rows[0].1.label
        );
        assert_eq!(rows[2].1.class, "fw-cohort-row fw-row--terminated");
        // A broken width still gives a drawing.
        assert_eq!(
            cohort_figure(&tl, &[0], w, day, Lang::En, f64::NAN).width,
            640.0
        );
    }

    #[test]
    fn the_list_scrolls_by_whole_rows() {
        assert_eq!(row_at(32.0 * 5.5), 5);
        assert_eq!(row_at(f64::NAN), 0);
        assert_eq!(scroll_to_show(3, 0.0, 320.0), None);
        assert_eq!(scroll_to_show(12, 0.0, 320.0), Some(96.0));
        assert_eq!(scroll_to_show(2, 200.0, 320.0), Some(64.0));
        assert_eq!(list_height(3), "96px");
        assert_eq!(slice_offset(10), "translateY(320px)");
        let w = Window::new(
            NaiveDate::from_ymd_opt(2018, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2018, 12, 31).unwrap(),
        );
        assert_eq!(dragged(w, 100.0, 102.0, 900.0), None);
        assert!(dragged(w, 100.0, 300.0, 900.0).is_some_and(|d| d.from < w.from));
        assert_eq!(wheeled(w, 1.0, 50.0, 50.0, 800.0).from, w.from);
    }
}

#[cfg(test)]
mod order_tests {
    use super::super::single;
    use super::*;
    use crate::check::{Document, check};
    use crate::model::WidgetKind;

    #[test]
    fn records_are_in_date_order_whatever_the_data_order() {
        // Phases and events given late to early; a goal and the exit in between.
        let text = r#"{"schema":"foerderweg/timeline@1","today":"2018-12-15","participants":[
          {"id":"o","label":"O","phases":[
            {"kind":"workOpportunity","start":"2018-05-01","end":"2018-11-30"},
            {"kind":"profiling","start":"2018-02-01","end":"2018-03-01"},
            {"kind":"referral","start":"2018-01-10","end":"2018-01-10"}],
           "events":[{"kind":"review","date":"2018-09-01"},{"kind":"homeVisit","date":"2018-03-15"},
             {"kind":"counselling","date":"2018-06-01"}],
           "goals":[{"label":"G","due":"2018-04-01"}],
           "exit":{"date":"2018-12-01","outcome":"employment"}}]}"#;
        let Some(Document::Timeline(tl)) = check(WidgetKind::Timeline, text).document else {
            panic!("a timeline");
        };
        let day = |m, d| NaiveDate::from_ymd_opt(2018, m, d).unwrap_or_default();
        let w = Window::new(day(1, 1), day(12, 31));
        let s = single(&tl, 0, w, (150.0, 888.0), day(12, 15), Lang::De).expect("participant");
        let scene = single_scene(&s, 900.0, "O", Lang::De);
        let order: Vec<&str> = scene
            .records("data-fw-path")
            .iter()
            .map(|(p, _)| p.trim_start_matches("participants[0]."))
            .collect();
        assert_eq!(
            order,
            [
                "phases[2]",
                "phases[1]",
                "events[1]",
                "goals[0]",
                "phases[0]",
                "events[2]",
                "events[0]",
                "exit"
            ]
        );
    }
}

#[cfg(test)]
mod table_order_tests {
    use super::super::single_table;
    use crate::check::{Document, check};
    use crate::i18n::Lang;
    use crate::model::WidgetKind;
    use chrono::NaiveDate;

    #[test]
    fn the_table_view_lists_each_kind_of_record_by_date() {
        let text = r#"{"schema":"foerderweg/timeline@1","participants":[{"id":"o","label":"O",
          "phases":[{"kind":"workOpportunity","start":"2018-05-01"},
            {"kind":"referral","start":"2018-01-10","end":"2018-01-10"}],
          "events":[{"kind":"review","date":"2018-09-01"},{"kind":"homeVisit","date":"2018-03-15"}],
          "goals":[{"label":"Spät","due":"2018-11-01"},{"label":"Früh","due":"2018-02-01"}]}]}"#;
        let Some(Document::Timeline(tl)) = check(WidgetKind::Timeline, text).document else {
            panic!("a timeline");
        };
        let today = NaiveDate::from_ymd_opt(2018, 12, 1).unwrap_or_default();
        let table = single_table(&tl.participants[0], today, Lang::De);
        let first: Vec<String> = table
            .rows
            .iter()
            .map(|r| {
                format!(
                    "{} {}",
                    r.cells[0].display(Lang::De),
                    r.cells[1].display(Lang::De)
                )
            })
            .collect();
        assert_eq!(
            first,
            [
                "Zuweisung ",
                "Arbeitsgelegenheit ",
                "Hausbesuch ",
                "Förderplangespräch ",
                "Ziele Früh",
                "Ziele Spät"
            ]
        );
    }
}
