// Accessibility beyond axe (issue 23), the cross-cutting findings: a refresh that can be
// paused (2), one live region per widget (15), hoverable tooltips that Escape closes (6), the
// export menu at 320 px (8), SVG text that follows the reader's font size (18), the focus
// after "Erneut laden" (4), and a keyboard-and-refresh walk of the Jobcenter example.
//
// Real input only (page.keyboard, page.mouse); the accessibility tree through CDP. The host
// page and the package are served by a server of this file, so that it can count requests and
// change or fail answers; the Jobcenter example is served by the demo server.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { start, open } from "./helpers.mjs";
import { focusState, fixture, sample } from "./a11y-lib.mjs";

const ROOT = new URL("../../", import.meta.url);
const TYPES = { ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm", ".fwg": "application/octet-stream" };
const sample_ = (name) => JSON.parse(readFileSync(new URL(`www/data/${name}`, ROOT), "utf8"));
const STENDAL = sample_("occupancy-stendal.json");
const PROVIDERS = sample_("occupancy-example.json");
const MAP = sample_("map-sachsen.json");
const PATH = sample_("timeline-stendal-path.json");
const REFRESH_MS = 5000; // the shortest refresh the widgets allow
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** The host's server: `/host.html`, `/pkg/…`, and `routes` (path → handler); counts requests. */
async function hostServer() {
  const routes = new Map();
  const hits = new Map();
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, "http://x").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (route) return route(request, response);
    if (path === "/host.html") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      return response.end(`<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Host</title>
<link rel="icon" href="data:,">
<script type="module" src="/host.js"></script></head><body><main><h1>Host</h1>
<p><button id="before" type="button">Vorher</button></p><div id="widgets"></div>
<p><button id="after" type="button">Nachher</button></p></main></body></html>`);
    }
    if (path === "/host.js") {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
      return response.end(`import init, * as fw from "/pkg/foerderweg.js";
window.events = [];
for (const name of ["foerderweg-ready", "foerderweg-error"]) {
  document.addEventListener(name, (e) => window.events.push({ type: name, id: e.target.id }));
}
await init();
fw.defineElements();
window.fw = fw;
window.ready = true;`);
    }
    if (path.startsWith("/pkg/") && !path.includes("..")) {
      try {
        const body = await readFile(new URL(path.slice(1), ROOT));
        response.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream", "cache-control": "no-store" });
        return response.end(body);
      } catch {}
    }
    response.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    routes,
    hits: (path) => hits.get(path) ?? 0,
    close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(done); }),
  };
}

let env;
let host;
before(async () => {
  env = await start();
  host = await hostServer();
});
after(async () => {
  await host?.close();
  await env?.close();
});

/** A new page on the host's server with the package loaded; console errors recorded. */
async function newPage(viewport = { width: 1000, height: 800 }) {
  const page = await env.browser.newPage({ viewport });
  const seen = { errors: [] };
  page.on("console", (m) => m.type() === "error" && seen.errors.push(m.text()));
  page.on("pageerror", (e) => seen.errors.push(`pageerror: ${e}`));
  await page.goto(host.base + "/host.html");
  await page.waitForFunction(() => window.ready === true, null, { timeout: 20000 });
  return { page, seen };
}

/**
 * Adds `<foerderweg-KIND id=…>` with `attributes` (and `data`, if given), and waits until it is
 * ready or failed.
 */
async function addElement(page, kind, id, attributes, data) {
  await page.evaluate(([kind, id, attributes, data]) => {
    const el = document.createElement(`foerderweg-${kind}`);
    el.id = id;
    el.setAttribute("loading", "eager");
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    if (data !== null) el.data = data;
    document.getElementById("widgets").append(el);
  }, [kind, id, attributes, data ?? null]);
  await page.waitForFunction((id) => window.events.some((e) => e.id === id), id, { timeout: 20000 });
}

/** A JSON route whose body is `body()` at each request (or a failure while `fail()`). */
const jsonRoute = (body, fail = () => false) => (request, response) => {
  if (fail()) return response.writeHead(503, { "content-type": "text/plain" }).end("down");
  response.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  response.end(JSON.stringify(body()));
};

/**
 * In the page: the live regions of widget `id` (role=status or aria-live) and the first one's
 * text. The first call tags that element; `same` says whether it is still the tagged one.
 */
function liveRegions(id) {
  const root = document.getElementById(id).shadowRoot;
  const regions = [...root.querySelectorAll("[role=status], [role=alert], [aria-live]")].filter(
    (el) => !el.closest(".fw-menu"),
  );
  const first = regions[0] ?? null;
  if (first && window.tagged?.[id] === undefined) {
    window.tagged ??= {};
    window.tagged[id] = first;
  }
  return {
    count: regions.length,
    text: first?.textContent.trim() ?? null,
    same: !!first && window.tagged?.[id] === first,
  };
}

/** The accessibility tree's nodes of role `role` (CDP), as `{name, ignored}`. */
async function axNodes(page, role) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  return nodes
    .filter((n) => n.role?.value === role)
    .map((n) => ({ name: n.name?.value ?? "", ignored: n.ignored }));
}

/** Presses Tab from the button before the widgets until `until(focusState)` (at most `max`). */
async function tabTo(page, id, until, max = 60) {
  await page.locator("#before").focus();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const s = await page.evaluate(focusState, id);
    if (until(s)) return s;
  }
  throw new Error(`${id}: Tab did not reach the control`);
}

const waitFor = async (what, cond, ms = 10000) => {
  const t0 = Date.now();
  for (;;) {
    const value = await cond();
    if (value) return value;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
};

// ---------------------------------------------------------------------------------------------
// 2 and 15: a refresh can be paused; it waits while the focus or the pointer is inside; one
// fetch when let go; new figures are said in the one live region, unchanged ones are not.

test("2/15: refresh pauses (button, API, focus, pointer), resumes with one fetch, says new figures", async () => {
  let version = 0;
  host.routes.set("/count/live.json", jsonRoute(() => {
    const doc = structuredClone(STENDAL);
    doc.series.at(-1).filled += version;
    return doc;
  }));
  const { page, seen } = await newPage();
  const hits = () => host.hits("/count/live.json");
  await addElement(page, "occupancy", "live", { src: "/count/live.json", refresh: "5" });
  const first = await page.evaluate(liveRegions, "live");
  assert.equal(first.count, 1, "one live region from the first render");

  // The pause button is there, by its name, in the accessibility tree.
  const buttons = (await axNodes(page, "button")).filter((b) => !b.ignored).map((b) => b.name);
  assert.ok(buttons.includes("Aktualisierung anhalten"), `a pause button: ${JSON.stringify(buttons)}`);

  // New figures: the refresh says so, quietly, in the same element.
  version = 1;
  const before1 = hits();
  await waitFor("the next refresh", () => hits() > before1, REFRESH_MS + 2000);
  const said = await waitFor("the message", async () => {
    const r = await page.evaluate(liveRegions, "live");
    return /^Zahlen aktualisiert \(Stand \d\d:\d\d:\d\d\)$/.test(r.text) && r;
  });
  assert.ok(said.same, "the live region is the element of the first render");
  // The same figures again: nothing new is said.
  const before2 = hits();
  await waitFor("a refresh", () => hits() > before2, REFRESH_MS + 2000);
  await sleep(300);
  const quiet = await page.evaluate(liveRegions, "live");
  assert.equal(quiet.text, said.text, "an unchanged refresh says nothing new");
  assert.ok(quiet.same);

  // The button, by keyboard: paused; the focus on it holds the refresh anyway, so the pointer
  // and the focus go elsewhere and still nothing is fetched.
  const onButton = await tabTo(page, "live", (s) => s.inner?.includes("fw-refresh-toggle"));
  assert.ok(onButton.ring, "the pause button shows a focus ring");
  await page.keyboard.press("Enter");
  await waitFor("the resume label", () =>
    page.evaluate(() => document.getElementById("live").shadowRoot.querySelector(".fw-refresh-toggle").textContent === "Aktualisierung fortsetzen"),
  );
  assert.equal(await page.evaluate(() => document.getElementById("live").paused), true, "el.paused after the button");
  await page.locator("#after").focus();
  version = 2;
  const paused = hits();
  await sleep(REFRESH_MS + 1000);
  assert.equal(hits(), paused, "no fetch while paused");
  // resume(): one fetch at once, not one per missed tick.
  await page.evaluate(() => document.getElementById("live").resume());
  await waitFor("the fetch on resume", () => hits() === paused + 1, 2000);
  await sleep(1500);
  assert.equal(hits(), paused + 1, "exactly one fetch on resume");
  assert.equal(await page.evaluate(() => document.getElementById("live").paused), false);

  // The focus inside (a bar of the chart, by Tab): held; Tab out: one fetch.
  const inside = await tabTo(page, "live", (s) => !!s.point);
  assert.ok(inside.point);
  const focused = hits();
  await sleep(REFRESH_MS + 1000);
  assert.equal(hits(), focused, "no fetch while the focus is inside the widget");
  await page.locator("#after").focus();
  await waitFor("the fetch once the focus left", () => hits() === focused + 1, 2000);

  // The pointer over the widget: held; away: one fetch.
  // (hover() scrolls the point into view and moves the mouse there.)
  await page.locator("#live").hover({ position: { x: 60, y: 60 } });
  const pointed = hits();
  await sleep(REFRESH_MS + 1000);
  assert.equal(hits(), pointed, "no fetch while the pointer is over the widget");
  await page.locator("#after").hover();
  await waitFor("the fetch once the pointer left", () => hits() === pointed + 1, 2000);

  // The paused attribute (the property sets it) and pause-on-focus="false".
  await page.evaluate(() => { document.getElementById("live").paused = true; });
  assert.equal(await page.evaluate(() => document.getElementById("live").hasAttribute("paused")), true);
  assert.equal(
    await page.evaluate(() => document.getElementById("live").shadowRoot.querySelector(".fw-refresh-toggle").textContent),
    "Aktualisierung fortsetzen",
    "the button shows the paused state the host set",
  );
  await page.evaluate(() => document.getElementById("live").removeAttribute("paused"));
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("15: one live region per widget, kept across redraws, says stale data, the provider and the map date", async () => {
  let down = false;
  host.routes.set("/live/providers.json", jsonRoute(() => PROVIDERS, () => down));
  const { page, seen } = await newPage();
  await addElement(page, "occupancy", "providers", { src: "/live/providers.json", refresh: "5" });
  await addElement(page, "map", "map", {}, MAP);
  await page.waitForFunction(() => document.getElementById("map").shadowRoot.querySelector(".fw-map__svg"), null, { timeout: 20000 });
  for (const id of ["providers", "map"]) {
    const r = await page.evaluate(liveRegions, id);
    assert.equal(r.count, 1, `${id}: exactly one live region, there from the first render`);
  }
  const statusNodes = await axNodes(page, "status");
  assert.ok(statusNodes.length >= 2, `status nodes in the accessibility tree: ${JSON.stringify(statusNodes)}`);

  // The backend fails: the stale note shows, and the region (the same element) says it.
  down = true;
  const stale = await waitFor("the stale message", async () => {
    const r = await page.evaluate(liveRegions, "providers");
    return r.text?.startsWith("Veraltete Daten") && r;
  }, REFRESH_MS + 3000);
  assert.ok(stale.same, "the same live region says the data are stale");
  assert.equal(stale.count, 1, "the stale note is no second live region");
  down = false;

  // A provider opened by keyboard: said in the region.
  const bar = await tabTo(page, "providers", (s) => s.inner?.startsWith("button.fw-bar"));
  await page.keyboard.press("Enter");
  const opened = await waitFor("the provider message", async () => {
    const r = await page.evaluate(liveRegions, "providers");
    return r.text && !r.text.startsWith("Veraltete") && r;
  });
  const provider = PROVIDERS.providers.find((p) => p.id === bar.select);
  assert.ok(opened.text.includes(provider.label), `names the provider: ${opened.text}`);
  assert.ok(opened.same);

  // The map's earlier day by keyboard (it opens on the latest): said in its region.
  await tabTo(page, "map", (s) => s.inner === "select.fw-select");
  await page.keyboard.press("ArrowUp");
  const dated = await waitFor("the date message", async () => {
    const r = await page.evaluate(liveRegions, "map");
    return r.text && r;
  });
  assert.match(dated.text, /^Stand der Zuordnung: /);
  assert.ok(dated.same);
  assert.deepEqual(seen.errors.filter((e) => !e.includes("503")), []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// 4: "Erneut laden" keeps the focus in the widget.

test("4: after Erneut laden the focus stays in the widget, on its new content", async () => {
  let failing = true;
  host.routes.set("/flaky.json", jsonRoute(() => PATH, () => failing));
  const { page, seen } = await newPage();
  await addElement(page, "timeline", "flaky", { src: "/flaky.json" });
  const retry = await tabTo(page, "flaky", (s) => s.inner === "button.fw-button");
  assert.ok(retry.where === "flaky");
  failing = false;
  const ready = () => page.evaluate(() => window.events.some((e) => e.id === "flaky" && e.type === "foerderweg-ready"));
  await page.keyboard.press("Enter");
  await waitFor("the drawn timeline", ready);
  await sleep(200);
  const after = await page.evaluate(focusState, "flaky");
  assert.equal(after.where, "flaky", `the focus is in the widget, not on the page's body: ${JSON.stringify(after)}`);
  assert.ok(after.inner, "on an element of the new content");
  assert.ok(after.ring, "with a visible focus ring");
  assert.deepEqual(seen.errors.filter((e) => !e.includes("503")), []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// 6: tooltips are hoverable and Escape closes them wherever the focus is.

test("6: a tooltip stays while the pointer moves onto it; Escape closes it with the focus outside", async () => {
  const { page, seen } = await newPage();
  await addElement(page, "occupancy", "tips", {}, STENDAL);
  await page.waitForFunction(() => document.getElementById("tips").shadowRoot.querySelector("[data-fw-point]"));
  const point = page.locator("#tips [data-fw-point]").nth(2);
  const p = await point.boundingBox();
  await page.mouse.move(p.x + p.width / 2, p.y + p.height / 2);
  const tooltip = page.locator("#tips .fw-tooltip");
  await tooltip.waitFor({ state: "visible", timeout: 2000 });
  const t = await tooltip.boundingBox();
  // From the point up onto the tooltip, in small steps (the way a hand moves a mouse).
  await page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 8 });
  await sleep(700);
  assert.equal(await tooltip.count(), 1, "the tooltip stays while the pointer is on it");
  // The focus is not in the widget (nothing on the page has it): Escape still closes it.
  const active = await page.evaluate(() => document.activeElement?.id || document.activeElement?.localName);
  assert.notEqual(active, "tips");
  await page.keyboard.press("Escape");
  await waitFor("the tooltip to close", async () => (await tooltip.count()) === 0, 1000);
  // Leaving a point for empty space closes its tooltip (after the short delay).
  await page.mouse.move(p.x + p.width / 2, p.y + p.height / 2);
  await tooltip.waitFor({ state: "visible", timeout: 2000 });
  await page.mouse.move(2, 2);
  await waitFor("the tooltip to go", async () => (await tooltip.count()) === 0, 2000);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// 8: the export menu fits a 320 px screen.

test("8: at 320 px every export menu item is inside the viewport and the widget, and takes the mouse", async () => {
  const { page, seen } = await fixture(env, [sample("occupancy"), sample("single"), sample("map")], {
    viewport: { width: 320, height: 640 },
  });
  const problems = [];
  for (const id of ["occupancy", "single", "map"]) {
    const summary = await tabTo(page, id, (s) => s.inner?.includes("fw-menu__button"), 200);
    assert.ok(summary);
    await page.keyboard.press("Enter");
    const items = page.locator(`#${id} .fw-menu__item`);
    await items.first().waitFor({ state: "visible" });
    const widget = await page.locator(`#${id}`).boundingBox();
    for (let i = 0; i < (await items.count()); i++) {
      const item = items.nth(i);
      await item.scrollIntoViewIfNeeded();
      const b = await item.boundingBox();
      const w = await page.locator(`#${id}`).boundingBox();
      const name = (await item.textContent()).trim();
      const vw = 320;
      if (b.x < 0 || b.x + b.width > vw + 0.5) problems.push(`${id} "${name}": outside the viewport (${b.x}..${b.x + b.width})`);
      if (b.x < w.x - 0.5 || b.x + b.width > w.x + w.width + 0.5 || b.y < w.y - 0.5 || b.y + b.height > w.y + w.height + 0.5) {
        problems.push(`${id} "${name}": outside the widget's box`);
      }
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
      const hovered = await item.evaluate((el) => el.matches(":hover"));
      if (!hovered) problems.push(`${id} "${name}": the mouse does not reach it`);
    }
    assert.ok(widget);
    await page.keyboard.press("Escape");
  }
  assert.deepEqual(problems, [], problems.join("\n"));
  assert.deepEqual(seen.errors, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// 18: SVG text follows a reader's larger default font size.

test("18: SVG text grows with the reader's default font size (a user stylesheet on html)", async () => {
  const { page, seen } = await fixture(env, [sample("occupancy"), sample("single"), sample("map")]);
  const sizes = () =>
    page.evaluate(() => {
      const out = {};
      for (const id of ["occupancy", "single", "map"]) {
        for (const text of document.getElementById(id).shadowRoot.querySelectorAll("svg text")) {
          const key = `${id} ${text.getAttribute("class") || text.parentElement.getAttribute("class") || "text"}`;
          out[key] ??= parseFloat(getComputedStyle(text).fontSize);
        }
      }
      return out;
    });
  const normal = await sizes();
  assert.ok(Object.keys(normal).length >= 5, `SVG texts found: ${Object.keys(normal)}`);
  // A reader who set 32 px as the browser's default: html's font size, from a stylesheet of
  // the reader's (adopted, as the host page's CSP refuses inline styles).
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync("html { font-size: 32px !important; }");
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const large = await sizes();
  const fixed = Object.keys(normal).filter((k) => !(large[k] >= normal[k] * 1.8));
  assert.deepEqual(fixed, [], `SVG text that keeps its size: ${fixed.map((k) => `${k} ${normal[k]}→${large[k]}px`).join(", ")}`);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// 10: German data in an English widget is marked as German.

/** Every text of a document a widget shows as it is: labels, titles, names, programmes. */
function dataTexts(doc) {
  const out = new Set();
  const visit = (v, key) => {
    if (typeof v === "string") {
      if (["label", "title", "name", "programme", "provider", "valueLabel"].includes(key) && /\p{L}{3}/u.test(v)) out.add(v.trim());
    } else if (Array.isArray(v)) v.forEach((x) => visit(x, key));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit(doc, "");
  return [...out];
}

test("10: in a lang=en widget every element showing German data text carries lang=de", async () => {
  const widgets = [sample("occupancy"), sample("cohort"), sample("map")].map((w) => ({ ...w, attrs: { lang: "en" } }));
  const { page, seen } = await fixture(env, widgets);
  const docs = {
    occupancy: sample_("occupancy-example.json"),
    cohort: sample_("timeline-stendal-cohort.json"),
    map: MAP,
  };
  const wrong = [];
  let checked = 0;
  for (const [id, doc] of Object.entries(docs)) {
    assert.equal(doc.lang ?? "de", "de");
    const found = await page.evaluate(([id, texts]) => {
      const root = document.getElementById(id).shadowRoot;
      const want = new Set(texts);
      const out = { wrong: [], checked: 0 };
      const langOf = (el) => el.closest("[lang]")?.getAttribute("lang");
      const name = (el) => `${el.localName}.${(el.getAttribute("class") ?? "").split(" ")[0]}`;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || el.closest("style, .fw-export-figure, [hidden]")) continue;
        const text = n.textContent.trim();
        if (!want.has(text)) continue;
        out.checked++;
        if (langOf(el) !== "de") out.wrong.push(`${name(el)} "${text}" (lang ${langOf(el)})`);
      }
      for (const el of root.querySelectorAll("[aria-label]")) {
        const text = el.getAttribute("aria-label").trim();
        if (!want.has(text)) continue;
        out.checked++;
        if (langOf(el) !== "de") out.wrong.push(`${name(el)}[aria-label] "${text}" (lang ${langOf(el)})`);
      }
      return out;
    }, [id, dataTexts(doc)]);
    checked += found.checked;
    // One line per kind of element, with an example.
    const kinds = new Map();
    for (const w of found.wrong) kinds.set(w.split(" ")[0], w);
    wrong.push(...[...kinds.values()].map((w) => `${id}: ${w}`));
  }
  assert.ok(checked >= 20, `data texts found in the widgets: ${checked}`);
  // The UI around them stays English.
  const ui = await page.evaluate(() => document.getElementById("occupancy").shadowRoot.querySelector(".fw-root").getAttribute("lang"));
  assert.equal(ui, "en");
  assert.deepEqual(wrong, [], wrong.join("\n"));
  assert.deepEqual(seen.errors, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// The Jobcenter example: a keyboard-and-refresh walk. The occupancy refreshes from its live
// endpoint every 5 s (pause-on-focus="false", or it would wait while the focus is in it), the
// cohort timeline gets new data from the page every 2.5 s; the focus is put on a chart point, a
// bar, a cohort row and a phase in turn and has to stay there through several refreshes. 60 s
// in all, 15 s a stop: the live figures refresh every 5 s, the cohort's data every 2.5 s.

const STOPS = {
  point: ["live", "a chart point", (s) => !!s.point],
  // The live programme has no providers: for its bars the same element refreshes the
  // example's provider endpoint instead.
  bar: ["live", "a provider bar", (s) => s.inner?.startsWith("button.fw-bar"), "/api/occupancy/providers"],
  row: ["cohort", "a cohort row", (s) => s.row !== null && s.row !== undefined],
  phase: ["cohort", "a phase", (s) => s.path?.includes(".phases[")],
};

test("walk: the Jobcenter example keeps the focus on a chart point, a bar, a cohort row and a phase through 60 s of refreshes and new data", async () => {
  await walkJobcenter([STOPS.point, STOPS.bar, STOPS.row, STOPS.phase], Number(process.env.FW_WALK_MS ?? 60000), 6);
});

test("1: new data for the cohort keeps the focused row's element: the focus never leaves it", async () => {
  const { page, seen } = await open(env, "/examples/jobcenter.html", { viewport: { width: 1100, height: 900 } });
  await page.waitForFunction(() => document.getElementById("cohort")?.shadowRoot?.querySelector(".fw-root [data-fw-row]"), null, { timeout: 20000 });
  const doc = await page.evaluate(async () => (await fetch("/api/timeline/cohort")).json());
  await page.evaluate(() => document.activeElement?.blur());
  const s = await tabInto(page, "cohort", (s) => s.row !== null && s.row !== undefined);
  assert.ok(s, "a cohort row is reached by keyboard");
  await page.keyboard.press("ArrowDown");
  await sleep(300);
  // Every focus change inside the widget is counted from here on; then the host sends a new
  // document three times (another title, the same participants).
  const result = await page.evaluate(async (doc) => {
    const root = document.getElementById("cohort").shadowRoot;
    const held = root.activeElement;
    const moves = [];
    root.addEventListener("focusout", (e) => moves.push(`${e.target.getAttribute("data-fw-row")} -> ${e.relatedTarget?.tagName ?? "nothing"}`));
    const bodies = [];
    const watch = setInterval(() => document.activeElement === document.body && bodies.push(performance.now()), 1);
    for (let n = 1; n <= 3; n++) {
      const next = structuredClone(doc);
      next.title = `${doc.title} (${n})`;
      document.getElementById("cohort").data = next;
      await new Promise((r) => setTimeout(r, 400));
    }
    clearInterval(watch);
    const title = root.querySelector(".fw-title")?.textContent;
    return { row: held?.getAttribute("data-fw-row"), same: root.activeElement === held, connected: held?.isConnected, moves, bodies: bodies.length, title };
  }, doc);
  assert.match(result.title ?? "", /\(3\)$/, "the new documents were drawn");
  assert.equal(result.row, "1", "the second row had the focus");
  assert.deepEqual(result.moves, [], "no focus change inside the widget");
  assert.equal(result.bodies, 0, "the focus was never on the page's body");
  assert.ok(result.same && result.connected, "the same row element keeps the focus");
  assert.deepEqual(seen.errors, []);
  await page.close();
});

/** The walk over `stops` (`[widget id, what, is(focusState), src?]`), `WALK_MS` in all. */
async function walkJobcenter(stops, WALK_MS, minChanges) {
  const { page, seen } = await open(env, "/examples/jobcenter.html", { viewport: { width: 1100, height: 900 } });
  await page.waitForFunction(
    () => ["cohort", "live"].every((id) => document.getElementById(id)?.shadowRoot?.querySelector(".fw-root [data-fw-select], .fw-root [data-fw-point]")),
    null,
    { timeout: 20000 },
  );
  let fetches = 0;
  page.on("request", (r) => r.url().includes("/api/occupancy/") && fetches++);
  await page.evaluate(() => document.getElementById("live").setAttribute("pause-on-focus", "false"));
  const cohortDoc = await page.evaluate(async () => (await fetch("/api/timeline/cohort")).json());
  // The page sets the cohort's data every 2.5 s, each time a little different.
  await page.evaluate((doc) => {
    let n = 0;
    window.feeds = 0;
    window.feeder = setInterval(() => {
      const next = structuredClone(doc);
      next.title = `${doc.title} (${++n})`;
      document.getElementById("cohort").data = next;
      window.feeds++;
      window.fedAt = performance.now();
    }, 2500);
  }, cohortDoc);

  const per = WALK_MS / stops.length;
  const lost = [];
  let refreshes = 0;
  for (const [id, what, is, src] of stops) {
    if (src) {
      await page.evaluate(([id, src]) => document.getElementById(id).setAttribute("src", src), [id, src]);
      await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector(".fw-bar"), id, { timeout: 10000 });
    }
    // Tab from the top of the page to the widget, then into it until the stop is reached;
    // for a phase, the row's Enter opens the participant and Tab goes on into its phases.
    await page.keyboard.press("Escape");
    await page.evaluate(() => document.activeElement?.blur());
    let s = await tabInto(page, id, is);
    if (!s) {
      lost.push(`${what}: not reached by keyboard`);
      continue;
    }
    // One step of the arrow keys, so the focus is on a record that is not the tab stop.
    if (what !== "a phase") {
      const next = await pressAnd(page, id, what.includes("row") || what.includes("bar") ? "ArrowDown" : "ArrowRight");
      if (is(next)) s = next;
    }
    let key = JSON.stringify([s.point, s.select, s.row, s.path]);
    const fetches0 = fetches;
    const feeds0 = await page.evaluate(() => window.feeds);
    const t0 = Date.now();
    while (Date.now() - t0 < per) {
      await sleep(250);
      const now = await page.evaluate(focusState, id);
      const nowKey = JSON.stringify([now.point, now.select, now.row, now.path]);
      if (now.where === id && nowKey !== key && (now.point || now.select || now.row || now.path)) {
        // The record itself may be gone with the new data (the live programme starts over at
        // its first reporting date every 30 s): then the focus is to stay on a record of the
        // same drawing, which it did; the walk goes on from there.
        const gone = await page.evaluate(
          ([id, s]) => {
            const root = document.getElementById(id).shadowRoot;
            const sel = s.point ? `.${s.point.split("#")[0].trim().split(/\s+/).join(".")} [data-fw-point="${s.point.split("#").pop()}"]` : s.select ? `[data-fw-select="${s.select}"]` : s.row ? `[data-fw-row="${s.row}"]` : `[data-fw-path="${s.path}"]`;
            return !root.querySelector(sel);
          },
          [id, JSON.parse(key).reduce((o, v, i) => ({ ...o, [["point", "select", "row", "path"][i]]: v }), {})],
        );
        if (gone) {
          key = nowKey;
          continue;
        }
      }
      if (now.where !== id || nowKey !== key) {
        const since = await page.evaluate(() => Math.round(performance.now() - (window.fedAt ?? 0)));
        lost.push(`${what}: the focus moved from ${key} to ${now.where} ${nowKey} (${since} ms after new data, ${fetches - fetches0} fetches)`);
        break;
      }
    }
    const fetched = fetches - fetches0;
    const fed = (await page.evaluate(() => window.feeds)) - feeds0;
    refreshes += id === "live" ? fetched : fed;
    if (!(id === "live" ? fetched >= 1 : fed >= 2)) lost.push(`${what}: the data did not change meanwhile (${fetched} fetches, ${fed} feeds)`);
  }
  await page.evaluate(() => clearInterval(window.feeder));
  assert.deepEqual(lost, [], lost.join("\n"));
  assert.ok(refreshes >= minChanges, `several refreshes or new data during the walk (${refreshes})`);
  assert.deepEqual(seen.errors, []);
  await page.close();
}

/** Tab from the page's start into widget `id` until `is(focusState)`. */
async function tabInto(page, id, is, max = 150) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const s = await page.evaluate(focusState, id);
    if (s.where === id && is(s)) return s;
    // A cohort row: Enter opens the participant, whose phases come next.
    if (s.where === id && s.row !== null && s.row !== undefined && !is(s)) {
      await page.keyboard.press("Enter");
      await sleep(300);
    }
  }
  return null;
}

async function pressAnd(page, id, key) {
  const before = await page.evaluate(focusState, id);
  await page.keyboard.press(key);
  for (let i = 0; i < 20; i++) {
    const s = await page.evaluate(focusState, id);
    if (JSON.stringify(s) !== JSON.stringify(before)) return s;
    await sleep(25);
  }
  return before;
}
