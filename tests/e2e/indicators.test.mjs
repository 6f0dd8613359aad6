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
  // Figure columns hold figures; a withheld or provisional one says so in a status column beside it.
  assert.match(csv, /;2\. Quartal 2023;2\. Quartal 2023 \(Status\);3\. Quartal 2023;4\. Quartal 2023;1\. Quartal 2024;1\. Quartal 2024 \(Status\)\r\n/);
  assert.match(csv, /Teilnehmende;Personen;38;40;;unterdrückt;;48;52;vorläufig/);
  assert.ok(!csv.includes("4711"));
  await page.locator("#states").screenshot({ path: new URL("indicators-states.png", SCREENSHOTS).pathname });
  assert.deepEqual(seen.errors, []);
  await page.close();
});

const BY_PROVIDER = (t1In2025) => ({
  schema: "foerderweg/occupancy@1.1",
  programme: { label: "Testprogramm", source: "Beispieldaten" },
  providers: [
    { id: "t1", label: "Träger 1", projects: [{ id: "p1", label: "Projekt 1", slots: 10, filled: 8 }] },
    { id: "t2", label: "Träger 2", projects: [{ id: "p2", label: "Projekt 2", slots: 12, filled: 12 }] },
  ],
  indicators: [
    {
      id: "placed",
      label: "Vermittelte",
      unit: "persons",
      breakdown: { dimension: "provider", groups: [{ key: "t1", label: "Träger 1" }, { key: "t2", label: "Träger 2" }] },
      values: [
        { period: "2023", value: 30 }, { period: "2024", value: 36 }, { period: "2025", value: 41 },
        { period: "2023", group: "t1", value: 10 }, { period: "2024", group: "t1", value: 16 }, { period: "2025", group: "t1", value: t1In2025 },
        { period: "2023", group: "t2", value: 20 }, { period: "2024", group: "t2", value: 20 }, { period: "2025", group: "t2", value: 29 },
      ],
    },
  ],
});

test("the period filter and the provider drilled down to change cards, charts and tables, and survive a refresh", async () => {
  const { page, seen } = await fixture(env, [{ id: "prov", tag: "foerderweg-occupancy", data: BY_PROVIDER(12) }]);
  const state = async () => {
    const s = await shown(page, "prov");
    const report = Object.entries(s.tables).find(([caption]) => caption.startsWith("Kennzahlen im Zeitverlauf"))?.[1];
    return { card: s.cards[0], heads: report?.[0], rows: report?.slice(1).map((r) => r[0]), points: s.plot.points.length };
  };
  let s = await state();
  assert.deepEqual(s.heads, ["Kennzahl", "Einheit", "2023", "2024", "2025"]);
  assert.equal(s.points, 9);
  // From 2024 on, chosen as a user does.
  await page.locator("#prov .fw-filter select").first().selectOption({ label: "2024" });
  await page.waitForFunction(() => document.getElementById("prov").shadowRoot.querySelectorAll(".fw-table--indicators thead th").length === 4);
  s = await state();
  assert.deepEqual(s.heads, ["Kennzahl", "Einheit", "2024", "2025"]);
  assert.match(s.card, /41.*\+5/);
  assert.equal(s.points, 6);
  // Drill down to Träger 1 with the mouse: its own figures, still from 2024.
  await page.locator("#prov .fw-bar", { hasText: "Träger 1" }).click();
  await page.waitForFunction(() => document.getElementById("prov").shadowRoot.querySelector(".fw-figure--indicator .fw-figure__value")?.textContent.trim() === "12");
  s = await state();
  assert.match(s.card, /12.*−4/);
  assert.deepEqual(s.heads, ["Kennzahl", "Einheit", "2024", "2025"]);
  assert.equal(s.points, 2);
  // A refresh with a new figure keeps the filter and the provider.
  await page.evaluate((doc) => (document.getElementById("prov").data = doc), BY_PROVIDER(13));
  await page.waitForFunction(() => document.getElementById("prov").shadowRoot.querySelector(".fw-figure--indicator .fw-figure__value")?.textContent.trim() === "13");
  s = await state();
  assert.deepEqual(s.heads, ["Kennzahl", "Einheit", "2024", "2025"]);
  assert.match(s.card, /13.*−3/);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
