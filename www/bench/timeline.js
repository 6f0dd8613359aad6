// First render of <foerderweg-timeline>: from setting `data` (JSON text, so parsing counts) to
// the frame after `foerderweg-ready`. Median of `runs` runs after one warm-up, each on a fresh
// element.
import init, { defineElements } from "/pkg/foerderweg.js";
import { largeCohort } from "../js/cohort.mjs";

const params = new URLSearchParams(location.search);
const which = params.get("cohort") ?? "stendal";
const runs = Number(params.get("runs") ?? 10);
const text =
  which === "large"
    ? JSON.stringify(largeCohort(10000))
    : await (await fetch("../data/timeline-stendal-cohort.json")).text();

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
await init();
defineElements();
const times = [];
let nodes = 0;
for (let run = 0; run <= runs; run++) {
  const old = document.getElementById("widget");
  const widget = document.createElement("foerderweg-timeline");
  old.replaceWith(widget);
  widget.id = "widget";
  const ready = new Promise((r) => widget.addEventListener("foerderweg-ready", r, { once: true }));
  const started = performance.now();
  widget.data = text;
  await ready;
  await frame();
  if (run > 0) times.push(performance.now() - started);
  nodes = widget.shadowRoot.querySelectorAll("*").length;
}
times.sort((a, b) => a - b);
const result = {
  cohort: which,
  participants: JSON.parse(text).participants.length,
  runs,
  medianMs: Math.round(times[Math.floor(times.length / 2)]),
  minMs: Math.round(times[0]),
  maxMs: Math.round(times.at(-1)),
  shadowNodes: nodes,
};
document.getElementById("result").textContent = JSON.stringify(result);
