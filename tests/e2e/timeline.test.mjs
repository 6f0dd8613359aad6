// The timeline as a visitor gets it: a real keyboard through one path, the table view, the
// cohort, and screenshots of each view in tests/e2e/screenshots/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, open, SCREENSHOTS } from "./helpers.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

const shot = (page, selector, name) =>
  page.locator(selector).screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname });

test("Tab walks every phase and marker of a path, each with its tooltip", async () => {
  const { page } = await open(env, "/#timeline");
  await page.waitForFunction(() => document.getElementById("jps")?.shadowRoot?.querySelector(".fw-phase"));
  const expected = await page.evaluate(() =>
    [...document.getElementById("jps").shadowRoot.querySelectorAll(".fw-phase, .fw-mark")].map((e) =>
      e.getAttribute("data-fw-path"),
    ),
  );
  // Start at the toolbar's last control (the export menu), then Tab.
  await page.evaluate(() => {
    document.getElementById("jps").shadowRoot.querySelector(".fw-toolbar .fw-menu > summary").focus();
  });
  const reached = [];
  for (let i = 0; i < expected.length; i++) {
    await page.keyboard.press("Tab");
    const [path, tooltip, label] = await page.evaluate(() => {
      const root = document.getElementById("jps").shadowRoot;
      const active = root.activeElement;
      return [active?.getAttribute("data-fw-path"), root.querySelector(".fw-tooltip")?.textContent, active?.getAttribute("aria-label")];
    });
    assert.equal(tooltip, label, `tooltip of ${path}`);
    reached.push(path);
    if (i === 3) await shot(page, "#jps", "timeline-single-tooltip");
  }
  assert.deepEqual(reached, expected);
  await page.keyboard.press("Escape");
  // + zooms, Home fits: the axis labels change and come back.
  const ticks = () => page.evaluate(() => [...document.getElementById("jps").shadowRoot.querySelectorAll(".fw-tick")].map((t) => t.textContent).join(" "));
  const all = await ticks();
  // A person presses one key at a time: the redraw gives the focus back before the next one.
  const key = async (k) => {
    await page.keyboard.press(k);
    await page.waitForTimeout(40);
  };
  await key("+");
  await key("+");
  assert.notEqual(await ticks(), all);
  await key("Home");
  assert.equal(await ticks(), all);
  await page.close();
});

test("single, cohort and table views look right", async () => {
  const { page, seen } = await open(env, "/#timeline", { viewport: { width: 1100, height: 1000 } });
  await page.waitForFunction(() => document.getElementById("cohort")?.shadowRoot?.querySelector(".fw-row"));
  await page.waitForFunction(() => document.getElementById("path")?.shadowRoot?.querySelector(".fw-phase"));
  await shot(page, "#jps", "timeline-single");
  await shot(page, "#cohort", "timeline-cohort");
  await shot(page, "#path", "timeline-single-en");
  // The table view lists every phase, event, goal and the exit.
  await page.locator("#jps .fw-toolbar button[aria-pressed]").click();
  await page.waitForFunction(() => document.getElementById("jps").shadowRoot.querySelector(".fw-table--timeline"));
  const rows = await page.evaluate(() => document.getElementById("jps").shadowRoot.querySelectorAll(".fw-table--timeline tbody tr").length);
  assert.equal(rows, 6 + 4 + 3 + 1);
  await shot(page, "#jps", "timeline-table");
  // A large cohort from the button: rows, not 10,000 nodes.
  await page.click("#make-large");
  await page.waitForFunction(() => document.getElementById("large")?.shadowRoot?.querySelector(".fw-row"));
  const nodes = await page.evaluate(() => document.getElementById("large").shadowRoot.querySelectorAll("*").length);
  assert.ok(nodes < 600, `${nodes} nodes for 10,000 participants`);
  await shot(page, "#large", "timeline-large");
  assert.deepEqual(seen.errors.filter((e) => !e.includes("404")), []);
  await page.close();
});

test("the exported SVG of a path and of the cohort carries title, as-of date and source", async () => {
  const { page, seen } = await open(env, "/#timeline");
  await page.waitForFunction(() => document.getElementById("cohort")?.shadowRoot?.querySelector(".fw-row"));
  await page.waitForFunction(() => document.getElementById("jps")?.shadowRoot?.querySelector(".fw-phase"));
  const svgOf = async (id) => {
    const host = page.locator(`#${id}`);
    await host.locator(".fw-menu > summary").click();
    const item = host.locator(".fw-menu__item[data-fw-export='svg']");
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 10000 }), item.click()]);
    return readFileSync(await download.path(), "utf8");
  };
  const lines = (svg) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  const path = lines(await svgOf("jps"));
  assert.equal(path[0], "JobPerspektive Sachsen: ein Verlauf (fiktive Person)");
  assert.ok(path.includes("Stand: 30.06.2018"), path.join(" | "));
  assert.ok(path.some((l) => l.startsWith("Quelle: Ablauf nach jobperspektive-sachsen.de")), path.join(" | "));
  assert.ok(path.includes("Qualifizierung Lager und Logistik"), "the chart's labels");
  const cohort = lines(await svgOf("cohort"));
  assert.equal(cohort[0], "Stendal 2018: erzeugte Kohorte nach den veröffentlichten Zahlen");
  assert.ok(cohort.includes("Stand: 01.12.2018"), cohort.join(" | "));
  assert.ok(cohort.filter((l) => /^TN \d+$/.test(l)).length >= 100, "a row per participant");
  assert.deepEqual(seen.errors.filter((e) => !e.includes("404")), []);
  await page.close();
});
