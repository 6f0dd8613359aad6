// The side-by-side bench (`./dev bench`): drives www/bench/compare.html in headless Chromium for
// each case and library, measures memory after the 10,000-participant cohort and the shipped
// sizes, prints one table and writes it to target/bench/compare.json.
//
//   node scripts/bench.mjs [--runs 10] [--only timeline|occupancy|map|json] [--lib foerderweg]
//                          [--profile case:lib] [--page-minutes 15]
//
// --profile map:foerderweg records a CPU profile of that page (Chromium's sampling profiler) and
// prints the functions with the most self time; build with `FW_NAMES=1 ./dev build` first so
// the wasm functions keep their names.
//
// Needs pkg/ (./dev build) and the peers in www/bench/node_modules (npm ci --prefix www/bench).
import { chromium } from "playwright-core";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { startServer } from "./serve.mjs";
import { FLAGS } from "../tests/e2e/helpers.mjs";
import { districtsGeoJSON } from "./geometry.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PEERS = join(ROOT, "www/bench/node_modules");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const RUNS = Number(option("runs", 10));
const ONLY = option("only", null);
// One library alone (its name in CASES), to look at it without waiting for the others.
const LIB = option("lib", null);
const PROFILE = option("profile", null);
// A page that has not finished after this many minutes is reported as not finished.
const PAGE_MINUTES = Number(option("page-minutes", 15));
// `--only cold` is the cold-load case alone (scripts/bench-cold.mjs, which ./dev bench runs next).
if (ONLY === "cold") process.exit(0);

/** [case, n, libraries]: the first library is foerderweg, the others its peers for the case. */
const CASES = [
  ["timeline", 1000, ["foerderweg", "vis-timeline"]],
  ["timeline", 10000, ["foerderweg", "vis-timeline"]],
  ["occupancy", 500, ["foerderweg", "echarts", "chartjs"]],
  ["indicators", 50, ["foerderweg", "echarts"]],
  ["map", 400, ["foerderweg", "d3-geo", "leaflet"]],
  ["json", 0, ["foerderweg", "json-parse"]],
].filter(([name]) => !ONLY || name === ONLY);

const sizeOf = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
function sizes(files) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const size = sizeOf(readFileSync(file));
    for (const k in total) total[k] += size[k];
  }
  return total;
}
/** The module of all three widgets (what a page that mixes kinds loads), its glue and the loader. */
function foerderwegFiles() {
  const files = [join(ROOT, "pkg/modules/all_bg.wasm"), join(ROOT, "pkg/modules/all.js"), join(ROOT, "pkg/foerderweg.js")];
  (function walk(dir) {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".js")) files.push(path);
    }
  })(join(ROOT, "pkg/modules/snippets"));
  return files;
}
const PEER_FILES = {
  "vis-timeline": ["vis-timeline/standalone/umd/vis-timeline-graph2d.min.js"],
  "ECharts (SVG)": ["echarts/dist/echarts.min.js"],
  "Chart.js": ["chart.js/dist/chart.umd.min.js"],
  "d3-geo (SVG)": ["d3-array/dist/d3-array.min.js", "d3-geo/dist/d3-geo.min.js", "d3-selection/dist/d3-selection.min.js"],
  "Leaflet (GeoJSON)": ["leaflet/dist/leaflet.js", "leaflet/dist/leaflet.css"],
};
const version = (name) => JSON.parse(readFileSync(join(PEERS, name, "package.json"), "utf8")).version;

for (const needed of [join(ROOT, "pkg/modules/all_bg.wasm"), join(PEERS, "vis-timeline")]) {
  if (!existsSync(needed)) {
    console.error(`bench: ${needed} is missing; run ./dev bench (it builds pkg/ and installs the peers)`);
    process.exit(1);
  }
}

const geojson = districtsGeoJSON(readFileSync(join(ROOT, "assets/geo/districts.fwg")));
const server = await startServer(0);
const base = `http://127.0.0.1:${server.address().port}`;
// Each page gets a browser of its own, closed after it: a page that did not finish (vis-timeline
// at 10,000 groups keeps a renderer busy for minutes with gigabytes) must not run on beside the
// next case and slow it down.
const launch = () => chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });
const chromiumVersion = await launch().then(async (b) => {
  const v = b.version();
  await b.close();
  return v;
});

/** Runs one page to its result; with `memory`, also the heap after collecting garbage. */
async function run(which, lib, n, memory) {
  const browser = await launch();
  // Held on this side too: a renderer that is busy for minutes answers the page's own wait late.
  let timer;
  const cap = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not finished after ${PAGE_MINUTES} minutes`)), PAGE_MINUTES * 60 * 1000);
  });
  try {
    return await Promise.race([runIn(browser, which, lib, n, memory), cap]);
  } finally {
    clearTimeout(timer);
    await browser.close();
  }
}

async function runIn(browser, which, lib, n, memory) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors = [];
  page.on("crash", () => errors.push("the page crashed"));
  page.on("console", (m) => m.type() === "log" && process.stderr.write(`  ${m.text()}\n`));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route("**/bench/data/districts.geojson", (route) =>
    route.fulfill({ body: geojson, contentType: "application/geo+json" }),
  );
  const profiling = PROFILE === `${which}:${lib}`;
  const cdp = await page.context().newCDPSession(page);
  if (profiling) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
  }
  await page.goto(`${base}/bench/compare.html?case=${which}&lib=${lib}&n=${n}&runs=${RUNS}`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: PAGE_MINUTES * 60 * 1000, polling: 500 });
  const result = await page.evaluate(() => window.benchResult);
  if (profiling) printProfile((await cdp.send("Profiler.stop")).profile);
  // What each library drew (the last run stays on the page), to look at.
  mkdirSync(join(ROOT, "target/bench"), { recursive: true });
  await page.screenshot({ path: join(ROOT, `target/bench/${which}-${n}-${lib}.png`) }).catch(() => {});
  if (memory) {
    await cdp.send("HeapProfiler.collectGarbage");
    result.jsHeapBytes = (await cdp.send("Runtime.getHeapUsage")).usedSize;
  }
  if (errors.length) result.pageErrors = errors;
  await page.close();
  return result;
}

/** Self time per function of a CPU profile, the 30 largest, with their share of busy time. */
function printProfile(profile) {
  const self = new Map();
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id).callFrame;
    const name = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").pop()}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const idle = ["(idle) ", "(program) ", "(garbage collector) "];
  const busy = [...self].filter(([name]) => !idle.includes(name)).reduce((sum, [, t]) => sum + t, 0);
  console.log(`\nprofile of ${PROFILE}: self time, busy ${(busy / 1000).toFixed(0)} ms`);
  for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`${(t / 1000).toFixed(1).padStart(9)} ms ${((100 * t) / busy).toFixed(1).padStart(5)} %  ${name.slice(0, 110)}`);
  }
}

const results = [];
const started = Date.now();
for (const [which, n, libs] of CASES) {
  for (const lib of libs.filter((l) => !LIB || l === LIB || (LIB !== "foerderweg" && l === "foerderweg"))) {
    process.stderr.write(`bench: ${which}${n ? ` ${n}` : ""} ${lib} … `);
    const t = Date.now();
    const result = await run(which, lib, n, which === "timeline" && n === 10000).catch((error) => ({
      case: which,
      lib,
      n,
      error: String(error.message ?? error).split("\n")[0],
    }));
    process.stderr.write(`${((Date.now() - t) / 1000).toFixed(0)} s\n`);
    if (result.error) console.error(`bench: ${which} ${lib} failed: ${result.error}`);
    results.push(result);
  }
}
await new Promise((done) => server.close(done));

// ---------------------------------------------------------------------------------------------
// The table

const ms = (s) => (s ? `${s.median.toFixed(1)}` : "–");
const ratio = (a, b) => (a && b ? `${(a.median / b.median).toFixed(2)}×` : "–");
const kib = (n) => (n === undefined ? "–" : `${(n / 1024).toFixed(1)}`);
const title = (r) => (r.case === "json" ? "json 10 MB" : `${r.case} ${r.n}`);
const rows = [["case", "library", "first draw ms", "update ms", "scroll ms", "innerHTML ms", "× limit", "× foerderweg", "DOM nodes"]];
for (const r of results) {
  const ours = results.find((o) => o.case === r.case && o.n === r.n && o.lib === "foerderweg");
  if (r.error) {
    rows.push([title(r), r.lib, "failed", "", "", "", "", "", ""]);
    continue;
  }
  const main = r.render ?? r.read;
  const oursMain = ours?.render ?? ours?.read;
  rows.push([
    title(r),
    r.lib,
    ms(main),
    ms(r.update),
    ms(r.scroll),
    ms(r.limit),
    r.limit ? ratio(r.render, r.limit) : "",
    r.lib === "foerderweg" ? "" : ratio(main, oursMain),
    r.nodes === undefined ? "" : String(r.nodes),
  ]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
const line = (row) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");

const ourSize = sizes(foerderwegFiles());
const geoSize = sizes([join(ROOT, "pkg/geo/districts.fwg")]);
const sizeRows = [["bundle", "raw KiB", "gzip KiB", "brotli KiB"]];
sizeRows.push(["foerderweg .wasm + JS", kib(ourSize.raw), kib(ourSize.gzip), kib(ourSize.brotli)]);
sizeRows.push(["  + districts.fwg (maps)", kib(geoSize.raw), kib(geoSize.gzip), kib(geoSize.brotli)]);
for (const [name, files] of Object.entries(PEER_FILES)) {
  const s = sizes(files.map((f) => join(PEERS, f)));
  sizeRows.push([`${name} ${version(files[0].split("/")[0])}`, kib(s.raw), kib(s.gzip), kib(s.brotli)]);
}
const geoJsonSize = sizeOf(Buffer.from(geojson));
sizeRows.push(["  districts as GeoJSON (peers)", kib(geoJsonSize.raw), kib(geoJsonSize.gzip), kib(geoJsonSize.brotli)]);
const sizeWidths = sizeRows[0].map((_, i) => Math.max(...sizeRows.map((row) => row[i].length)));
const sizeLine = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(sizeWidths[i]) : cell.padStart(sizeWidths[i]))).join("  ");

const memory = results.filter((r) => r.jsHeapBytes !== undefined);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Chromium ${chromiumVersion}`;
console.log(`\nfoerderweg side by side: medians of ${RUNS} runs after a warm-up (ms), ${machine}`);
console.log(rows.map(line).join("\n"));
console.log("\nshipped sizes");
console.log(sizeRows.map(sizeLine).join("\n"));
console.log("\nmemory with the 10,000-participant cohort drawn (after garbage collection)");
for (const r of memory) {
  const wasm = r.wasmBytes === undefined ? "" : `, wasm linear memory ${kib(r.wasmBytes)} KiB`;
  console.log(`  ${r.lib.padEnd(14)} JS heap ${kib(r.jsHeapBytes)} KiB${wasm}`);
}
for (const r of results.filter((r) => r.pageErrors)) console.log(`  page errors in ${r.case} ${r.lib}: ${r.pageErrors.join("; ")}`);
console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s; written to target/bench/compare.json, screenshots of each page beside it)`);

mkdirSync(join(ROOT, "target/bench"), { recursive: true });
writeFileSync(
  join(ROOT, "target/bench/compare.json"),
  JSON.stringify({ runs: RUNS, machine, results, sizes: sizeRows, when: new Date().toISOString() }, null, 2),
);
