// The cold-load case of the bench (`./dev bench`, or alone: `node scripts/bench-cold.mjs`): a
// page with one widget, loaded as a visitor on a phone meets it the first time. The browser
// cache is off, the server gzips, and Chromium is throttled as Lighthouse's mobile profile is
// (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, the CPU slowed 4×). Each library gets the
// same document; the figure is the median of `--cold-runs` loads (5 by default) of the time from
// navigation to the first drawn chart, and the bytes on the wire (encoded, as transferred).
// Prints a table and writes target/bench/cold.json.
//
//   node scripts/bench-cold.mjs [--cold-runs 5] [--only timeline|occupancy|map] [--lib echarts]
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./serve.mjs";
import { FLAGS } from "../tests/e2e/helpers.mjs";
import { cohort, districtMap, programme } from "../www/bench/data.mjs";
import { decode, districtsGeoJSON } from "./geometry.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const RUNS = Number(option("cold-runs", 5));
const ONLY = option("only", null);
const LIB = option("lib", null);

/** The phone: Lighthouse's mobile throttling. */
export const PHONE = { latency: 150, download: 1.6e6 / 8, upload: 750e3 / 8, cpu: 4 };

/** [case, document, libraries]: documents the size of a real programme's page. */
const districtKeys = decode(readFileSync(join(ROOT, "assets/geo/districts.fwg"))).features.map((f) => f.key);
const CASES = [
  ["occupancy", programme(42, 6), ["foerderweg", "echarts", "chartjs"]],
  ["timeline", cohort(181), ["foerderweg", "vis-timeline"]],
  ["map", districtMap(districtKeys), ["foerderweg", "d3-geo", "leaflet"]],
].filter(([name]) => !ONLY || ONLY === "cold" || name === ONLY);

const extra = { "/bench/data/districts.geojson": districtsGeoJSON(readFileSync(join(ROOT, "assets/geo/districts.fwg"))) };
for (const [name, doc] of CASES) extra[`/bench/cold/${name}.json`] = JSON.stringify(doc);
const server = await startServer(0, "127.0.0.1", { gzip: true, extra });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });

/** One cold load: a fresh context (empty cache), throttled; time and bytes. */
async function load(which, lib) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: PHONE.latency,
    downloadThroughput: PHONE.download,
    uploadThroughput: PHONE.upload,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpu });
  let bytes = 0;
  const byFile = {};
  const urls = new Map();
  cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
  cdp.on("Network.loadingFinished", (e) => {
    bytes += e.encodedDataLength;
    const name = (urls.get(e.requestId) ?? "?").replace(base, "");
    byFile[name] = (byFile[name] ?? 0) + e.encodedDataLength;
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  try {
    await page.goto(`${base}/bench/cold.html?case=${which}&lib=${lib}`);
    await page.waitForFunction(() => window.coldResult, null, { timeout: 120000, polling: 200 });
    const result = await page.evaluate(() => window.coldResult);
    if (result.error) throw new Error(result.error);
    if (errors.length) throw new Error(errors.join("; "));
    mkdirSync(join(ROOT, "target/bench"), { recursive: true });
    await page.screenshot({ path: join(ROOT, `target/bench/cold-${which}-${lib}.png`) });
    return { ms: result.ms, bytes, byFile };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const results = [];
for (const [which, , libs] of CASES) {
  for (const lib of libs.filter((l) => !LIB || l === LIB || l === "foerderweg")) {
    process.stderr.write(`bench cold: ${which} ${lib} `);
    const loads = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        loads.push(await load(which, lib));
        process.stderr.write(".");
      }
      const last = loads.at(-1);
      results.push({ case: which, lib, ms: median(loads.map((l) => l.ms)), bytes: median(loads.map((l) => l.bytes)), byFile: last.byFile, runs: loads.map((l) => Math.round(l.ms)) });
    } catch (error) {
      results.push({ case: which, lib, error: String(error.message ?? error).split("\n")[0] });
    }
    process.stderr.write("\n");
  }
}
await browser.close();
await new Promise((done) => server.close(done));

const NAMES = { foerderweg: "foerderweg", echarts: "ECharts (SVG)", chartjs: "Chart.js", "vis-timeline": "vis-timeline", "d3-geo": "d3-geo (SVG)", leaflet: "Leaflet (GeoJSON)" };
const rows = [["cold load", "library", "first chart ms", "on the wire KiB", "× foerderweg"]];
for (const r of results) {
  const ours = results.find((o) => o.case === r.case && o.lib === "foerderweg");
  if (r.error) {
    rows.push([r.case, NAMES[r.lib], "failed", "", ""]);
    continue;
  }
  const ratio = r.lib === "foerderweg" || !ours?.ms ? "" : `${(r.ms / ours.ms).toFixed(2)}×`;
  rows.push([r.case, NAMES[r.lib], r.ms.toFixed(0), (r.bytes / 1024).toFixed(1), ratio]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
const line = (row) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Chromium ${browser.version()}`;
console.log(
  `\ncold loads on a throttled phone (${PHONE.latency} ms round trip, ${(PHONE.download * 8) / 1e6} Mbit/s, CPU ${PHONE.cpu}× slower, gzip, no cache): medians of ${RUNS}, ${machine}`,
);
console.log(rows.map(line).join("\n"));
for (const r of results.filter((r) => r.lib === "foerderweg" && r.byFile)) {
  const files = Object.entries(r.byFile).sort((a, b) => b[1] - a[1]).map(([f, b]) => `${f} ${(b / 1024).toFixed(1)}`);
  console.log(`  foerderweg ${r.case}: ${files.join(", ")} (KiB)`);
}
for (const r of results.filter((r) => r.error)) console.log(`  ${r.case} ${r.lib} failed: ${r.error}`);
mkdirSync(join(ROOT, "target/bench"), { recursive: true });
writeFileSync(join(ROOT, "target/bench/cold.json"), JSON.stringify({ runs: RUNS, phone: PHONE, machine, results, when: new Date().toISOString() }, null, 2));
