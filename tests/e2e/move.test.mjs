// A host that moves a widget in the page (a framework reordering a list, a tab moved into a
// dialog) keeps the widget: no second fetch of its document, its view state stays. Only a
// widget that stays out of the page is taken down, and built again when it comes back.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, hostPage } from "./helpers.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

test("moving a widget keeps it: no refetch, no second draw", async () => {
  const page = await env.browser.newPage({ viewport: { width: 1000, height: 900 } });
  const fetched = [];
  page.on("request", (r) => r.url().endsWith("occupancy-stendal.json") && fetched.push(r.url()));
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await hostPage(env, page, "/__move/page.html", {
    script: `import "/pkg/foerderweg.js";
      window.ready = 0;
      document.addEventListener("foerderweg-ready", () => window.ready++);`,
    body: `<div id="a"><foerderweg-occupancy id="w" loading="eager" src="/data/occupancy-stendal.json"></foerderweg-occupancy></div>
      <div id="b"></div>`,
  });
  await page.waitForFunction(() => window.ready === 1);
  // Moved as a framework moves it: removed and inserted again in one task.
  await page.evaluate(() => document.getElementById("b").append(document.getElementById("w")));
  await page.waitForTimeout(800);
  assert.equal(fetched.length, 1, `fetched once, not again on the move: ${fetched.length}`);
  assert.equal(await page.evaluate(() => window.ready), 1, "drawn once");
  assert.ok(
    await page.evaluate(() => document.getElementById("w").shadowRoot.querySelector(".fw-chart svg") !== null),
    "still drawn after the move",
  );

  // Taken out for good, it goes; put back later, it is built again.
  await page.evaluate(() => {
    window.kept = document.getElementById("w");
    window.kept.remove();
  });
  await page.waitForTimeout(200);
  assert.equal(
    await page.evaluate(() => window.kept.shadowRoot.querySelector(".fw-mount")),
    null,
    "a widget out of the page is taken down",
  );
  await page.evaluate(() => document.getElementById("a").append(window.kept));
  await page.waitForFunction(() => window.ready === 2);
  assert.equal(fetched.length, 2, "built again, it fetches its document again");
  assert.deepEqual(errors, []);
  await page.close();
});
