// Exports of data a host really has: names with control characters (a vertical tab from an
// Excel cell, U+0001, U+FFFE), and the chart exports asked for while the table view is shown.
// Every SVG must be a well-formed XML document, every PNG a picture, and a failure must say
// its true reason.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { start, hostPage, SCREENSHOTS } from "./helpers.mjs";

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

/** Characters XML 1.0 does not allow in a document, as they reach a name from spreadsheets. */
const CONTROLS = ["\u000b", "\u0001", "\u001f", "\ufffe", "\uffff", "\u000c"];

/** A page with one widget fed `doc`; resolves once it is drawn. */
async function host(tag, doc) {
  const page = await context.newPage();
  const seen = { errors: [] };
  page.on("console", (m) => m.type() === "error" && seen.errors.push(m.text()));
  page.on("pageerror", (e) => seen.errors.push(`pageerror: ${e}`));
  await hostPage(env, page, "/__export/host.html", {
    script: `
  import init, * as fw from "/pkg/foerderweg.js";
  await init();
  fw.defineElements();
  window.ready = false;
  document.addEventListener("foerderweg-ready", () => (window.ready = true));
  window.show = (tag, doc) => {
    const el = document.createElement(tag);
    el.id = "w";
    document.querySelector("main").append(el);
    el.data = doc;
  };
  window.loaded = true;`,
    body: `<main><h1>Host</h1></main>`,
  });
  await page.waitForFunction(() => window.loaded === true, null, { timeout: 20000 });
  await page.evaluate(([tag, doc]) => window.show(tag, doc), [tag, doc]);
  await page.waitForFunction(
    () => window.ready && document.getElementById("w").shadowRoot.querySelector(".fw-menu") &&
      !document.getElementById("w").shadowRoot.querySelector(".fw-map-loading"),
    null,
    { timeout: 20000 },
  );
  return { page, seen };
}

/** The export entries of the widget: `[{kind, label}]`. */
const entries = (page) =>
  page.locator("#w .fw-menu__item").evaluateAll((items) => items.map((b) => ({ kind: b.dataset.fwExport, label: b.textContent })));

/**
 * Picks export entry `index` with the mouse, as a user does. Resolves with the file, or with
 * the status line the widget shows when no file comes within 5 s.
 */
async function pick(page, index) {
  const w = page.locator("#w");
  await w.locator(".fw-menu > summary").click();
  const item = w.locator(".fw-menu__item").nth(index);
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 5000 }).catch(() => null), item.click()]);
  const status = await w.locator(".fw-menu__status").first().textContent();
  if (!download) return { status };
  return { status, name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** Parses `text` as XML in the page; null when well-formed, else the parser's complaint. */
const xmlError = (page, text) =>
  page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, "image/svg+xml");
    return doc.querySelector("parsererror")?.textContent ?? null;
  }, text);

/** The PNG's width and height from its IHDR chunk, or null if the bytes are not a PNG. */
function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) return null;
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

const json = (path) => JSON.parse(readFileSync(new URL(`../../www${path}`, import.meta.url), "utf8"));

/** The samples with every name given control characters in the middle. */
function dirty() {
  const occupancy = json("/data/occupancy-example.json");
  occupancy.programme.label = `Programm${CONTROLS.join("")}Altmark`;
  occupancy.providers.forEach((p, i) => (p.label = `Träger${CONTROLS[i % CONTROLS.length]}${i + 1}`));
  const timeline = json("/data/timeline-stendal-cohort.json");
  timeline.participants.slice(0, 8).forEach((p, i) => (p.label = `TN${CONTROLS[i % CONTROLS.length]}${i + 1}`));
  const map = json("/data/map-regio-aktiv.json");
  map.title = `REGIO${CONTROLS.join("")}AKTIV`;
  map.regions.forEach((r, i) => (r.label = `Gebiet${CONTROLS[i % CONTROLS.length]}${i + 1}`));
  return [
    ["foerderweg-occupancy", occupancy],
    ["foerderweg-timeline", timeline],
    ["foerderweg-map", map],
  ];
}

test("names with control characters: every SVG export is well-formed XML and every PNG a picture", async () => {
  for (const [tag, doc] of dirty()) {
    const { page, seen } = await host(tag, doc);
    const list = await entries(page);
    const images = list.map((e, i) => [e, i]).filter(([e]) => e.kind === "svg" || e.kind === "png");
    assert.ok(images.length >= 2, `${tag} offers chart exports`);
    for (const [entry, index] of images) {
      const file = await pick(page, index);
      assert.ok(file.bytes, `${tag}: "${entry.label}" gives a file (status: ${file.status})`);
      if (entry.kind === "svg") {
        const text = file.bytes.toString("utf8");
        assert.equal(await xmlError(page, text), null, `${tag}: ${file.name} is well-formed XML`);
        // Only what XML 1.0 allows: tab, line feed, carriage return and U+0020 upwards.
        assert.doesNotMatch(text, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/, `${tag}: ${file.name}`);
      } else {
        assert.ok(pngSize(file.bytes), `${tag}: ${file.name} is a PNG (status: ${file.status})`);
        assert.doesNotMatch(file.status, /Content-Security-Policy/, `${tag}: no CSP is blamed`);
      }
    }
    assert.deepEqual(seen.errors, [], tag);
    await page.close();
  }
});

test("chart exports asked for in the table view give the chart", async () => {
  const samples = [
    ["foerderweg-timeline", json("/data/timeline-stendal-cohort.json")],
    ["foerderweg-timeline", json("/data/timeline-stendal-path.json")],
    ["foerderweg-map", json("/data/map-sachsen.json")],
  ];
  for (const [tag, doc] of samples) {
    const { page, seen } = await host(tag, doc);
    // The table toggle of the toolbar, with the mouse.
    await page.locator("#w .fw-toolbar button[aria-pressed]").last().click();
    await page.waitForFunction(() => !!document.getElementById("w").shadowRoot.querySelector("table"));
    const list = await entries(page);
    for (const [entry, index] of list.map((e, i) => [e, i]).filter(([e]) => e.kind === "svg" || e.kind === "png")) {
      const file = await pick(page, index);
      assert.ok(file.bytes, `${tag}: "${entry.label}" in the table view gives a file (status: ${JSON.stringify(file.status)})`);
      if (entry.kind === "svg") {
        const text = file.bytes.toString("utf8");
        assert.equal(await xmlError(page, text), null);
        assert.match(text, /<(path|rect)\b/, `${tag}: ${file.name} holds the chart`);
      } else {
        writeFileSync(new URL(`export-table-view-${tag.slice(11)}-${file.name}`, SCREENSHOTS), file.bytes);
        const [w, h] = pngSize(file.bytes) ?? [0, 0];
        assert.ok(w > 100 && h > 50, `${tag}: ${file.name} is a picture of the chart (${w} × ${h})`);
      }
    }
    // Still in the table view afterwards.
    assert.ok(await page.evaluate(() => !!document.getElementById("w").shadowRoot.querySelector("table")));
    assert.deepEqual(seen.errors, [], tag);
    await page.close();
  }
});
