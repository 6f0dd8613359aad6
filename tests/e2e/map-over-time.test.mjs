// The map over time (issue 21), with real input: the date control moves the regions and the
// figures together, an office that closed leaves the map, the first step reads "bis …" where it
// stands for the time before the first change, and the table view has a column per period.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, SCREENSHOTS } from "./helpers.mjs";
import { fixture, sample } from "./a11y-lib.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** What the map shows now: the date, the names of Chemnitz's area and of the offices drawn. */
function shown() {
  const root = document.getElementById("map").shadowRoot;
  const area = [...root.querySelectorAll("[data-fw-kind='area']")].find((a) => a.getAttribute("aria-label")?.startsWith("Chemnitz"));
  return {
    date: root.querySelector(".fw-map-date select")?.selectedOptions[0]?.textContent.trim(),
    options: [...root.querySelectorAll(".fw-map-date option")].map((o) => o.textContent.trim()),
    chemnitz: area?.getAttribute("aria-label"),
    offices: [...root.querySelectorAll("[data-fw-kind='marker']")].map((m) => m.getAttribute("aria-label")),
  };
}

test("the date control moves regions, figures and offices together; the table has a column per quarter", async () => {
  const { page, seen } = await fixture(env, [sample("map", { id: "map" })], { viewport: { width: 1000, height: 900 } });
  const first = await page.evaluate(shown);
  assert.deepEqual(first.options, ["01.07.2017", "15.08.2017", "01.10.2017", "01.01.2018"], JSON.stringify(first.options));
  assert.equal(first.date, "01.01.2018");
  assert.match(first.chemnitz ?? "", /Chemnitz \/ Erzgebirgskreis.*345/, first.chemnitz);
  // Back to the first quarter shown, with the keyboard on the "earlier" button.
  const earlier = page.locator("#map >> .fw-map-date button").first();
  for (let i = 0; i < 3; i++) {
    await earlier.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((i) => document.getElementById("map").shadowRoot.querySelector(".fw-map-date select").selectedIndex === 2 - i, i);
  }
  const july = await page.evaluate(shown);
  assert.equal(july.date, "01.07.2017");
  assert.match(july.chemnitz ?? "", /Chemnitz und Mittelsachsen.*201/, july.chemnitz);
  assert.ok(july.offices.some((o) => o.startsWith("Regionalbüro Erzgebirge")), JSON.stringify(july.offices));
  assert.ok(!july.offices.some((o) => o.startsWith("Regionalbüro Chemnitz-Erzgebirge")), JSON.stringify(july.offices));
  await page.screenshot({ path: new URL("map-over-time-2017-07.png", SCREENSHOTS).pathname });
  // One step later with the mouse: the offices of Chemnitz and the Erzgebirge have merged.
  await page.locator("#map >> .fw-map-date button").last().click();
  await page.waitForFunction(() => document.getElementById("map").shadowRoot.querySelector(".fw-map-date select").selectedIndex === 1);
  const august = await page.evaluate(shown);
  assert.match(august.chemnitz ?? "", /Chemnitz \/ Erzgebirgskreis.*330/, august.chemnitz);
  assert.ok(!august.offices.some((o) => o.startsWith("Regionalbüro Erzgebirge")), JSON.stringify(august.offices));
  assert.ok(august.offices.some((o) => o.startsWith("Regionalbüro Chemnitz-Erzgebirge")), JSON.stringify(august.offices));
  await page.screenshot({ path: new URL("map-over-time-2017-08.png", SCREENSHOTS).pathname });
  // The table view: a column per quarter.
  await page.locator("#map >> .fw-toolbar button[aria-pressed]").click();
  const heads = await page.evaluate(() => [...document.getElementById("map").shadowRoot.querySelectorAll(".fw-table--regions th[scope='col'], .fw-table--regions thead th")].map((th) => th.textContent.trim()));
  for (const q of ["3. Quartal 2017", "4. Quartal 2017", "1. Quartal 2018"]) {
    assert.ok(heads.some((h) => h.endsWith(q)), `${q} in ${JSON.stringify(heads)}`);
  }
  await page.locator("#map >> .fw-table-wrap").first().screenshot({ path: new URL("map-over-time-table.png", SCREENSHOTS).pathname });
  assert.deepEqual(seen.errors, []);
  await page.close();
});
