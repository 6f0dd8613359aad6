// One cold load for the bench (scripts/bench-cold.mjs): a page with one widget, as a visitor
// meets it the first time. foerderweg is loaded the way the README's quick start does and
// fetches its document through `src`; a peer loads its bundle and fetches the same document.
// Time runs from the navigation (performance.now() counts from it) to the end of the first frame
// after which the drawn DOM stopped changing. The result goes to window.coldResult.
const params = new URLSearchParams(location.search);
const which = params.get("case") ?? "occupancy";
const lib = params.get("lib") ?? "foerderweg";
const DOC = `/bench/cold/${which}.json`;
const ADAPTERS = {
  "vis-timeline": "./adapters/vis-timeline.mjs",
  echarts: "./adapters/echarts.mjs",
  chartjs: "./adapters/chartjs.mjs",
  "d3-geo": "./adapters/d3-geo.mjs",
  leaflet: "./adapters/leaflet.mjs",
};

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));

/** The end of the first frame after which `target` did not change. */
async function settled(target) {
  let dirty = false;
  const observer = new MutationObserver(() => (dirty = true));
  observer.observe(target, { subtree: true, childList: true, attributes: true, characterData: true });
  let end = await frame();
  for (let frames = 1; frames < 60 && (dirty || observer.takeRecords().length); frames++) {
    dirty = false;
    end = await frame();
  }
  observer.disconnect();
  return end;
}

async function foerderweg() {
  const box = document.getElementById("box");
  const element = document.createElement(`foerderweg-${which}`);
  const ready = new Promise((resolve, reject) => {
    element.addEventListener("foerderweg-ready", resolve, { once: true });
    element.addEventListener("foerderweg-error", (e) => reject(new Error(JSON.stringify(e.detail))), { once: true });
  });
  element.setAttribute("src", DOC);
  box.append(element);
  // The README's loading code: the package's entry point, which loads the widget's module.
  await import("/pkg/foerderweg.js");
  await ready;
  return settled(element.shadowRoot);
}

async function peer() {
  const adapter = await import(ADAPTERS[lib]);
  await adapter.load();
  const doc = await (await fetch(DOC)).json();
  const widget = adapter.create(which);
  widget.prepare(document.getElementById("box"));
  await widget.render(doc);
  return settled(widget.observed());
}

try {
  const ms = lib === "foerderweg" ? await foerderweg() : await peer();
  window.coldResult = { case: which, lib, ms };
} catch (error) {
  window.coldResult = { case: which, lib, error: String(error?.stack ?? error) };
}
