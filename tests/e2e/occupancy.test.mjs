// The occupancy dashboard as a visitor gets it: reflow from a phone column to a wide dashboard
// (screenshots in tests/e2e/screenshots/), and a real keyboard walking a chart.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open, SCREENSHOTS } from "./helpers.mjs";

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
