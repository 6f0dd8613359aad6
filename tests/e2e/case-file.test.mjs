// The printed case file (issue 21): a caseworker on the Jobcenter portal opens one participant
// with the mouse and prints the path for the file on A4, portrait and landscape. The PDF (as
// Chromium prints it) is read back with poppler's pdftotext and its pages are turned into PNG
// with pdftoppm: the header names the person, the as-of date and the day printed, the legend of
// the path is there, and no column of the phase and event table, of the cohort table or of the
// map's tables is cut off at the page's edge.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { start, open } from "./helpers.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

/** The column heads of the widgets' tables that end beyond the page's right edge. */
const cut = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("foerderweg-timeline, foerderweg-map, foerderweg-occupancy")].flatMap((el) =>
      [...(el.shadowRoot?.querySelectorAll("table thead th") ?? [])]
        .filter((th) => th.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((th) => `${el.id}: ${th.textContent}`),
    ),
  );

/**
 * Prints the page as PDF on A4 and returns its text (`pdftotext -layout`); PNGs of its pages go to /tmp. Laid out
 * first at the page's width for print, no table head may end beyond it.
 */
async function printed(page, name, landscape) {
  // A4 less 12 mm margins each side, in CSS pixels: what the page is laid out in on paper.
  await page.setViewportSize({ width: landscape ? 1032 : 703, height: 900 });
  await page.waitForTimeout(100);
  assert.deepEqual(await cut(page), [], `${name}: every column on the page`);
  const pdf = await page.pdf({ format: "A4", landscape, margin: { top: "12mm", bottom: "12mm", left: "12mm", right: "12mm" } });
  const file = `/tmp/s28-c-${name}.pdf`;
  writeFileSync(file, pdf);
  execFileSync("pdftoppm", ["-png", "-r", "60", file, `/tmp/s28-c-${name}`]);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

/** The column heads of the tables in `host`'s shadow root matching `selector`. */
const heads = (page, host, selector) =>
  page.evaluate(
    ([h, s]) => [...document.querySelector(h).shadowRoot.querySelectorAll(`${s} thead th`)].map((th) => th.textContent.trim()),
    [host, selector],
  );

/** Every word of every head is in the printed text (a head may wrap onto two lines). */
function everyHead(text, list, what) {
  assert.ok(list.length > 2, `${what}: ${JSON.stringify(list)}`);
  const flat = text.replace(/\s+/g, " ");
  for (const head of list) {
    for (const w of head.split(/\s+/)) assert.ok(flat.includes(w), `${what}: "${w}" of "${head}" printed\n${text}`);
  }
}

const print = async (page, on) => {
  await page.evaluate((on) => window.dispatchEvent(new Event(on ? "beforeprint" : "afterprint")), on);
  await page.emulateMedia({ media: on ? "print" : "screen" });
};

test("a participant's path printed as a case file, and the cohort and map tables, fit A4", async () => {
  const { page, seen } = await open(env, "/examples/jobcenter.html", { viewport: { width: 1280, height: 900 } });
  await page.waitForFunction(() => document.getElementById("cohort")?.shadowRoot?.querySelector(".fw-row"));
  await page.waitForFunction(() => document.getElementById("map")?.shadowRoot?.querySelector(".fw-map__svg"));

  // The cohort and the map on paper (portrait): every column of their tables.
  await print(page, true);
  await page.waitForFunction(() => document.getElementById("cohort").shadowRoot.querySelector(".fw-table thead th"));
  await page.waitForFunction(() => document.getElementById("map").shadowRoot.querySelector(".fw-table--areas thead th"));
  const cohortHeads = await heads(page, "#cohort", ".fw-table");
  assert.ok(cohortHeads.includes("Status"), JSON.stringify(cohortHeads));
  const mapHeads = [...(await heads(page, "#map", ".fw-table--regions")), ...(await heads(page, "#map", ".fw-table--areas"))];
  const overview = await printed(page, "jobcenter-portrait", false);
  everyHead(overview, cohortHeads, "cohort table");
  everyHead(overview, mapHeads, "map tables");
  await print(page, false);
  await page.setViewportSize({ width: 1280, height: 900 });

  // One participant opened with the mouse, then printed for the file.
  const row = page.locator("#cohort .fw-row").first();
  const label = (await row.getAttribute("aria-label"))?.split(/[,:·]/)[0].trim();
  await row.click();
  await page.waitForFunction(() => document.getElementById("cohort").shadowRoot.querySelector(".fw-single"));
  const person = await page.evaluate(() => document.getElementById("cohort").shadowRoot.querySelector(".fw-single .fw-heading").textContent);
  assert.ok(person.startsWith(label ?? "?"), `${person} / ${label}`);
  await print(page, true);
  await page.waitForFunction(() => document.getElementById("cohort").shadowRoot.querySelector(".fw-casefile"));
  const header = await page.evaluate(() =>
    [...document.getElementById("cohort").shadowRoot.querySelectorAll(".fw-casefile > div")].map((d) => [d.querySelector("dt").textContent, d.querySelector("dd").textContent]),
  );
  const names = header.map(([n]) => n);
  assert.deepEqual(names.filter((n) => n !== "Programm"), ["Person", "Stand", "Gedruckt am"], JSON.stringify(header));
  const now = new Date();
  const today = `${String(now.getDate()).padStart(2, "0")}.${String(now.getMonth() + 1).padStart(2, "0")}.${now.getFullYear()}`;
  assert.deepEqual(header.find(([n]) => n === "Gedruckt am"), ["Gedruckt am", today]);
  const pathHeads = await heads(page, "#cohort", ".fw-table--timeline");
  // The two columns A4 used to cut off.
  assert.ok(pathHeads.includes("Träger") && pathHeads.includes("Status"), JSON.stringify(pathHeads));
  const legend = await page.evaluate(() =>
    [...document.getElementById("cohort").shadowRoot.querySelectorAll(".fw-single .fw-tl-legend__text")].map((t) => t.textContent),
  );
  assert.ok(legend.length >= 3, JSON.stringify(legend));
  for (const [orientation, landscape] of [["portrait", false], ["landscape", true]]) {
    const text = await printed(page, `case-file-${orientation}`, landscape);
    const flat = text.replace(/\s+/g, " ");
    for (const [name, value] of header) assert.ok(flat.includes(`${name}: ${value}`), `${orientation}: ${name}: ${value}\n${text}`);
    everyHead(text, pathHeads, `${orientation}: phase and event table`);
    for (const entry of legend) assert.ok(flat.includes(entry), `${orientation}: legend "${entry}"\n${text}`);
  }
  await print(page, false);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
