// Render time of <foerderweg-occupancy> for a large programme: from setting `data` to the
// next frame after `foerderweg-ready` (parse, check, layout, DOM, style and layout by the
// browser). Prints the median and the spread of `runs` runs after one warm-up.
import init, { defineElements } from "/pkg/foerderweg.js";

const params = new URLSearchParams(location.search);
const projects = Number(params.get("projects") ?? 500);
const dates = Number(params.get("dates") ?? 100);
const runs = Number(params.get("runs") ?? 10);

/** A deterministic programme: `projects` projects at projects/10 providers, `dates` dates. */
function programme(variant) {
  let seed = 42 + variant;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const providers = [];
  for (let i = 0; i < Math.max(1, Math.round(projects / 10)); i++) {
    providers.push({ id: `t${i}`, label: `Träger ${i + 1}`, projects: [] });
  }
  let slots = 0;
  let filled = 0;
  for (let j = 0; j < projects; j++) {
    const s = 2 + Math.floor(random() * 12);
    const f = Math.floor(random() * (s + 1));
    const planned = Math.min(s - f, Math.floor(random() * 3));
    slots += s;
    filled += f;
    providers[j % providers.length].projects.push({ id: `p${j}`, label: `Projekt ${j + 1}`, slots: s, filled: f, planned });
  }
  const series = [];
  const start = Date.UTC(2015, 0, 1);
  for (let k = 0; k < dates; k++) {
    const day = new Date(start + k * 30.5 * 86400000 + Math.floor(random() * 5) * 86400000);
    const share = (k + 1) / dates;
    series.push({
      date: day.toISOString().slice(0, 10),
      profilings: Math.round(3000 * share),
      admitted: Math.round(1800 * share),
      followUpTalks: Math.round(6000 * share * share),
      filled: k === dates - 1 ? filled : Math.round(filled * share),
      planned: Math.floor(random() * 20),
      earlyTerminations: Math.round(170 * share),
    });
  }
  return { schema: "foerderweg/occupancy@1", programme: { label: `Messprogramm ${variant}` }, providers, series };
}

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

await init();
defineElements();
const widget = document.getElementById("widget");
const times = [];
for (let run = 0; run <= runs; run++) {
  const doc = programme(run);
  const ready = new Promise((r) => widget.addEventListener("foerderweg-ready", r, { once: true }));
  const started = performance.now();
  widget.data = doc;
  await ready;
  await frame();
  if (run > 0) times.push(performance.now() - started); // run 0 warms up
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const result = { projects, dates, runs, medianMs: Math.round(median), minMs: Math.round(times[0]), maxMs: Math.round(times.at(-1)) };
document.getElementById("result").textContent = JSON.stringify(result);
