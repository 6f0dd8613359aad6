//! Sensitive records stay private: phases and events that reveal health, addiction, debt or
//! psychosocial counselling are generalised or left out once, right after the check, so that
//! no later layer (layout, tables, CSV, SVG and PNG exports, summaries, tooltips, accessible
//! names, the `foerderweg-select` detail, the native renderer) ever sees their label, provider
//! or project.
//!
//! The same holds for an early termination's reason `health` on the exit: at `generalise`
//! and `hide` it becomes `confidential` (the exit itself, its date and outcome stay).
//!
//! The fixed list follows § 16a SGB II (kommunale Eingliederungsleistungen), which names four
//! services a Jobcenter may arrange: (1) die Betreuung minderjähriger oder behinderter Kinder
//! oder die häusliche Pflege von Angehörigen, (2) die Schuldnerberatung, (3) die psychosoziale
//! Betreuung, (4) die Suchtberatung. Debt, psychosocial and addiction counselling are on the
//! list, and health counselling with them (health data is a special category under Art. 9
//! GDPR). Child care and home care are not: they mostly tell that a person has children; a host
//! for whom they reveal too much names them in `confidentialKinds`, as any kind of its own.

use super::{Diagnostic, Problem};
use crate::model::WidgetKind;
use crate::model::timeline::TimelineDoc;

/// The kinds of phases and events that are sensitive whatever the host says.
pub const SENSITIVE_KINDS: &[&str] = &[
    "healthCounselling",
    "addictionCounselling",
    "debtCounselling",
    "psychosocialCounselling",
];

/// The kind a generalised record is given: drawn and listed as "vertraulich" / "confidential".
pub const CONFIDENTIAL: &str = "confidential";

/// How sensitive records are shown, from the mildest to the strictest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Confidential {
    /// As the host sent them (a caseworker's own portal).
    Show,
    /// Drawn and listed as "vertraulich" on their dates, without label, provider or project.
    Generalise,
    /// Left out, and counted as hidden.
    Hide,
}

impl Confidential {
    /// What a page shows when no one says: generalised. A widget on a public or a programme
    /// portal must not tell who went to debt or addiction counselling; a caseworker's portal
    /// that needs the labels says `show` (privacy by default, Art. 25 GDPR).
    pub const DEFAULT: Confidential = Confidential::Generalise;

    /// Reads `show`, `generalise` (also `generalize`) or `hide`. Any other word is read as
    /// `hide`: a misspelt wish for privacy is not a wish to show.
    ///
    /// ```
    /// use foerderweg::check::Confidential;
    /// assert_eq!(Confidential::parse("show"), Confidential::Show);
    /// assert_eq!(Confidential::parse(" Generalize "), Confidential::Generalise);
    /// assert_eq!(Confidential::parse("hidde"), Confidential::Hide);
    /// ```
    pub fn parse(word: &str) -> Confidential {
        match word.trim().to_ascii_lowercase().as_str() {
            "show" => Confidential::Show,
            "generalise" | "generalize" => Confidential::Generalise,
            _ => Confidential::Hide,
        }
    }

    /// Whether `word` is one of the words [`Confidential::parse`] knows.
    pub fn known(word: &str) -> bool {
        matches!(
            word.trim().to_ascii_lowercase().as_str(),
            "show" | "generalise" | "generalize" | "hide"
        )
    }

    /// The strictest of the levels given; [`Confidential::DEFAULT`] when none is.
    ///
    /// ```
    /// use foerderweg::check::Confidential::*;
    /// assert_eq!(foerderweg::check::Confidential::strictest([Some(Show), None]), Show);
    /// assert_eq!(foerderweg::check::Confidential::strictest([Some(Show), Some(Hide)]), Hide);
    /// assert_eq!(foerderweg::check::Confidential::strictest([None, None]), Generalise);
    /// ```
    pub fn strictest(levels: impl IntoIterator<Item = Option<Confidential>>) -> Confidential {
        levels
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(Confidential::DEFAULT)
    }
}

/// Whether a phase or event of `kind` is sensitive in `doc`.
pub fn sensitive(doc: &TimelineDoc, kind: &str) -> bool {
    SENSITIVE_KINDS.contains(&kind) || doc.confidential_kinds.iter().any(|k| k == kind)
}

/// The document's own level, with a warning for a word it does not know.
pub(super) fn document_level(doc: &TimelineDoc, out: &mut Vec<Diagnostic>) -> Option<Confidential> {
    let word = doc.confidential.as_deref()?;
    if !Confidential::known(word) {
        out.push(Diagnostic::warning(
            WidgetKind::Timeline,
            "confidential",
            Problem::UnknownKind(word.to_string()),
        ));
    }
    Some(Confidential::parse(word))
}

/// Generalises or leaves out the sensitive phases and events of `doc` at `level`, and counts
/// them on their participant. The document's `confidential` field is set to the level used,
/// so that what is drawn says how it was made.
pub fn apply(doc: &mut TimelineDoc, level: Confidential) {
    let host_kinds = std::mem::take(&mut doc.confidential_kinds);
    let is_sensitive = |kind: &str| {
        SENSITIVE_KINDS.contains(&kind)
            || kind == CONFIDENTIAL
            || host_kinds.iter().any(|k| k == kind)
    };
    for p in &mut doc.participants {
        // Applied a second time (a stricter level later), what was hidden stays counted.
        let (phases, events) = (p.phases.len(), p.events.len());
        p.confidential = p.hidden()
            + p.phases.iter().filter(|ph| is_sensitive(&ph.kind)).count()
            + p.events.iter().filter(|e| is_sensitive(&e.kind)).count();
        match level {
            Confidential::Show => {}
            Confidential::Generalise => {
                for ph in p.phases.iter_mut().filter(|ph| is_sensitive(&ph.kind)) {
                    ph.kind = CONFIDENTIAL.to_string();
                    ph.label = None;
                    ph.provider = None;
                    ph.project = None;
                }
                for e in p.events.iter_mut().filter(|e| is_sensitive(&e.kind)) {
                    e.kind = CONFIDENTIAL.to_string();
                    e.label = None;
                }
            }
            Confidential::Hide => {
                p.phases.retain(|ph| !is_sensitive(&ph.kind));
                p.events.retain(|e| !is_sensitive(&e.kind));
            }
        }
        if level > Confidential::Show
            && let Some(exit) = &mut p.exit
            && exit.reason.as_deref() == Some("health")
        {
            exit.reason = Some(CONFIDENTIAL.to_string());
        }
        p.hidden_phases += phases - p.phases.len();
        p.hidden_events += events - p.events.len();
    }
    doc.confidential_kinds = host_kinds;
    let word = match level {
        Confidential::Show => "show",
        Confidential::Generalise => "generalise",
        Confidential::Hide => "hide",
    };
    doc.confidential = Some(word.to_string());
}
