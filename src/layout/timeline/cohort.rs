//! The cohort: its summary, each participant's status, sorting and filtering, the rows on
//! screen and the table view.

use super::*;

/// The cohort in one paragraph: how many, when they began, at how many providers, and how many
/// stand where today.
///
/// ```
/// use chrono::NaiveDate;
/// use foerderweg::i18n::Lang;
/// use foerderweg::layout::timeline::cohort_summary;
/// use foerderweg::model::timeline::TimelineDoc;
/// let doc: TimelineDoc = serde_json::from_str(r#"{"schema":"foerderweg/timeline@1","participants":[
///   {"id":"a","label":"A","phases":[{"kind":"placement","start":"2018-01-08","provider":"P"}]},
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
    let providers = providers(doc);
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
    let mut text = fill_named(
        t.summary_cohort,
        &[
            ("participants", &participants),
            ("from", &lang.date(from)),
            ("to", &lang.date(to)),
            ("providers", &providers),
            ("today", &lang.date(today)),
            ("statuses", &statuses.join(", ")),
        ],
    );
    let sum = |f: fn(&crate::model::timeline::Participant) -> usize| {
        doc.participants.iter().map(f).sum::<usize>()
    };
    if let Some(note) = super::confidential_note(sum(|p| p.confidential), sum(|p| p.hidden()), lang)
    {
        text.push(' ');
        text.push_str(&note);
        text.push('.');
    }
    text
}

/// The steps an office (Jobcenter, Regionalbüro) takes itself: whoever a document names as
/// their `provider` is that office, unless it also runs a project (counselling it holds
/// itself does not make it a provider).
const OFFICE_STEPS: [&str; 4] = ["referral", "profiling", "recommendation", "followUp"];

/// The providers (Träger) of the cohort, sorted: every organisation named as a phase's
/// `provider`, except the offices, which only refer, profile, recommend and agree the follow-up
/// (the three Jobcenters of the Stendal cohort are no providers; a provider that also profiles
/// stays one).
///
/// ```
/// use foerderweg::layout::timeline::providers;
/// use foerderweg::model::timeline::TimelineDoc;
/// let doc: TimelineDoc = serde_json::from_str(r#"{"schema":"foerderweg/timeline@1","participants":[
///   {"id":"a","label":"A","phases":[
///     {"kind":"profiling","start":"2018-01-08","provider":"Jobcenter Stendal"},
///     {"kind":"workOpportunity","start":"2018-02-01","provider":"Träger 1"}]}]}"#)
///     .unwrap_or_else(|e| panic!("{e}"));
/// assert_eq!(providers(&doc), ["Träger 1"]);
/// ```
pub fn providers(doc: &TimelineDoc) -> Vec<&str> {
    use std::collections::BTreeMap;
    // Per name: whether it takes an office's step (counselling aside), whether it runs a
    // project; a name that only counsels is a provider (a debt counselling service).
    let mut names: BTreeMap<&str, (bool, bool)> = BTreeMap::new();
    for ph in doc.participants.iter().flat_map(|p| &p.phases) {
        if let Some(name) = ph.provider.as_deref() {
            let entry = names.entry(name).or_default();
            match ph.kind.as_str() {
                "counselling" => {}
                kind if OFFICE_STEPS.contains(&kind) => entry.0 = true,
                _ => entry.1 = true,
            }
        }
    }
    names
        .into_iter()
        .filter(|(_, (office, project))| *project || !*office)
        .map(|(name, _)| name)
        .collect()
}

/// The exit in words: outcome, day, then the reason and the follow-up where given.
pub(super) fn exit_parts(exit: &crate::model::timeline::Exit, lang: Lang) -> Vec<String> {
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
pub(super) fn under_way(ph: &Phase, today: NaiveDate) -> bool {
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

pub(super) fn first_start(p: &Participant) -> Option<NaiveDate> {
    p.phases.iter().map(|ph| ph.start.0).min()
}

pub(super) fn latest_provider(p: &Participant) -> Option<&str> {
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

/// The choices of the cohort's filter menus: providers, programmes and phase kinds.
pub type Choices = (Vec<String>, Vec<String>, Vec<&'static str>);

/// The distinct values of a cohort field, sorted, for the filter menus.
pub fn choices(doc: &TimelineDoc) -> Choices {
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
    /// The phases' kinds in words, by date (`Zuweisung, Profiling`): in the text and the table.
    pub phases: String,
    /// Accessible text: label, status, first start, phases, exit.
    pub text: String,
}

/// The table view of the cohort in `order`: each participant with its status (and the outcome of
/// its exit), first start, phases and exit day, each under its own head (the days as days, so the
/// CSV's columns sort as dates).
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
        vec![
            Column::data(t.participant),
            Column::text(t.status),
            Column::date(t.sort_start),
            Column::text(t.phases_column),
            Column::date(t.exit_lane),
        ],
    );
    for r in cohort_rows(doc, order, 0..order.len(), window, (0.0, 1.0), today, lang) {
        let Some(p) = doc.participants.get(r.index) else {
            continue;
        };
        let mut status = name_of(t.statuses, r.status).to_string();
        // The outcome of an exit; an early termination is the status itself.
        let exited = p.exit.as_ref().filter(|e| e.date.0 <= today);
        if let Some(exit) = exited.filter(|e| e.outcome != "earlyTermination") {
            status.push_str(&format!(" ({})", name_of(t.outcomes, &exit.outcome)));
        }
        table.push(vec![
            Cell::Text(r.label),
            Cell::Text(status),
            Cell::date(first_start(p)),
            Cell::Text(r.phases),
            Cell::date(p.exit.as_ref().map(|e| e.date.0)),
        ]);
    }
    table
}

/// The kinds of a participant's phases in words, in the order of their start.
pub(super) fn phase_names(p: &Participant, lang: Lang) -> String {
    let t = lang.texts().tl;
    let mut phases: Vec<&Phase> = p.phases.iter().collect();
    phases.sort_by_key(|ph| ph.start);
    let names: Vec<&str> = phases
        .iter()
        .map(|ph| name_of(t.phase_kinds, phase_kind(&ph.kind)))
        .collect();
    names.join(", ")
}

/// The rows `rows` of `order` (only those are laid out: cost is per visible row); rows past
/// its end are none.
pub fn cohort_rows(
    doc: &TimelineDoc,
    order: &[usize],
    rows: std::ops::Range<usize>,
    window: Window,
    plot: (f64, f64),
    today: NaiveDate,
    lang: Lang,
) -> Vec<Row> {
    let t = lang.texts().tl;
    let scale = Time::new(window.from, window.to, plot);
    let x = |d: NaiveDate| scale.apply(d).clamp(plot.0, plot.1);
    let end = rows.end.min(order.len());
    let first = rows.start.min(end);
    order
        .get(first..end)
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
            let phases = phase_names(p, lang);
            if !phases.is_empty() {
                text.push_str(&format!(" · {}: {phases}", t.phases_column));
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
                phases,
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
