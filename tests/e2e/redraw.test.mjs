// Redraws while the keyboard focus is inside a widget: a language change, new labels or new data
// rebuild parts of a widget while one of its elements holds the focus. The browser then sends
// focusout and blur to elements that are being removed, and timers and frames queued by the old
// view run after it is gone. None of that may panic the module (one panic stops every widget on
// the page), and the widget must go on answering.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, hostPage } from "./helpers.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

const WIDGETS = [
  ["single", "foerderweg-timeline", "/data/timeline-jobperspektive.json"],
  ["path", "foerderweg-timeline", "/data/timeline-stendal-path.json"],
  ["cohort", "foerderweg-timeline", "/data/timeline-stendal-cohort.json"],
  ["occupancy", "foerderweg-occupancy", "/data/occupancy-example.json"],
  ["stendal", "foerderweg-occupancy", "/data/occupancy-stendal.json"],
  ["map", "foerderweg-map", "/data/map-sachsen.json"],
  ["regio", "foerderweg-map", "/data/map-regio-aktiv.json"],
];

/** What can take the keyboard focus inside a widget's shadow root, in DOM order. */
const FOCUSABLE =
  "button:not([disabled]), summary, a[href], select, input, textarea, [tabindex]:not([tabindex='-1'])";

/** A host page with one widget between two buttons; records errors, panics and events. */
async function host(tag, src) {
  const page = await env.browser.newPage({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  const seen = { errors: [] };
  page.on("console", (m) => m.type() === "error" && seen.errors.push(m.text()));
  page.on("pageerror", (e) => seen.errors.push(`pageerror: ${e}`));
  await hostPage(env, page, "/__redraw/host.html", {
    script: `
  import init, * as fw from "/pkg/foerderweg.js";
  await init();
  fw.defineElements();
  window.fw = fw;
  window.events = [];
  for (const name of ["foerderweg-ready", "foerderweg-error"]) {
    document.addEventListener(name, (e) => window.events.push(name));
  }
  const el = document.createElement(${JSON.stringify(tag)});
  el.id = "w";
  el.setAttribute("src", ${JSON.stringify(src)});
  document.querySelector("main").insertBefore(el, document.getElementById("after"));`,
    body: `<main><h1>Host</h1><button id="before">vorher</button>
<button id="after">nachher</button></main>`,
  });
  await page.waitForFunction(
    () => window.events?.includes("foerderweg-ready") && document.getElementById("w").shadowRoot.querySelector(".fw-root"),
    null,
    { timeout: 20000 },
  );
  // A map is ready once its geometry is drawn; the others may redraw once at the measured width.
  await page.waitForTimeout(300);
  return { page, seen };
}

/** The number of elements Tab can reach in the widget now (shown, not taken out of the order). */
const countFocusable = (page) =>
  page.evaluate(
    (sel) =>
      [...document.getElementById("w").shadowRoot.querySelectorAll(sel)].filter(
        (e) => e.tabIndex >= 0 && e.getClientRects().length > 0,
      ).length,
    FOCUSABLE,
  );

/**
 * Puts the focus on the widget's `index`-th focusable element the way a keyboard user gets
 * there: the one before it is focused, then Tab is pressed. Returns a description of what holds
 * the focus, or null when there is no such element any more.
 */
async function tabTo(page, index) {
  const ok = await page.evaluate(
    ([sel, i]) => {
      const list = [...document.getElementById("w").shadowRoot.querySelectorAll(sel)].filter(
        (e) => e.tabIndex >= 0 && e.getClientRects().length > 0,
      );
      if (i >= list.length) return false;
      (i === 0 ? document.getElementById("before") : list[i - 1]).focus();
      return true;
    },
    [FOCUSABLE, index],
  );
  if (!ok) return null;
  await page.keyboard.press("Tab");
  return page.evaluate(() => {
    const a = document.getElementById("w").shadowRoot.activeElement;
    return a ? `${a.localName}.${a.className?.baseVal ?? a.className}` : null;
  });
}

/** A panic or an uncaught exception, if the page saw one. */
const broken = (seen) => seen.errors.filter((e) => /internal error|unreachable|pageerror|RuntimeError/.test(e));

/** The widget still works: new data (in the other language) is drawn. */
async function answers(page) {
  await page.evaluate(() => {
    const el = document.getElementById("w");
    el.setAttribute("lang", "en");
    el.data = JSON.stringify({ schema: "nonsense" });
  });
  await page.waitForFunction(() => !!document.getElementById("w").shadowRoot.querySelector(".fw-panel--error"), null, {
    timeout: 5000,
  });
}

/**
 * Walks the focus through every element Tab reaches and, at each, redraws the widget three
 * ways: the language, the page's labels, and new data (the same document again, as a refresh
 * brings it).
 */
async function walk(page, seen, state) {
  const total = await countFocusable(page);
  assert.ok(total >= 2, `${state}: focusable elements (${total})`);
  const walked = [];
  for (let i = 0; i < Math.min(total, 40); i++) {
    const at = await tabTo(page, i);
    if (at === null) break;
    walked.push(at);
    const lang = i % 2 === 0 ? "en" : "de";
    await page.evaluate((lang) => document.getElementById("w").setAttribute("lang", lang), lang);
    await page.waitForTimeout(30);
    // A label change redraws every widget of the page, in the current language.
    await page.evaluate(() => window.fw.setLabels("de", { retry: "Nochmal laden" }));
    await page.evaluate(() => window.fw.setLabels("en", {}));
    await page.waitForTimeout(30);
    await page.evaluate(() => {
      const el = document.getElementById("w");
      el.data = window.doc;
    });
    await page.waitForTimeout(30);
    assert.deepEqual(broken(seen), [], `${state}: after focusing ${at} (element ${i + 1} of ${total}) and redrawing`);
  }
  assert.ok(walked.length >= 2, `${state}: walked ${walked.join(", ")}`);
}

/** Presses Enter on the first element matching `selector`, as a keyboard user opens it. */
async function enterOn(page, selector) {
  const found = await page.evaluate((s) => {
    const el = document.getElementById("w").shadowRoot.querySelector(s);
    el?.focus();
    return !!el;
  }, selector);
  if (found) {
    await page.keyboard.press("Enter");
    await page.waitForTimeout(100);
  }
  return found;
}

for (const [name, tag, src] of WIDGETS) {
  test(`${name}: language, labels and data change while each focusable element holds the focus`, async () => {
    const { page, seen } = await host(tag, src);
    await page.evaluate(async (src) => (window.doc = await (await fetch(src)).json()), src);
    await walk(page, seen, `${name}, as drawn`);
    // A record opened (a participant of the cohort, a provider of the dashboard), if there is one.
    if (await enterOn(page, ".fw-row, .fw-bar[tabindex], [data-fw-select][tabindex='0']")) {
      await walk(page, seen, `${name}, a record opened`);
    }
    // The table view, where the widget has one in this state.
    if (await enterOn(page, ".fw-toolbar button[aria-pressed], details.fw-table-view > summary")) {
      await walk(page, seen, `${name}, table view`);
    }
    await answers(page);
    assert.deepEqual(broken(seen), []);
    await page.close();
  });
}

test("after each export the focus is on the Export button; a redraw then does not panic", async () => {
  for (const [name, tag, src] of WIDGETS) {
    const { page, seen } = await host(tag, src);
    const kinds = await page.evaluate(() =>
      [...document.getElementById("w").shadowRoot.querySelectorAll("[data-fw-export]")].map((b) =>
        b.getAttribute("data-fw-export"),
      ),
    );
    assert.ok(kinds.includes("csv"), `${name} offers exports: ${kinds}`);
    for (const [i, kind] of kinds.entries()) {
      if (kind === "print") continue;
      // Open the menu with the keyboard and pick the entry with Enter.
      await page.evaluate(() => document.getElementById("w").shadowRoot.querySelector(".fw-menu__button").focus());
      await page.keyboard.press("Enter");
      const download = page.waitForEvent("download", { timeout: 5000 }).catch(() => null);
      await page.evaluate(
        (i) => document.getElementById("w").shadowRoot.querySelectorAll("[data-fw-export]")[i].focus(),
        i,
      );
      await page.keyboard.press("Enter");
      await download;
      const focused = await page.evaluate(() => document.getElementById("w").shadowRoot.activeElement?.className);
      assert.match(String(focused), /fw-menu__button/, `${name} ${kind}: the focus went back to the Export button`);
      for (const lang of ["en", "de"]) {
        await page.evaluate((lang) => document.getElementById("w").setAttribute("lang", lang), lang);
        await page.waitForTimeout(50);
      }
      await page.evaluate(() => window.fw.setLabels("de", {}));
      await page.waitForTimeout(50);
      assert.deepEqual(broken(seen), [], `${name}: redraw after the ${kind} export`);
    }
    await answers(page);
    assert.deepEqual(broken(seen), [], name);
    await page.close();
  }
});
