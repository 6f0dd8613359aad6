// Widgets a server rendered (www/examples/server-rendered.html, written by
// tests/server_rendered.rs): with script off the chart and its tables show from the declarative
// shadow root; with script on the module takes the element over from its inline JSON, fetching
// no document. The dashboard is written part for part as the live one (render::dashboard), so its chart
// does not move when the module takes over.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open, readThrough, SCREENSHOTS } from "./helpers.mjs";

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
  }
  // The dashboard as the live one shows it: its head with the as-of date, the key figures, the
  // funnel and the source; the timeline's figure with its notes.
  const board = page.locator("foerderweg-occupancy");
  assert.match(await board.locator(".fw-head .fw-asof").textContent(), /^Stand \d\d\.\d\d\.\d{4}$/);
  assert.match(await board.locator(".fw-figure--slots").textContent(), /Einsatzstellen\s*113/);
  assert.ok(await board.locator(".fw-funnel__stage").first().isVisible(), "the funnel");
  assert.match(await board.locator(".fw-source").textContent(), /^Quelle: /);
  assert.equal(await board.locator(".fw-pending").first().isVisible(), false, "no control before the module");
  // The timeline as the live one shows one participant: head, summary, the path, the source;
  // its table view, which the module shows on request, is there for a reader without script.
  const path = page.locator("foerderweg-timeline");
  assert.match(await path.locator(".fw-head .fw-asof").textContent(), /^Heute \d\d\.\d\d\.\d{4}$/);
  assert.match(await path.locator(".fw-single .fw-heading").textContent(), /Teilnehmerin/);
  assert.match(await path.locator(".fw-source").textContent(), /^Quelle: /);
  assert.equal(await path.locator(".fw-pending").first().isVisible(), false, "no control before the module");
  await page.screenshot({ path: new URL("server-rendered-noscript.png", SCREENSHOTS).pathname, fullPage: true });
  await context.close();
});

/** Opens the page with the modules held back until `release()`; records requests and errors. */
async function heldPage() {
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
  return { page, seen, release };
}

/** Waits until the module drew both widgets; the page is read through first, as a visitor
 * scrolls it (the timeline, below the dashboard's tables, loads its module near the viewport). */
const takenOver = async (page) => {
  await readThrough(page);
  await page.waitForFunction(() =>
    ["foerderweg-occupancy", "foerderweg-timeline"].every((tag) => {
      const root = document.querySelector(tag).shadowRoot;
      return !root.querySelector(".fw-rendered") && root.querySelector(".fw-mount:not(.fw-mount--behind) svg.fw-svg");
    }),
  );
};

/** Where the dashboard's first chart is (the server's, then the live one's). */
const chartTop = (page) =>
  page.evaluate(() => {
    const root = document.querySelector("foerderweg-occupancy").shadowRoot;
    const live = root.querySelector(".fw-mount:not(.fw-mount--behind)");
    const svg = (live ?? root).querySelector(".fw-chart__svg svg.fw-svg");
    return svg ? Math.round(svg.getBoundingClientRect().top) : null;
  });

test("with script on, the module takes over from the inline document, fetching nothing", async () => {
  const { page, seen, release } = await heldPage();
  assert.ok((await chartTop(page)) !== null, "the server's chart is there before the module");
  release();
  await takenOver(page);
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

/** Where the timeline's path is drawn inside its element (the page scrolls as it is read). */
const pathTop = (page) =>
  page.evaluate(() => {
    const host = document.querySelector("foerderweg-timeline");
    const live = host.shadowRoot.querySelector(".fw-mount:not(.fw-mount--behind)");
    const svg = (live ?? host.shadowRoot).querySelector(".fw-plot svg.fw-svg");
    return svg ? Math.round(svg.getBoundingClientRect().top - host.getBoundingClientRect().top) : null;
  });

test("the charts do not move when the module takes over", async () => {
  const { page, release } = await heldPage();
  const [board, path] = [await chartTop(page), await pathTop(page)];
  assert.ok(path !== null, "the server drew the path in the widget's place");
  release();
  await takenOver(page);
  const [boardAfter, pathAfter] = [await chartTop(page), await pathTop(page)];
  await page.close();
  assert.ok(Math.abs(boardAfter - board) <= 4, `the dashboard's chart stays where it was: ${board} → ${boardAfter}`);
  assert.ok(Math.abs(pathAfter - path) <= 4, `the timeline's path stays where it was: ${path} → ${pathAfter}`);
});
