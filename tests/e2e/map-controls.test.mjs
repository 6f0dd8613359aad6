// The map's controls with real input (issue 20 wrote them as markup with one listener each for
// clicks and changes): a keyboard user walks the toolbar with Tab and changes every select with
// the arrow keys. Each change shows on the map, the focus stays on the control that was changed
// (also when the toolbar around it is written again and other controls come or go), and every
// select keeps showing what was chosen when something else changes. The table toggle by the
// keyboard and by the mouse.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start } from "./helpers.mjs";
import { fixture, sample } from "./a11y-lib.mjs";

/** Whether the focus `f` is on the control `on` (a button's name may say more: "… (die späteste ist schon gezeigt)"). */
const isOn = (f, on) => f === on || (on.startsWith("button:") && f.startsWith(`${on} (`));

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Runs in the page: the control of the map that has the focus ("select:zoom", "button:Spätere …"). */
function focused() {
  const host = document.activeElement;
  const el = host?.id === "map" ? host.shadowRoot.activeElement : null;
  if (!el) return `outside the map: ${host?.localName}#${host?.id}`;
  if (el.localName === "select") return `select:${el.dataset.fwControl}`;
  return `${el.localName}:${(el.getAttribute("aria-label") ?? el.textContent).trim()}`;
}

/** Runs in the page: what the map shows now. */
function shown() {
  const root = document.getElementById("map").shadowRoot;
  const choice = (name) => root.querySelector(`select[data-fw-control='${name}']`)?.selectedOptions[0]?.textContent.trim() ?? null;
  return {
    asof: root.querySelector(".fw-asof")?.textContent.trim() ?? null,
    legend: root.querySelector(".fw-legend__title")?.textContent.trim(),
    date: choice("date"),
    compare: choice("compare"),
    to: choice("compare-to"),
    kind: choice("compare-kind"),
    zoom: choice("zoom"),
    // The outline of the first area drawn: the zoom changes it.
    frame: ((a) => a?.getAttribute("d") ?? a?.querySelector("path")?.getAttribute("d"))(root.querySelector("[data-fw-kind='area']")),
    table: root.querySelector(".fw-toolbar button[aria-pressed]")?.getAttribute("aria-pressed"),
    tables: !!root.querySelector(".fw-table--areas"),
  };
}

test("every map control by keyboard: the change shows, the focus stays, the choices are kept", async () => {
  const { page, seen } = await fixture(env, [sample("map", { id: "map" })], { viewport: { width: 1000, height: 1000 } });
  const now = () => page.evaluate(shown);
  /** Polls `read` until `check` holds of what it read (or `ms` passed); returns the last read. */
  const poll = async (read, check, ms) => {
    const t0 = Date.now();
    for (;;) {
      const got = await read();
      if (check(got) || Date.now() - t0 > ms) return got;
      await sleep(20);
    }
  };
  const until = async (check) => {
    const s = await poll(now, check, 5000);
    assert.ok(check(s), `the map shows ${check}: ${JSON.stringify(s)}`);
    return s;
  };
  /** Presses `key`, waits until the map shows `check`, then for the focus on `on`. */
  const press = async (key, check, on) => {
    await page.keyboard.press(key);
    const s = await until(check);
    // The focus moves with the part written again (a few ms); give it that, not more.
    const at = await poll(() => page.evaluate(focused), (f) => isOn(f, on), 1000);
    assert.ok(isOn(at, on), `after ${key} the focus stays on ${on} (it is on ${at})`);
    return s;
  };
  /** Tabs forward (or back) until the focus is on `on`. */
  const tabTo = async (on, key = "Tab") => {
    for (let i = 0; i < 12 && !isOn(await page.evaluate(focused), on); i++) await page.keyboard.press(key);
    assert.ok(isOn(await page.evaluate(focused), on), `Tab reaches ${on} (at ${await page.evaluate(focused)})`);
  };

  const first = await now();
  assert.equal(first.date, "01.01.2018");
  assert.ok(first.asof.endsWith("01.01.2018"), first.asof);
  assert.equal(first.zoom, "Gesamtansicht");
  assert.equal(first.compare, "kein Vergleich");

  // The day: the select by the arrow keys, twice (the second key reaches the select only if the
  // focus stayed on it), then one step later with the ▶ button.
  await page.locator("#before").click();
  await tabTo("select:date");
  let s = await press("ArrowUp", (s) => s.asof?.endsWith("01.10.2017"), "select:date");
  assert.equal(s.date, "01.10.2017");
  s = await press("ArrowUp", (s) => s.asof?.endsWith("15.08.2017"), "select:date");
  assert.equal(s.date, "15.08.2017");
  await tabTo("button:Spätere Zuordnung");
  s = await press("Enter", (s) => s.asof?.endsWith("01.10.2017"), "button:Spätere Zuordnung");
  assert.equal(s.date, "01.10.2017", "the select follows the button");

  // The comparison: "Vergleich" on and to another period, "mit" back and forth, "als" percent.
  await tabTo("select:compare");
  s = await press("ArrowDown", (s) => s.legend?.includes("→"), "select:compare");
  assert.equal(s.compare, "3. Quartal 2017");
  assert.equal(s.date, null, "no day to pick while two periods are compared");
  s = await press("ArrowDown", (s) => s.legend?.includes("4. Quartal 2017 →"), "select:compare");
  assert.equal(s.compare, "4. Quartal 2017");
  const later = s.to;
  await tabTo("select:compare-to");
  s = await press("ArrowUp", (s) => s.to !== later, "select:compare-to");
  const legend = s.legend;
  s = await press("ArrowDown", (s) => s.to === later && s.legend !== legend, "select:compare-to");
  assert.equal(s.legend, "Veränderung Teilnehmende (Beispielwerte): 4. Quartal 2017 → 1. Quartal 2018");
  await tabTo("select:compare-kind");
  s = await press("ArrowDown", (s) => s.legend?.includes("(%)"), "select:compare-kind");
  assert.equal(s.kind, "Prozent");
  assert.equal(s.compare, "4. Quartal 2017", "the periods stay chosen");
  // Off again: back to "Vergleich", Home; the date control is back with the day picked before.
  await tabTo("select:compare", "Shift+Tab");
  s = await press("Home", (s) => !s.legend?.includes("→"), "select:compare");
  assert.equal(s.compare, "kein Vergleich");
  assert.equal(s.date, "01.10.2017");
  assert.ok(s.asof.endsWith("01.10.2017"), s.asof);

  // The zoom: a region and the next one, each by one arrow key.
  await tabTo("select:zoom");
  s = await press("ArrowDown", (s) => s.zoom !== "Gesamtansicht" && s.frame !== first.frame, "select:zoom");
  const [region, frame] = [s.zoom, s.frame];
  s = await press("ArrowDown", (s) => s.zoom !== region && s.frame !== frame, "select:zoom");
  const zoomed = s;

  // The table toggle by the keyboard: the focus stays on it, and every select still shows what
  // was chosen; then by the mouse, off again.
  await tabTo("button:Als Tabelle");
  s = await press("Enter", (s) => s.tables, "button:Als Tabelle");
  assert.equal(s.table, "true");
  assert.deepEqual([s.date, s.compare, s.zoom], ["01.10.2017", "kein Vergleich", zoomed.zoom]);
  await page.locator("#map >> .fw-toolbar button[aria-pressed]").click();
  s = await until((s) => s.table === "false" && !s.tables);
  assert.deepEqual([s.date, s.compare, s.zoom, s.frame], ["01.10.2017", "kein Vergleich", zoomed.zoom, zoomed.frame]);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
