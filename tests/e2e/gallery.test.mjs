// The demo gallery as a visitor gets it: every widget drawn from the sample data under the
// page's strict Content-Security-Policy, diagnostics for the broken examples, keyboard use,
// events, no request to anywhere else, and no axe-core violation of WCAG 2.1 A/AA.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { start, open, readThrough, SCREENSHOTS } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let env;
before(async () => (env = await start()));
after(async () => env?.close());

/**
 * Scrolls through the page as a visitor does (the widgets below the fold load as they come
 * near) and waits until every widget on the page reported ready or error.
 */
const settled = async (page) => {
  await readThrough(page);
  await page.waitForFunction(
    () =>
      document.querySelectorAll("#log li").length >=
      [...document.querySelectorAll("foerderweg-timeline, foerderweg-occupancy, foerderweg-map")].filter(
        (e) => e.hasAttribute("src") || e.querySelector("script"),
      ).length,
    null,
    { timeout: 15000 },
  );
};

/** Opens the gallery with a CSP-violation recorder and waits until every widget settled. */
async function gallery(options) {
  const opened = await open(env, "/", options);
  const { page } = opened;
  await settled(page);
  return opened;
}

const shadow = (page, host, selector) =>
  page.evaluate(
    ([h, s]) => [...(document.querySelector(h)?.shadowRoot?.querySelectorAll(s) ?? [])].map((e) => e.textContent.trim()),
    [host, selector],
  );

test("every widget renders its sample under the strict CSP, asking nothing of other hosts", async () => {
  const { page, seen } = await open(env, "/");
  await page.evaluate(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.violations.push(e.violatedDirective));
  });
  await settled(page);

  assert.deepEqual(await shadow(page, "#jps", ".fw-title"), ["JobPerspektive Sachsen: ein Verlauf (fiktive Person)"]);
  assert.deepEqual(await shadow(page, "#cohort", ".fw-count"), ["181 von 181 Teilnehmenden"]);
  assert.deepEqual(await shadow(page, "#stendal", ".fw-title"), ["Stabilisierung und Teilhabe am Arbeitsleben"]);
  assert.deepEqual(await shadow(page, "#saalekreis", ".fw-title"), [
    "ESF-Projekte des Regionalen Arbeitskreises Saalekreis",
  ]);
  assert.deepEqual(await shadow(page, "#map foerderweg-map", ".fw-title"), ["JobPerspektive Sachsen: Programmregionen"]);
  // The samples are clean: no warnings folded under the widgets.
  for (const host of ["#jps", "#cohort", "#path", "#stendal", "#example", "#saalekreis", "#map-sachsen", "#map-mentoren", "#map-regio"]) {
    assert.deepEqual(await shadow(page, host, ".fw-panel"), [], `${host} shows no diagnostics`);
  }

  // Three maps share one load of the geometry; the municipalities are fetched because the
  // Sachsen sample names some.
  const geo = seen.requests.filter((u) => u.includes("/geo/")).map((u) => new URL(u).pathname);
  assert.deepEqual(geo.sort(), ["/pkg/geo/districts.fwg", "/pkg/geo/municipalities-14-15.fwg"]);
  assert.equal(
    (await shadow(page, "#map-regio", ".fw-units .fw-unit")).length,
    14,
    "REGIO AKTIV: the 14 districts of Sachsen-Anhalt",
  );
  assert.match((await shadow(page, "#map-sachsen", ".fw-attribution"))[0], /© GeoBasis-DE \/ BKG 2016, Daten verändert/);
  assert.deepEqual(await page.evaluate(() => window.violations), [], "no CSP violation");
  const origin = new URL(env.base).origin;
  assert.deepEqual(seen.requests.filter((u) => new URL(u).origin !== origin), [], "no request elsewhere");
  // The one expected failure is the demo of a missing source.
  assert.deepEqual(
    seen.errors.filter((e) => !e.includes("404")),
    [],
    "no console error but the demo's deliberate 404",
  );
  assert.equal(seen.errors.length, 1);
  await page.screenshot({ path: new URL("gallery.png", SCREENSHOTS).pathname, fullPage: true });
  await page.close();
});

test("the broken examples explain what is wrong and where", async () => {
  const { page } = await gallery();
  const [message] = await shadow(page, "#broken", ".fw-diag");
  assert.match(message, /„2018-13-01“ ist kein gültiges Datum/);
  assert.match(message, /participants\[0\]\.phases\[0\]\.start/);
  const [missing] = await shadow(page, "#errors foerderweg-occupancy", ".fw-diag");
  assert.match(missing, /HTTP-Status 404/);
  const log = await page.locator("#log li").allTextContents();
  // The broken phase is left out and named; the rest of the document is drawn.
  assert.ok(log.includes("foerderweg-ready von broken (1 Fehler, 0 Warnungen)"), log.join("\n"));
  await page.close();
});

test("a keyboard user reaches a participant and selects it", async () => {
  const { page } = await gallery();
  // Tab through the page until a row of the cohort has focus.
  let focused = "";
  for (let i = 0; i < 80 && !focused.startsWith("SDL-"); i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() =>
      document.activeElement?.id === "cohort"
        ? document.activeElement.shadowRoot.activeElement?.getAttribute("data-fw-select") ?? ""
        : "",
    );
  }
  assert.match(focused, /^SDL-\d{4}$/);
  const outline = await page.evaluate(() => {
    const el = document.activeElement.shadowRoot.activeElement;
    return getComputedStyle(el).outlineStyle;
  });
  assert.notEqual(outline, "none", "the focused row shows a focus outline");
  // Arrow down moves to the next row, Enter selects it and opens its path.
  await page.keyboard.press("ArrowDown");
  const next = await page.evaluate(() => document.getElementById("cohort").shadowRoot.activeElement?.getAttribute("data-fw-select"));
  assert.notEqual(next, focused);
  await page.keyboard.press("Enter");
  await page.waitForFunction((id) => [...document.querySelectorAll("#log li")].some((li) => li.textContent.includes(id)), next);
  await page.waitForFunction(() => document.getElementById("cohort").shadowRoot.querySelector(".fw-single"));
  await page.close();
});

test("axe-core finds no WCAG 2.1 A/AA violation on the gallery", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page } = await open(env, "/");
    await page.emulateMedia({ colorScheme });
    await settled(page);
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" > ")).join(", ")}`);
    });
    assert.deepEqual(violations, [], `${colorScheme}: ${violations.join("\n")}`);
    await page.close();
  }
});

test("English and German pages of the same data", async () => {
  const { page } = await gallery();
  assert.deepEqual(await shadow(page, "#example", ".fw-asof"), ["as of 2023-09-30"]);
  const labels = await shadow(page, "#example", ".fw-figure__label");
  assert.deepEqual(labels.slice(0, 5), ["Slots", "Projects", "Providers", "Filled", "Fill rate"]);
  await page.evaluate(() => document.getElementById("example").setAttribute("lang", "de"));
  await page.waitForFunction(
    () => document.getElementById("example").shadowRoot.querySelector(".fw-asof")?.textContent === "Stand 30.09.2023",
  );
  assert.deepEqual((await shadow(page, "#example", ".fw-figure__label")).slice(0, 5), [
    "Einsatzstellen",
    "Projekte",
    "Träger",
    "Besetzt",
    "Besetzungsquote",
  ]);
  await page.close();
});
