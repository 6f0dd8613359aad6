// Records left out, as a host and a person at the playground see them: the cohort with one broken
// participant is drawn (180 of 180) with the broken one listed by its path, `foerderweg-ready`
// carries the errors, and the playground counts errors and warnings each by their own.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, open } from "./helpers.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

const inShadow = (page, host, selector) =>
  page.evaluate(([h, s]) => document.querySelector(h)?.shadowRoot?.querySelector(s)?.textContent ?? null, [host, selector]);

const cohort = JSON.parse(readFileSync(new URL("../../www/data/timeline-stendal-cohort.json", import.meta.url), "utf8"));

test("playground: one broken record is left out and named, errors and warnings counted apart", async () => {
  const { page, seen } = await open(env, "/playground/", { viewport: { width: 1280, height: 900 } });
  await page.waitForFunction(() => document.getElementById("widget")?.shadowRoot?.querySelector(".fw-figures"));
  await page.selectOption("#kind", "timeline");

  // One bad phase date in the cohort, and two fields this version does not know.
  const doc = structuredClone(cohort);
  doc.participants[57].label = 57;
  doc.colour = "red";
  doc.participants[3].colour = "blue";
  await page.fill("#json", JSON.stringify(doc));
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Dargestellt, mit 1"), null, { timeout: 20000 });
  assert.equal(await page.textContent("#status"), "Dargestellt, mit 1 Eintrag nicht dargestellt, 2 Hinweise.");
  assert.equal(await inShadow(page, "#widget", ".fw-count"), "180 von 180 Teilnehmenden");
  assert.equal(await inShadow(page, "#widget", ".fw-panel--error"), null);
  const leftOut = await inShadow(page, "#widget", ".fw-panel--left-out");
  assert.match(leftOut, /Nicht dargestellte Einträge \(1\)/);
  assert.match(leftOut, /participants\[57\]\.label/);
  const first = await page.textContent("#diagnostics li");
  assert.match(first, /participants\[57\]\.label/);

  // Nothing left to draw: refused, with one error and the two warnings counted as such.
  await page.fill("#json", JSON.stringify({ schema: "foerderweg/timeline@1", colour: "red", size: 3, participants: [{ id: "a", label: 1 }] }));
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Nicht darstellbar"));
  assert.equal(await page.textContent("#status"), "Nicht darstellbar: 1 Fehler, 2 Hinweise.");
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("a host hears foerderweg-ready with the errors of the records left out", async () => {
  const { page, seen } = await open(env, "/playground/", { viewport: { width: 1280, height: 900 } });
  await page.waitForFunction(() => document.getElementById("widget")?.shadowRoot?.querySelector(".fw-figures"));
  const detail = await page.evaluate(async (text) => {
    const el = document.createElement("foerderweg-occupancy");
    // At the end of a long page, and awaited: loaded at once rather than when scrolled to.
    el.setAttribute("loading", "eager");
    document.body.append(el);
    const heard = new Promise((done) => {
      el.addEventListener("foerderweg-ready", (e) => done({ type: "ready", detail: e.detail }));
      el.addEventListener("foerderweg-error", (e) => done({ type: "error", detail: e.detail }));
    });
    el.data = text;
    return heard;
  }, '{"schema":"foerderweg/occupancy@1","programme":{"label":"P"},"series":[{"date":"2018-05-08","filled":3},{"date":"2018-02-30"}]}');
  assert.equal(detail.type, "ready");
  assert.deepEqual(detail.detail.errors.map((d) => [d.severity, d.path, d.code]), [["error", "series[1].date", "invalid-date"]]);
  assert.deepEqual(detail.detail.warnings, []);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
