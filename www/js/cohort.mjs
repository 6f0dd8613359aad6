// Seeded, reproducible cohorts for the timeline: the Stendal cohort whose counts match the
// published interim report (see DESIGN.md), and large cohorts for scale. Used by
// scripts/make-samples.mjs (which writes www/data/timeline-stendal-cohort.json) and by the
// gallery and bench pages (which generate 10,000 participants in the browser).

/** A small linear congruential generator: the same seed gives the same cohort everywhere. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const DAY = 86400000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const at = (date) => Date.parse(`${date}T00:00:00Z`);

/** `count` days spread over (from, to], cumulative targets: [[date, total], ...]. */
function spread(targets, from, rand) {
  const out = [];
  let previous = at(from);
  let done = 0;
  for (const [date, total] of targets) {
    const end = at(date);
    for (; done < total; done++) {
      out.push(previous + Math.floor(rand() * ((end - previous) / DAY)) * DAY + DAY);
    }
    previous = end;
  }
  return out.sort((a, b) => a - b);
}

const JOBCENTERS = ["Jobcenter Stendal", "Jobcenter Havelberg", "Jobcenter Osterburg"];
const PROVIDERS = ["Träger 1", "Träger 2", "Träger 3", "Träger 4", "Träger 5", "Träger 6", "Träger 7"];
const REASONS = ["health", "overload", "qualification", "jobUptake", "other"];
const WORK = ["Grünpflege", "Holzwerkstatt", "Kantine", "Nähstube", "Tierpflege", "Hausmeisterdienste"];

/**
 * The Stendal cohort as of 01.12.2018: 181 participants admitted (117, 146, 156, 170, 177, 181
 * by the six reporting dates), work opportunities started so that 85, 94, 99, 108, 111 are
 * filled on the last five dates after 4, 11, 16, 16, 17 early terminations, 2 planned
 * placements, and 605 follow-up talks (39, 102, 237, 368, 498, 605).
 */
export function stendalCohort() {
  const rand = random(15090);
  const dates = ["2018-02-21", "2018-05-08", "2018-07-04", "2018-08-28", "2018-10-23", "2018-12-01"];
  const admitted = spread(dates.map((d, i) => [d, [117, 146, 156, 170, 177, 181][i]]), "2017-12-01", rand);
  // Work opportunities start from April 2018; started = filled + early terminations.
  const started = spread(dates.slice(1).map((d, i) => [d, [89, 105, 115, 124, 128][i]]), "2018-04-01", rand);
  const ended = spread(dates.slice(1).map((d, i) => [d, [4, 11, 16, 16, 17][i]]), "2018-04-10", rand);
  const talks = spread(dates.map((d, i) => [d, [39, 102, 237, 368, 498, 605][i]]), "2017-12-15", rand);
  const participants = admitted.map((admission, i) => {
    const jobcenter = JOBCENTERS[i % 3];
    const referral = admission - (14 + Math.floor(rand() * 20)) * DAY;
    const profilingStart = referral + 7 * DAY;
    return {
      id: `SDL-${String(i + 1).padStart(4, "0")}`,
      label: `TN ${String(i + 1).padStart(3, "0")}`,
      programme: "Stabilisierung und Teilhabe am Arbeitsleben",
      phases: [
        { kind: "referral", label: `Zuweisung durch das ${jobcenter}`, start: iso(referral), end: iso(referral) },
        { kind: "profiling", provider: jobcenter, start: iso(profilingStart), plannedEnd: iso(admission), end: iso(admission) },
      ],
      events: [{ kind: "recommendation", date: iso(admission), label: "Aufnahme ins Programm" }],
    };
  });
  // The first admitted start first; starts never precede admission.
  started.forEach((start, k) => {
    const p = participants[k];
    const begin = Math.max(start, at(p.phases[1].end) + DAY);
    p.phases.push({
      kind: "workOpportunity",
      label: `Arbeitsgelegenheit ${WORK[k % WORK.length]}`,
      provider: PROVIDERS[k % PROVIDERS.length],
      project: `Projekt ${1 + (k % 42)}`,
      start: iso(begin),
      plannedEnd: iso(begin + 270 * DAY),
      status: "active",
    });
  });
  // Early terminations: spread over those who started, each after its own start.
  const starters = participants.slice(0, 128);
  ended.forEach((end, k) => {
    const p = starters[(k * 7 + 3) % starters.length];
    const work = p.phases[2];
    const day = Math.max(end, at(work.start) + 14 * DAY);
    const reason = REASONS[k % REASONS.length];
    work.end = iso(day);
    work.status = "terminated";
    p.exit = { date: iso(day), outcome: "earlyTermination", reason, followUp: "Abstimmung mit dem Jobcenter" };
  });
  // Two planned placements for December.
  for (const k of [128, 129]) {
    const begin = at("2018-12-10") + (k - 128) * 7 * DAY;
    participants[k].phases.push({
      kind: "workOpportunity",
      label: "Arbeitsgelegenheit (geplant)",
      provider: PROVIDERS[k % PROVIDERS.length],
      start: iso(begin),
      plannedEnd: iso(begin + 270 * DAY),
      status: "planned",
    });
  }
  talks.forEach((day, k) => {
    const eligible = participants.filter((p) => at(p.phases[1].start) <= day && (!p.exit || at(p.exit.date) >= day));
    const p = eligible[k % eligible.length] ?? participants[0];
    p.events.push({ kind: "followUpProfiling", date: iso(day), label: "Folgegespräch" });
  });
  for (const p of participants) p.events.sort((a, b) => a.date.localeCompare(b.date));
  return {
    schema: "foerderweg/timeline@1",
    lang: "de",
    title: "Stendal 2018: erzeugte Kohorte nach den veröffentlichten Zahlen",
    source:
      "Erzeugt (Startwert 15090), sodass die Zählungen dem Zwischenstand des Landkreises Stendal zum 01.12.2018 entsprechen: 181 aufgenommen, 111 in Arbeitsgelegenheiten, 17 vorzeitig beendet, 2 geplante Besetzungen, 605 Folgegespräche. Personen, Daten und Gründe im Einzelnen sind erfunden.",
    today: "2018-12-01",
    participants,
  };
}

/** `count` participants over several years, for scale. */
export function largeCohort(count = 10000, seed = 10000) {
  const rand = random(seed);
  const start = at("2016-01-01");
  const participants = [];
  for (let i = 0; i < count; i++) {
    const referral = start + Math.floor(rand() * 2400) * DAY;
    const profEnd = referral + (10 + Math.floor(rand() * 30)) * DAY;
    const workStart = profEnd + (7 + Math.floor(rand() * 40)) * DAY;
    const planned = workStart + (180 + Math.floor(rand() * 200)) * DAY;
    const early = rand() < 0.12;
    const end = early ? workStart + Math.floor(rand() * 150) * DAY : planned;
    const p = {
      id: `P-${String(i + 1).padStart(5, "0")}`,
      label: `TN ${String(i + 1).padStart(5, "0")}`,
      programme: i % 4 === 0 ? "Arbeitsmarktmentoren" : "Stabilisierung und Teilhabe",
      phases: [
        { kind: "referral", start: iso(referral), end: iso(referral) },
        { kind: "profiling", provider: JOBCENTERS[i % 3], start: iso(referral + 7 * DAY), end: iso(profEnd) },
        { kind: "workOpportunity", provider: PROVIDERS[i % 7], start: iso(workStart), plannedEnd: iso(planned) },
      ],
    };
    if (end <= at("2022-06-30")) {
      p.phases[2].end = iso(end);
      p.phases[2].status = early ? "terminated" : "completed";
      p.exit = early
        ? { date: iso(end), outcome: "earlyTermination", reason: REASONS[i % 5] }
        : { date: iso(end), outcome: rand() < 0.4 ? "employment" : "otherProgramme" };
    }
    participants.push(p);
  }
  return {
    schema: "foerderweg/timeline@1",
    title: `Erzeugte Kohorte mit ${count.toLocaleString("de-DE")} Teilnehmenden`,
    today: "2022-06-30",
    participants,
  };
}
