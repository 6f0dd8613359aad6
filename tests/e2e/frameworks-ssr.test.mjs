// Server rendering from Node without a jump (issue 22): tests/frameworks/node-ssr/server.mjs
// writes three widgets with the command line tool into declarative shadow roots with their
// documents inline, in boxes its stylesheet reserves. Before the module loads the charts show;
// after it took them over, every widget's box and what follows them are where they were.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { FLAGS, SCREENSHOTS, readThrough } from "./helpers.mjs";
import { ROOT } from "./frameworks-lib.mjs";
import { serve } from "../frameworks/node-ssr/server.mjs";

let browser, server;
before(async () => {
  const tool = `${ROOT}target/debug/foerderweg-render`;
  assert.ok(existsSync(tool), "the command line tool is built (cargo build -p foerderweg-render; ./dev test does)");
  server = await serve({ tool });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const TAGS = ["foerderweg-occupancy", "foerderweg-timeline", "foerderweg-map"];

/** Each widget's box and whether its chart is drawn (by the server, or live), and the footer's top. */
const layout = (page) =>
  page.evaluate((tags) => {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return [Math.round(r.left), Math.round(r.top + scrollY), Math.round(r.width), Math.round(r.height)];
    };
    return {
      widgets: tags.map((tag) => {
        const el = document.querySelector(tag);
        const root = el.shadowRoot;
        return {
          tag,
          box: box(el),
          server: !!root?.querySelector(".fw-rendered svg.fw-svg"),
          live: !!root?.querySelector(".fw-mount:not(.fw-mount--behind) svg") && !root.querySelector(".fw-rendered"),
        };
      }),
      below: box(document.getElementById("below"))[1],
    };
  }, TAGS);

test("the server's charts show before the module, and nothing moves when it takes over", async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e}`));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  let release;
  const held = new Promise((done) => (release = done));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(server.url + "/");
  const before = await layout(page);
  for (const w of before.widgets) assert.ok(w.server && !w.live, `${w.tag}: the server's chart before the module`);
  await page.screenshot({ path: new URL("frameworks-ssr-before.png", SCREENSHOTS).pathname, fullPage: true });
  release();
  // A visitor reads the page: each widget loads its module near the viewport.
  await readThrough(page);
  await page.waitForFunction(
    (tags) => tags.every((tag) => {
      const root = document.querySelector(tag).shadowRoot;
      return !root.querySelector(".fw-rendered") && root.querySelector(".fw-mount:not(.fw-mount--behind) svg");
    }),
    TAGS,
    { timeout: 60000 },
  );
  const after = await layout(page);
  await page.screenshot({ path: new URL("frameworks-ssr-after.png", SCREENSHOTS).pathname, fullPage: true });
  for (const [i, w] of after.widgets.entries()) {
    assert.ok(w.live, `${w.tag}: drawn by the module`);
    assert.deepEqual(w.box, before.widgets[i].box, `${w.tag}: its box stays (left, top, width, height)`);
  }
  assert.equal(after.below, before.below, "what follows the widgets does not move");
  assert.deepEqual(errors, []);
  await page.close();
});
