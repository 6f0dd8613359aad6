// Key figures over time as a reader meets them in the dashboard: the Jobcenter Saalekreis
// figures as published (cards, chart, report table, no empty section), and a measure whose
// values are final, withheld, missing and provisional, told apart in the chart, its legend,
// the table and the CSV file, with the withheld number nowhere on the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, SCREENSHOTS } from "./helpers.mjs";
import { fixture } from "./a11y-lib.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

const STATES = {
  schema: "foerderweg/occupancy@1.1",
  programme: { label: "Testprogramm", source: "Beispieldaten" },
  indicators: [
    {
      id: "a",
      label: "Teilnehmende",
      unit: "persons",
      values: [
        { period: "2022-Q4", value: 38 },
        { period: "2023-Q1", value: 40 },
        { period: "2023-Q2", status: "suppressed", value: 4711 },
        { period: "2023-Q3", status: "noData" },
        { period: "2023-Q4", value: 48 },
        { period: "2024-Q1", value: 52, status: "provisional" },
      ],
    },
  ],
};

/** What the widget `id` shows: rows of its tables by caption, and texts by selector. */
const shown = (page, id) =>
  page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const all = (s) => [...root.querySelectorAll(s)];
    return {
      tables: Object.fromEntries(
        all("table").map((t) => [t.caption?.textContent, [...t.rows].map((r) => [...r.cells].map((c) => c.textContent))]),
      ),
      cards: all(".fw-figure--indicator").map((c) => c.textContent),
      notes: all(".fw-note").map((n) => n.textContent),
      legend: all(".fw-chart--indicator-0 .fw-legend li").map((l) => l.textContent),
      plot: {
        suppressed: all(".fw-chart--indicator-0 .fw-chart__plot .fw-marker--suppressed").length,
        provisional: all(".fw-chart--indicator-0 .fw-chart__plot .fw-marker--provisional").length,
        dashed: all(".fw-chart--indicator-0 .fw-chart__plot .fw-line--provisional").length,
        points: all(".fw-chart--indicator-0 .fw-chart__plot [data-fw-point]").map((p) => p.getAttribute("aria-label")),
      },
      markup: root.innerHTML,
    };
  }, id);

test("the Saalekreis figures as published: 15.654 and 10.309 over time, funding, no empty section", async () => {
  const { page, seen } = await fixture(env, [{ id: "saalekreis", tag: "foerderweg-occupancy", src: "/data/occupancy-saalekreis.json" }]);
  const s = await shown(page, "saalekreis");
  const report = s.tables["Kennzahlen im Zeitverlauf nach Monaten"];
  assert.deepEqual(report, [
    ["Kennzahl", "Einheit", "Jul 2014", "Jul 2019"],
    ["Erwerbsfähige Leistungsberechtigte", "Personen", "15.654", "10.309"],
  ]);
  assert.ok(s.cards[0].includes("10.309") && s.cards[0].includes("Jul 2019"), s.cards[0]);
  assert.ok(s.cards[1].includes("2.100"), s.cards[1]);
  assert.ok(s.tables["Finanzierung"], Object.keys(s.tables).join(" | "));
  assert.deepEqual(s.notes, [], "no section says it has no data");
  await page.locator("#saalekreis").screenshot({ path: new URL("indicators-saalekreis.png", SCREENSHOTS).pathname });
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("final, withheld, missing and provisional values are told apart in chart, legend, table and CSV", async () => {
  const { page, seen } = await fixture(env, [{ id: "states", tag: "foerderweg-occupancy", data: STATES }]);
  const s = await shown(page, "states");
  assert.deepEqual(s.tables["Kennzahlen im Zeitverlauf"][1], [
    "Teilnehmende",
    "Personen",
    "38",
    "40",
    "unterdrückt",
    "–",
    "48",
    "52 (vorläufig)",
  ]);
  assert.deepEqual(s.plot, {
    suppressed: 1,
    provisional: 1,
    dashed: 1,
    points: [
      "Teilnehmende, 4. Quartal 2022: 38",
      "Teilnehmende, 1. Quartal 2023: 40",
      "Teilnehmende, 2. Quartal 2023: Wert unterdrückt (Geheimhaltung)",
      "Teilnehmende, 4. Quartal 2023: 48",
      "Teilnehmende, 1. Quartal 2024: 52 (vorläufig)",
    ],
  });
  assert.deepEqual(s.legend, ["Teilnehmende", "Wert unterdrückt (Geheimhaltung)", "vorläufig"]);
  assert.ok(!/4711|4\.711/.test(s.markup), "the withheld number is nowhere in the widget");
  // The CSV of the report table, by the export menu with the mouse.
  const host = page.locator("#states");
  await host.locator(".fw-menu > summary").click();
  const item = host.locator(".fw-menu__item", { hasText: "Kennzahlen im Zeitverlauf" }).first();
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 10000 }), item.click()]);
  const csv = readFileSync(await download.path(), "utf8");
  assert.match(csv, /Teilnehmende;Personen;38;40;unterdrückt;;48;52 \(vorläufig\)/);
  assert.ok(!csv.includes("4711"));
  await page.locator("#states").screenshot({ path: new URL("indicators-states.png", SCREENSHOTS).pathname });
  assert.deepEqual(seen.errors, []);
  await page.close();
});
