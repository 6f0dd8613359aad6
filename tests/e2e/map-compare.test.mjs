// Two periods compared on the map (issue 21), with real input: a person picks the periods with
// the mouse and the keyboard, and reads the change as it is shown — written on the map with its
// sign, in the legend naming both periods, in the summary, in the tooltip, in the table view
// with a column per period and one for the change — and switches the comparison off again.
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

/** What the map shows now. */
function shown() {
  const root = document.getElementById("map").shadowRoot;
  const area = (name) => [...root.querySelectorAll("[data-fw-kind='area']")].find((a) => a.getAttribute("aria-label")?.startsWith(name));
  return {
    legendTitle: root.querySelector(".fw-legend__title")?.textContent.trim(),
    legend: [...root.querySelectorAll(".fw-map-legend li")].map((li) => li.textContent.trim()),
    written: [...root.querySelectorAll(".fw-map-label")].map((t) => t.textContent.trim()),
    summary: root.querySelector(".fw-summary")?.textContent.trim(),
    dresden: area("Dresden")?.getAttribute("aria-label"),
    vogtland: area("Vogtlandkreis")?.getAttribute("aria-label"),
    date: !!root.querySelector(".fw-map-date"),
    controls: [...root.querySelectorAll(".fw-map-compare select")].map((s) => s.dataset.fwControl),
  };
}

const compareSelect = "#map >> [data-fw-control='compare']";

test("two quarters compared with mouse and keyboard: the change is written, named and tabled", async () => {
  const { page, seen } = await fixture(env, [sample("map", { id: "map" })], { viewport: { width: 1000, height: 1000 } });
  const before = await page.evaluate(shown);
  assert.ok(before.date, "the date control is there before a comparison");
  assert.deepEqual(before.controls, ["compare"]);

  // With the mouse: a click opens the select, the keyboard picks "4. Quartal 2017" in its list.
  await page.locator(compareSelect).click();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.getElementById("map").shadowRoot.querySelector(".fw-legend__title")?.textContent.includes("→"));
  const diff = await page.evaluate(shown);
  assert.equal(diff.legendTitle, "Veränderung Teilnehmende (Beispielwerte): 4. Quartal 2017 → 1. Quartal 2018");
  assert.deepEqual(diff.controls, ["compare", "compare-to", "compare-kind"]);
  assert.ok(!diff.date, "no day to pick while two periods are compared");
  // Dresden / SOE / Meißen: 405 → 412; Leipzig 380 → 371; Chemnitz / Erz. 338 → 345; Ost 255 → 262.
  assert.match(diff.dresden ?? "", /4\. Quartal 2017: 405, 1\. Quartal 2018: 412, Veränderung: \+7/, diff.dresden);
  for (const w of ["+7", "−9"]) assert.ok(diff.written.includes(w), `${w} in ${JSON.stringify(diff.written)}`);
  assert.ok(diff.written.every((w) => /^[+−]|^0$/.test(w)), JSON.stringify(diff.written));
  // Suppressed in both quarters: no change, and it says why.
  assert.match(diff.vogtland ?? "", /kein Vergleich möglich \(Wert unterdrückt\)/, diff.vogtland);
  assert.ok(diff.legend.includes("unverändert") && diff.legend.includes("kein Vergleich möglich"), JSON.stringify(diff.legend));
  // In words, each region's figure once: three rose, Leipzig's fell, Südwestsachsen's is withheld.
  assert.ok(
    diff.summary?.includes("Teilnehmende (Beispielwerte) von 4. Quartal 2017 zu 1. Quartal 2018: 3 Werte gestiegen, 1 gesunken, 0 unverändert; kein Vergleich möglich bei 1. Veränderung: von −9 bis +7."),
    diff.summary,
  );
  await page.screenshot({ path: "/tmp/s28-c-compare-difference.png" });

  // With the keyboard: Tab from "mit" to "als", ArrowDown picks percent.
  await page.locator("#map >> [data-fw-control='compare-to']").focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowDown");
  await page.waitForFunction(() => document.getElementById("map").shadowRoot.querySelector(".fw-legend__title")?.textContent.includes("(%)"));
  const pct = await page.evaluate(shown);
  assert.match(pct.dresden ?? "", /Veränderung in %: \+1,7\u202f%/, pct.dresden);
  assert.ok(pct.written.some((w) => w.endsWith("%")), JSON.stringify(pct.written));

  // The mouse on the area of Sächsische Schweiz-Osterzgebirge (a point of it that nothing
  // covers): the tooltip says both figures and the change of its region.
  const point = await page.evaluate(() => {
    const root = document.getElementById("map").shadowRoot;
    const a = [...root.querySelectorAll("[data-fw-kind='area']")].find((a) => a.getAttribute("aria-label")?.startsWith("Sächsische Schweiz"));
    a.scrollIntoView({ block: "center" });
    const r = a.getBoundingClientRect();
    for (let i = 1; i < 10; i++) {
      for (let j = 1; j < 10; j++) {
        const [x, y] = [r.x + (r.width * i) / 10, r.y + (r.height * j) / 10];
        if (a.contains(root.elementFromPoint(x, y))) return { x, y };
      }
    }
    return null;
  });
  assert.ok(point, "a point of the area is under the mouse");
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(() => document.getElementById("map").shadowRoot.querySelector(".fw-tooltip")?.textContent.includes("Veränderung"));
  const tip = await page.evaluate(() => document.getElementById("map").shadowRoot.querySelector(".fw-tooltip").textContent);
  assert.match(tip, /Sächsische Schweiz.*405.*412.*\+1,7/, tip);
  await page.screenshot({ path: "/tmp/s28-c-compare-percent.png" });
  await page.mouse.move(5, 5);

  // The table view: a column for each quarter and one for the change.
  await page.locator("#map >> .fw-toolbar button[aria-pressed]").click();
  const table = await page.evaluate(() => {
    const root = document.getElementById("map").shadowRoot;
    const t = root.querySelector(".fw-table--regions");
    const heads = [...t.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    const row = [...t.querySelectorAll("tbody tr")].find((tr) => tr.textContent.includes("Leipzig"));
    return { heads, leipzig: [...row.querySelectorAll("td, th")].map((c) => c.textContent.trim()) };
  });
  assert.deepEqual(table.heads.slice(-3), ["4. Quartal 2017", "1. Quartal 2018", "Veränderung in %"], JSON.stringify(table.heads));
  assert.deepEqual(table.leipzig.slice(-3), ["380", "371", "−2,4\u202f%"], JSON.stringify(table.leipzig));
  await page.locator("#map >> .fw-table-wrap").first().screenshot({ path: "/tmp/s28-c-compare-table.png" });
  await page.locator("#map >> .fw-toolbar button[aria-pressed]").click();

  // Off again with the keyboard: Home picks "kein Vergleich"; the day's figures and the date
  // control are back.
  await page.locator(compareSelect).focus();
  await page.keyboard.press("Home");
  await page.waitForFunction(() => !document.getElementById("map").shadowRoot.querySelector(".fw-legend__title")?.textContent.includes("→"));
  const after = await page.evaluate(shown);
  assert.ok(after.date, "the date control is back");
  assert.equal(after.legendTitle, "Teilnehmende (Beispielwerte)");
  assert.match(after.dresden ?? "", /Teilnehmende \(Beispielwerte\): 412$/, after.dresden);

  // The host asks for a comparison with the attribute `compare`; the selects follow it, and
  // removing it ends the comparison.
  await page.evaluate(() => document.getElementById("map").setAttribute("compare", "2017-Q4 2018-Q1 percent"));
  await page.waitForFunction(() => document.getElementById("map").shadowRoot.querySelector(".fw-legend__title")?.textContent.includes("(%)"));
  const asked = await page.evaluate(() =>
    [...document.getElementById("map").shadowRoot.querySelectorAll(".fw-map-compare select")].map((s) => s.selectedOptions[0]?.textContent.trim()),
  );
  assert.deepEqual(asked, ["4. Quartal 2017", "1. Quartal 2018", "Prozent"]);
  await page.evaluate(() => document.getElementById("map").removeAttribute("compare"));
  await page.waitForFunction(() => !document.getElementById("map").shadowRoot.querySelector(".fw-legend__title")?.textContent.includes("→"));
  assert.deepEqual(seen.errors, []);
  await page.close();
});
