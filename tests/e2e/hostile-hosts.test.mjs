// The widgets against real hosts' servers: refresh values that would flood a backend, a
// backend slower than `refresh`, a static server without Cache-Control, geometry that fails to
// load, a gzip bomb and answers larger than the size limit, charsets other than UTF-8, CORS
// refusals and redirects, and the host page's own mistakes (an element moved into an iframe,
// `mount()` twice, `Object.prototype.src`, a tag defined by another library, a removed `src`).
//
// The host page and the package are served by a server of this file (so that it can count
// requests, hold them open, send ETags and gzip); the demo server on another port is a second,
// cross-origin backend.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { gzipSync } from "node:zlib";
import { start } from "./helpers.mjs";

const ROOT = new URL("../../", import.meta.url);
const TYPES = { ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm", ".fwg": "application/octet-stream" };
const sample = (name) => readFileSync(new URL(`www/data/${name}`, ROOT), "utf8");
const OCCUPANCY = sample("occupancy-stendal.json");
const TIMELINE = sample("timeline-stendal-path.json");
const MAP = sample("map-regio-aktiv.json");
const titled = (title) => JSON.stringify({ ...JSON.parse(TIMELINE), title });
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * The host's server: `/host.html`, the package under `/pkg/`, and whatever `routes` (path →
 * handler) a test adds. Counts the requests per path, and those still open.
 */
async function hostServer() {
  const routes = new Map();
  const hits = new Map();
  const open = new Map();
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, "http://x").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    open.set(path, (open.get(path) ?? 0) + 1);
    response.on("close", () => open.set(path, open.get(path) - 1));
    const route = routes.get(path);
    if (route) return route(request, response);
    if (path === "/host.html" || path === "/csp-host.html") {
      const csp = path === "/csp-host.html"
        ? { "content-security-policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'" }
        : {};
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...csp });
      return response.end(`<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Host</title>
<link rel="icon" href="data:,">
<script type="module" src="/host.js"></script></head><body><main><h1>Host</h1></main></body></html>`);
    }
    if (path === "/host.js") {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
      return response.end(`import init, * as fw from "/pkg/foerderweg.js";
window.events = [];
for (const name of ["foerderweg-ready", "foerderweg-error"]) {
  document.addEventListener(name, (e) => window.events.push({ type: name, id: e.target.id, detail: e.detail }));
}
await init();
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
    open: (path) => open.get(path) ?? 0,
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

/**
 * A new page on the host's server (`/host.html`, or `/csp-host.html` under a strict CSP), with
 * the package loaded, recording errors, warnings and requests.
 */
async function newPage(path = "/host.html") {
  const page = await env.browser.newPage({ viewport: { width: 1000, height: 800 } });
  const seen = { errors: [], warnings: [], requests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") seen.errors.push(m.text());
    if (m.type() === "warning") seen.warnings.push(m.text());
  });
  page.on("pageerror", (e) => seen.errors.push(`pageerror: ${e}`));
  page.on("request", (r) => seen.requests.push(r.url()));
  await page.goto(host.base + path);
  await page.waitForFunction(() => window.ready === true, null, { timeout: 20000 });
  return { page, seen };
}

/** Adds `<foerderweg-KIND id=…>` with the given attributes to the page's main. */
function addElement(page, kind, id, attributes) {
  return page.evaluate(([kind, id, attributes]) => {
    window.fw.defineElements();
    const el = document.createElement(`foerderweg-${kind}`);
    el.id = id;
    // Many widgets below one another: each loads at once, not when scrolled to.
    el.setAttribute("loading", "eager");
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    document.querySelector("main").append(el);
  }, [kind, id, attributes]);
}

const shadow = (page, id, selector) =>
  page.evaluate(([id, s]) => document.getElementById(id)?.shadowRoot?.querySelector(s)?.textContent ?? null, [id, selector]);
const eventsOf = (page, id) => page.evaluate((id) => window.events.filter((e) => e.id === id), id);
const codes = (event) => [...(event.detail.diagnostics ?? []), ...(event.detail.warnings ?? [])].map((d) => d.code);
const json = (body, headers = {}) => (request, response) => {
  response.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  response.end(body);
};

// ---------------------------------------------------------------------------------------------
// Timers: a refresh of 25 days or more used to wrap to a negative delay, which browsers run at
// once, again and again.

test("refresh values a browser cannot time, and odd ones, never flood the backend", async () => {
  const { page, seen } = await newPage();
  const values = ["2200000", "1e12", "1e400", "-5", "0x10", " 7 ", "NaN", "Infinity", "", "5abc", "2147484"];
  values.forEach((_, i) => host.routes.set(`/count/${i}.json`, json(OCCUPANCY)));
  for (const [i, refresh] of values.entries()) {
    await addElement(page, "occupancy", `r${i}`, { refresh, src: `/count/${i}.json` });
  }
  // The property twin and a mount() option, as numbers.
  host.routes.set("/count/prop.json", json(OCCUPANCY));
  host.routes.set("/count/mount.json", json(OCCUPANCY));
  await page.evaluate(() => {
    const el = document.createElement("foerderweg-occupancy");
    el.loading = "eager";
    el.refresh = 1e12;
    el.src = "/count/prop.json";
    document.querySelector("main").append(el);
    const div = document.createElement("div");
    document.querySelector("main").append(div);
    window.fw.mount(div, "occupancy", null, { src: "/count/mount.json", refresh: 1e12 });
  });
  await sleep(3000);
  const counts = Object.fromEntries(values.map((v, i) => [JSON.stringify(v), host.hits(`/count/${i}.json`)]));
  counts.property = host.hits("/count/prop.json");
  counts.mount = host.hits("/count/mount.json");
  const expected = Object.fromEntries(Object.keys(counts).map((k) => [k, 1]));
  assert.deepEqual(counts, expected, "one request each in 3 s, whatever the refresh value");
  // What is not a number is named in the console, so a host sees why nothing refreshes.
  for (const odd of ["0x10", "NaN", "5abc"]) {
    assert.ok(seen.warnings.some((w) => w.includes(`refresh="${odd}"`)), `${odd}: ${JSON.stringify(seen.warnings)}`);
  }
  assert.deepEqual(seen.errors, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// Fetch state: one fetch at a time; a refresh that finds one in flight waits for it.

test("a backend slower than refresh: one request at a time, no error it did not cause, destroy() cancels", async () => {
  const { page, seen } = await newPage();
  let most = 0;
  host.routes.set("/slow.json", async (request, response) => {
    most = Math.max(most, host.open("/slow.json"));
    await sleep(7000);
    if (!response.destroyed) json(OCCUPANCY)(request, response);
  });
  await addElement(page, "occupancy", "slow", { lang: "en", refresh: "5", src: "/slow.json" });
  await sleep(12000);
  // 0 s: first fetch (answers at 7 s); 5 s: still in flight, so that tick waits; 10 s: second.
  assert.equal(most, 1, "never two requests in flight");
  assert.equal(host.open("/slow.json"), 1, "the second fetch is under way");
  assert.deepEqual((await eventsOf(page, "slow")).map((e) => [e.type, codes(e)]), [["foerderweg-ready", []]]);
  assert.equal(await shadow(page, "slow", ".fw-panel--error, .fw-stale"), null, "no error, no stale note");
  assert.ok((await shadow(page, "slow", ".fw-root")).includes("Stabilisierung"), "the data is drawn");
  await page.evaluate(() => document.getElementById("slow").remove());
  await sleep(500);
  assert.equal(host.open("/slow.json"), 0, "destroy() aborted the fetch in flight");
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("a removed src is a new source: the late answer is dropped and the refresh stops", async () => {
  const { page, seen } = await newPage();
  host.routes.set("/late.json", async (request, response) => {
    await sleep(1500);
    if (!response.destroyed) json(titled("Verspätet"))(request, response);
  });
  await addElement(page, "timeline", "late", { refresh: "5", src: "/late.json" });
  await sleep(200);
  assert.equal(host.open("/late.json"), 1);
  await page.evaluate(() => document.getElementById("late").removeAttribute("src"));
  await sleep(300);
  assert.equal(host.open("/late.json"), 0, "the fetch of the removed src was aborted");
  await sleep(5500);
  assert.equal(await shadow(page, "late", ".fw-title"), null, "the late answer is not drawn");
  assert.equal(host.hits("/late.json"), 1, "no refresh of a removed src");
  // The element also drops the note that it is loading.
  assert.equal(await shadow(page, "late", ".fw-status"), "Noch keine Daten.");
  assert.deepEqual(seen.errors, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// HTTP caching: a static server without Cache-Control; the widget revalidates every fetch.

test("refresh revalidates: an edited file shows, an unchanged one costs a 304, a deleted one is noticed", async () => {
  const { page } = await newPage();
  let version = 1;
  let deleted = false;
  let notModified = 0;
  const modified = new Date(Date.now() - 86400000).toUTCString();
  host.routes.set("/static.json", (request, response) => {
    if (deleted) return response.writeHead(404, { "content-type": "text/plain" }).end("gone");
    const etag = `"v${version}"`;
    if (request.headers["if-none-match"] === etag) {
      notModified += 1;
      return response.writeHead(304, { etag }).end();
    }
    // What a plain static server sends: validators, no Cache-Control.
    response.writeHead(200, { "content-type": "application/json", etag, "last-modified": modified });
    response.end(titled(`Version ${version}`));
  });
  await addElement(page, "timeline", "cached", { lang: "en", refresh: "5", src: "/static.json" });
  await page.waitForFunction(() => document.getElementById("cached").shadowRoot?.querySelector(".fw-title")?.textContent === "Version 1", null, { timeout: 5000 });
  await sleep(5600);
  assert.equal(host.hits("/static.json"), 2, "the refresh reached the server");
  assert.equal(notModified, 1, "and was answered with 304 Not Modified");
  version = 2;
  await page.waitForFunction(() => document.getElementById("cached").shadowRoot.querySelector(".fw-title")?.textContent === "Version 2", null, { timeout: 7000 });
  deleted = true;
  await page.waitForFunction(() => !!document.getElementById("cached").shadowRoot.querySelector(".fw-stale"), null, { timeout: 7000 });
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// Geometry that fails to load is an error, and reload() tries again.

test("a map whose geometry fails to load sends foerderweg-error, and its retry button fetches it again", async () => {
  let down = true;
  host.routes.set("/pkg/geo/districts.fwg", async (request, response) => {
    if (down) return response.writeHead(503, { "content-type": "text/plain" }).end("down");
    response.writeHead(200, { "content-type": "application/octet-stream" });
    response.end(await readFile(new URL("pkg/geo/districts.fwg", ROOT)));
  });
  try {
    const { page, seen } = await newPage();
    await page.evaluate((doc) => {
      window.fw.defineElements();
      const el = document.createElement("foerderweg-map");
      el.id = "geo";
      el.setAttribute("lang", "en");
      el.data = JSON.parse(doc);
      document.querySelector("main").append(el);
    }, MAP);
    await page.waitForFunction(() => window.events.some((e) => e.id === "geo"), null, { timeout: 10000 });
    await sleep(300);
    let events = await eventsOf(page, "geo");
    assert.deepEqual(events.map((e) => e.type), ["foerderweg-error"], JSON.stringify(events));
    assert.ok(codes(events[0]).includes("geometry-unavailable"), JSON.stringify(events[0]));
    assert.match(events[0].detail.diagnostics.find((d) => d.code === "geometry-unavailable").message, /503/);
    down = false;
    // The panel's own button, with the mouse, as a visitor retries.
    await page.locator("#geo .fw-status--error button[data-fw-action='retry']").click();
    await page.waitForFunction(() => window.events.some((e) => e.id === "geo" && e.type === "foerderweg-ready"), null, { timeout: 10000 });
    assert.ok(await page.evaluate(() => document.getElementById("geo").shadowRoot.querySelectorAll(".fw-unit").length > 0), "the map is drawn");
    assert.equal(host.hits("/pkg/geo/districts.fwg"), 2);
    assert.deepEqual(seen.errors.filter((e) => !/503|districts\.fwg/.test(e)), []);
    await page.close();
  } finally {
    host.routes.delete("/pkg/geo/districts.fwg");
  }
});

// ---------------------------------------------------------------------------------------------
// Size limit: a gzip bomb, a declared Content-Length, and the host's own `max-size`.

test("an answer larger than the size limit is not read: a gzip bomb, a Content-Length, max-size", async (t) => {
  const { page, seen } = await newPage();
  // 64 MB of JSON whitespace inflate from about 64 KB.
  const bomb = gzipSync(Buffer.alloc(64 * 2 ** 20, 0x20), { level: 9 });
  host.routes.set("/bomb.json", (request, response) => {
    response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": bomb.length, "cache-control": "no-store" });
    response.end(bomb);
  });
  let declaredClosed = false;
  host.routes.set("/declared.json", (request, response) => {
    response.on("close", () => (declaredClosed = !response.writableFinished));
    response.writeHead(200, { "content-type": "application/json", "content-length": 30_000_000, "cache-control": "no-store" });
    response.write("[" + " ".repeat(1000));
    // … and the rest much later, if ever.
  });
  host.routes.set("/small.json", json(OCCUPANCY));
  const memory = () => page.evaluate(() => window.fw.memoryBytes());
  const before = await memory();
  await addElement(page, "occupancy", "bomb", { lang: "en", src: "/bomb.json" });
  await addElement(page, "occupancy", "declared", { lang: "de", src: "/declared.json" });
  await addElement(page, "occupancy", "host", { lang: "en", "max-size": "0.001", src: "/small.json" });
  await page.evaluate(() => {
    const div = document.createElement("div");
    div.id = "mounted";
    document.querySelector("main").append(div);
    window.fw.mount(div, "occupancy", null, { src: "/small.json", lang: "en", maxSize: 0.001 });
  });
  const panel = (id) => page.waitForFunction((id) => document.getElementById(id).shadowRoot?.querySelector(".fw-panel--error")?.textContent, id, { timeout: 5000 }).then((h) => h.jsonValue());
  assert.match(await panel("bomb"), /more than 20 MB/);
  assert.match(await panel("declared"), /mehr als 20 MB/);
  assert.match(await panel("host"), /more than 0\.001 MB/);
  assert.match(await panel("mounted"), /more than 0\.001 MB/);
  const grown = (await memory()) - before;
  t.diagnostic(`wasm memory grew by ${(grown / 2 ** 20).toFixed(1)} MB for a 64 MB gzip bomb and three refused answers`);
  assert.ok(grown < 24 * 2 ** 20, `wasm memory grew by ${(grown / 2 ** 20).toFixed(1)} MB`);
  await sleep(200);
  assert.ok(declaredClosed, "the answer with a too large Content-Length was cancelled");
  const error = (await eventsOf(page, "bomb")).find((e) => e.type === "foerderweg-error");
  assert.deepEqual(codes(error), ["too-large"]);
  // The property twin; a larger limit and a reload draw the document.
  await page.evaluate(() => {
    const el = document.getElementById("host");
    el.maxSize = 1;
    el.reload();
  });
  assert.equal(await page.evaluate(() => document.getElementById("host").getAttribute("max-size")), "1");
  await page.waitForFunction(() => document.getElementById("host").shadowRoot.querySelector(".fw-title")?.textContent.includes("Stabilisierung"), null, { timeout: 5000 });
  assert.deepEqual(seen.errors.filter((e) => !/Failed to load resource/.test(e)), []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// Charsets: JSON is UTF-8; other declared charsets are decoded as declared, with a warning.

test("a backend that sends Latin-1 or windows-1252 is decoded as declared and warned about", async () => {
  const { page } = await newPage();
  const title = "Maßnahme „Übergänge“ für Träger";
  const bare = (t) => `{"schema":"foerderweg/timeline@1","title":"${t}","participants":[]}`;
  // windows-1252 has the German quotes at 0x84 and 0x93, where Latin-1 has control characters.
  const cp1252 = Buffer.from(bare(title).replace("„", "\u0001").replace("“", "\u0002"), "latin1").map((b) => (b === 1 ? 0x84 : b === 2 ? 0x93 : b));
  const send = (type, body) => (q, r) => { r.writeHead(200, { "content-type": type }); r.end(body); };
  host.routes.set("/latin1.json", send("application/json; charset=ISO-8859-1", Buffer.from(bare("Maßnahme für Träger"), "latin1")));
  host.routes.set("/cp1252.json", send('application/json;charset="windows-1252"', cp1252));
  host.routes.set("/undeclared.json", send("application/json", Buffer.from(bare("Maßnahme für Träger"), "latin1")));
  for (const id of ["latin1", "cp1252", "undeclared"]) await addElement(page, "timeline", id, { lang: "en", src: `/${id}.json` });
  await page.waitForFunction(() => ["latin1", "cp1252", "undeclared"].every((id) => window.events.some((e) => e.id === id)), null, { timeout: 5000 });
  assert.equal(await shadow(page, "latin1", ".fw-title"), "Maßnahme für Träger");
  assert.equal(await shadow(page, "cp1252", ".fw-title"), title);
  const [latin1] = await eventsOf(page, "latin1");
  assert.equal(latin1.type, "foerderweg-ready");
  assert.ok(codes(latin1).includes("charset"), JSON.stringify(latin1.detail));
  assert.match(latin1.detail.warnings.find((w) => w.code === "charset").message, /ISO-8859-1.*UTF-8/i);
  const [undeclared] = await eventsOf(page, "undeclared");
  assert.equal(undeclared.type, "foerderweg-ready");
  assert.ok(codes(undeclared).includes("invalid-utf8"), JSON.stringify(undeclared.detail));
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// CORS and redirects: say what happened where the browser lets us know.

test("a cross-origin src without CORS, a redirect loop and a redirect to a login page say so", async () => {
  const { page } = await newPage();
  let loops = 0;
  host.routes.set("/loop.json", (q, r) => { loops += 1; r.writeHead(302, { location: "/loop.json" }).end(); });
  host.routes.set("/expired.json", (q, r) => r.writeHead(302, { location: "/login.html" }).end());
  host.routes.set("/login.html", (q, r) => { r.writeHead(200, { "content-type": "text/html; charset=utf-8" }); r.end("<!doctype html><title>Anmeldung</title><form></form>"); });
  await addElement(page, "occupancy", "cors", { lang: "en", src: `${env.base}/data/occupancy-stendal.json` });
  await addElement(page, "occupancy", "corsde", { lang: "de", src: `${env.base}/data/occupancy-stendal.json` });
  await addElement(page, "occupancy", "loop", { lang: "en", src: "/loop.json" });
  await addElement(page, "occupancy", "expired", { lang: "en", src: "/expired.json" });
  const panel = (id) => page.waitForFunction((id) => document.getElementById(id).shadowRoot?.querySelector(".fw-panel--error")?.textContent, id, { timeout: 8000 }).then((h) => h.jsonValue());
  assert.match(await panel("cors"), new RegExp(`${env.base.replace(/\./g, "\\.")}.*CORS|CORS.*${env.base.replace(/\./g, "\\.")}`));
  assert.match(await panel("corsde"), /CORS/);
  assert.match(await panel("loop"), /redirect/i);
  assert.match(await panel("expired"), /\/login\.html/);
  const code = async (id) => codes((await eventsOf(page, id)).find((e) => e.type === "foerderweg-error"));
  assert.deepEqual(await code("cors"), ["cors"]);
  assert.deepEqual(await code("loop"), ["redirect"]);
  assert.ok((await code("expired")).includes("redirected"));
  assert.ok(loops < 50, `${loops} requests for the loop`);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// The host page's own mistakes.

test("an element moved into an iframe keeps its styles and throws nothing", async () => {
  const { page, seen } = await newPage();
  await page.evaluate(async (doc) => {
    window.fw.defineElements();
    const el = document.createElement("foerderweg-timeline");
    el.id = "moved";
    el.data = JSON.parse(doc);
    document.querySelector("main").append(el);
    const frame = document.createElement("iframe");
    frame.style.width = "900px";
    document.body.append(frame);
    await new Promise((r) => setTimeout(r, 100));
    frame.contentDocument.body.append(el);
    window.moved = el;
    const second = document.createElement("foerderweg-occupancy");
    second.data = JSON.parse(doc);
    frame.contentDocument.body.append(second);
    window.second = second;
  }, TIMELINE);
  await sleep(500);
  const state = await page.evaluate(() => [window.moved, window.second].map((el) => ({
    title: el.shadowRoot.querySelector(".fw-title")?.textContent ?? null,
    sheets: el.shadowRoot.adoptedStyleSheets.length,
    rules: el.shadowRoot.adoptedStyleSheets[0]?.cssRules.length ?? 0,
  })));
  assert.equal(state[0].title, JSON.parse(TIMELINE).title);
  assert.equal(state[0].sheets, 1);
  assert.ok(state[0].rules > 10);
  assert.equal(state[1].sheets, 1, "a second element in the iframe adopts the same sheet");
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("mount() twice on one element replaces the first widget", async () => {
  const { page, seen } = await newPage();
  const result = await page.evaluate(([a, b]) => {
    const div = document.createElement("div");
    document.querySelector("main").append(div);
    const before = window.fw.liveWidgets();
    const first = window.fw.mount(div, "timeline", a);
    const second = window.fw.mount(div, "timeline", b);
    first.update(a); // the replaced handle does nothing any more
    return new Promise((done) => setTimeout(() => done({
      live: window.fw.liveWidgets() - before,
      mounts: div.shadowRoot.querySelectorAll(".fw-mount").length,
      titles: [...div.shadowRoot.querySelectorAll(".fw-title")].map((t) => t.textContent),
      kind: second.kind,
    }), 300));
  }, [titled("Erste"), titled("Zweite")]);
  assert.deepEqual(result, { live: 1, mounts: 1, titles: ["Zweite"], kind: "timeline" });
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("options are read from the object itself, not from Object.prototype", async () => {
  const { page } = await newPage();
  host.routes.set("/polluted.json", json(OCCUPANCY));
  const result = await page.evaluate((doc) => {
    Object.prototype.src = "/polluted.json";
    Object.prototype.refresh = "5";
    Object.prototype.lang = "en";
    try {
      const div = document.createElement("div");
      document.querySelector("main").append(div);
      window.fw.mount(div, "timeline", doc, {});
      const other = document.createElement("div");
      document.querySelector("main").append(other);
      window.fw.mount(other, "timeline", doc, { theme: "dark" });
      return new Promise((done) => setTimeout(() => done(div.shadowRoot.querySelector(".fw-root")?.getAttribute("lang")), 300));
    } finally {
      delete Object.prototype.src;
      delete Object.prototype.refresh;
      delete Object.prototype.lang;
    }
  }, TIMELINE);
  assert.equal(host.hits("/polluted.json"), 0, "nothing fetched from the prototype's src");
  assert.equal(result, "de", "nor its lang taken");
  await page.close();
});

test("defineElements() names the tags another library defined, warns, and never throws", async () => {
  // Another library's script defines one of the tags before the package is imported (importing
  // it defines the elements).
  host.routes.set("/foreign.html", (request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    response.end(`<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Host</title>
<link rel="icon" href="data:,">
<script type="module">
  customElements.define("foerderweg-map", class extends HTMLElement {});
  const fw = await import("/pkg/foerderweg.js");
  window.result = { first: fw.defineElements(), again: fw.defineElements(), timeline: !!customElements.get("foerderweg-timeline") };
  window.ready = true;
</script></head><body><main><h1>Host</h1></main></body></html>`);
  });
  try {
    const { page, seen } = await newPage("/foreign.html");
    const result = await page.evaluate(() => window.result);
    assert.deepEqual(result, { first: ["foerderweg-map"], again: ["foerderweg-map"], timeline: true });
    assert.ok(seen.warnings.some((w) => w.includes("foerderweg-map") && /another/.test(w)), JSON.stringify(seen.warnings));
    assert.deepEqual(seen.errors, []);
    await page.close();
  } finally {
    host.routes.delete("/foreign.html");
  }
});

test("a mount()ed element taken out of the page without destroy() stops polling until it is back", async () => {
  const { page } = await newPage();
  host.routes.set("/parked.json", json(OCCUPANCY));
  await page.evaluate(() => {
    const div = document.createElement("div");
    div.id = "parked";
    document.querySelector("main").append(div);
    window.parked = div;
    window.fw.mount(div, "occupancy", null, { src: "/parked.json", refresh: 5 });
  });
  await page.waitForFunction(() => window.events.some((e) => e.id === "parked"), null, { timeout: 5000 });
  await page.evaluate(() => window.parked.remove());
  await sleep(5600);
  assert.equal(host.hits("/parked.json"), 1, "no refresh while out of the page");
  await page.evaluate(() => document.querySelector("main").append(window.parked));
  await sleep(5200);
  assert.equal(host.hits("/parked.json"), 2, "refreshing again once back");
  await page.close();
});

test("a cross-origin src that the page's own CSP blocks says so", async () => {
  const { page, seen } = await newPage("/csp-host.html");
  await addElement(page, "occupancy", "blocked", { lang: "en", src: `${env.base}/data/occupancy-stendal.json` });
  const text = await page.waitForFunction(() => document.getElementById("blocked").shadowRoot?.querySelector(".fw-panel--error")?.textContent, null, { timeout: 8000 }).then((h) => h.jsonValue());
  assert.match(text, /Content-Security-Policy/);
  assert.ok(text.includes(env.base), text);
  const [error] = await eventsOf(page, "blocked");
  assert.deepEqual(codes(error), ["csp"]);
  // The browser reports the violation itself; nothing else goes wrong.
  assert.deepEqual(seen.errors.filter((e) => !/Content Security Policy|Failed to load/.test(e)), []);
  await page.close();
});
