// How the package loads: the entry point defines the elements before any WebAssembly; a page
// with one kind of widget fetches only that widget's module; a page with several kinds one module
// of all three; a widget below the fold loads when it comes near the viewport (unless
// `loading="eager"`); mount(), setLabels() and data given before a module is there are not lost;
// a module that cannot load is named in the widget and in `foerderweg-error`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, hostPage } from "./helpers.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

const OCCUPANCY = readFileSync(new URL("../../www/data/occupancy-example.json", import.meta.url), "utf8");

/**
 * A page with `body`, the package imported by `script` (module code; `fw` is the package). It
 * records the requests made, errors and the widgets' events.
 */
async function page(body, script = "") {
  const p = await env.browser.newPage({ viewport: { width: 1000, height: 800 } });
  const seen = { requests: [], errors: [] };
  p.on("request", (r) => seen.requests.push(new URL(r.url()).pathname));
  p.on("console", (m) => m.type() === "error" && seen.errors.push(m.text()));
  p.on("pageerror", (e) => seen.errors.push(`pageerror: ${e}`));
  await hostPage(env, p, "/__loading/page.html", {
    title: "Laden",
    script: `
  window.events = [];
  for (const name of ["foerderweg-ready", "foerderweg-error"]) {
    document.addEventListener(name, (e) => window.events.push({ type: name, id: e.target.id, detail: e.detail }));
  }
  const fw = await import("/pkg/foerderweg.js");
  window.fw = fw;
  ${script}
  window.ready = true;`,
    body: `<main><h1>Laden</h1>${body}</main>`,
  });
  await p.waitForFunction(() => window.ready === true, null, { timeout: 20000 });
  return { page: p, seen };
}

const modulesFetched = (seen) =>
  [...new Set(seen.requests.filter((r) => r.startsWith("/pkg/modules/") && r.endsWith(".wasm")))].sort();
const eventOf = (p, id) =>
  p.waitForFunction((id) => window.events.find((e) => e.id === id), id, { timeout: 20000 }).then((h) => h.jsonValue());

test("the elements are defined on import, before any module; a page without widgets loads none", async () => {
  const { page: p, seen } = await page("", `window.defined = ["timeline", "occupancy", "map"].map((k) => !!customElements.get("foerderweg-" + k));`);
  assert.deepEqual(await p.evaluate(() => window.defined), [true, true, true]);
  await p.waitForTimeout(500);
  assert.deepEqual(modulesFetched(seen), [], "no module without a widget");
  assert.deepEqual(await p.evaluate(() => window.fw.loadedModules()), []);
  assert.deepEqual(seen.errors, []);
  await p.close();
});

test("a page with one occupancy dashboard loads only the occupancy module", async () => {
  const { page: p, seen } = await page(`<foerderweg-occupancy id="o" src="/data/occupancy-example.json"></foerderweg-occupancy>`);
  const event = await eventOf(p, "o");
  assert.equal(event.type, "foerderweg-ready");
  assert.deepEqual(modulesFetched(seen), ["/pkg/modules/occupancy_bg.wasm"]);
  assert.ok(await p.evaluate(() => !!document.getElementById("o").shadowRoot.querySelector(".fw-seg--filled")), "drawn");
  // The placeholder is gone once the widget draws: nothing but the widget in its box.
  const box = await p.evaluate(() => {
    const el = document.getElementById("o");
    return {
      pending: el.shadowRoot.querySelectorAll(".fw-pending").length,
      host: Math.round(el.getBoundingClientRect().height),
      widget: Math.round(el.shadowRoot.querySelector(".fw-mount").getBoundingClientRect().height),
    };
  });
  assert.equal(box.pending, 0, "no loading placeholder left");
  assert.ok(Math.abs(box.host - box.widget) <= 1, `the element is as tall as the widget (${box.host} vs ${box.widget})`);
  // No map: no geometry either.
  assert.ok(!seen.requests.some((r) => r.includes("/geo/")), seen.requests.join(" "));
  assert.deepEqual(seen.errors, []);
  await p.close();
});

test("a page that shows a timeline and a map loads one module, the one of all three", async () => {
  const { page: p, seen } = await page(
    `<foerderweg-timeline id="t" src="/data/timeline-stendal-path.json"></foerderweg-timeline>
     <foerderweg-map id="m" src="/data/map-regio-aktiv.json"></foerderweg-map>`,
  );
  assert.equal((await eventOf(p, "t")).type, "foerderweg-ready");
  assert.equal((await eventOf(p, "m")).type, "foerderweg-ready");
  assert.deepEqual(modulesFetched(seen), ["/pkg/modules/all_bg.wasm"]);
  assert.deepEqual(seen.errors, []);
  await p.close();
});

test("a widget below the fold loads and fetches its src when the visitor scrolls near it; eager at once", async () => {
  const { page: p, seen } = await page(
    `<div style="height: 4000px"></div>
     <foerderweg-occupancy id="lazy" src="/data/occupancy-stendal.json"></foerderweg-occupancy>
     <div style="height: 4000px"></div>
     <foerderweg-occupancy id="eager" loading="eager" src="/data/occupancy-example.json"></foerderweg-occupancy>`,
  );
  assert.equal((await eventOf(p, "eager")).type, "foerderweg-ready", "the eager widget loads at once");
  await p.waitForTimeout(500);
  assert.ok(!seen.requests.includes("/data/occupancy-stendal.json"), "the lazy widget's src is not fetched yet");
  assert.equal(await p.evaluate(() => document.getElementById("lazy").shadowRoot.querySelector(".fw-pending")?.getAttribute("role")), "status");
  // The place is held while the widget waits.
  assert.ok(await p.evaluate(() => document.getElementById("lazy").getBoundingClientRect().height >= 200));
  // Scroll with the wheel until it is near.
  for (let i = 0; i < 6; i++) {
    await p.mouse.move(500, 400);
    await p.mouse.wheel(0, 800);
    await p.waitForTimeout(100);
  }
  assert.equal((await eventOf(p, "lazy")).type, "foerderweg-ready");
  assert.ok(seen.requests.includes("/data/occupancy-stendal.json"));
  assert.deepEqual(modulesFetched(seen), ["/pkg/modules/occupancy_bg.wasm"]);
  assert.deepEqual(seen.errors, []);
  await p.close();
});

test("mount() answers at once; update, labels and destroy given before the module loaded are kept", async () => {
  const { page: p, seen } = await page(
    `<div id="a"></div><div id="b"></div>`,
    `window.rejected = fw.setLabels("de", { "occ.slots": "Plätze insgesamt (Test)" });
     window.handle = fw.mount(document.getElementById("a"), "occupancy", null, { lang: "de" });
     window.handle.update(${JSON.stringify(OCCUPANCY)});
     window.kind = window.handle.kind;
     const gone = fw.mount(document.getElementById("b"), "occupancy", ${JSON.stringify(OCCUPANCY)}, {});
     gone.destroy();`,
  );
  assert.equal(await p.evaluate(() => window.kind), "occupancy");
  assert.deepEqual(await p.evaluate(() => window.rejected), []);
  await p.evaluate(() => window.handle.ready);
  await p.waitForFunction(() => document.getElementById("a").shadowRoot?.querySelector(".fw-seg--filled"), null, { timeout: 20000 });
  const text = await p.evaluate(() => document.getElementById("a").shadowRoot.textContent);
  assert.ok(text.includes("Plätze insgesamt (Test)"), "the label set before the module loaded is shown");
  assert.equal(await p.evaluate(() => document.getElementById("b").shadowRoot?.querySelector(".fw-root") ?? null), null, "destroyed before it loaded: never drawn");
  assert.equal(await p.evaluate(() => window.fw.liveWidgets()), 1);
  const unknown = await p.evaluate(() => {
    try {
      window.fw.mount(document.body, "chart", null, {});
      return null;
    } catch (e) {
      return String(e.message);
    }
  });
  assert.match(unknown, /unknown kind/);
  assert.deepEqual(seen.errors, []);
  await p.close();
});

test("a module that cannot load is named in the widget and in foerderweg-error", async () => {
  const p = await env.browser.newPage();
  await p.route("**/pkg/modules/timeline_bg.wasm", (route) => route.fulfill({ status: 404, body: "gone" }));
  const seen = [];
  p.on("pageerror", (e) => seen.push(String(e)));
  await hostPage(env, p, "/__loading/broken.html", {
    lang: "en",
    title: "Broken",
    script: `
  document.addEventListener("foerderweg-error", (e) => (window.failed = e.detail));
  await import("/pkg/foerderweg.js");`,
    body: `<foerderweg-timeline id="t" src="/data/timeline-stendal-path.json"></foerderweg-timeline>`,
  });
  const detail = await p.waitForFunction(() => window.failed, null, { timeout: 20000 }).then((h) => h.jsonValue());
  assert.equal(detail.kind, "timeline");
  assert.equal(detail.diagnostics[0].code, "module");
  const shown = await p.evaluate(() => document.getElementById("t").shadowRoot.textContent);
  assert.match(shown, /could not be loaded/);
  assert.deepEqual(seen, []);
  await p.close();
});

test("a module that failed to load is tried again by the next widget that needs it", async () => {
  let fail = true;
  const p = await env.browser.newPage();
  await p.route("**/pkg/modules/occupancy_bg.wasm", (route) => (fail ? route.fulfill({ status: 503, body: "busy" }) : route.continue()));
  await hostPage(env, p, "/__loading/retry.html", {
    title: "Retry",
    script: `
  window.events = [];
  for (const name of ["foerderweg-ready", "foerderweg-error"]) document.addEventListener(name, (e) => window.events.push({ type: name, id: e.target.id }));
  window.fw = await import("/pkg/foerderweg.js");`,
    body: `<foerderweg-occupancy id="first" src="/data/occupancy-example.json"></foerderweg-occupancy>`,
  });
  await p.waitForFunction(() => window.events.some((e) => e.id === "first" && e.type === "foerderweg-error"), null, { timeout: 20000 });
  fail = false;
  await p.evaluate(() => {
    const el = document.createElement("foerderweg-occupancy");
    el.id = "second";
    el.src = "/data/occupancy-example.json";
    document.body.prepend(el);
  });
  await p.waitForFunction(() => window.events.some((e) => e.id === "second" && e.type === "foerderweg-ready"), null, { timeout: 20000 });
  await p.close();
});

test("a waiting widget loads when told loading=eager, and load() draws every waiting widget", async () => {
  const { page: p, seen } = await page(
    `<div style="height: 5000px"></div>
     <foerderweg-occupancy id="told" src="/data/occupancy-example.json"></foerderweg-occupancy>
     <div style="height: 5000px"></div>
     <foerderweg-timeline id="later" src="/data/timeline-stendal-path.json"></foerderweg-timeline>`,
  );
  await p.waitForTimeout(300);
  assert.deepEqual(await p.evaluate(() => window.events), [], "both wait below the fold");
  await p.evaluate(() => document.getElementById("told").setAttribute("loading", "eager"));
  assert.equal((await eventOf(p, "told")).type, "foerderweg-ready");
  assert.equal(await p.evaluate(() => window.events.some((e) => e.id === "later")), false);
  await p.evaluate(() => window.fw.load());
  assert.equal((await eventOf(p, "later")).type, "foerderweg-ready");
  // mount() into an element that cannot hold a shadow root: named in its event, nothing thrown.
  const detail = await p.evaluate(
    () =>
      new Promise((resolve) => {
        const input = document.createElement("input");
        input.id = "input";
        document.body.prepend(input);
        input.addEventListener("foerderweg-error", (e) => resolve(e.detail));
        window.fw.mount(input, "occupancy", null, {});
      }),
  );
  assert.equal(detail.diagnostics[0].code, "mount");
  assert.match(detail.diagnostics[0].message, /shadow root/);
  assert.deepEqual(seen.errors, []);
  await p.close();
});
