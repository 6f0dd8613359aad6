//! The timeline document's checks beyond types.

use super::confidential::sensitive;
use super::*;

impl Wire for TimelineDoc {
    fn schema(&self) -> &str {
        &self.schema
    }
    fn semantic(&mut self, out: &mut Vec<Diagnostic>) -> Option<Arc<crate::geo::Atlas>> {
        semantic_timeline(self, out);
        None
    }
    fn is_empty(&self) -> bool {
        self.participants.is_empty()
    }
    fn into_document(self) -> Document {
        Document::Timeline(Arc::new(self))
    }
}

/// The phase kinds this version draws in their own lane.
pub const PHASE_KINDS: &[&str] = &[
    "referral",
    "profiling",
    "recommendation",
    "placement",
    "workOpportunity",
    "internship",
    "qualification",
    "counselling",
    "followUp",
    "confidential",
    "other",
];

/// The event kinds this version draws with their own marker.
pub const EVENT_KINDS: &[&str] = &[
    "recommendation",
    "review",
    "followUpProfiling",
    "homeVisit",
    "debtCounselling",
    "addictionCounselling",
    "healthCounselling",
    "psychosocialCounselling",
    "counselling",
    "earlyTermination",
    "confidential",
    "other",
];

pub(super) fn semantic_timeline(doc: &TimelineDoc, out: &mut Vec<Diagnostic>) {
    let kind = WidgetKind::Timeline;
    // Paths are formatted only for what they name: a large cohort has few findings.
    let mut ids = UniqueIds::new(|i: &usize| format!("participants[{i}].id"));
    for (i, p) in doc.participants.iter().enumerate() {
        ids.note(kind, &p.id, i, out);
        // Phases of one lane with the same dates are drawn on top of each other. A participant
        // has a handful of phases: comparing with the earlier ones needs no allocation.
        fn lane(kind: &str) -> &str {
            if PHASE_KINDS.contains(&kind) {
                kind
            } else {
                "other"
            }
        }
        let dates = |ph: &crate::model::timeline::Phase| (ph.start, ph.end, ph.planned_end);
        for (j, ph) in p.phases.iter().enumerate() {
            let first = p.phases[..j]
                .iter()
                .position(|e| lane(&e.kind) == lane(&ph.kind) && dates(e) == dates(ph));
            if let Some(first) = first {
                out.push(Diagnostic::warning(
                    kind,
                    format!("participants[{i}].phases[{j}]"),
                    Problem::SameDates {
                        first: format!("participants[{i}].phases[{first}]"),
                    },
                ));
            }
        }
        for (j, ph) in p.phases.iter().enumerate() {
            let ph_at = || format!("participants[{i}].phases[{j}]");
            end_before_start(kind, ph.start, ph.end, || format!("{}.end", ph_at()), out);
            end_before_start(
                kind,
                ph.start,
                ph.planned_end,
                || format!("{}.plannedEnd", ph_at()),
                out,
            );
            // A sensitive kind is no unknown one: its name would tell in the warning.
            if !PHASE_KINDS.contains(&ph.kind.as_str()) && !sensitive(doc, &ph.kind) {
                out.push(Diagnostic::warning(
                    kind,
                    format!("{}.kind", ph_at()),
                    Problem::UnknownKind(ph.kind.clone()),
                ));
            }
        }
        // The known range: the first phase start to the exit; without an exit the
        // participant is still in the programme and later events are expected.
        let from = p.phases.iter().map(|ph| ph.start).min();
        let to = p.exit.as_ref().map(|e| e.date);
        if let (Some(start), Some(exit)) = (from, to.filter(|t| from.is_some_and(|f| *t < f))) {
            out.push(Diagnostic::warning(
                kind,
                format!("participants[{i}].exit.date"),
                Problem::ExitBeforeStart { exit, start },
            ));
        }
        for (j, ev) in p.events.iter().enumerate() {
            let outside = from.is_some_and(|f| ev.date < f) || to.is_some_and(|t| ev.date > t);
            if let (true, Some(f)) = (outside, from) {
                let problem = Problem::OutsideRange {
                    date: ev.date,
                    from: f,
                    to: to.unwrap_or(ev.date),
                };
                out.push(Diagnostic::warning(
                    kind,
                    format!("participants[{i}].events[{j}].date"),
                    problem,
                ));
            }
            if !EVENT_KINDS.contains(&ev.kind.as_str()) && !sensitive(doc, &ev.kind) {
                let path = format!("participants[{i}].events[{j}].kind");
                out.push(Diagnostic::warning(
                    kind,
                    path,
                    Problem::UnknownKind(ev.kind.clone()),
                ));
            }
        }
    }
}
