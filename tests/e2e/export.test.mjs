// What leaves the browser: each table view as CSV (compared with the figures the table view
// shows), each chart and the map as a standalone SVG (opened on its own, away from the widget)
// and as a PNG, and the print style (tables drawn, controls gone; screenshot in screenshots/).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, readThrough, SCREENSHOTS } from "./helpers.mjs";

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

async function gallery() {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(env.base + "/");
  await readThrough(page);
  await page.waitForFunction(() =>
    ["stendal", "saalekreis", "example", "map-regio", "jps", "cohort"].every((id) => {
      const root = document.getElementById(id)?.shadowRoot;
      return root?.querySelector(".fw-menu") && !root.querySelector(".fw-map-loading");
    }),
  );
  return { page, errors };
}

/** Opens the export menu of `#id` and clicks the entry `index`; resolves with the file. */
async function exported(page, id, index) {
  const host = page.locator(`#${id}`);
  await host.locator(".fw-menu > summary").click();
  const item = host.locator(".fw-menu__item").nth(index);
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 10000 }), item.click()]);
  const bytes = readFileSync(await download.path());
  return { name: download.suggestedFilename(), bytes, kind: await item.getAttribute("data-fw-export") };
}

async function entries(page, id) {
  return page.locator(`#${id} .fw-menu__item`).evaluateAll((items) =>
    items.map((b) => ({ kind: b.dataset.fwExport, label: b.textContent })),
  );
}

/** The table view `caption` of `#id` as the user reads it: head row, then body and foot rows. */
function tableView(page, id, caption) {
  return page.evaluate(
    ([id, caption]) => {
      const table = [...document.getElementById(id).shadowRoot.querySelectorAll("table")].find(
        (t) => t.caption?.textContent === caption,
      );
      if (!table) return null;
      const numeric = [...table.tHead.rows[0].cells].map((c) => c.classList.contains("fw-num"));
      return { numeric, rows: [...table.rows].map((r) => [...r.cells].map((c) => c.textContent)) };
    },
    [id, caption],
  );
}

/** RFC 4180 fields of a CSV text (quotes, doubled quotes, separators and line breaks inside). */
function parseCsv(text, sep) {
  const rows = [[]];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) rows.at(-1).push(field), (field = "");
    else if (ch === "\r" && text[i + 1] === "\n") rows.at(-1).push(field), (field = ""), rows.push([]), i++;
    else field += ch;
  }
  if (rows.at(-1).length === 0 && field === "") rows.pop();
  return rows;
}

/** The file name the widget gives a table: lower case, umlauts spelled out, words joined by `-`. */
function slug(title) {
  const spelled = title.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
  return spelled.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "") || "foerderweg";
}

/** Why a figure column's cell holds no final figure, as the CSV's status column says it. */
function statusOf(shown) {
  if (shown === "–") return "";
  const provisional = shown.match(/ \((vorläufig)\)$/);
  if (provisional) return provisional[1];
  return /^-?\d+(,\d+)?%?$/.test(germanCsvForm(shown)) ? "" : shown;
}

/**
 * The CSV lines a table view (`{numeric, rows}`) gives: a figure column holds only figures, and
 * one with a withheld, provisional or missing figure gets a status column after it.
 */
function csvOfView({ numeric, rows }) {
  const status = numeric.map((n, c) => n && rows.slice(1).some((r) => statusOf(r[c] ?? "") !== ""));
  return rows.map((r, i) =>
    r.flatMap((v, c) => {
      if (i === 0) return status[c] ? [v, `${v} (Status)`] : [v];
      if (!status[c]) return [germanCsvForm(v)];
      const why = statusOf(v);
      const figure = why === "vorläufig" ? germanCsvForm(v.replace(/ \(vorläufig\)$/, "")) : why ? "" : germanCsvForm(v);
      return [figure, why];
    }),
  );
}

/** A figure as the German table view writes it, turned into the German CSV form. */
function germanCsvForm(shown) {
  // No figure: a dash, or the words for a figure the data lacks; a figure column of the file
  // holds figures only (a spreadsheet reads it as numbers), so these are empty there.
  if (shown === "–" || shown === "keine Daten" || shown === "keine Angabe") return "";
  if (/^\d{2}\.\d{2}\.\d{4}$/.test(shown)) return shown;
  const m = shown.replace(/\u202f%$/, "%").replace(/\u00a0€$/, "");
  if (/^−?[\d.]+(,\d+)?%?$/.test(m)) return m.replaceAll(".", "").replace("−", "-");
  return shown;
}

test("each CSV export holds the figures of its table view, in German spreadsheet form", async () => {
  const { page, errors } = await gallery();
  const cases = [
    // [element, entries to check, how the table view is opened]
    ["stendal", null],
    ["saalekreis", null],
    ["map-sachsen", "table"],
    ["jps", "table"],
  ];
  let checked = 0;
  let offered = 0;
  for (const [id, open] of cases) {
    const list = await entries(page, id);
    offered += list.filter((e) => e.kind === "csv").length;
    const csvs = list.map((e, i) => [e, i]).filter(([e]) => e.kind === "csv");
    assert.ok(csvs.length >= 1, `${id} offers a CSV export`);
    if (open === "table") {
      // The table toggle of the toolbar.
      await page.locator(`#${id} .fw-toolbar button[aria-pressed]`).last().click();
    }
    await page.locator(`#${id} details.fw-table-view`).evaluateAll((ds) => ds.forEach((d) => (d.open = true)));
    for (const [, index] of csvs) {
      const file = await exported(page, id, index);
      assert.match(file.name, /^[a-z0-9-]+\.csv$/);
      assert.deepEqual([...file.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${file.name} starts with a BOM`);
      const text = file.bytes.subarray(3).toString("utf8");
      assert.ok(text.endsWith("\r\n"), "CRLF line ends");
      const rows = parseCsv(text, ";");
      const captions = await page.evaluate(
        (id) => [...document.getElementById(id).shadowRoot.querySelectorAll("table caption")].map((c) => c.textContent),
        id,
      );
      const caption = captions.find((c) => `${slug(c)}.csv` === file.name);
      assert.ok(caption, `${id}: a table view matches ${file.name}`);
      const shown = csvOfView(await tableView(page, id, caption));
      assert.equal(rows.length, shown.length, `${file.name}: as many lines as the table view has rows`);
      for (let r = 0; r < shown.length; r++) {
        assert.equal(rows[r].length, shown[r].length, `${file.name} line ${r + 1}: fields ${JSON.stringify(rows[0])}`);
        for (let c = 0; c < shown[r].length; c++) {
          assert.equal(rows[r][c], shown[r][c], `${file.name} line ${r + 1}, field ${c + 1}`);
        }
      }
      checked++;
    }
  }
  assert.equal(checked, offered, "every CSV offered is compared");
  assert.ok(checked >= 5, `${checked} CSV files compared`);
  // The published Stendal series: the file holds the figures as numbers a spreadsheet sums.
  const stendal = parseCsv((await exported(page, "stendal", 0)).bytes.subarray(3).toString("utf8"), ";");
  assert.deepEqual(stendal.find((r) => r[0] === "Besetzte Einsatzstellen"), ["Besetzte Einsatzstellen", "", "85", "94", "99", "108", "111"]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("English CSV: comma separator and decimal point", async () => {
  const { page } = await gallery();
  const list = await entries(page, "map-regio");
  const index = list.findIndex((e) => e.kind === "csv" && /Areas/.test(e.label));
  assert.ok(index >= 0, JSON.stringify(list));
  const file = await exported(page, "map-regio", index);
  const rows = parseCsv(file.bytes.subarray(3).toString("utf8"), ",");
  assert.deepEqual(rows[0].slice(0, 3), ["Area", "Key", "Programme region"]);
  assert.ok(rows.some((r) => r[1] === "15090" && r[0] === "Stendal"), "Stendal with its key");
  await page.close();
});

test("each chart and the map export as a standalone SVG and as a PNG", async () => {
  const { page, errors } = await gallery();
  const viewer = await context.newPage();
  let images = 0;
  for (const id of ["stendal", "map-sachsen", "jps", "cohort"]) {
    const list = await entries(page, id);
    for (const [index, entry] of list.entries()) {
      if (entry.kind !== "svg" && entry.kind !== "png") continue;
      const file = await exported(page, id, index);
      if (entry.kind === "png") {
        assert.equal(file.bytes.subarray(1, 4).toString("latin1"), "PNG", `${file.name} is a PNG`);
        const width = file.bytes.readUInt32BE(16);
        assert.ok(width >= 400, `${file.name}: ${width} px wide (drawn at twice the size)`);
        images++;
        continue;
      }
      const markup = file.bytes.toString("utf8");
      assert.match(markup, /^<\?xml/);
      assert.doesNotMatch(markup, /class=|var\(--|data-fw-|tabindex/, `${file.name} needs no stylesheet of the widget`);
      // Opened alone, as an image: it decodes, has its size and its own title.
      const opened = await viewer.evaluate(async (svg) => {
        const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
        const error = doc.querySelector("parsererror")?.textContent ?? null;
        const image = new Image();
        image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
        await image.decode();
        // Paint it and count pixels that are not the background: the chart is there.
        const canvas = document.createElement("canvas");
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const ctx = canvas.getContext("2d");
        ctx.drawImage(image, 0, 0);
        const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        const colours = new Set();
        for (let i = 0; i < data.length; i += 4 * 97) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
        return { error, width: image.naturalWidth, title: doc.querySelector("svg > title")?.textContent, colours: colours.size };
      }, markup);
      assert.equal(opened.error, null, `${file.name} is well-formed`);
      assert.ok(opened.width >= 300, `${file.name}: ${opened.width} px wide`);
      assert.ok(opened.title?.length > 0, `${file.name} has a title`);
      assert.ok(opened.colours >= 4, `${file.name} draws something (${opened.colours} colours)`);
      images++;
    }
  }
  assert.ok(images >= 10, `${images} images`);
  // The map's file has its legend and every area of the map.
  const map = await exported(page, "map-sachsen", (await entries(page, "map-sachsen")).findIndex((e) => e.kind === "svg"));
  const markup = map.bytes.toString("utf8");
  const areas = await page.evaluate(() => document.getElementById("map-sachsen").shadowRoot.querySelectorAll(".fw-unit[data-fw-select]").length);
  assert.equal((markup.match(/data-fw-select/g) || []).length, 0);
  assert.ok((markup.match(/<path/g) || []).length >= areas, "every area is in the file");
  assert.match(markup, /Wert unterdrückt/, "the legend travels with the map");
  assert.deepEqual(errors, []);
  await viewer.close();
  await page.close();
});

test("the menu is a keyboard disclosure: Enter opens, Escape closes and returns focus", async () => {
  const { page } = await gallery();
  await page.locator("#stendal .fw-menu > summary").focus();
  await page.keyboard.press("Enter");
  const open = () => page.evaluate(() => document.getElementById("stendal").shadowRoot.querySelector(".fw-menu").open);
  assert.equal(await open(), true);
  await page.keyboard.press("Tab");
  const focused = () => page.evaluate(() => document.getElementById("stendal").shadowRoot.activeElement?.className);
  assert.equal(await focused(), "fw-menu__item");
  await page.keyboard.press("Escape");
  assert.equal(await open(), false);
  assert.match(await focused(), /fw-menu__button/);
  await page.close();
});

test("print: tables drawn under the charts, no controls, A4 width", async () => {
  const { page } = await gallery();
  await page.setViewportSize({ width: 794, height: 1123 });
  const before = await page.evaluate(() => document.getElementById("map-regio").shadowRoot.querySelectorAll("table").length);
  assert.equal(before, 0, "the map shows no table until asked");
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  await page.waitForFunction(() => document.getElementById("map-regio").shadowRoot.querySelectorAll("table").length > 0);
  const state = await page.evaluate(() => {
    const of = (id) => document.getElementById(id).shadowRoot;
    const visible = (el) => !!el && getComputedStyle(el).display !== "none" && el.getBoundingClientRect().height > 0;
    return {
      mapTables: [...of("map-regio").querySelectorAll("table caption")].map((c) => c.textContent),
      mapShown: visible(of("map-regio").querySelector(".fw-map__svg")),
      toolbar: visible(of("map-regio").querySelector(".fw-toolbar")),
      menu: visible(of("stendal").querySelector(".fw-menu")),
      bars: visible(of("example").querySelector(".fw-table--bars")),
      single: visible(of("jps").querySelector(".fw-table--timeline")) && visible(of("jps").querySelector("svg.fw-timeline")),
    };
  });
  assert.deepEqual(state.mapTables, ["Programme regions", "Areas", "Locations"].filter((c) => state.mapTables.includes(c)));
  assert.ok(state.mapTables.includes("Areas"), JSON.stringify(state.mapTables));
  assert.equal(state.mapShown, true, "the map prints with its tables");
  assert.equal(state.toolbar, false, "no controls on paper");
  assert.equal(state.menu, false);
  assert.equal(state.bars, true, "the provider table prints");
  assert.equal(state.single, true, "a participant prints as chart and table");
  await page.locator("#map-regio").screenshot({ path: new URL("print-map.png", SCREENSHOTS).pathname });
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await page.emulateMedia({ media: "screen" });
  await page.waitForFunction(() => document.getElementById("map-regio").shadowRoot.querySelectorAll("table").length === 0);
  await page.close();
});
