//! `foerderweg/timeline@1`: one or many participants' paths through a programme.

use super::Day;
use serde::Deserialize;

/// A timeline document.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TimelineDoc {
    /// `"foerderweg/timeline@1"`.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(extend("pattern" = "^foerderweg/timeline@1(\\.[0-9]+)?$"))
    )]
    pub schema: String,
    /// The day drawn as "today"; the viewer's date when absent (set it for reproducible demos).
    #[serde(default)]
    pub today: Option<Day>,
    /// Preferred language of the document (`de`, `en`); the element's `lang` attribute wins.
    #[serde(default)]
    pub lang: Option<String>,
    /// Title of the programme or cohort.
    #[serde(default)]
    pub title: Option<String>,
    /// Where the figures come from (shown under the widget).
    #[serde(default)]
    pub source: Option<String>,
    /// How sensitive phases and events (health, addiction, debt and psychosocial counselling,
    /// and the `confidentialKinds`) are shown: `show`, `generalise` (drawn and listed as
    /// "vertraulich" without label, provider or project; the default) or `hide` (left out and
    /// counted). The strictest of this field, the element's `confidential` attribute and the
    /// `mount()` option wins.
    #[serde(default)]
    pub confidential: Option<String>,
    /// Further kinds of phases and events this host counts as sensitive.
    #[serde(default)]
    pub confidential_kinds: Vec<String>,
    /// The participants, each under a pseudonymous id.
    pub participants: Vec<Participant>,
}

/// One participant. The widget never needs a real name: `label` is a display pseudonym.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    /// Pseudonymous id, unique in the document; sent in `foerderweg-select`.
    pub id: String,
    /// Display label (e.g. "TN 0042").
    pub label: String,
    /// Programme the participant is in.
    #[serde(default)]
    pub programme: Option<String>,
    /// Phases: referral, profiling, placement, …
    #[serde(default)]
    pub phases: Vec<Phase>,
    /// Single-day events: reviews, follow-up profilings, counselling referrals, …
    #[serde(default)]
    pub events: Vec<Event>,
    /// Goals of the support plan.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// Leaving the programme.
    #[serde(default)]
    pub exit: Option<Exit>,
    /// How many of its phases and events were sensitive (generalised or hidden); set by
    /// [`crate::check::confidential`], never read from the wire.
    #[serde(skip)]
    pub confidential: usize,
    /// How many of its sensitive phases were left out (`confidential="hide"`).
    #[serde(skip)]
    pub hidden_phases: usize,
    /// How many of its sensitive events were left out.
    #[serde(skip)]
    pub hidden_events: usize,
}

impl Participant {
    /// How many of its sensitive phases and events were left out.
    pub fn hidden(&self) -> usize {
        self.hidden_phases + self.hidden_events
    }
}

/// A phase with a start, a planned end and an actual end.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Phase {
    /// `referral`, `profiling`, `recommendation`, `placement`, `workOpportunity`, `internship`,
    /// `qualification`, `counselling`, `followUp`, `confidential`, `other`; a sensitive kind
    /// (`healthCounselling`, `addictionCounselling`, `debtCounselling`,
    /// `psychosocialCounselling` or one of `confidentialKinds`) is
    /// generalised or hidden.
    pub kind: String,
    /// Display label.
    #[serde(default)]
    pub label: Option<String>,
    /// Provider (Träger) running it.
    #[serde(default)]
    pub provider: Option<String>,
    /// Project at the provider.
    #[serde(default)]
    pub project: Option<String>,
    /// First day.
    pub start: Day,
    /// Planned last day.
    #[serde(default)]
    pub planned_end: Option<Day>,
    /// Actual last day; absent while the phase is running.
    #[serde(default)]
    pub end: Option<Day>,
    /// Free status word from the host (`planned`, `active`, `completed`, `terminated`).
    #[serde(default)]
    pub status: Option<String>,
}

/// A dated event on a single day.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Event {
    /// `review`, `followUpProfiling`, `homeVisit`, `debtCounselling`, `addictionCounselling`,
    /// `healthCounselling`, `psychosocialCounselling`, `counselling`,
    /// `confidential`, `other`; the sensitive ones are generalised or hidden.
    pub kind: String,
    /// The day.
    pub date: Day,
    /// Display label.
    #[serde(default)]
    pub label: Option<String>,
}

/// A goal of the support plan (Förderplan / Kooperationsplan).
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Goal {
    /// What was agreed.
    pub label: String,
    /// When it is due.
    #[serde(default)]
    pub due: Option<Day>,
    /// `open`, `achieved` or `dropped`.
    #[serde(default)]
    pub status: Option<String>,
}

/// Leaving the programme.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Exit {
    /// Day of exit.
    pub date: Day,
    /// `employment`, `apprenticeship`, `qualification`, `otherProgramme`, `earlyTermination`,
    /// `other`.
    pub outcome: String,
    /// For early termination: `health`, `overload`, `qualification`, `jobUptake`, `other`.
    #[serde(default)]
    pub reason: Option<String>,
    /// Follow-up measure agreed with the Jobcenter.
    #[serde(default)]
    pub follow_up: Option<String>,
}
