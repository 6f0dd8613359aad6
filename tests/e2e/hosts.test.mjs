// The host examples as their visitors see them: the Jobcenter portal (src endpoints, its own
// panel fed by foerderweg-select, live updates through refresh), the provider page (mount(),
// brand colours only through --fw-* and ::part), and the playground (diagnostics as you type).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open, SCREENSHOTS } from "./helpers.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

const inShadow = (page, host, selector) =>
  page.evaluate(([h, s]) => document.querySelector(h)?.shadowRoot?.querySelector(s)?.textContent ?? null, [host, selector]);

test("Jobcenter portal: widgets from src, the host's panel follows a selection, live figures", async () => {
  const { page, seen } = await open(env, "/examples/jobcenter.html", { viewport: { width: 1280, height: 900 } });
  await page.waitForFunction(() => document.getElementById("cohort")?.shadowRoot?.querySelector(".fw-row"));
  assert.equal(await inShadow(page, "#cohort", ".fw-count"), "181 von 181 Teilnehmenden");
  // The map loads its own src: its answer may come after the cohort's.
  await page.waitForFunction(() => document.getElementById("map")?.shadowRoot?.querySelector(".fw-title"));
  assert.equal(await inShadow(page, "#map", ".fw-title"), "JobPerspektive Sachsen: Programmregionen");

  // Selecting a row fills the portal's own panel from the portal's backend.
  const id = await page.evaluate(() => {
    const row = document.getElementById("cohort").shadowRoot.querySelector(".fw-row");
    row.click();
    return row.getAttribute("data-fw-select");
  });
  await page.waitForFunction((want) => document.getElementById("person-id").textContent === want, id);
  assert.equal(await page.isVisible("#person"), true);
  assert.match(await page.textContent("#person-programme"), /Stabilisierung/);

  // The dashboard refreshes every 5 s from an endpoint that moves on one reporting date.
  await page.waitForFunction(() => document.getElementById("live")?.shadowRoot?.querySelector(".fw-asof"));
  const first = await inShadow(page, "#live", ".fw-asof");
  await page.waitForFunction(
    (was) => document.getElementById("live").shadowRoot.querySelector(".fw-asof")?.textContent !== was,
    first,
    { timeout: 15000 },
  );
  const second = await inShadow(page, "#live", ".fw-asof");
  assert.notEqual(second, first, `live update: ${first} → ${second}`);
  await page.screenshot({ path: new URL("host-jobcenter.png", SCREENSHOTS).pathname, fullPage: true });
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("provider page: mount() and the brand's colours through custom properties and ::part", async () => {
  const { page, seen } = await open(env, "/examples/provider.html", { viewport: { width: 1280, height: 900 } });
  await page.waitForFunction(() => document.getElementById("occupancy")?.shadowRoot?.querySelector(".fw-seg--filled"));
  assert.equal(await page.evaluate(() => document.querySelectorAll("foerderweg-occupancy, foerderweg-timeline").length), 0, "no custom elements");
  const styles = await page.evaluate(() => {
    const root = document.getElementById("occupancy").shadowRoot;
    return {
      filled: getComputedStyle(root.querySelector(".fw-seg--filled")).backgroundColor,
      border: getComputedStyle(root.querySelector(".fw-root")).borderTopColor,
      radius: getComputedStyle(root.querySelector(".fw-root")).borderTopLeftRadius,
      font: getComputedStyle(root.querySelector(".fw-root")).fontFamily,
    };
  });
  assert.equal(styles.filled, "rgb(0, 105, 107)", "--fw-filled");
  assert.deepEqual(seen.requests.filter((u) => u.includes("/geo/")), [], "a page without a map loads no geometry");
  assert.equal(styles.border, "rgb(0, 105, 107)", "::part(root)");
  assert.equal(styles.radius, "12px", "--fw-radius");
  assert.match(styles.font, /Trebuchet MS/);
  // setLabels(): the provider's own words, in both widgets, as the accessible names too.
  const words = await page.evaluate(() => {
    const occ = document.getElementById("occupancy").shadowRoot;
    const path = document.getElementById("path").shadowRoot;
    return {
      occ: occ.querySelector(".fw-root").getAttribute("aria-label"),
      path: path.querySelector(".fw-root").getAttribute("aria-label"),
      lanes: [...path.querySelectorAll(".fw-lane__title")].map((e) => e.textContent),
    };
  });
  assert.equal(words.occ, "Belegung unserer Einsatzstellen");
  assert.equal(words.path, "Ein Weg durchs Programm");
  assert.ok(words.lanes.includes("Qualifizierungsbaustein"), words.lanes.join(", "));
  assert.ok(!words.lanes.includes("Qualifizierung"), "the built-in name is replaced");
  // The handle works: update() replaces the data.
  await page.evaluate(() => {
    window.widgets.occupancy.update({ schema: "foerderweg/occupancy@1", programme: { label: "Aktualisiert" } });
  });
  await page.waitForFunction(() => document.getElementById("occupancy").shadowRoot.querySelector(".fw-title")?.textContent === "Aktualisiert");
  await page.screenshot({ path: new URL("host-provider.png", SCREENSHOTS).pathname, fullPage: true });
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("playground: a diagnostic with its path for a broken document, the preview for a fixed one", async () => {
  const { page, seen } = await open(env, "/playground/", { viewport: { width: 1280, height: 900 } });
  await page.waitForFunction(() => document.getElementById("widget")?.shadowRoot?.querySelector(".fw-figures"));
  const broken = '{"schema": "foerderweg/occupancy@1", "programme": {"label": "Test"}, "series": [{"date": "2018-02-30"}]}';
  await page.fill("#json", broken);
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Nicht darstellbar"));
  const item = await page.textContent("#diagnostics li");
  assert.match(item, /„2018-02-30“ ist kein gültiges Datum/);
  assert.match(item, /bei series\[0\]\.date/);
  await page.screenshot({ path: new URL("playground-error.png", SCREENSHOTS).pathname });

  await page.fill("#json", broken.replace("2018-02-30", "2018-02-28"));
  await page.waitForFunction(() => document.getElementById("status").textContent === "Dargestellt, keine Hinweise.");
  assert.equal(await inShadow(page, "#widget", ".fw-title"), "Test");
  await page.selectOption("#lang", "en");
  await page.waitForFunction(() => document.getElementById("widget").shadowRoot.querySelector(".fw-root")?.getAttribute("lang") === "en");

  // Every sample loads and draws.
  for (const sample of await page.$$eval("#sample option", (o) => o.map((x) => x.value).filter(Boolean))) {
    await page.selectOption("#sample", sample);
    await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Dargestellt"), null, { timeout: 10000 });
  }
  const download = page.waitForEvent("download");
  await page.click("#download");
  assert.match((await download).suggestedFilename(), /^foerderweg-map\.json$/);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
