// Nothing lost when a page (or a framework) gets ahead of the package (issue 22): a `data`
// attribute that holds no JSON ("[object Object]", what React 19 and Vue write for an object on
// an element not yet defined) is named in the widget and in `foerderweg-error`, never shown as
// "no data yet"; JSON text in the attribute (the React 18 way) is the document; and whatever a
// page set on an element before the loader was imported is kept.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start } from "./helpers.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

/** A page on the demo origin without the package: each test imports it when it wants to. */
async function newPage() {
  const page = await env.browser.newPage({ viewport: { width: 1000, height: 800 } });
  const seen = { errors: [] };
  page.on("pageerror", (e) => seen.errors.push(`pageerror: ${e}`));
  const url = `${env.base}/__frameworks/loss.html`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Host</title>
<link rel="icon" href="data:,"></head><body><main id="main"></main></body></html>`,
    }),
  );
  await page.goto(url);
  return { page, seen };
}

/** What a person sees in the widget `id`, and the `foerderweg-error` codes it sent. */
const state = (page, id) =>
  page.evaluate((id) => {
    const el = document.getElementById(id);
    return {
      text: el.shadowRoot?.textContent ?? "",
      alert: el.shadowRoot?.querySelector("[part=error-panel]")?.textContent ?? null,
      svg: !!el.shadowRoot?.querySelector(".fw-mount svg.fw-svg, .fw-mount svg"),
      codes: window.codes?.[id] ?? [],
    };
  }, id);

test("a data attribute without JSON is named in the widget and in foerderweg-error", async () => {
  const { page, seen } = await newPage();
  await page.evaluate(async () => {
    window.codes = {};
    document.addEventListener("foerderweg-error", (e) => {
      (window.codes[e.target.id] ??= []).push(...e.detail.diagnostics.map((d) => d.code));
    });
    const main = document.getElementById("main");
    main.innerHTML = `
      <foerderweg-map id="object" loading="eager" data="[object Object]"></foerderweg-map>
      <foerderweg-timeline id="words" loading="eager" lang="en" data="participants.json"></foerderweg-timeline>`;
    await import("/pkg/foerderweg.js");
  });
  for (const [id, shown] of [
    ["object", /Attribut „data“.*\[object Object\].*element\.data = .*JSON-Text.*„src“/s],
    ["words", /“data” attribute.*participants\.json.*element\.data = .*JSON text.*“src”/s],
  ]) {
    await page.waitForFunction((id) => window.codes[id]?.length > 0, id, { timeout: 30000 });
    const now = await state(page, id);
    assert.deepEqual(now.codes, ["data-attribute"], `${id}: the event names the attribute`);
    assert.match(now.alert ?? "", shown, `${id}: the widget says what to do: ${now.text}`);
    assert.doesNotMatch(now.text, /Noch keine Daten|No data yet/, `${id}: not silence`);
  }
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("JSON text in the data attribute is drawn, and a newer attribute or property wins", async () => {
  const { page, seen } = await newPage();
  await page.evaluate(async () => {
    const doc = await (await fetch("/data/occupancy-stendal.json")).text();
    const el = document.createElement("foerderweg-occupancy");
    el.id = "text";
    el.setAttribute("loading", "eager");
    el.setAttribute("data", doc);
    document.getElementById("main").append(el);
    await import("/pkg/foerderweg.js");
  });
  await page.waitForFunction(() => document.getElementById("text").shadowRoot?.querySelector(".fw-mount svg"), null, {
    timeout: 30000,
  });
  assert.match((await state(page, "text")).text, /Stendal/);
  // A property set later wins over the attribute, and an attribute set later over the property.
  await page.evaluate(async () => {
    const el = document.getElementById("text");
    const doc = await (await fetch("/data/occupancy-saalekreis.json")).json();
    el.data = doc;
  });
  await page.waitForFunction(() => /Saalekreis/.test(document.getElementById("text").shadowRoot.textContent));
  await page.evaluate(() => document.getElementById("text").setAttribute("data", "[object Object]"));
  await page.waitForFunction(() => document.getElementById("text").shadowRoot.querySelector("[part=error-panel]"));
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("what was set on an element before the loader was imported is kept", async () => {
  const { page, seen } = await newPage();
  const got = await page.evaluate(async () => {
    const timeline = await (await fetch("/data/timeline-stendal-path.json")).json();
    // Made, and given everything, before the package is on the page.
    const a = document.createElement("foerderweg-timeline");
    Object.assign(a, { id: "a", lang: "en", data: timeline, headingLevel: 4, loading: "eager" });
    const b = document.createElement("foerderweg-occupancy");
    Object.assign(b, { id: "b", src: "/data/occupancy-stendal.json", refresh: 300, timeout: 20, maxSize: 5, paused: true });
    b.loading = "eager";
    const fw = await import("/pkg/foerderweg.js");
    // Labels before any module loaded.
    fw.setLabels("en", { "tl.show_table": "Rows, please" });
    document.getElementById("main").append(a, b);
    return { refresh: b.refresh, timeout: b.timeout, maxSize: b.maxSize, paused: b.paused, data: a.data === timeline };
  });
  assert.deepEqual(got, { refresh: "300", timeout: "20", maxSize: "5", paused: true, data: true });
  await page.waitForFunction(
    () => ["a", "b"].every((id) => document.getElementById(id).shadowRoot?.querySelector(".fw-mount svg")),
    null,
    { timeout: 30000 },
  );
  const a = await page.evaluate(() => {
    const root = document.getElementById("a").shadowRoot;
    return { heading: root.querySelector("h4")?.textContent ?? null, text: root.textContent };
  });
  assert.ok(a.heading, "heading-level 4 kept");
  assert.match(a.text, /Rows, please/, "the labels given before the module loaded");
  assert.match(a.text, /Back to the cohort/, "lang en kept");
  const b = await page.evaluate(() => {
    const el = document.getElementById("b");
    return { paused: el.paused, text: el.shadowRoot.textContent };
  });
  assert.equal(b.paused, true, "paused kept");
  assert.match(b.text, /Stendal/);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("a module's function called before the module is ready says what to do", async () => {
  const { page, seen } = await newPage();
  const message = await page.evaluate(async () => {
    const m = await import("/pkg/modules/all.js");
    try {
      m.defineElements();
      return "no error";
    } catch (error) {
      return String(error?.message ?? error);
    }
  });
  assert.match(message, /^foerderweg: the module is not ready: `await init\(\)`.* defineElements\(\)/);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("an option written in camelCase as an attribute before the element was defined is kept", async () => {
  // React and Vue write `maxSize={5}` or `:headingLevel="4"` on an element they do not know yet
  // as attributes, which HTML lowercases (`maxsize`, `headinglevel`): names no element observes.
  const { page, seen } = await newPage();
  const got = await page.evaluate(async () => {
    const doc = await (await fetch("/data/occupancy-stendal.json")).json();
    const el = document.createElement("foerderweg-occupancy");
    el.id = "camel";
    el.setAttribute("loading", "eager");
    el.setAttribute("maxSize", "5");
    el.setAttribute("headingLevel", "4");
    el.setAttribute("pauseOnFocus", "false");
    document.getElementById("main").append(el);
    await import("/pkg/foerderweg.js");
    el.data = doc;
    return { maxSize: el.maxSize, headingLevel: el.headingLevel, pauseOnFocus: el.pauseOnFocus };
  });
  assert.deepEqual(got, { maxSize: "5", headingLevel: "4", pauseOnFocus: "false" });
  await page.waitForFunction(() => document.getElementById("camel").shadowRoot?.querySelector(".fw-mount svg"), null, { timeout: 30000 });
  const heading = await page.evaluate(() => document.getElementById("camel").shadowRoot.querySelector("h4")?.textContent ?? null);
  assert.ok(heading, "heading-level 4 from headingLevel");
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("an object React 18 writes as data=\"[object Object]\" is drawn, and so is the next one", async () => {
  // React 18 writes every prop of a custom element as an attribute, also on a defined element,
  // and records the element's new props only after writing them. Done here in React 18's order
  // (its props key, the attribute, then the new props), without React 18 itself.
  const { page, seen } = await newPage();
  await page.evaluate(async () => {
    window.errors = 0;
    document.addEventListener("foerderweg-error", () => window.errors++);
    await import("/pkg/foerderweg.js");
    const [first, second] = await Promise.all(
      ["occupancy-stendal", "occupancy-example"].map(async (n) => (await fetch(`/data/${n}.json`)).json()),
    );
    window.second = second;
    const el = document.createElement("foerderweg-occupancy");
    el.id = "r18";
    el.setAttribute("loading", "eager");
    el.__reactProps$k3y = { data: first };
    el.setAttribute("data", String(first));
    document.getElementById("main").append(el);
  });
  await page.waitForFunction(() => /Stendal/.test(document.getElementById("r18").shadowRoot?.textContent ?? ""), null, {
    timeout: 30000,
  });
  await page.evaluate(() => {
    const el = document.getElementById("r18");
    // The next render: the attribute first, the props after, in one task.
    el.setAttribute("data", String(window.second));
    el.__reactProps$k3y = { data: window.second };
  });
  await page.waitForFunction(() => /Beispielprogramm/.test(document.getElementById("r18").shadowRoot.textContent), null, {
    timeout: 10000,
  });
  assert.equal(await page.evaluate(() => window.errors), 0, "no foerderweg-error on the way");
  assert.deepEqual(seen.errors, []);
  await page.close();
});
