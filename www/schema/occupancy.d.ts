// The document of <foerderweg-occupancy> (foerderweg/occupancy@1), written by `cargo run --example schemas` from
// occupancy.schema.json (the same model types). Do not edit.

/** An occupancy document. */
export interface OccupancyDocument {
  /** The reporting date the dashboard is "as of". */
  asOf?: Day | null;
  /** Funding lines. */
  funding?: Funding[];
  /** Key figures over time (since `occupancy@1.1`). */
  indicators?: Indicator[];
  /** Preferred language of the document. */
  lang?: string | null;
  /** The programme. */
  programme: Programme;
  /** Providers (Träger) and their projects. */
  providers?: Provider[];
  /** `"foerderweg/occupancy@1"`. */
  schema: string;
  /** Figures by reporting date (Stichtag). */
  series?: SeriesPoint[];
}

/** A dimension and its groups. */
export interface Breakdown {
  /**
   * `gender`, `region` (groups keyed by district key), `targetGroup`, `provider`, or the
   * host's own.
   */
  dimension: string;
  /** The groups, in the order they are shown. */
  groups: BreakdownGroup[];
  /** Name of the dimension. */
  label?: string | null;
}

/** One group of a breakdown. */
export interface BreakdownGroup {
  /** The key values use (`f`, `15084`, `u25`). */
  key: string;
  /** Name. */
  label: string;
}

/** Counts by key. */
export type Counts = Record<string, number>;

/** A calendar day, YYYY-MM-DD. */
export type Day = string;

/** A funding line. */
export interface Funding {
  /** Amount in euro. */
  amount: number;
  /** Last day. */
  end?: Day | null;
  /** Description. */
  label?: string | null;
  /** `ESF`, `ESF+`, `Land`, `district`, `own`, … */
  source: string;
  /** First day. */
  start?: Day | null;
}

/** A measure: its values by period. */
export interface Indicator {
  /** The dimension the values are broken down by, if any. */
  breakdown?: Breakdown | null;
  /** Id, unique among the document's indicators. */
  id: string;
  /** Name in the document's language (needed without `preset`; overrides the preset's). */
  label?: string | null;
  /** A key figure of a legal list (`sgb2/K2`, `esf+/EECO01`): label and unit come from it. */
  preset?: string | null;
  /** Where the figures were published. */
  source?: string | null;
  /** The value the programme aims at. */
  target?: number | null;
  /** What the values count or measure (needed without `preset`). */
  unit?: Unit | null;
  /** The values, in any order; periods may be uneven. */
  values?: IndicatorValue[];
}

/** The value of one period (and group). */
export interface IndicatorValue {
  /** The breakdown group the value is for; the total when absent. */
  group?: string | null;
  /** Day, month, quarter or year. */
  period: Period;
  /** `final` when absent. */
  status?: Status;
  /** The number; absent or `null` when there is none. */
  value?: number | null;
}

/** A day (2019-07-01), a month (2019-07), a quarter (2019-Q3) or a year (2019). */
export type Period = string;

/** The programme the figures are about. */
export interface Programme {
  /** Last day. */
  end?: Day | null;
  /** Name. */
  label: string;
  /** Number of projects, when they are not listed one by one. */
  projectCount?: number | null;
  /** Number of providers, when they are not listed one by one. */
  providerCount?: number | null;
  /** Region served. */
  region?: string | null;
  /** Slots in total, when the document gives no breakdown by project (or to state the total). */
  slots?: number | null;
  /** Where the figures were published. */
  source?: string | null;
  /** First day. */
  start?: Day | null;
}

/** A project with slots, as of the reporting date. */
export interface Project {
  /** Filled slots. */
  filled?: number | null;
  /** Id, sent in `foerderweg-select`. */
  id: string;
  /** Display name. */
  label: string;
  /** Planned placements. */
  planned?: number | null;
  /** Number of slots (Einsatzstellen). */
  slots: number;
  /** Vacant slots (derived from the others where absent). */
  vacant?: number | null;
}

/** A provider with its projects. */
export interface Provider {
  /** Id, sent in `foerderweg-select`. */
  id: string;
  /** Display name. */
  label: string;
  /** Its projects. */
  projects?: Project[];
}

/** The figures of one reporting date. Every figure is optional: series have gaps. */
export interface SeriesPoint {
  /** Participants admitted so far. */
  admitted?: number | null;
  /** The reporting date. */
  date: Day;
  /** Early terminations so far. */
  earlyTerminations?: number | null;
  /** Early terminations by reason (`health`, `overload`, `qualification`, `jobUptake`, `other`). */
  earlyTerminationsByReason?: Counts;
  /** Exits by outcome. */
  exitsByOutcome?: Counts;
  /** Slots filled on that date. */
  filled?: number | null;
  /** Follow-up talks so far. */
  followUpTalks?: number | null;
  /** Planned placements on that date. */
  planned?: number | null;
  /** Profilings so far. */
  profilings?: number | null;
}

/** What a value is. */
export type Status = "final" | "provisional" | "suppressed" | "noData";

/** What the values of a measure count or measure. */
export type Unit = "persons" | "euro" | "percent" | "ratio" | "cases";
