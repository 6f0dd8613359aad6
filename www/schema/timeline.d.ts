// The document of <foerderweg-timeline> (foerderweg/timeline@1), written by `cargo run --example schemas` from
// timeline.schema.json (the same model types). Do not edit.

/** A timeline document. */
export interface TimelineDocument {
  /**
   * How sensitive phases and events (health, addiction, debt and psychosocial counselling,
   * and the `confidentialKinds`) are shown: `show`, `generalise` (drawn and listed as
   * "vertraulich" without label, provider or project; the default) or `hide` (left out and
   * counted). The strictest of this field, the element's `confidential` attribute and the
   * `mount()` option wins.
   */
  confidential?: string | null;
  /** Further kinds of phases and events this host counts as sensitive. */
  confidentialKinds?: string[];
  /** Preferred language of the document (`de`, `en`); the element's `lang` attribute wins. */
  lang?: string | null;
  /** The participants, each under a pseudonymous id. */
  participants: Participant[];
  /** `"foerderweg/timeline@1"`. */
  schema: string;
  /** Where the figures come from (shown under the widget). */
  source?: string | null;
  /** Title of the programme or cohort. */
  title?: string | null;
  /** The day drawn as "today"; the viewer's date when absent (set it for reproducible demos). */
  today?: Day | null;
}

/** A calendar day, YYYY-MM-DD. */
export type Day = string;

/** A dated event on a single day. */
export interface Event {
  /** The day. */
  date: Day;
  /**
   * `review`, `followUpProfiling`, `homeVisit`, `debtCounselling`, `addictionCounselling`,
   * `healthCounselling`, `psychosocialCounselling`, `counselling`,
   * `confidential`, `other`; the sensitive ones are generalised or hidden.
   */
  kind: string;
  /** Display label. */
  label?: string | null;
}

/** Leaving the programme. */
export interface Exit {
  /** Day of exit. */
  date: Day;
  /** Follow-up measure agreed with the Jobcenter. */
  followUp?: string | null;
  /**
   * `employment`, `apprenticeship`, `qualification`, `otherProgramme`, `earlyTermination`,
   * `other`.
   */
  outcome: string;
  /** For early termination: `health`, `overload`, `qualification`, `jobUptake`, `other`. */
  reason?: string | null;
}

/** A goal of the support plan (Förderplan / Kooperationsplan). */
export interface Goal {
  /** When it is due. */
  due?: Day | null;
  /** What was agreed. */
  label: string;
  /** `open`, `achieved` or `dropped`. */
  status?: string | null;
}

/** One participant. The widget never needs a real name: `label` is a display pseudonym. */
export interface Participant {
  /** Single-day events: reviews, follow-up profilings, counselling referrals, … */
  events?: Event[];
  /** Leaving the programme. */
  exit?: Exit | null;
  /** Goals of the support plan. */
  goals?: Goal[];
  /** Pseudonymous id, unique in the document; sent in `foerderweg-select`. */
  id: string;
  /** Display label (e.g. "TN 0042"). */
  label: string;
  /** Phases: referral, profiling, placement, … */
  phases?: Phase[];
  /** Programme the participant is in. */
  programme?: string | null;
}

/** A phase with a start, a planned end and an actual end. */
export interface Phase {
  /** Actual last day; absent while the phase is running. */
  end?: Day | null;
  /**
   * `referral`, `profiling`, `recommendation`, `placement`, `workOpportunity`, `internship`,
   * `qualification`, `counselling`, `followUp`, `confidential`, `other`; a sensitive kind
   * (`healthCounselling`, `addictionCounselling`, `debtCounselling`,
   * `psychosocialCounselling` or one of `confidentialKinds`) is
   * generalised or hidden.
   */
  kind: string;
  /** Display label. */
  label?: string | null;
  /** Planned last day. */
  plannedEnd?: Day | null;
  /** Project at the provider. */
  project?: string | null;
  /** Provider (Träger) running it. */
  provider?: string | null;
  /** First day. */
  start: Day;
  /** Free status word from the host (`planned`, `active`, `completed`, `terminated`). */
  status?: string | null;
}
