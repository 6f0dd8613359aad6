//! One participant: the status of a phase, the lanes of phases, events, goals and exit, their
//! texts and accessible names, the summary sentence and the table view.

use super::*;

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
    /// The first day: the keyboard and reading order go by it.
    pub day: NaiveDate,
}

/// Markers nearer than this (pixels) in one lane drop their icons.
pub(super) const MARKER_ROOM: f64 = 14.0;

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
    /// The day it marks: the keyboard and reading order go by it.
    pub day: NaiveDate,
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
pub(super) fn span_text(
    lang: Lang,
    start: NaiveDate,
    end: Option<NaiveDate>,
    today: NaiveDate,
) -> String {
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

pub(super) fn phase_kind(kind: &str) -> &str {
    if crate::check::PHASE_KINDS.contains(&kind) {
        kind
    } else {
        "other"
    }
}

/// Who runs a phase: provider and project, as far as given.
pub(super) fn who(ph: &Phase) -> String {
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
            day: ph.start.0,
        });
    }
    // In the order of time, not of the data (the sort is stable: one day keeps the data's order).
    bars.sort_by_key(|b| b.day);

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
                day: e.date.0,
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
                day: due.0,
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
                day: exit.date.0,
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
    markers.sort_by_key(|m| m.day);
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
    if let Some(note) = confidential_note(p.confidential, p.hidden(), lang) {
        text.push_str(", ");
        text.push_str(&note);
    }
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

/// How many sensitive entries were generalised ("2 vertrauliche Einträge") or left out
/// ("2 vertrauliche Einträge ausgeblendet"); `None` when there were none.
pub fn confidential_note(confidential: usize, hidden: usize, lang: Lang) -> Option<String> {
    let texts = lang.texts();
    if hidden > 0 {
        let n = lang.count(hidden, texts.confidential_entries);
        Some(fill(texts.tl.withheld, &n, ""))
    } else {
        (confidential > 0).then(|| lang.count(confidential, texts.confidential_entries))
    }
}

/// The table view of one participant: phases, events, goals and the exit, one row each.
pub fn single_table(p: &Participant, today: NaiveDate, lang: Lang) -> DataTable {
    let t = lang.texts().tl;
    let mut table = DataTable::new(
        p.label.clone(),
        vec![
            Column::text(t.kind),
            Column::text(t.what),
            Column::date(t.from),
            Column::date(t.to),
            Column::date(t.planned_end),
            Column::text(t.provider),
            Column::text(t.status),
        ],
    );
    // Each kind of record in the order of time, not of the data (SC 1.3.2).
    let mut phases: Vec<&Phase> = p.phases.iter().collect();
    phases.sort_by_key(|ph| ph.start);
    let mut events: Vec<_> = p.events.iter().collect();
    events.sort_by_key(|e| e.date);
    let mut goals: Vec<_> = p.goals.iter().collect();
    goals.sort_by_key(|g| (g.due.is_none(), g.due));
    for ph in phases {
        table.push(vec![
            Cell::text(name_of(t.phase_kinds, &ph.kind)),
            Cell::text(ph.label.clone().unwrap_or_default()),
            Cell::Date(ph.start.0),
            // A phase under way has no end yet: its status column says so.
            Cell::date(ph.end.map(|e| e.0)),
            Cell::date(ph.planned_end.map(|d| d.0)),
            Cell::Text(who(ph)),
            Cell::text(PhaseStatus::of(ph, today).label(lang)),
        ]);
    }
    for e in events {
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
    for g in goals {
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
        // The follow-up is a measure, not a provider: said with the outcome.
        if let Some(next) = &x.follow_up {
            what.push_str(" · ");
            what.push_str(&fill(t.follow_up, &isolate(next), ""));
        }
        table.push(vec![
            Cell::text(t.exit_lane),
            Cell::Text(what),
            Cell::Date(x.date.0),
            Cell::empty(),
            Cell::empty(),
            Cell::empty(),
            Cell::empty(),
        ]);
    }
    table
}
