// The "Wrong" items of issue 21 for the timeline and the dashboard, as a reader meets them in a
// phone's width and on a desktop: the axis of a path in 2019 names 2019, the cohort counts its
// providers (not the Jobcenters), the participant table lists the follow-up with the exit (not
// under "Träger") and no word in its date columns, and the dashboard shows Stendal's projects
// and providers. One page, resized; the table is opened with a real click.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start } from "./helpers.mjs";
import { fixture, sample } from "./a11y-lib.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** One participant from February to November 2019. */
const PATH_2019 = JSON.stringify({
  schema: "foerderweg/timeline@1",
  today: "2019-12-10",
  participants: [
    {
      id: "p2019",
      label: "Teilnehmerin 2019",
      phases: [
        { kind: "profiling", provider: "Jobcenter Stendal", start: "2019-02-04", end: "2019-02-22" },
        { kind: "workOpportunity", provider: "Träger 1", start: "2019-03-04", end: "2019-11-29" },
      ],
      exit: { date: "2019-11-29", outcome: "employment" },
    },
  ],
});

const texts = (page, id, selector) =>
  page.evaluate(
    ([id, s]) => [...document.getElementById(id).shadowRoot.querySelectorAll(s)].map((e) => e.textContent.trim()),
    [id, selector],
  );

test("a path in 2019 reads 2019 on its axis from 320 to 1200 px", async () => {
  const { page, seen } = await fixture(env, [{ id: "y2019", tag: "foerderweg-timeline", data: PATH_2019 }], {
    viewport: { width: 375, height: 800 },
  });
  const drawnWidth = () =>
    page.evaluate(() => document.getElementById("y2019").shadowRoot.querySelector("svg.fw-timeline")?.getAttribute("width"));
  let drawn = null;
  for (const width of [375, 320, 414, 768, 1200]) {
    if (width !== 375) await page.setViewportSize({ width, height: 800 });
    // The widget takes its new width in a frame after the resize: wait until it is drawn at it.
    await page.waitForFunction(
      (before) => {
        const svg = document.getElementById("y2019").shadowRoot.querySelector("svg.fw-timeline");
        return svg && svg.getAttribute("width") !== before;
      },
      drawn,
    );
    drawn = await drawnWidth();
    const ticks = (await texts(page, "y2019", ".fw-tick")).filter(Boolean);
    const years = ticks.join(" ").match(/\b\d{4}\b/g) ?? [];
    assert.ok(years.includes("2019"), `${width} px: the axis names 2019: ${JSON.stringify(ticks)}`);
    assert.ok(years.every((y) => y === "2019" || y === "2020"), `${width} px: ${JSON.stringify(ticks)}`);
  }
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("cohort, participant table and dashboard say what their data holds", async () => {
  const { page, seen } = await fixture(env, [sample("cohort"), sample("single"), sample("stendal")], {
    viewport: { width: 375, height: 800 },
  });
  // The cohort: seven providers; the three Jobcenters profile, they are no providers.
  const [cohort] = await texts(page, "cohort", ".fw-summary");
  assert.match(cohort, /, 7 Träger\./, cohort);
  // Its table: the status under "Status", the days under their own heads.
  await page.locator("#cohort .fw-toolbar button[aria-pressed]").last().click();
  await page.waitForFunction(() => document.getElementById("cohort").shadowRoot.querySelector("table.fw-table--cohort tbody tr"));
  const cohortTable = await page.evaluate(() => {
    const t = document.getElementById("cohort").shadowRoot.querySelector("table.fw-table--cohort");
    const heads = [...t.querySelectorAll("thead th")].map((c) => c.textContent.trim());
    const rows = [...t.querySelectorAll("tbody tr")].slice(0, 40).map((r) => [...r.children].map((c) => c.textContent.trim()));
    return { heads, rows };
  });
  assert.deepEqual(cohortTable.heads, ["Teilnehmende/r", "Status", "Beginn", "Phasen", "Austritt"]);
  const status = cohortTable.heads.indexOf("Status");
  for (const r of cohortTable.rows) assert.ok(!/\d/.test(r[status]), `no date under "Status": ${JSON.stringify(r)}`);

  // The participant's table, opened as a person does.
  await page.locator("#single .fw-toolbar button[aria-pressed]").last().click();
  await page.waitForFunction(() => document.getElementById("single").shadowRoot.querySelector("table tbody tr"));
  const table = await page.evaluate(() => {
    const t = document.getElementById("single").shadowRoot.querySelector("table");
    const heads = [...t.querySelectorAll("thead th")].map((c) => c.textContent.trim());
    const rows = [...t.querySelectorAll("tbody tr")].map((r) => [...r.children].map((c) => c.textContent.trim()));
    return { heads, rows };
  });
  const provider = table.heads.indexOf("Träger");
  const to = table.heads.indexOf("Bis");
  assert.ok(provider > 0 && to > 0, JSON.stringify(table.heads));
  const underProvider = table.rows.map((r) => r[provider]);
  assert.ok(!underProvider.some((c) => /Eingliederungszuschuss/.test(c)), JSON.stringify(underProvider));
  const exit = table.rows.find((r) => r[0] === "Austritt");
  assert.ok(exit.some((c) => /Anschluss: Eingliederungszuschuss/.test(c)), JSON.stringify(exit));
  for (const r of table.rows) {
    assert.ok(r[to] === "" || /^\d\d\.\d\d\.\d{4}$/.test(r[to]), `a date or nothing under "Bis": ${JSON.stringify(r)}`);
  }

  // Stendal's dashboard: 42 projects and 7 providers, as key figures and in the summary.
  const labels = await texts(page, "stendal", ".fw-figure__label");
  const values = await texts(page, "stendal", ".fw-figure__value");
  const figures = Object.fromEntries(labels.map((l, i) => [l, values[i]]));
  assert.equal(figures["Projekte"], "42", JSON.stringify(figures));
  assert.equal(figures["Träger"], "7", JSON.stringify(figures));
  const [summary] = await texts(page, "stendal", ".fw-summary");
  assert.match(summary, /42 Projekte, 7 Träger\./, summary);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
