// The map as a file: the licence of the built-in geometry requires "© GeoBasis-DE / BKG" on
// every rendering and export, and a map without its title and the day of its assignment does
// not say what it shows. The SVG export of the gallery's Sachsen map carries all three, and the
// source line of its document.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, readThrough } from "./helpers.mjs";

let env;
let context;
before(async () => {
  env = await start();
  context = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
});
after(async () => {
  await context?.close();
  await env?.close();
});

/** The text of every `<text>` and `<title>` of an SVG file, as a reader of the file sees it. */
function texts(markup) {
  const decode = (s) =>
    s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
  return [...markup.matchAll(/<(text|title)\b[^>]*>([^<]*)<\/\1>/g)].map((m) => decode(m[2]).trim());
}

test("the map's SVG export carries its title, the day shown, the source and the attribution", async () => {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(env.base + "/");
  await readThrough(page);
  await page.waitForFunction(() => document.getElementById("map-sachsen")?.shadowRoot?.querySelector(".fw-map__svg .fw-unit"));
  const host = page.locator("#map-sachsen");
  await host.locator(".fw-menu > summary").click();
  const item = host.locator('.fw-menu__item[data-fw-export="svg"]');
  assert.equal(await item.count(), 1, "one SVG entry");
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 10000 }), item.click()]);
  const markup = readFileSync(await download.path()).toString("utf8");
  const lines = texts(markup);
  assert.ok(lines.includes("JobPerspektive Sachsen: Programmregionen"), `the title in ${JSON.stringify(lines.slice(0, 3))}`);
  assert.ok(
    lines.some((l) => l.includes("© GeoBasis-DE / BKG 2016, Daten verändert")),
    `the attribution in ${JSON.stringify(lines.slice(-4))}`,
  );
  assert.ok(lines.includes("Stand der Zuordnung: 01.01.2018"), `the day shown in ${JSON.stringify(lines.slice(-4))}`);
  assert.ok(
    lines.some((l) => l.startsWith("Quelle: Zuordnungen nach jobperspektive-sachsen.de")),
    `the source in ${JSON.stringify(lines.slice(-4))}`,
  );
  // The file is the map: its areas are in it, with the attribution below them.
  assert.ok((markup.match(/<path/g) || []).length >= 65, "every area is in the file");
  assert.ok(markup.lastIndexOf("GeoBasis-DE") > markup.lastIndexOf("<path"), "the attribution is under the map");
  // And a reader sees them: nothing of the map (neighbours reach past its edge) covers them.
  const viewer = await context.newPage();
  await viewer.setViewportSize({ width: 1100, height: 1600 });
  await viewer.setContent(`<!doctype html><html><body style="margin:0">${markup.replace(/^<\?xml[^>]*>/, "")}</body></html>`);
  const covered = await viewer.evaluate(() =>
    [...document.querySelectorAll("svg > text")].filter((t) => {
      const box = t.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + Math.min(box.width / 2, 40), box.top + box.height / 2);
      return hit !== t;
    }).map((t) => t.textContent.slice(0, 40)),
  );
  assert.deepEqual(covered, [], "title and notes are not covered by the map");
  await viewer.close();
  assert.deepEqual(errors, []);
  await page.close();
});
