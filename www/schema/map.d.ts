// The document of <foerderweg-map> (foerderweg/map@1), written by `cargo run --example schemas` from
// map.schema.json (the same model types). Do not edit.

/** A map document. */
export interface MapDocument {
  /** The day whose region assignment is shown first. */
  date?: Day | null;
  /** Keys of the Länder or districts to fit the view to (e.g. `["14", "15"]`). */
  focus?: string[];
  /** The host's own geometry instead of the built-in districts. */
  geometry?: HostGeometry | null;
  /** Preferred language of the document. */
  lang?: string | null;
  /** Offices, providers and Jobcenters. */
  markers?: Marker[];
  /** Programme regions with their validity. */
  regions?: Region[];
  /** How figures are put into colour classes. */
  scale?: Scale | null;
  /** `"foerderweg/map@1"`. */
  schema: string;
  /** Where the figures come from (shown under the widget). */
  source?: string | null;
  /** Title. */
  title?: string | null;
  /** What the figures count (legend title). */
  valueLabel?: string | null;
  /** Figures per region or district. */
  values?: Value[];
}

/** A calendar day, YYYY-MM-DD. */
export type Day = string;

/**
 * A host's own areas: a GeoJSON FeatureCollection (WGS 84) whose features carry their key in
 * `idProperty`; regions, figures and focus then refer to those keys.
 */
export interface HostGeometry {
  /** Copyright notice of the geometry, shown under the map. */
  attribution?: string | null;
  /** The FeatureCollection. */
  data: unknown;
  /** The feature property holding each area's key. */
  idProperty: string;
  /** The feature property holding each area's name (the key when missing). */
  nameProperty?: string | null;
}

/** A point on the map. */
export interface Marker {
  /** Id, sent in `foerderweg-select`. */
  id: string;
  /** `office`, `provider`, `jobcenter`. */
  kind: string;
  /** Name. */
  label: string;
  /** Latitude (WGS 84). */
  lat: number;
  /** Longitude (WGS 84). */
  lon: number;
  /** First day it is open (an office opened). */
  validFrom?: Day | null;
  /** Last day it is open (an office closed or merged): it leaves the map the day after. */
  validTo?: Day | null;
}

/** A day (2019-07-01), a month (2019-07), a quarter (2019-Q3) or a year (2019). */
export type Period = string;

/** A programme region: districts served by one office, valid from/to. */
export interface Region {
  /**
   * District keys (5 digits), municipality keys (8-digit AGS, for Sachsen and Sachsen-Anhalt
   * built in) or 12-digit regional keys (ARS); with host geometry, the host's keys.
   */
  districts: string[];
  /** Id, sent in `foerderweg-select`. */
  id: string;
  /** Name. */
  label: string;
  /** The office serving it. */
  office?: string | null;
  /** First day of this assignment. */
  validFrom?: Day | null;
  /** Last day of this assignment. */
  validTo?: Day | null;
}

/** Colour classes of the choropleth. */
export interface Scale {
  /** Upper bounds of the classes but the last, ascending (for `breaks`). */
  breaks?: number[];
  /** Number of classes, 2 to 7 (default 5; fewer when there are fewer distinct figures). */
  classes?: number | null;
  /**
   * `quantile` (default: about as many areas in each class), `equal` (equal intervals) or
   * `breaks` (the upper bounds given in `breaks`).
   */
  kind?: string | null;
}

/**
 * A figure for a region or a district. `value: null` is "no data"; `suppressed: true` is a
 * figure withheld for privacy: never drawn as 0, never as "no data". With a `period` it is the
 * figure of that day, month, quarter or year: the map's date shows the figures of the period
 * it falls in, with the regions in force on it.
 */
export interface Value {
  /** Region id or district key. */
  key: string;
  /**
   * The period the figure is for (`2017-08-15`, `2017-08`, `2017-Q3`, `2017`); without one,
   * it holds for every date.
   */
  period?: Period | null;
  /** Withheld by the statistics office. */
  suppressed?: boolean;
  /** The figure. */
  value?: number | null;
}
