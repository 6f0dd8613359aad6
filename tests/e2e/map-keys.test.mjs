// A map fed as real hosts feed it: figures keyed by a 12-digit ARS, with spaces, by a Land's
// key and twice for one district; texts full of the widget's own placeholders; a host label
// that looks like a formula. Every figure reaches its district or is named with its path, the
// texts stay verbatim, and the CSV export defuses the label.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start } from "./helpers.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

/** A new page that records console errors and uncaught exceptions. */
async function newPage() {
  const page = await env.browser.newPage({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  const seen = { errors: [] };
  page.on("console", (m) => m.type() === "error" && seen.errors.push(m.text()));
  page.on("pageerror", (e) => seen.errors.push(`pageerror: ${e}`));
  return { page, seen };
}

/** A host page without a bundler: loads the package and keeps it on `window.fw`. */
async function bareHost(page, body = "") {
  const url = `${env.base}/__map-keys/host.html`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Host</title>
<link rel="icon" href="data:,">
<script type="module">
  import init, * as fw from "/pkg/foerderweg.js";
  window.wasm = await init();
  window.fw = fw;
  window.ready = true;
</script></head><body><main><h1>Host</h1>${body}</main></body></html>`,
    }),
  );
  await page.goto(url);
  await page.waitForFunction(() => window.ready === true, null, { timeout: 20000 });
}

const DOC = {
  schema: "foerderweg/map@1",
  focus: ["15"],
  valueLabel: "{hi} {lo} {what}",
  regions: [{ id: "nord", label: "Nord {b}{a}", districts: ["15081"] }],
  values: [
    { key: "150900000000", value: 412 },
    { key: " 15086 ", value: 7 },
    { key: "15", value: 2000 },
    { key: "15090", value: 1 },
    { key: "nord ", suppressed: true },
  ],
};

test("figures reach their districts whatever the key's form, or are named with their path", async () => {
  const { page, seen } = await newPage();
  await bareHost(page, `<foerderweg-map id="m" lang="de"></foerderweg-map>`);
  const warnings = await page.evaluate(
    (doc) =>
      new Promise((resolve, reject) => {
        window.fw.setLabels("de", { "map.suppressed": "=1+1" });
        window.fw.defineElements();
        const el = document.getElementById("m");
        el.addEventListener("foerderweg-ready", (e) => resolve(e.detail.warnings));
        el.addEventListener("foerderweg-error", (e) => reject(new Error(JSON.stringify(e.detail))));
        el.data = doc;
      }),
    DOC,
  );
  assert.deepEqual(
    warnings.map((w) => [w.path, w.code]),
    [
      ["values[2].key", "land-key"],
      ["values[3].key", "duplicate-figure"],
    ],
  );
  assert.match(warnings[1].message, /values\[0\]/);
  await page.waitForFunction(() => document.getElementById("m").shadowRoot.querySelector('[data-fw-select="15090"]'));
  const seenOnMap = await page.evaluate(() => {
    const root = document.getElementById("m").shadowRoot;
    const area = (key) => root.querySelector(`[data-fw-select="${key}"]`);
    return {
      stendal: area("15090").getAttribute("aria-label"),
      jerichow: area("15086").getAttribute("aria-label"),
      salzwedel: area("15081").getAttribute("aria-label"),
      summary: root.querySelector(".fw-summary").textContent,
    };
  });
  assert.match(seenOnMap.stendal, /: 412$/, seenOnMap.stendal);
  assert.match(seenOnMap.jerichow, /: 7$/, seenOnMap.jerichow);
  assert.match(seenOnMap.salzwedel, /Nord \{b\}\{a\}/, seenOnMap.salzwedel);
  assert.ok(seenOnMap.summary.endsWith(" {hi} {lo} {what}: von 7 bis 412."), seenOnMap.summary);

  // The areas table as CSV: the figure column holds figures, the status column beside it the
  // host's label for "suppressed", which is no formula there.
  const host = page.locator("#m");
  await host.locator(".fw-menu > summary").click();
  const item = host.locator('.fw-menu__item[data-fw-export="csv"]', { hasText: "Gebiete" });
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 10000 }), item.click()]);
  const lines = readFileSync(await download.path()).toString("utf8").split("\r\n");
  assert.ok(lines.includes("Stendal;15090;keiner Programmregion zugeordnet;412;"), lines.join("\n"));
  assert.ok(lines.includes("Altmarkkreis Salzwedel;15081;Nord {b}{a};;'=1+1"), lines.join("\n"));
  assert.deepEqual(seen.errors, []);
  await page.close();
});
