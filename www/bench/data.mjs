// The documents every library in the side-by-side bench is given: foerderweg takes them as they
// are, the peers' adapters (adapters/*.mjs) turn them into their own input. Seeded, so each run
// and each library sees the same figures.
import { random } from "../js/cohort.mjs";

const DAY = 86400000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const TODAY = Date.parse("2022-06-30T00:00:00Z");

/** Phase kinds in the order a participant goes through them, with their usual length in days. */
const PATH = [
  ["referral", 0, 0],
  ["profiling", 10, 30],
  ["recommendation", 0, 0],
  ["placement", 5, 20],
  ["workOpportunity", 150, 200],
  ["qualification", 30, 90],
  ["internship", 20, 40],
  ["followUp", 60, 120],
];
const JOBCENTERS = ["Jobcenter Stendal", "Jobcenter Havelberg", "Jobcenter Osterburg"];
const PROVIDERS = Array.from({ length: 12 }, (_, i) => `Träger ${i + 1}`);

/**
 * `count` participants with 8 phases each (referral … follow-up measure), starting over six
 * years; phases after 30.06.2022 are planned only. `shift` moves every planned end by that many
 * days (the update case: same participants, new plans).
 */
export function cohort(count, { seed = 10000, shift = 0 } = {}) {
  const rand = random(seed);
  const participants = [];
  for (let i = 0; i < count; i++) {
    let at = Date.parse("2016-01-04T00:00:00Z") + Math.floor(rand() * 2200) * DAY;
    const phases = PATH.map(([kind, min, spread], k) => {
      const length = min + Math.floor(rand() * (spread - min + 1));
      const start = at;
      const plannedEnd = start + (length + shift) * DAY;
      at = start + length * DAY + (k === 0 ? 7 : 1) * DAY;
      const phase = { kind, start: iso(start), plannedEnd: iso(plannedEnd) };
      if (kind === "profiling" || kind === "referral") phase.provider = JOBCENTERS[i % 3];
      else if (kind !== "recommendation") phase.provider = PROVIDERS[(i * 7 + k) % PROVIDERS.length];
      if (start + length * DAY <= TODAY) phase.end = iso(start + length * DAY);
      return phase;
    }).filter((phase) => Date.parse(`${phase.start}T00:00:00Z`) <= TODAY + 365 * DAY);
    participants.push({
      id: `P-${String(i + 1).padStart(5, "0")}`,
      label: `TN ${String(i + 1).padStart(5, "0")}`,
      phases,
    });
  }
  return {
    schema: "foerderweg/timeline@1",
    title: `Messkohorte mit ${count} Teilnehmenden`,
    today: iso(TODAY),
    participants,
  };
}

/** `projects` projects at projects/10 providers and `dates` reporting dates; `variant` varies it. */
export function programme(projects, dates, variant = 0) {
  const rand = random(42 + variant);
  const providers = [];
  for (let i = 0; i < Math.max(1, Math.round(projects / 10)); i++) {
    providers.push({ id: `t${i}`, label: `Träger ${i + 1}`, projects: [] });
  }
  let filled = 0;
  for (let j = 0; j < projects; j++) {
    const slots = 2 + Math.floor(rand() * 12);
    const full = Math.floor(rand() * (slots + 1));
    const planned = Math.min(slots - full, Math.floor(rand() * 3));
    filled += full;
    providers[j % providers.length].projects.push({
      id: `p${j}`,
      label: `Projekt ${j + 1}`,
      slots,
      filled: full,
      planned,
    });
  }
  const series = [];
  const start = Date.UTC(2015, 0, 1);
  for (let k = 0; k < dates; k++) {
    const share = (k + 1) / dates;
    series.push({
      date: iso(start + k * 30.5 * DAY + Math.floor(rand() * 5) * DAY),
      profilings: Math.round(3000 * share),
      admitted: Math.round(1800 * share),
      followUpTalks: Math.round(6000 * share * share),
      filled: k === dates - 1 ? filled : Math.round(filled * share),
      planned: Math.floor(rand() * 20),
      earlyTerminations: Math.round(170 * share),
    });
  }
  return {
    schema: "foerderweg/occupancy@1",
    programme: { label: `Messprogramm ${variant}` },
    providers,
    series,
  };
}

/**
 * `measures` key figures with a value for each of `months` months from January 2015 (every
 * 40th withheld, every 55th without data, the last two provisional), a Jobcenter's report
 * over ten years. `variant` gives other figures for the update.
 */
export function indicators(measures, months, variant = 0) {
  const rand = random(700 + variant);
  const list = [];
  for (let m = 0; m < measures; m++) {
    const base = 200 + Math.round(rand() * 5000);
    const values = [];
    for (let k = 0; k < months; k++) {
      const period = `${2015 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
      const value = Math.round(base * (1 + 0.3 * Math.sin((k + m) / 9)) + rand() * 50);
      if ((k + m) % 40 === 39) values.push({ period, status: "suppressed" });
      else if ((k + m) % 55 === 54) values.push({ period, status: "noData" });
      else values.push({ period, value, ...(k >= months - 2 ? { status: "provisional" } : {}) });
    }
    list.push({ id: `m${m}`, label: `Kennzahl ${m + 1}`, unit: "persons", values });
  }
  return { schema: "foerderweg/occupancy@1.1", programme: { label: `Kennzahlen ${variant}` }, indicators: list };
}

/** One region per district key with a value each: a choropleth of all of Germany. */
export function districtMap(keys, variant = 0) {
  const rand = random(400 + variant);
  return {
    schema: "foerderweg/map@1",
    title: "Messkarte: alle Kreise",
    valueLabel: "Teilnehmende je Kreis",
    scale: { kind: "equal", classes: 5 },
    regions: keys.map((key) => ({ id: `r${key}`, label: `Region ${key}`, districts: [key] })),
    values: keys.map((key) => ({ key: `r${key}`, value: Math.round(rand() * 500) })),
  };
}

/** The classes the map document's scale asks for (5 equal classes over the values). */
export function classOf(value, min, max, classes = 5) {
  if (max <= min) return 0;
  return Math.min(classes - 1, Math.floor(((value - min) / (max - min)) * classes));
}

/** Five sequential blues, light to dark (the peers' fill colours). */
export const BLUES = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
