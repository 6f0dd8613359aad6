// The occupancy dashboard as a visitor gets it: reflow from a phone column to a wide dashboard
// (screenshots in tests/e2e/screenshots/), a real keyboard walking a chart, and a refresh that
// keeps the keyboard focus.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, open, hostPage, SCREENSHOTS } from "./helpers.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

/** Scrolls to the gallery's dashboards, as a visitor does (they load when they come near). */
async function ready(page) {
  for (const id of ["stendal", "example"]) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.waitForFunction((id) => document.getElementById(id)?.shadowRoot?.querySelector(".fw-figures"), id);
  }
}

test("the dashboard reflows at 320, 768 and 1400 px container widths", async () => {
  const { page, seen } = await open(env, "/", { viewport: { width: 1500, height: 1200 } });
  await ready(page);
  // CSSOM, not a <style> tag: the page's CSP blocks inline styles.
  await page.evaluate(() => document.querySelector("main").style.setProperty("max-width", "none"));
  for (const width of [320, 768, 1400]) {
    const layout = await page.evaluate(async (w) => {
      const el = document.getElementById("example");
      el.style.width = `${w}px`;
      const svg = () => el.shadowRoot.querySelector(".fw-chart--people .fw-svg");
      for (let i = 0; i < 100 && svg().getAttribute("width") !== String(w - 24); i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const root = el.shadowRoot.querySelector(".fw-root");
      const columns = (sel) => getComputedStyle(el.shadowRoot.querySelector(sel)).gridTemplateColumns.split(" ").length;
      return {
        svg: svg().getAttribute("width"),
        overflow: root.scrollWidth - root.clientWidth,
        figures: columns(".fw-figures"),
        grid: columns(".fw-grid"),
      };
    }, width);
    assert.equal(layout.svg, String(width - 24), `${width}: charts fit the container`);
    assert.ok(layout.overflow <= 1, `${width}: nothing sticks out (${layout.overflow} px)`);
    assert.equal(layout.grid, width >= 1000 ? 2 : 1, `${width}: sections`);
    assert.ok(layout.figures >= (width >= 768 ? 5 : 2), `${width}: ${layout.figures} key figures a row`);
    await page.locator("#example").screenshot({ path: new URL(`occupancy-${width}.png`, SCREENSHOTS).pathname });
  }
  assert.deepEqual(seen.errors.filter((e) => !e.includes("404")), []);
  await page.close();
});

test("a keyboard user tabs into a chart and reads its points", async () => {
  const { page } = await open(env, "/");
  await ready(page);
  // Focus the chart's one tab stop, then use the keys.
  await page.evaluate(() => {
    const root = document.getElementById("stendal").shadowRoot;
    root.querySelector(".fw-chart--people [tabindex='0']").focus();
  });
  const tooltip = () =>
    page.evaluate(() => document.getElementById("stendal").shadowRoot.querySelector(".fw-chart--people .fw-tooltip")?.textContent);
  assert.equal(await tooltip(), "Profilings am 21.02.2018: 179");
  await page.keyboard.press("ArrowRight");
  assert.equal(await tooltip(), "Profilings am 08.05.2018: 241 (+62 seit 21.02.2018)");
  await page.keyboard.press("ArrowDown");
  assert.equal(await tooltip(), "Aufgenommene Teilnehmende am 08.05.2018: 146 (+29 seit 21.02.2018)");
  await page.locator("#stendal").screenshot({ path: new URL("occupancy-tooltip.png", SCREENSHOTS).pathname });
  await page.keyboard.press("Escape");
  assert.equal(await tooltip(), undefined);
  // Tab leaves the chart for the next control (one stop per chart, no trap).
  await page.keyboard.press("Tab");
  const next = await page.evaluate(() => {
    const active = document.getElementById("stendal").shadowRoot.activeElement;
    return active?.closest(".fw-chart--slots") ? "slots chart" : active?.tagName;
  });
  assert.equal(next, "slots chart");
  await page.close();
});

test("a refresh brings new figures while a keyboard user reads a chart: the focus stays on the point", async () => {
  const page = await env.browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  // The backend's document: every request after the first has one more profiling.
  const original = readFileSync(new URL("../../www/data/occupancy-stendal.json", import.meta.url), "utf8");
  let requests = 0;
  await page.route(`${env.base}/__refresh/stendal.json`, (route) => {
    const body = requests++ === 0 ? original : original.replace('"profilings": 302', '"profilings": 310');
    return route.fulfill({ contentType: "application/json", body });
  });
  await hostPage(env, page, "/__refresh/host.html", {
    script: `
  import init, * as fw from "/pkg/foerderweg.js";
  await init();
  fw.defineElements();`,
    // pause-on-focus="false": by default a refresh waits while the focus is in the widget
    // (WCAG 2.2.2, tests/e2e/a11y-refresh.test.mjs); here it must come under the reader's focus.
    body: `<main><button id="before">vorher</button>
<foerderweg-occupancy id="w" src="/__refresh/stendal.json" refresh="5" pause-on-focus="false"></foerderweg-occupancy></main>`,
  });
  await page.waitForFunction(() => document.getElementById("w")?.shadowRoot?.querySelector(".fw-chart--people [data-fw-point]"));
  const state = () =>
    page.evaluate(() => {
      const root = document.getElementById("w").shadowRoot;
      return {
        host: document.activeElement?.id ?? document.activeElement?.tagName,
        point: root.activeElement?.getAttribute("data-fw-point") ?? null,
        tooltip: root.querySelector(".fw-chart--people .fw-tooltip")?.textContent ?? null,
      };
    });
  // Tab from the button before the widget to the chart's tab stop, then along the line.
  await page.focus("#before");
  for (let i = 0; i < 20 && (await state()).point === null; i++) await page.keyboard.press("Tab");
  assert.equal((await state()).point, "0-0");
  await page.keyboard.press("End");
  assert.deepEqual(await state(), { host: "w", point: "0-5", tooltip: "Profilings am 01.12.2018: 302 (+6 seit 23.10.2018)" });
  await page.waitForFunction(
    () => document.getElementById("w").shadowRoot.querySelector("[data-fw-point='0-5']")?.getAttribute("aria-label")?.includes("310"),
    null,
    { timeout: 15000 },
  );
  assert.ok(requests >= 2, "refreshed");
  assert.deepEqual(await state(), { host: "w", point: "0-5", tooltip: "Profilings am 01.12.2018: 310 (+14 seit 23.10.2018)" });
  // The keys still work from there.
  await page.keyboard.press("ArrowLeft");
  assert.equal((await state()).point, "0-4");
  assert.deepEqual(errors, []);
  await page.close();
});
