//! The timeline's scenes: the visible time window (zoom, pan, presets), axis ticks that fit the
//! width, one participant's lanes of phases, events, goals and exit, and the cohort's rows,
//! laid out only for the rows on screen. Pure: no browser.

use super::scale::Time;
use super::table::{Cell, Column, DataTable};
use crate::i18n::{Lang, fill, fill_named, isolate, join_isolated, name_of};
use crate::model::timeline::{Participant, Phase, TimelineDoc};
use crate::order::sort_by_cached_key;
use chrono::{Datelike, Days, Months, NaiveDate};

mod figure;
pub use figure::{
    AXIS, COHORT_AXIS, LANE, LabelFit, ROW, cohort_axis, cohort_figure, dragged, fit_label,
    list_height, marker_shape, plot_for, row_at, row_scene, row_top, scroll_to_show, single_scene,
    slice_offset, tip_place, wheeled,
};

/// The shortest window, in days.
pub const MIN_DAYS: i64 = 7;
/// The longest window, in days (60 years).
pub const MAX_DAYS: i64 = 366 * 60;

/// The dates on screen, `from` to `to`, at least [`MIN_DAYS`] apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// First day shown.
    pub from: NaiveDate,
    /// Last day shown.
    pub to: NaiveDate,
}

fn add_days(day: NaiveDate, days: i64) -> NaiveDate {
    let moved = if days >= 0 {
        day.checked_add_days(Days::new(days as u64))
    } else {
        day.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    moved.unwrap_or(day)
}

impl Window {
    /// A window around `from..=to`, widened to [`MIN_DAYS`] around its middle when shorter.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Window {
        let (from, to) = if to < from { (to, from) } else { (from, to) };
        let days = (to - from).num_days();
        if days >= MIN_DAYS {
            return Window {
                from,
                to: add_days(from, days.min(MAX_DAYS)),
            };
        }
        let middle = add_days(from, days / 2);
        Window {
            from: add_days(middle, -MIN_DAYS / 2),
            to: add_days(middle, MIN_DAYS - MIN_DAYS / 2),
        }
    }

    /// Everything in `participants` and `today`, with a margin of 3 % each side.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use foerderweg::layout::timeline::Window;
    /// let day = NaiveDate::from_ymd_opt(2018, 12, 1).unwrap_or_default();
    /// let w = Window::fit(&[], day);
    /// assert_eq!((w.to - w.from).num_days(), 7);
    /// ```
    pub fn fit(participants: &[&Participant], today: NaiveDate) -> Window {
        let mut first = today;
        let mut last = today;
        for p in participants {
            for day in dates_of(p) {
                first = first.min(day);
                last = last.max(day);
            }
        }
        let margin = ((last - first).num_days() as f64 * 0.03).ceil() as i64;
        Window::new(
            add_days(first, -margin.max(1)),
            add_days(last, margin.max(1)),
        )
    }

    /// The number of days shown.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days()
    }

    /// Zooms by `factor` (below 1 zooms in) keeping the day at `anchor` (0 = left edge, 1 = right
    /// edge) in place.
    pub fn zoom(self, factor: f64, anchor: f64) -> Window {
        let days = self.days() as f64;
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let anchor = if anchor.is_finite() {
            anchor.clamp(0.0, 1.0)
        } else {
            0.5
        };
        let new_days = (days * factor)
            .round()
            .clamp(MIN_DAYS as f64, MAX_DAYS as f64);
        let pivot = add_days(self.from, (days * anchor).round() as i64);
        let from = add_days(pivot, -(new_days * anchor).round() as i64);
        Window::new(from, add_days(from, new_days as i64))
    }

    /// Moves by `fraction` of the window (negative is earlier).
    pub fn pan(self, fraction: f64) -> Window {
        let fraction = if fraction.is_finite() { fraction } else { 0.0 };
        let shift = (self.days() as f64 * fraction).round() as i64;
        Window::new(add_days(self.from, shift), add_days(self.to, shift))
    }

    /// `months` months ending a little after `today`.
    pub fn around_today(today: NaiveDate, months: u32) -> Window {
        let from = today
            .checked_sub_months(Months::new(months))
            .unwrap_or(today);
        let span = (today - from).num_days();
        Window::new(add_days(from, span / 6), add_days(today, span / 6))
    }
}

/// Every date a participant's record mentions.
fn dates_of(p: &Participant) -> impl Iterator<Item = NaiveDate> + '_ {
    let phases = p
        .phases
        .iter()
        .flat_map(|ph| [Some(ph.start), ph.planned_end, ph.end])
        .flatten();
    let events = p.events.iter().map(|e| e.date);
    let goals = p.goals.iter().filter_map(|g| g.due);
    let exit = p.exit.iter().map(|e| e.date);
    phases.chain(events).chain(goals).chain(exit).map(|d| d.0)
}

/// A tick of the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Position in pixels.
    pub x: f64,
    /// Label.
    pub label: String,
    /// A year boundary (drawn stronger).
    pub major: bool,
}

/// Ticks for `window` drawn from `left` to `right`: months, quarters, years or several years,
/// whichever is the finest that leaves about 56 px a label.
///
/// ```
/// use chrono::NaiveDate;
/// use foerderweg::i18n::Lang;
/// use foerderweg::layout::timeline::{ticks, Window};
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
/// let t = ticks(Window::new(d(2017, 11, 15), d(2018, 2, 15)), (0.0, 600.0), Lang::De);
/// let labels: Vec<_> = t.iter().map(|t| t.label.as_str()).collect();
/// assert_eq!(labels, ["Dez 2017", "Jan 2018", "Feb"]);
/// ```
pub fn ticks(window: Window, (left, right): (f64, f64), lang: Lang) -> Vec<Tick> {
    let scale = Time::new(window.from, window.to, (left, right));
    let per_day = (right - left) / window.days().max(1) as f64;
    let months = lang.texts().occ.months;
    let step_months = [1, 3, 12, 24, 60, 120]
        .into_iter()
        .find(|m| *m as f64 * 30.44 * per_day >= 56.0)
        .unwrap_or(120);
    let mut ticks = Vec::new();
    let Some(mut at) = NaiveDate::from_ymd_opt(window.from.year(), 1, 1) else {
        return ticks;
    };
    let mut labelled_year = None;
    while at <= window.to && ticks.len() < 400 {
        if at >= window.from {
            let major = at.month() == 1;
            let label = match step_months {
                1 => {
                    let month = months[at.month0() as usize];
                    if labelled_year == Some(at.year()) {
                        month.to_string()
                    } else {
                        format!("{month} {}", at.year())
                    }
                }
                3 => format!("Q{} {}", at.month0() / 3 + 1, at.year()),
                _ => at.year().to_string(),
            };
            labelled_year = Some(at.year());
            let x = scale.apply(at);
            // A label that would run past the right edge is left off (the line stays).
            let too_wide = x + 3.0 + label.chars().count() as f64 * 6.6 > right + 8.0;
            let label = if too_wide { String::new() } else { label };
            ticks.push(Tick { x, label, major });
        }
        let Some(next) = at.checked_add_months(Months::new(step_months)) else {
            break;
        };
        at = next;
        // Multi-year steps start on years divisible by the step.
        if step_months > 12 {
            let years = step_months as i32 / 12;
            let aligned = at.year() - at.year().rem_euclid(years);
            at = NaiveDate::from_ymd_opt(aligned.max(at.year() - years + 1), 1, 1).unwrap_or(at);
        }
    }
    ticks
}

/// Where a phase stands on `today`: resolved once, by [`PhaseStatus::of`], for the chart's
/// class and pattern, the tooltip, the table view and the cohort rows alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhaseStatus {
    /// Not begun yet (starts after today).
    Planned,
    /// Under way.
    Active,
    /// Ended.
    Completed,
    /// Ended early.
    Terminated,
}

impl PhaseStatus {
    /// Every status, in the order of a phase's life.
    pub const ALL: [PhaseStatus; 4] = [
        PhaseStatus::Planned,
        PhaseStatus::Active,
        PhaseStatus::Completed,
        PhaseStatus::Terminated,
    ];

    /// The status of `ph` on `today`: the host's word where it is one of ours, else from the
    /// dates (starts after today: planned; no end or an end still to come: active; else
    /// completed).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use foerderweg::layout::timeline::PhaseStatus;
    /// use foerderweg::model::timeline::Phase;
    /// let ph: Phase = serde_json::from_str(r#"{"kind":"profiling","start":"2018-07-01"}"#)
    ///     .unwrap_or_else(|e| panic!("{e}"));
    /// let day = |m| NaiveDate::from_ymd_opt(2018, m, 1).unwrap_or_default();
    /// assert_eq!(PhaseStatus::of(&ph, day(6)), PhaseStatus::Planned);
    /// assert_eq!(PhaseStatus::of(&ph, day(8)).as_class(), "active");
    /// ```
    pub fn of(ph: &Phase, today: NaiveDate) -> PhaseStatus {
        let given = ph
            .status
            .as_deref()
            .and_then(|s| PhaseStatus::ALL.into_iter().find(|k| k.as_class() == s));
        given.unwrap_or(if ph.start.0 > today {
            PhaseStatus::Planned
        } else if ph.end.is_none_or(|e| e.0 > today) {
            PhaseStatus::Active
        } else {
            PhaseStatus::Completed
        })
    }

    /// The class suffix (`fw-phase--planned`) and key of the words.
    pub fn as_class(self) -> &'static str {
        match self {
            PhaseStatus::Planned => "planned",
            PhaseStatus::Active => "active",
            PhaseStatus::Completed => "completed",
            PhaseStatus::Terminated => "terminated",
        }
    }

    /// The status in words (`geplant`).
    pub fn label(self, lang: Lang) -> &'static str {
        name_of(lang.texts().tl.statuses, self.as_class())
    }
}

/// A phase bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// JSON path of the phase (`participants[0].phases[2]`), its identity in the view.
    pub path: String,
    /// Lane index.
    pub lane: usize,
    /// Actual part: start to end (or today while open), in pixels, clipped to the plot.
    pub x0: f64,
    /// End of the actual part.
    pub x1: f64,
    /// The planned rest not yet reached (hatched), from the actual end to the planned end.
    pub planned: Option<(f64, f64)>,
    /// Where the phase stands.
    pub status: PhaseStatus,
    /// The phase kind (`other` for unknown kinds).
    pub kind: String,
    /// Still running.
    pub open: bool,
    /// Label drawn on or next to the bar.
    pub label: String,
    /// Tooltip and accessible text.
    pub text: String,
}

/// Markers nearer than this (pixels) in one lane drop their icons.
const MARKER_ROOM: f64 = 14.0;

/// A one-day marker (event, goal due date, exit).
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// JSON path of the record.
    pub path: String,
    /// `event`, `goal`, `exit`.
    pub class: &'static str,
    /// The event kind, goal status or exit outcome.
    pub kind: String,
    /// Position in pixels.
    pub x: f64,
    /// Lane index.
    pub lane: usize,
    /// Tooltip and accessible text.
    pub text: String,
    /// Another marker in its lane is so near that an icon inside it would run into the other's.
    pub crowded: bool,
}

/// One participant drawn in lanes.
#[derive(Clone, Debug, PartialEq)]
pub struct Single {
    /// Lane titles, top to bottom.
    pub lanes: Vec<String>,
    /// Phase bars.
    pub bars: Vec<Bar>,
    /// Events, goals, exit.
    pub markers: Vec<Marker>,
    /// Axis ticks.
    pub ticks: Vec<Tick>,
    /// The today line, when inside the window.
    pub today: Option<f64>,
    /// Left and right edges of the plot.
    pub plot: (f64, f64),
}

/// `12.02.2018–09.03.2018 (26 Tage)` or `seit 19.03.2018, laufend (…)`.
fn span_text(lang: Lang, start: NaiveDate, end: Option<NaiveDate>, today: NaiveDate) -> String {
    let t = lang.texts().tl;
    let last = end.unwrap_or(today);
    let days = (last - start).num_days() + 1;
    let duration = if days == 1 {
        t.one_day.to_string()
    } else if days >= 70 {
        fill(t.weeks, &lang.integer(days / 7), "")
    } else {
        fill(t.days, &lang.integer(days.max(0)), "")
    };
    match end {
        Some(end) => format!("{}–{} ({duration})", lang.date(start), lang.date(end)),
        None => format!("{}–, {} ({duration})", lang.date(start), t.ongoing),
    }
}

fn phase_kind(kind: &str) -> &str {
    if crate::check::PHASE_KINDS.contains(&kind) {
        kind
    } else {
        "other"
    }
}

/// Who runs a phase: provider and project, as far as given.
fn who(ph: &Phase) -> String {
    join_isolated(
        [ph.provider.as_deref(), ph.project.as_deref()]
            .into_iter()
            .flatten(),
        ", ",
    )
}

/// The tooltip text of a phase.
pub fn phase_text(ph: &Phase, today: NaiveDate, lang: Lang) -> String {
    let t = lang.texts().tl;
    let kind = name_of(t.phase_kinds, phase_kind(&ph.kind));
    let mut parts = vec![match &ph.label {
        Some(label) if label != kind => format!("{kind}: {}", isolate(label)),
        _ => kind.to_string(),
    }];
    parts.push(span_text(lang, ph.start.0, ph.end.map(|d| d.0), today));
    if let Some(planned) = ph.planned_end {
        match ph.end {
            Some(end) if end > planned => {
                parts.push(fill(
                    t.ended_late,
                    &lang.integer((end.0 - planned.0).num_days()),
                    "",
                ));
            }
            Some(end) if end == planned => {}
            _ => parts.push(fill(t.planned_until, &lang.date(planned.0), "")),
        }
    }
    let who = who(ph);
    if !who.is_empty() {
        parts.push(who);
    }
    parts.push(PhaseStatus::of(ph, today).label(lang).to_string());
    parts.join(" · ")
}

/// Lays out participant `index` of `doc` for `window` between `plot.0` and `plot.1` pixels.
pub fn single(
    doc: &TimelineDoc,
    index: usize,
    window: Window,
    plot: (f64, f64),
    today: NaiveDate,
    lang: Lang,
) -> Option<Single> {
    let t = lang.texts().tl;
    let p = doc.participants.get(index)?;
    let scale = Time::new(window.from, window.to, plot);
    let x = |d: NaiveDate| scale.apply(d).clamp(plot.0 - 2.0, plot.1 + 2.0);
    let visible = |a: NaiveDate, b: NaiveDate| b >= window.from && a <= window.to;

    // Lanes: the phase kinds present, in the order of a programme, then events, goals, exit.
    let mut kinds: Vec<&str> = crate::check::PHASE_KINDS
        .iter()
        .copied()
        .filter(|k| p.phases.iter().any(|ph| phase_kind(&ph.kind) == *k))
        .collect();
    kinds.dedup();
    let mut lanes: Vec<String> = kinds
        .iter()
        .map(|k| name_of(t.phase_kinds, k).to_string())
        .collect();
    let lane_of = |kind: &str| {
        kinds
            .iter()
            .position(|k| *k == phase_kind(kind))
            .unwrap_or(0)
    };

    let mut bars = Vec::new();
    for (j, ph) in p.phases.iter().enumerate() {
        let open = ph.end.is_none();
        let actual_end = ph.end.map(|d| d.0).unwrap_or(today.max(ph.start.0));
        let planned_end = ph.planned_end.map(|d| d.0);
        let last = planned_end.map_or(actual_end, |pe| pe.max(actual_end));
        if !visible(ph.start.0, last) {
            continue;
        }
        let planned = planned_end
            .filter(|pe| *pe > actual_end)
            .map(|pe| (x(actual_end), x(pe)));
        // A one-day phase still gets a visible bar.
        let (x0, x1) = (x(ph.start.0), x(actual_end).max(x(ph.start.0) + 2.0));
        bars.push(Bar {
            path: format!("participants[{index}].phases[{j}]"),
            lane: lane_of(&ph.kind),
            x0,
            x1,
            planned,
            status: PhaseStatus::of(ph, today),
            kind: phase_kind(&ph.kind).to_string(),
            open,
            label: ph
                .label
                .clone()
                .unwrap_or_else(|| name_of(t.phase_kinds, phase_kind(&ph.kind)).to_string()),
            text: phase_text(ph, today, lang),
        });
    }

    let mut markers = Vec::new();
    if !p.events.is_empty() {
        let lane = lanes.len();
        lanes.push(t.events_lane.to_string());
        for (j, e) in p.events.iter().enumerate() {
            if !visible(e.date.0, e.date.0) {
                continue;
            }
            let kind = if crate::check::EVENT_KINDS.contains(&e.kind.as_str()) {
                e.kind.as_str()
            } else {
                "other"
            };
            let name = name_of(t.event_kinds, kind);
            let text = match &e.label {
                Some(label) if label != name => {
                    format!("{name}: {label} · {}", lang.date(e.date.0))
                }
                _ => format!("{name} · {}", lang.date(e.date.0)),
            };
            markers.push(Marker {
                path: format!("participants[{index}].events[{j}]"),
                class: "event",
                kind: kind.to_string(),
                x: x(e.date.0),
                lane,
                text,
                crowded: false,
            });
        }
    }
    if p.goals.iter().any(|g| g.due.is_some()) {
        let lane = lanes.len();
        lanes.push(t.goals_lane.to_string());
        for (j, g) in p.goals.iter().enumerate() {
            let Some(due) = g.due else { continue };
            if !visible(due.0, due.0) {
                continue;
            }
            let status = g.status.clone().unwrap_or_else(|| "open".into());
            let text = format!(
                "{} · {} · {}",
                isolate(&g.label),
                fill(t.due, &lang.date(due.0), ""),
                name_of(t.statuses, &status)
            );
            markers.push(Marker {
                path: format!("participants[{index}].goals[{j}]"),
                class: "goal",
                kind: status,
                x: x(due.0),
                lane,
                text,
                crowded: false,
            });
        }
    }
    if let Some(exit) = &p.exit {
        let lane = lanes.len();
        lanes.push(t.exit_lane.to_string());
        if visible(exit.date.0, exit.date.0) {
            let text = exit_parts(exit, lang).join(" · ");
            markers.push(Marker {
                path: format!("participants[{index}].exit"),
                class: "exit",
                kind: exit.outcome.clone(),
                x: x(exit.date.0),
                lane,
                text,
                crowded: false,
            });
        }
    }
    let near: Vec<bool> = markers
        .iter()
        .enumerate()
        .map(|(i, m)| {
            markers
                .iter()
                .enumerate()
                .any(|(j, o)| i != j && o.lane == m.lane && (o.x - m.x).abs() < MARKER_ROOM)
        })
        .collect();
    for (m, crowded) in markers.iter_mut().zip(near) {
        m.crowded = crowded;
    }
    let today_x = (window.from..=window.to)
        .contains(&today)
        .then(|| scale.apply(today));
    Some(Single {
        lanes,
        bars,
        markers,
        ticks: ticks(window, plot, lang),
        today: today_x,
        plot,
    })
}

/// One participant's path in one paragraph, for screen readers and as the chart's caption:
/// status, phases, the phase under way, events, goals and the exit.
///
/// ```
/// use chrono::NaiveDate;
/// use foerderweg::i18n::Lang;
/// use foerderweg::layout::timeline::single_summary;
/// use foerderweg::model::timeline::Participant;
/// let p: Participant = serde_json::from_str(r#"{"id":"p1","label":"TN 1",
///   "phases":[{"kind":"workOpportunity","start":"2018-05-02","plannedEnd":"2018-12-31"}],
///   "goals":[{"label":"Tagesstruktur","status":"achieved"},{"label":"Bewerbung"}]}"#).unwrap_or_else(|e| panic!("{e}"));
/// let today = NaiveDate::from_ymd_opt(2018, 6, 1).unwrap_or_default();
/// assert_eq!(single_summary(&p, today, Lang::De),
///     "TN 1, aktiv: 1 Phase, Beginn 02.05.2018. Derzeit Arbeitsgelegenheit seit 02.05.2018, \
///      geplant bis 31.12.2018. 0 Ereignisse, 2 Ziele, davon 1 erreicht.");
/// ```
pub fn single_summary(p: &Participant, today: NaiveDate, lang: Lang) -> String {
    let t = lang.texts().tl;
    let texts = lang.texts();
    let status = name_of(t.statuses, participant_status(p, today));
    let first = first_start(p);
    let mut text = fill_named(
        t.summary_single,
        &[
            ("label", &p.label),
            ("status", status),
            ("phases", &lang.count(p.phases.len(), texts.phases)),
            (
                "from",
                &first.map_or_else(|| "–".to_string(), |d| lang.date(d)),
            ),
        ],
    );
    let current = p
        .phases
        .iter()
        .filter(|ph| under_way(ph, today))
        .max_by_key(|ph| ph.start.0);
    if let Some(ph) = current {
        let mut what = name_of(t.phase_kinds, phase_kind(&ph.kind)).to_string();
        if let Some(provider) = &ph.provider {
            what.push_str(&format!(" ({})", isolate(provider)));
        }
        text.push(' ');
        text.push_str(&fill_named(
            t.summary_current,
            &[("phase", &what), ("since", &lang.date(ph.start.0))],
        ));
        if let Some(planned) = ph.planned_end.filter(|d| d.0 >= today) {
            text.push_str(", ");
            text.push_str(&fill(t.planned_until, &lang.date(planned.0), ""));
        }
        text.push('.');
    }
    text.push(' ');
    text.push_str(&lang.count(p.events.len(), texts.events));
    if !p.goals.is_empty() {
        let achieved = p
            .goals
            .iter()
            .filter(|g| g.status.as_deref() == Some("achieved"))
            .count();
        text.push_str(", ");
        text.push_str(&fill_named(
            t.summary_goals,
            &[
                ("goals", &lang.count(p.goals.len(), texts.goals)),
                ("achieved", &lang.integer(achieved as i64)),
            ],
        ));
    }
    text.push('.');
    if let Some(exit) = &p.exit {
        let parts = exit_parts(exit, lang);
        if let [outcome, date, rest @ ..] = parts.as_slice() {
            text.push_str(&format!(" {outcome}, {date}."));
            for part in rest {
                text.push_str(&format!(" {part}."));
            }
        }
    }
    text
}

/// The cohort in one paragraph: how many, when they began, at how many providers, and how many
/// stand where today.
///
/// ```
/// use chrono::NaiveDate;
/// use foerderweg::i18n::Lang;
/// use foerderweg::layout::timeline::cohort_summary;
/// use foerderweg::model::timeline::TimelineDoc;
/// let doc: TimelineDoc = serde_json::from_str(r#"{"schema":"foerderweg/timeline@1","participants":[
///   {"id":"a","label":"A","phases":[{"kind":"profiling","start":"2018-01-08","provider":"P"}]},
///   {"id":"b","label":"B","phases":[{"kind":"profiling","start":"2018-03-01","end":"2018-03-09"}],
///    "exit":{"date":"2018-03-09","outcome":"employment"}}]}"#).unwrap_or_else(|e| panic!("{e}"));
/// let today = NaiveDate::from_ymd_opt(2018, 6, 1).unwrap_or_default();
/// assert_eq!(cohort_summary(&doc, today, Lang::En),
///     "2 participants starting between 2018-01-08 and 2018-03-01, 1 provider. \
///      As of 2018-06-01: 1 active, 1 exited.");
/// ```
pub fn cohort_summary(doc: &TimelineDoc, today: NaiveDate, lang: Lang) -> String {
    let texts = lang.texts();
    let t = texts.tl;
    let starts = doc.participants.iter().filter_map(first_start);
    let (from, to) = starts.fold((None, None), |(lo, hi): (Option<NaiveDate>, _), d| {
        (
            Some(lo.map_or(d, |lo| lo.min(d))),
            Some(hi.map_or(d, |hi: NaiveDate| hi.max(d))),
        )
    });
    let providers = choices(doc).0;
    let mut counts: Vec<(&str, usize)> = ["active", "waiting", "exited", "terminated"]
        .into_iter()
        .map(|status| (status, 0))
        .collect();
    for p in &doc.participants {
        let status = participant_status(p, today);
        if let Some(entry) = counts.iter_mut().find(|(s, _)| *s == status) {
            entry.1 += 1;
        }
    }
    let statuses: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(status, n)| {
            format!(
                "{} {}",
                lang.integer(*n as i64),
                name_of(t.statuses, status)
            )
        })
        .collect();
    let participants = lang.count(doc.participants.len(), texts.participants);
    let (Some(from), Some(to)) = (from, to) else {
        return format!("{participants}.");
    };
    let providers = if providers.is_empty() {
        String::new()
    } else {
        format!(", {}", lang.count(providers.len(), texts.providers))
    };
    fill_named(
        t.summary_cohort,
        &[
            ("participants", &participants),
            ("from", &lang.date(from)),
            ("to", &lang.date(to)),
            ("providers", &providers),
            ("today", &lang.date(today)),
            ("statuses", &statuses.join(", ")),
        ],
    )
}

/// The exit in words: outcome, day, then the reason and the follow-up where given.
fn exit_parts(exit: &crate::model::timeline::Exit, lang: Lang) -> Vec<String> {
    let t = lang.texts().tl;
    let mut parts = vec![
        fill(t.exit, name_of(t.outcomes, &exit.outcome), ""),
        lang.date(exit.date.0),
    ];
    if let Some(reason) = &exit.reason {
        parts.push(fill(
            t.reason,
            name_of(lang.texts().occ.reasons, reason),
            "",
        ));
    }
    if let Some(next) = &exit.follow_up {
        parts.push(fill(t.follow_up, next, ""));
    }
    parts
}

/// The phase has begun and has not ended by `today`.
fn under_way(ph: &Phase, today: NaiveDate) -> bool {
    ph.start.0 <= today && ph.end.is_none_or(|e| e.0 >= today)
}

/// How a participant stands today.
pub fn participant_status(p: &Participant, today: NaiveDate) -> &'static str {
    match &p.exit {
        Some(exit) if exit.date.0 <= today && exit.outcome == "earlyTermination" => "terminated",
        Some(exit) if exit.date.0 <= today => "exited",
        _ if p.phases.iter().any(|ph| under_way(ph, today)) => "active",
        _ => "waiting",
    }
}

/// Order of the cohort rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CohortSort {
    /// First phase start, earliest first.
    #[default]
    Start,
    /// Status, then start.
    Status,
    /// Provider of the latest phase, then start.
    Provider,
    /// Exit date, those still in last.
    Exit,
}

impl CohortSort {
    /// Every order, as in the menu.
    pub const ALL: [CohortSort; 4] = [
        CohortSort::Start,
        CohortSort::Status,
        CohortSort::Provider,
        CohortSort::Exit,
    ];

    /// Menu value.
    pub fn as_str(self) -> &'static str {
        match self {
            CohortSort::Start => "start",
            CohortSort::Status => "status",
            CohortSort::Provider => "provider",
            CohortSort::Exit => "exit",
        }
    }

    /// From a menu value; `Start` otherwise.
    pub fn parse(value: &str) -> CohortSort {
        CohortSort::ALL
            .into_iter()
            .find(|s| s.as_str() == value)
            .unwrap_or_default()
    }

    /// Menu label.
    pub fn label(self, lang: Lang) -> &'static str {
        let t = lang.texts().tl;
        match self {
            CohortSort::Start => t.sort_start,
            CohortSort::Status => t.sort_status,
            CohortSort::Provider => t.sort_provider,
            CohortSort::Exit => t.sort_exit,
        }
    }
}

/// Filters of the cohort; `None` lets everything through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Participant status (`active`, `exited`, `terminated`, `waiting`).
    pub status: Option<String>,
    /// Provider of any phase.
    pub provider: Option<String>,
    /// Programme.
    pub programme: Option<String>,
    /// Has a phase of this kind.
    pub kind: Option<String>,
}

impl Filter {
    /// This filter for another document: a provider, programme or phase kind the document no
    /// longer has is dropped (a filter on it would hide every row, with a menu that cannot show
    /// it); the status stays.
    pub fn kept_for(self, doc: &TimelineDoc) -> Filter {
        if self.provider.is_none() && self.programme.is_none() && self.kind.is_none() {
            return self;
        }
        let (providers, programmes, kinds) = choices(doc);
        Filter {
            status: self.status,
            provider: self.provider.filter(|p| providers.contains(p)),
            programme: self.programme.filter(|p| programmes.contains(p)),
            kind: self.kind.filter(|k| kinds.contains(&k.as_str())),
        }
    }
}

fn first_start(p: &Participant) -> Option<NaiveDate> {
    p.phases.iter().map(|ph| ph.start.0).min()
}

fn latest_provider(p: &Participant) -> Option<&str> {
    p.phases
        .iter()
        .filter(|ph| ph.provider.is_some())
        .max_by_key(|ph| ph.start)
        .and_then(|ph| ph.provider.as_deref())
}

/// Indices of the participants that pass `filter`, in `sort` order. O(n log n); run once per
/// change of sort or filter, not per scroll.
pub fn cohort_order(
    doc: &TimelineDoc,
    sort: CohortSort,
    filter: &Filter,
    today: NaiveDate,
) -> Vec<usize> {
    let keep = |p: &Participant| {
        filter
            .status
            .as_deref()
            .is_none_or(|s| participant_status(p, today) == s)
            && filter
                .provider
                .as_deref()
                .is_none_or(|s| p.phases.iter().any(|ph| ph.provider.as_deref() == Some(s)))
            && filter
                .programme
                .as_deref()
                .is_none_or(|s| p.programme.as_deref() == Some(s))
            && filter
                .kind
                .as_deref()
                .is_none_or(|s| p.phases.iter().any(|ph| phase_kind(&ph.kind) == s))
    };
    let mut order: Vec<usize> = (0..doc.participants.len())
        .filter(|i| keep(&doc.participants[*i]))
        .collect();
    let ps = &doc.participants;
    // Each key is made once per participant, not once per comparison (a participant's first
    // start and latest provider are searches over its phases). The cached sort is stable.
    match sort {
        CohortSort::Start => sort_by_cached_key(&mut order, |i| {
            let start = first_start(&ps[*i]);
            (start.is_none(), start)
        }),
        CohortSort::Status => sort_by_cached_key(&mut order, |i| {
            (participant_status(&ps[*i], today), first_start(&ps[*i]))
        }),
        CohortSort::Provider => sort_by_cached_key(&mut order, |i| {
            let provider = latest_provider(&ps[*i]);
            (provider.is_none(), provider, first_start(&ps[*i]))
        }),
        CohortSort::Exit => sort_by_cached_key(&mut order, |i| {
            let exit = ps[*i].exit.as_ref().map(|e| e.date);
            (exit.is_none(), exit, first_start(&ps[*i]))
        }),
    }
    order
}

/// The distinct values of a cohort field, sorted, for the filter menus.
pub fn choices(doc: &TimelineDoc) -> (Vec<String>, Vec<String>, Vec<&'static str>) {
    // Inserted one by one into a set of the few distinct names (collecting would sort all of
    // them: 80,000 provider names for 10,000 participants), each copied once.
    let distinct = |names: &mut dyn Iterator<Item = &str>| -> Vec<String> {
        let mut set = std::collections::BTreeSet::new();
        let mut last = None;
        for name in names {
            // A participant's phases mostly repeat the name before.
            if last != Some(name) {
                set.insert(name);
                last = Some(name);
            }
        }
        set.into_iter().map(str::to_string).collect()
    };
    let providers = distinct(
        &mut doc
            .participants
            .iter()
            .flat_map(|p| p.phases.iter().filter_map(|ph| ph.provider.as_deref())),
    );
    let programmes = distinct(
        &mut doc
            .participants
            .iter()
            .filter_map(|p| p.programme.as_deref()),
    );
    // One pass over the phases; a kind this version does not know counts as "other".
    let known = crate::check::PHASE_KINDS;
    let other = known.iter().position(|k| *k == "other");
    let mut present = vec![false; known.len()];
    for ph in doc.participants.iter().flat_map(|p| &p.phases) {
        if let Some(i) = known.iter().position(|k| *k == ph.kind).or(other) {
            present[i] = true;
        }
    }
    let kinds = known
        .iter()
        .zip(present)
        .filter_map(|(k, here)| here.then_some(*k))
        .collect();
    (providers, programmes, kinds)
}

/// One compact cohort row.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Position in the sorted, filtered list.
    pub position: usize,
    /// Index into `participants`.
    pub index: usize,
    /// Participant id.
    pub id: String,
    /// Display label.
    pub label: String,
    /// Status key.
    pub status: &'static str,
    /// Phases: x0, x1, kind, status.
    pub bars: Vec<(f64, f64, String, PhaseStatus)>,
    /// Exit marker position and outcome.
    pub exit: Option<(f64, String)>,
    /// Accessible text: label, status, first start, exit.
    pub text: String,
}

/// The table view of one participant: phases, events, goals and the exit, one row each.
pub fn single_table(p: &Participant, today: NaiveDate, lang: Lang) -> DataTable {
    let t = lang.texts().tl;
    let mut table = DataTable::new(
        p.label.clone(),
        [
            t.kind,
            t.what,
            t.from,
            t.to,
            t.planned_end,
            t.provider,
            t.status,
        ]
        .into_iter()
        .map(Column::text)
        .collect(),
    );
    for ph in &p.phases {
        table.push(vec![
            Cell::text(name_of(t.phase_kinds, &ph.kind)),
            Cell::text(ph.label.clone().unwrap_or_default()),
            Cell::Date(ph.start.0),
            ph.end
                .map_or_else(|| Cell::text(t.ongoing), |e| Cell::Date(e.0)),
            Cell::date(ph.planned_end.map(|d| d.0)),
            Cell::Text(who(ph)),
            Cell::text(PhaseStatus::of(ph, today).label(lang)),
        ]);
    }
    for e in &p.events {
        table.push(vec![
            Cell::text(name_of(t.event_kinds, &e.kind)),
            Cell::text(e.label.clone().unwrap_or_default()),
            Cell::Date(e.date.0),
            Cell::empty(),
            Cell::empty(),
            Cell::empty(),
            Cell::empty(),
        ]);
    }
    for g in &p.goals {
        table.push(vec![
            Cell::text(t.goals_lane),
            Cell::text(g.label.clone()),
            Cell::empty(),
            Cell::date(g.due.map(|d| d.0)),
            Cell::empty(),
            Cell::empty(),
            Cell::text(name_of(t.statuses, g.status.as_deref().unwrap_or("open"))),
        ]);
    }
    if let Some(x) = &p.exit {
        let mut what = name_of(t.outcomes, &x.outcome).to_string();
        if let Some(r) = &x.reason {
            what.push_str(&format!(
                " ({})",
                isolate(name_of(lang.texts().occ.reasons, r))
            ));
        }
        table.push(vec![
            Cell::text(t.exit_lane),
            Cell::Text(what),
            Cell::Date(x.date.0),
            Cell::empty(),
            Cell::empty(),
            Cell::text(x.follow_up.clone().unwrap_or_default()),
            Cell::empty(),
        ]);
    }
    table
}

/// The table view of the cohort in `order`: each participant with the sentence a screen reader
/// hears on the row (status, first start, exit).
pub fn cohort_table(
    doc: &TimelineDoc,
    order: &[usize],
    window: Window,
    today: NaiveDate,
    lang: Lang,
) -> DataTable {
    let t = lang.texts().tl;
    let mut table = DataTable::new(
        t.cohort,
        vec![Column::data(t.participant), Column::text(t.status)],
    );
    for r in cohort_rows(doc, order, 0, order.len(), window, (0.0, 1.0), today, lang) {
        table.push(vec![Cell::Text(r.label), Cell::Text(r.text)]);
    }
    table
}

/// Rows `first..first + count` of `order` (only those are laid out: cost is per visible row).
pub fn cohort_rows(
    doc: &TimelineDoc,
    order: &[usize],
    first: usize,
    count: usize,
    window: Window,
    plot: (f64, f64),
    today: NaiveDate,
    lang: Lang,
) -> Vec<Row> {
    let t = lang.texts().tl;
    let scale = Time::new(window.from, window.to, plot);
    let x = |d: NaiveDate| scale.apply(d).clamp(plot.0, plot.1);
    let end = first.saturating_add(count).min(order.len());
    order
        .get(first.min(end)..end)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter_map(|(k, &index)| {
            let p = doc.participants.get(index)?;
            let bars = p
                .phases
                .iter()
                .filter_map(|ph| {
                    let last = ph.end.map(|d| d.0).unwrap_or(today.max(ph.start.0));
                    (last >= window.from && ph.start.0 <= window.to).then(|| {
                        let x0 = x(ph.start.0);
                        (
                            x0,
                            x(last).max(x0 + 2.0),
                            phase_kind(&ph.kind).to_string(),
                            PhaseStatus::of(ph, today),
                        )
                    })
                })
                .collect();
            let status = participant_status(p, today);
            let exit = p
                .exit
                .as_ref()
                .filter(|e| (window.from..=window.to).contains(&e.date.0))
                .map(|e| (x(e.date.0), e.outcome.clone()));
            let mut text = format!("{}: {}", isolate(&p.label), name_of(t.statuses, status));
            if let Some(start) = first_start(p) {
                text.push_str(&format!(" · {} {}", t.sort_start, lang.date(start)));
            }
            if let Some(e) = &p.exit {
                text.push_str(&format!(
                    " · {} {} ({})",
                    t.exit_lane,
                    lang.date(e.date.0),
                    name_of(t.outcomes, &e.outcome)
                ));
            }
            Some(Row {
                position: first + k,
                index,
                id: p.id.clone(),
                label: p.label.clone(),
                status,
                bars,
                exit,
                text,
            })
        })
        .collect()
}

/// The cohort row a key moves to from row `row` of `count` (`page` rows a page): arrows one,
/// Page Up/Down a page, End the last, Ctrl+Home the first; `None` for other keys.
///
/// ```
/// use foerderweg::layout::timeline::next_row;
/// assert_eq!(next_row("ArrowDown", false, 4, 5, 14), Some(4));
/// assert_eq!(next_row("PageUp", false, 4, 50, 14), Some(0));
/// assert_eq!(next_row("Home", false, 4, 50, 14), None);
/// ```
pub fn next_row(key: &str, ctrl: bool, row: usize, count: usize, page: usize) -> Option<usize> {
    let last = count.saturating_sub(1);
    Some(match key {
        "ArrowDown" => (row + 1).min(last),
        "ArrowUp" => row.saturating_sub(1),
        "PageDown" => (row + page).min(last),
        "PageUp" => row.saturating_sub(page),
        "End" => last,
        "Home" if ctrl => 0,
        _ => return None,
    })
}

/// The timeline's "today": the document's, else the viewer's.
pub fn today(doc: &TimelineDoc, viewer: NaiveDate) -> NaiveDate {
    doc.today.map_or(viewer, |d| d.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Document, check};
    use crate::model::WidgetKind;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn doc(text: &str) -> TimelineDoc {
        match check(WidgetKind::Timeline, text).document {
            Some(Document::Timeline(doc)) => std::sync::Arc::unwrap_or_clone(doc),
            other => panic!("{other:?}"),
        }
    }

    fn sample() -> TimelineDoc {
        doc(include_str!("../../www/data/timeline-sample.json"))
    }

    #[test]
    fn ticks_cross_year_ends_and_leap_days() {
        let w = Window::new(d(2019, 12, 20), d(2020, 3, 10));
        let t = ticks(w, (0.0, 800.0), Lang::En);
        let labels: Vec<_> = t.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["Jan 2020", "Feb", "Mar"]);
        assert!(t[0].major && !t[1].major);
        // February 2020 has 29 days: March 1 is 29 days after February 1.
        let per_day = 800.0 / w.days() as f64;
        assert!(((t[2].x - t[1].x) - 29.0 * per_day).abs() < 1e-9);
        // Narrow: quarters, then years.
        let long = Window::new(d(2016, 1, 1), d(2019, 12, 31));
        let quarters = ticks(long, (0.0, 1000.0), Lang::De);
        assert!(
            quarters
                .iter()
                .all(|t| t.label.starts_with('Q') || t.label.len() == 4),
            "{quarters:?}"
        );
        let years = ticks(long, (0.0, 300.0), Lang::De);
        assert_eq!(
            years.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(),
            ["2016", "2017", "2018", "2019"]
        );
        // A label too close to the right edge is dropped, its line kept.
        let edge = ticks(
            Window::new(d(2018, 1, 10), d(2018, 4, 2)),
            (0.0, 300.0),
            Lang::De,
        );
        assert_eq!(edge.last().map(|t| t.label.as_str()), Some(""));
    }

    #[test]
    fn a_zero_length_window_is_widened() {
        let w = Window::new(d(2018, 3, 1), d(2018, 3, 1));
        assert_eq!(w.days(), 7);
        assert!(w.from < d(2018, 3, 1) && w.to > d(2018, 3, 1));
        let z = w.zoom(0.1, 0.5);
        assert_eq!(z.days(), 7, "zoom stops at a week");
        let all = Window::new(d(1900, 1, 1), d(2100, 1, 1));
        assert!(all.days() <= MAX_DAYS);
    }

    #[test]
    fn zoom_keeps_the_anchor_and_pan_moves() {
        let w = Window::new(d(2018, 1, 1), d(2018, 12, 31));
        let z = w.zoom(0.5, 0.0);
        assert_eq!(z.from, w.from);
        assert_eq!(z.days(), 182);
        let p = w.pan(0.5);
        assert_eq!(p.from, d(2018, 7, 2));
        assert_eq!(p.days(), w.days());
        let q = Window::around_today(d(2018, 12, 1), 3);
        assert!(q.from < d(2018, 9, 1) + Days::new(20) && q.to > d(2018, 12, 1));
    }

    #[test]
    fn one_day_open_and_planned_phases() {
        let tl = sample();
        let today = today(&tl, d(2030, 1, 1));
        assert_eq!(today, d(2018, 12, 1));
        let w = Window::fit(&tl.participants.iter().collect::<Vec<_>>(), today);
        let s = single(&tl, 0, w, (100.0, 900.0), today, Lang::De).expect("participant 0");
        // The referral is one day: still a visible bar.
        let referral = &s.bars[0];
        assert!(referral.x1 - referral.x0 >= 2.0);
        assert!(referral.text.contains("1 Tag"), "{}", referral.text);
        // The work opportunity is open: it runs to today and its planned rest is hatched.
        let work = s
            .bars
            .iter()
            .find(|b| b.path.ends_with("phases[2]"))
            .expect("work opportunity");
        assert!(work.open);
        let today_x = s.today.expect("today inside");
        assert!((work.x1 - today_x).abs() < 1e-9);
        let (a, b) = work.planned.expect("planned rest");
        assert!((a - today_x).abs() < 1e-9 && b > a);
        assert!(
            work.text.contains("laufend") && work.text.contains("geplant bis 31.12.2018"),
            "{}",
            work.text
        );
        // Profiling ended a week late.
        let profiling = s
            .bars
            .iter()
            .find(|b| b.path.ends_with("phases[1]"))
            .expect("profiling");
        assert!(
            profiling.text.contains("7 Tage länger als geplant"),
            "{}",
            profiling.text
        );
        assert_eq!(
            s.lanes[..3],
            [
                "Zuweisung".to_string(),
                "Profiling".into(),
                "Arbeitsgelegenheit".into()
            ]
        );
        assert!(
            s.markers
                .iter()
                .any(|m| m.class == "goal" && m.kind == "achieved")
        );
    }

    #[test]
    fn a_phase_not_yet_begun_is_planned_in_chart_table_and_cohort() {
        let tl = doc(
            r#"{"schema":"foerderweg/timeline@1","today":"2018-06-01","participants":[
              {"id":"a","label":"A","phases":[
                {"kind":"profiling","start":"2018-05-01","end":"2018-05-20"},
                {"kind":"workOpportunity","start":"2018-07-01","plannedEnd":"2018-12-31"}]},
              {"id":"b","label":"B","phases":[]}]}"#,
        );
        let today = d(2018, 6, 1);
        let w = Window::new(d(2018, 4, 1), d(2019, 1, 31));
        let s = single(&tl, 0, w, (100.0, 900.0), today, Lang::De).expect("participant");
        let in_chart: Vec<&str> = s.bars.iter().map(|b| b.status.as_class()).collect();
        assert_eq!(in_chart, ["completed", "planned"]);
        let table = single_table(&tl.participants[0], today, Lang::De);
        let in_table: Vec<String> = table
            .rows
            .iter()
            .map(|r| r.cells.last().expect("status").display(Lang::De))
            .collect();
        assert_eq!(in_table, ["abgeschlossen", "geplant"]);
        let rows = cohort_rows(&tl, &[0], 0, 1, w, (0.0, 600.0), today, Lang::De);
        let in_cohort: Vec<String> = rows[0]
            .bars
            .iter()
            .map(|b| b.3.as_class().to_string())
            .collect();
        assert_eq!(in_cohort, ["completed", "planned"]);
    }

    #[test]
    fn exit_with_reason_and_status() {
        let tl = sample();
        let today = d(2018, 12, 1);
        let w = Window::fit(&tl.participants.iter().collect::<Vec<_>>(), today);
        let s = single(&tl, 1, w, (0.0, 800.0), today, Lang::En).expect("participant 1");
        let exit = s.markers.iter().find(|m| m.class == "exit").expect("exit");
        assert_eq!(
            exit.text,
            "Exit: Early termination · 2018-07-20 · Reason: Health · Follow-up: Erneutes Profiling nach Genesung"
        );
        assert_eq!(participant_status(&tl.participants[1], today), "terminated");
        assert_eq!(participant_status(&tl.participants[0], today), "active");
        assert_eq!(participant_status(&tl.participants[2], today), "exited");
    }

    #[test]
    fn a_filter_keeps_only_what_the_next_document_offers() {
        let tl = doc(r#"{"schema":"foerderweg/timeline@1","participants":[
              {"id":"a","label":"A","programme":"Stendal","phases":[
                {"kind":"profiling","provider":"Träger B","start":"2018-01-01"}]}]}"#);
        let set = |provider: &str, programme: &str, kind: &str| Filter {
            status: Some("active".into()),
            provider: Some(provider.into()),
            programme: Some(programme.into()),
            kind: Some(kind.into()),
        };
        assert_eq!(
            set("Träger B", "Stendal", "profiling").kept_for(&tl),
            set("Träger B", "Stendal", "profiling")
        );
        assert_eq!(
            set("Träger X", "Stendal", "placement").kept_for(&tl),
            Filter {
                status: Some("active".into()),
                programme: Some("Stendal".into()),
                ..Filter::default()
            }
        );
        assert_eq!(Filter::default().kept_for(&tl), Filter::default());
    }

    #[test]
    fn the_filter_menus_list_each_name_and_kind_once_in_order() {
        let tl = doc(r#"{"schema":"foerderweg/timeline@1","participants":[
              {"id":"a","label":"A","programme":"Stendal","phases":[
                {"kind":"profiling","provider":"Träger B","start":"2018-01-01"},
                {"kind":"workOpportunity","provider":"Träger B","start":"2018-02-01"},
                {"kind":"somethingNew","provider":"Träger A","start":"2018-03-01"}]},
              {"id":"b","label":"B","programme":"JobPerspektive","phases":[
                {"kind":"profiling","provider":"Träger A","start":"2018-01-05"}]},
              {"id":"c","label":"C","programme":"Stendal","phases":[]}]}"#);
        let (providers, programmes, kinds) = choices(&tl);
        assert_eq!(providers, ["Träger A", "Träger B"]);
        assert_eq!(programmes, ["JobPerspektive", "Stendal"]);
        // In the order of PHASE_KINDS; an unknown kind is offered as "other".
        assert_eq!(kinds, ["profiling", "workOpportunity", "other"]);
    }

    #[test]
    fn cohort_sorts_filters_and_lays_out_only_visible_rows() {
        let mut text = String::from(
            r#"{"schema":"foerderweg/timeline@1","today":"2020-01-01","participants":["#,
        );
        for i in 0..10_000 {
            if i > 0 {
                text.push(',');
            }
            let start = d(2018, 1, 1) + Days::new((i * 7 % 700) as u64);
            let provider = ["A", "B", "C"][i % 3];
            let exit = if i % 5 == 0 {
                format!(
                    r#","exit":{{"date":"{}","outcome":"employment"}}"#,
                    start + Days::new(200)
                )
            } else {
                String::new()
            };
            text.push_str(&format!(
                r#"{{"id":"p{i}","label":"TN {i}","phases":[{{"kind":"workOpportunity","provider":"{provider}","start":"{start}","plannedEnd":"{}"}}]{exit}}}"#,
                start + Days::new(180)
            ));
        }
        text.push_str("]}");
        let tl = doc(&text);
        let today = d(2020, 1, 1);
        let order = cohort_order(&tl, CohortSort::Start, &Filter::default(), today);
        assert_eq!(order.len(), 10_000);
        let starts: Vec<_> = order
            .iter()
            .map(|i| first_start(&tl.participants[*i]))
            .collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]));
        let filter = Filter {
            provider: Some("B".into()),
            ..Filter::default()
        };
        assert_eq!(
            cohort_order(&tl, CohortSort::Start, &filter, today).len(),
            3_333
        );
        let exited = Filter {
            status: Some("exited".into()),
            ..Filter::default()
        };
        // Every fifth has an exit 200 days after its start; those after "today" are still in.
        let gone = tl
            .participants
            .iter()
            .filter(|p| p.exit.as_ref().is_some_and(|e| e.date.0 <= today))
            .count();
        assert!(gone > 1_000 && gone < 2_000);
        assert_eq!(
            cohort_order(&tl, CohortSort::Exit, &exited, today).len(),
            gone
        );
        let w = Window::new(d(2018, 1, 1), d(2020, 1, 1));
        let rows = cohort_rows(&tl, &order, 9_990, 40, w, (0.0, 600.0), today, Lang::De);
        assert_eq!(rows.len(), 10, "only the rows that exist past 9,990");
        assert_eq!(rows[0].position, 9_990);
        assert!(cohort_rows(&tl, &order, 20_000, 40, w, (0.0, 600.0), today, Lang::De).is_empty());
    }
}

/// "Stand: 01.12.2018" / "As of 2018-12-01": the day a timeline shows as today.
fn as_of(today: NaiveDate, lang: Lang) -> String {
    let word = lang.texts().as_of;
    let mut chars = word.chars();
    let word: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    match lang {
        Lang::De => format!("{word}: {}", lang.date(today)),
        Lang::En => format!("{word} {}", lang.date(today)),
    }
}

/// What frames the timeline's drawing of participant `index` (or of the cohort, `None`) in
/// every export and rendering: the title the widget shows (the document's; for one of many
/// participants, their path), "Stand: …", "Quelle: …" and the summary.
///
/// ```
/// use chrono::NaiveDate;
/// use foerderweg::i18n::Lang;
/// use foerderweg::layout::timeline::frame;
/// use foerderweg::model::timeline::TimelineDoc;
/// let doc: TimelineDoc = serde_json::from_str(r#"{"schema":"foerderweg/timeline@1",
///   "title":"Kohorte","source":"Jobcenter","participants":[
///   {"id":"a","label":"A"},{"id":"b","label":"B"}]}"#).unwrap_or_else(|e| panic!("{e}"));
/// let today = NaiveDate::from_ymd_opt(2018, 12, 1).unwrap_or_default();
/// let f = frame(&doc, Some(1), today, Lang::De);
/// assert_eq!((f.title.as_str(), f.as_of.as_deref()), ("Verlauf B", Some("Stand: 01.12.2018")));
/// assert_eq!(f.source.as_deref(), Some("Quelle: Jobcenter"));
/// assert_eq!(frame(&doc, None, today, Lang::En).title, "Kohorte");
/// ```
pub fn frame(
    doc: &TimelineDoc,
    index: Option<usize>,
    today: NaiveDate,
    lang: Lang,
) -> crate::scene::Frame {
    let texts = lang.texts();
    let one = index.and_then(|i| doc.participants.get(i));
    let title = match one {
        Some(p) if doc.participants.len() > 1 || doc.title.is_none() => {
            fill(texts.export.path_of, &p.label, "")
        }
        _ => doc
            .title
            .clone()
            .unwrap_or_else(|| texts.tl.cohort.to_string()),
    };
    crate::scene::Frame {
        title,
        as_of: Some(as_of(today, lang)),
        source: doc
            .source
            .as_ref()
            .map(|s| format!("{}: {s}", texts.source)),
        attribution: None,
        summary: match one {
            Some(p) => single_summary(p, today, lang),
            None => cohort_summary(doc, today, lang),
        },
    }
}

/// The most rows a cohort's table view and figure show (the chart view scrolls through all).
pub const SHOWN_ROWS: usize = 200;

/// Everything the timeline shows for `doc` at `width` on `today`, as a renderer needs it: the
/// single view for one participant, the cohort (its first [`SHOWN_ROWS`] by start) for more,
/// each with its frame and table view, in the window that fits everyone.
pub fn rendering(
    doc: &TimelineDoc,
    width: f64,
    today: NaiveDate,
    lang: Lang,
) -> crate::scene::Rendering {
    let all: Vec<_> = doc.participants.iter().collect();
    let window = Window::fit(&all, today);
    let (scene, table, index) = match doc.participants.as_slice() {
        [p] => {
            let scene = single(doc, 0, window, plot_for(width), today, lang)
                .map(|s| single_scene(&s, width, &p.label, lang))
                .unwrap_or_default();
            (scene, single_table(p, today, lang), Some(0))
        }
        _ => {
            let order = cohort_order(doc, CohortSort::Start, &Filter::default(), today);
            let shown = &order[..order.len().min(SHOWN_ROWS)];
            (
                cohort_figure(doc, shown, window, today, lang, width),
                cohort_table(doc, shown, window, today, lang),
                None,
            )
        }
    };
    crate::scene::Rendering {
        figures: vec![crate::scene::Figure {
            scene,
            frame: frame(doc, index, today, lang),
        }],
        tables: vec![table],
    }
}

#[cfg(test)]
mod rendering_tests {
    use super::*;
    use crate::check::{Document, check};
    use crate::model::WidgetKind;

    fn doc(text: &str) -> TimelineDoc {
        match check(WidgetKind::Timeline, text).document {
            Some(Document::Timeline(doc)) => std::sync::Arc::unwrap_or_clone(doc),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn one_participant_renders_the_single_view_framed_with_its_table() {
        let tl = doc(include_str!("../../www/data/timeline-jobperspektive.json"));
        let day = today(&tl, NaiveDate::default());
        let r = rendering(&tl, 900.0, day, Lang::De);
        let [figure] = r.figures.as_slice() else {
            panic!("{:?}", r.figures.len())
        };
        assert_eq!(figure.scene.class, "fw-svg fw-timeline");
        assert_eq!(figure.scene.width, 900.0);
        assert_eq!(figure.scene.records("data-fw-path").len(), 6 + 4 + 3 + 1);
        let f = &figure.frame;
        assert_eq!(
            f.title,
            "JobPerspektive Sachsen: ein Verlauf (fiktive Person)"
        );
        assert_eq!(f.as_of.as_deref(), Some("Stand: 30.06.2018"));
        assert!(
            f.source
                .as_deref()
                .is_some_and(|s| s.starts_with("Quelle: Ablauf nach")),
            "{:?}",
            f.source
        );
        assert_eq!(
            f.summary,
            single_summary(&tl.participants[0], day, Lang::De)
        );
        assert_eq!(r.tables.len(), 1);
        assert_eq!(r.tables[0].rows.len(), 6 + 4 + 3 + 1);
        // The file shows what the widget shows: the drawing's markup names every record.
        let svg = crate::render::svg::figure(&figure.scene, f, "");
        assert!(
            svg.contains("data-fw-path=\"participants[0].exit\""),
            "{svg}"
        );
        assert!(svg.contains("Stand: 30.06.2018"));
    }

    #[test]
    fn a_cohort_renders_its_figure_and_table_in_english() {
        let tl = doc(include_str!("../../www/data/timeline-stendal-cohort.json"));
        let day = today(&tl, NaiveDate::default());
        let r = rendering(&tl, 700.0, day, Lang::En);
        let figure = &r.figures[0];
        assert_eq!(figure.scene.class, "fw-svg fw-cohort-figure");
        let rows = figure.scene.records("data-fw-path").len();
        assert_eq!(rows, tl.participants.len().min(SHOWN_ROWS));
        assert_eq!(r.tables[0].rows.len(), rows);
        assert_eq!(figure.frame.as_of.as_deref(), Some("As of 2018-12-01"));
        assert_eq!(figure.frame.title, tl.title.clone().unwrap_or_default());
        assert_eq!(figure.frame.summary, cohort_summary(&tl, day, Lang::En));
        assert!(
            figure
                .frame
                .source
                .as_deref()
                .is_some_and(|s| s.starts_with("Source: "))
        );
    }
}
