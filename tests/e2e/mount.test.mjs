// The host example that uses the JS API `mount()` instead of custom elements.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open, SCREENSHOTS } from "./helpers.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

test("mount(), update() and destroy() from a host page", async () => {
  const { page, seen } = await open(env, "/examples/mount.html");
  const status = page.locator("#status");
  await page.waitForFunction(() => document.getElementById("status").textContent === "ready");
  const title = () =>
    page.evaluate(() => document.getElementById("widget").shadowRoot.querySelector(".fw-title")?.textContent ?? null);
  assert.equal(await title(), "Stabilisierung und Teilhabe am Arbeitsleben");

  await page.click("#update");
  await page.waitForFunction(() =>
    document.getElementById("widget").shadowRoot.querySelector(".fw-title")?.textContent.endsWith("(updated)"),
  );

  await page.click("#break");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("error"));
  const panel = await page.evaluate(
    () => document.getElementById("widget").shadowRoot.querySelector("[part=error-panel]")?.textContent ?? "",
  );
  assert.match(panel, /The JSON document ends unexpectedly/);
  await page.screenshot({ path: new URL("mount-error.png", SCREENSHOTS).pathname });

  await page.click("#destroy");
  assert.equal(await status.textContent(), "destroyed");
  assert.equal(await page.evaluate(() => document.getElementById("widget").shadowRoot.childElementCount), 0);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
