// One case of the side-by-side bench, for one library: hands the same document to it `runs`
// times after a warm-up, each time into a fresh box, and times from handing over the data to the
// end of the first frame after which its DOM stopped changing (requestAnimationFrame, then a
// task, so style, layout and paint of that frame are in). The result goes to #result and
// window.benchResult; scripts/bench.mjs drives it and prints the table.
import { cohort, districtMap, indicators, programme } from "./data.mjs";
import { districts } from "./adapters/districts.mjs";

const params = new URLSearchParams(location.search);
const which = params.get("case") ?? "timeline";
const lib = params.get("lib") ?? "foerderweg";
const n = Number(params.get("n") ?? 1000);
const runs = Number(params.get("runs") ?? 10);
const ADAPTERS = {
  foerderweg: "./adapters/foerderweg.mjs",
  "vis-timeline": "./adapters/vis-timeline.mjs",
  echarts: "./adapters/echarts.mjs",
  chartjs: "./adapters/chartjs.mjs",
  "d3-geo": "./adapters/d3-geo.mjs",
  leaflet: "./adapters/leaflet.mjs",
};

/** A warm-up slower than this (draw and update) cuts the runs to SLOW_RUNS; the table says so. */
const SLOW_MS = 20000;
const SLOW_RUNS = 3;

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));

/** Milliseconds from `started` to the end of the first frame after which `target` is unchanged. */
async function settle(target, started) {
  let dirty = false;
  const observer = new MutationObserver(() => (dirty = true));
  observer.observe(target, { subtree: true, childList: true, attributes: true, characterData: true });
  let end = await frame();
  let frames = 1;
  for (; frames < 60; frames++) {
    if (!dirty && observer.takeRecords().length === 0) break;
    dirty = false;
    end = await frame();
  }
  observer.disconnect();
  return { ms: end - started, frames };
}

/**
 * Lets the page go quiet: the frames of the last draw are rastered (in software here, tens of
 * milliseconds for a large SVG) before the next clock starts. Without this an update's time
 * holds the tail of the first draw's raster, and whether it does depends on frame alignment.
 */
const quiet = async () => {
  await new Promise((r) => setTimeout(r, 150));
  await frame();
};

async function timed(action, target) {
  const started = performance.now();
  await action();
  return settle(target(), started);
}

function stats(samples) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const mid = Math.floor(ms.length / 2);
  const median = ms.length % 2 ? ms[mid] : (ms[mid - 1] + ms[mid]) / 2;
  const round = (x) => Math.round(x * 10) / 10;
  return {
    median: round(median),
    min: round(ms[0]),
    max: round(ms.at(-1)),
    runs: ms.length,
    maxFrames: Math.max(...samples.map((s) => s.frames)),
  };
}

function box() {
  const element = document.createElement("div");
  element.className = "bench-box";
  document.getElementById("stage").replaceChildren(element);
  return element;
}

async function documents() {
  if (which === "timeline") return [cohort(n), cohort(n, { shift: 30 })];
  if (which === "occupancy") return [programme(n, 100, 0), programme(n, 100, 1)];
  if (which === "indicators") return [indicators(n, 120, 0), indicators(n, 120, 1)];
  const keys = (await districts()).features.map((f) => f.properties.key);
  return [districtMap(keys, 0), districtMap(keys, 1)];
}

/** Renders, updates and (timeline) scrolls with one adapter; the last widget stays mounted. */
async function compare() {
  const adapter = await import(ADAPTERS[lib]);
  // Key figures are the dashboard's: the occupancy module and element.
  const kind = { json: "timeline", indicators: "occupancy" }[which] ?? which;
  await adapter.load(kind);
  const [first, second] = await documents();
  const render = [];
  const update = [];
  let widget = null;
  let planned = runs;
  for (let run = 0; run <= planned; run++) {
    if (widget) widget.destroy();
    widget = adapter.create(kind);
    widget.prepare(box());
    await quiet();
    const r = await timed(() => widget.render(first), widget.observed);
    await quiet();
    const u = await timed(() => widget.update(second), widget.observed);
    if (run > 0) {
      render.push(r);
      update.push(u);
    } else if (r.ms + u.ms > SLOW_MS) {
      planned = Math.min(runs, SLOW_RUNS); // a library that needs minutes gets fewer runs
    }
    console.log(`${lib} run ${run}: render ${r.ms.toFixed(0)} ms, update ${u.ms.toFixed(0)} ms`);
  }
  const result = { case: which, lib: adapter.name, n, render: stats(render), update: stats(update) };
  if (which === "timeline") {
    const scroller = widget.scroller();
    const scroll = [];
    for (let run = 0; run <= runs; run++) {
      await quiet();
      const s = await timed(() => {
        scroller.scrollTop += scroller.clientHeight;
      }, widget.observed);
      if (run > 0) scroll.push(s);
    }
    result.scroll = stats(scroll);
    result.scrolledTo = scroller.scrollTop;
  }
  if (widget.root) {
    // The limit: the markup foerderweg made, set again by one innerHTML assignment into an
    // empty shadow root that adopts the same stylesheet.
    await timed(() => widget.render(first), widget.observed);
    const shown = widget.root();
    const markup = shown.innerHTML;
    const sheets = shown.adoptedStyleSheets;
    result.nodes = shown.querySelectorAll("*").length;
    result.markupBytes = markup.length;
    const limit = [];
    const hosts = [];
    for (let run = 0; run <= runs; run++) {
      const host = document.createElement("div");
      host.className = "bench-box";
      document.body.append(host);
      hosts.push(host);
      const root = host.attachShadow({ mode: "open" });
      root.adoptedStyleSheets = sheets;
      await quiet();
      const s = await timed(() => {
        root.innerHTML = markup;
      }, () => root);
      if (run > 0) limit.push(s);
      host.remove();
    }
    result.limit = stats(limit);
    result.wasmBytes = adapter.wasmMemory();
  } else {
    result.nodes = widget.observed().querySelectorAll("*").length;
  }
  return result;
}

/** Parse and check of a ≥ 10 MB timeline document inside the module vs JSON.parse alone. */
async function json() {
  const { load, mount } = await import("/pkg/foerderweg.js");
  await load("timeline");
  const perParticipant = JSON.stringify(cohort(200)).length / 200;
  const text = JSON.stringify(cohort(Math.ceil((10 * 1024 * 1024) / perParticipant)));
  const times = [];
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    if (lib === "foerderweg") {
      const element = box();
      element.attachShadow({ mode: "open" });
      const handle = mount(element, "timeline", null, { lang: "de" });
      await handle.ready;
      const t = performance.now();
      handle.update(text); // reads and checks now; a document over 1 MB is drawn a task later
      const ms = performance.now() - t;
      handle.destroy();
      if (run > 0) times.push({ ms, frames: 0 });
    } else {
      JSON.parse(text);
      if (run > 0) times.push({ ms: performance.now() - started, frames: 0 });
    }
    await frame();
  }
  return { case: "json", lib: lib === "foerderweg" ? "foerderweg" : "JSON.parse", bytes: text.length, read: stats(times) };
}

try {
  window.benchResult = which === "json" ? await json() : await compare();
} catch (error) {
  window.benchResult = { case: which, lib, error: String(error?.stack ?? error) };
}
document.getElementById("result").textContent = JSON.stringify(window.benchResult);
