// Widgets a server rendered (www/examples/server-rendered.html, written by
// tests/server_rendered.rs): with script off the chart and its tables show from the declarative
// shadow root; with script on the module takes the element over from its inline JSON, fetching
// no document and without moving the chart.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open, SCREENSHOTS } from "./helpers.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

const PAGE = "/examples/server-rendered.html";

test("with script off, the server's chart and tables show", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await page.goto(env.base + PAGE);
  for (const tag of ["foerderweg-occupancy", "foerderweg-timeline"]) {
    const chart = page.locator(`${tag} .fw-rendered svg.fw-svg`).first();
    await chart.waitFor({ state: "visible" });
    const box = await chart.boundingBox();
    assert.ok(box.width > 300 && box.height > 60, `${tag}: a drawn chart, not an empty box: ${JSON.stringify(box)}`);
    assert.ok(await page.locator(`${tag} .fw-rendered table caption`).first().isVisible(), `${tag}: its table`);
    assert.match(await page.locator(`${tag} .fw-figure__notes`).first().textContent(), /Stand|Quelle/);
  }
  await page.screenshot({ path: new URL("server-rendered-noscript.png", SCREENSHOTS).pathname, fullPage: true });
  await context.close();
});

test("with script on, the module takes over without a fetch and without a jump", async () => {
  // The modules are held back until the server's markup is measured.
  let release;
  const held = new Promise((done) => (release = done));
  const page = await env.browser.newPage({ viewport: { width: 1100, height: 900 } });
  const seen = { errors: [], requests: [] };
  page.on("console", (m) => m.type() === "error" && seen.errors.push(m.text()));
  page.on("pageerror", (e) => seen.errors.push(String(e)));
  page.on("request", (r) => seen.requests.push(r.url()));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(env.base + PAGE);
  const top = () =>
    page.evaluate(() => {
      const root = document.querySelector("foerderweg-occupancy").shadowRoot;
      const live = root.querySelector(".fw-mount:not(.fw-mount--behind)");
      const svg = (live ?? root).querySelector("svg.fw-svg");
      return svg ? Math.round(svg.getBoundingClientRect().top) : null;
    });
  const before = await top();
  assert.ok(before !== null, "the server's chart is there before the module");
  release();
  await page.waitForFunction(() =>
    ["foerderweg-occupancy", "foerderweg-timeline"].every((tag) => {
      const root = document.querySelector(tag).shadowRoot;
      return !root.querySelector(".fw-rendered") && root.querySelector(".fw-mount:not(.fw-mount--behind) svg.fw-svg");
    }),
  );
  const after = await top();
  assert.ok(Math.abs(after - before) <= 4, `the chart stays where it was: ${before} → ${after}`);
  assert.deepEqual(
    seen.requests.filter((u) => u.endsWith(".json")),
    [],
    "the document came inline: nothing fetched",
  );
  // Interactive now: the keyboard reaches the widget's controls.
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.tagName.toLowerCase());
  assert.match(focused, /^foerderweg-/);
  await page.screenshot({ path: new URL("server-rendered-live.png", SCREENSHOTS).pathname, fullPage: true });
  assert.deepEqual(seen.errors, []);
  await page.close();
});
