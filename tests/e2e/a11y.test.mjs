// Accessibility to WCAG 2.1 AA as people meet it: axe-core on every page of www/ and on every
// state of every widget (reached by clicking the real controls) in the light, dark and
// automatic-dark themes; a keyboard-only walk through every interactive mark; the contrast of
// every colour of the palette, and the categorical palettes under simulated colour-vision
// deficiencies; forced colours (Windows high contrast), 320 px (reflow, SC 1.4.10) and 200 %
// zoom, with screenshots in tests/e2e/screenshots/a11y-*.png.
//
// Widget fixtures are built inside /examples/mount.html: a real host page under the strict
// CSP that has already loaded the package, whose body is replaced by the widgets under test
// between two buttons (so that Tab can enter and leave each widget).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { start, open, SCREENSHOTS } from "./helpers.mjs";
import * as lib from "./a11y-lib.mjs";
import {
  SAMPLES, sample, BROKEN, axe, theme, walk, pressAndWait, parse, over, hex, contrast,
  simulate, lab, deltaE, VISIONS, DISTINCT, palette,
} from "./a11y-lib.mjs";

const WWW = new URL("../../www/", import.meta.url);

let env;
before(async () => (env = await start()));
after(async () => env?.close());
const fixture = (widgets, options) => lib.fixture(env, widgets, options);

const shot = (page, selector, name) =>
  page.locator(selector).screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname });


// ---------------------------------------------------------------------------------------------
// 1. axe-core

/** Every HTML page of www/ except the bench pages, as paths on the demo server. */
function pages() {
  const list = (dir) =>
    existsSync(new URL(dir, WWW))
      ? readdirSync(new URL(dir, WWW))
          .filter((f) => f.endsWith(".html"))
          .map((f) => `/${dir}${f === "index.html" ? "" : f}`)
      : [];
  return [...list(""), ...list("examples/"), ...list("playground/")];
}

/** Waits until the page's widgets (custom elements and mount() containers) are drawn. */
async function settledPage(page) {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll("*")]
        .filter((el) => el.shadowRoot?.querySelector(".fw-root"))
        // A custom element that was given no data at all waits by design (the gallery's
        // "large cohort" before its button is pressed).
        .filter((el) => !(el.localName.startsWith("foerderweg-") && !el.hasAttribute("src") && !el.querySelector("script") && el.data === undefined))
        .every((el) => !el.shadowRoot.querySelector(".fw-status:not(.fw-status--error)")),
    null,
    { timeout: 20000 },
  );
}

test("axe-core: no WCAG 2.1 A/AA violation on any page of www/ (light and dark colour scheme)", async () => {
  const paths = pages();
  assert.ok(paths.includes("/") && paths.some((p) => p.startsWith("/examples/")), paths.join(" "));
  assert.ok(!paths.some((p) => p.includes("bench")));
  const found = [];
  for (const path of paths) {
    const { page } = await open(env, path);
    for (const colorScheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme });
      await settledPage(page);
      for (const v of await axe(page)) found.push(`${path} ${colorScheme}: ${v}`);
    }
    await page.close();
  }
  assert.deepEqual(found, [], found.join("\n"));
});

test("axe-core: no violation in any widget state, in light, dark and automatic dark themes", async () => {
  const widgets = [
    sample("single"),
    sample("path", { attrs: { lang: "en" } }),
    sample("cohort"),
    { ...sample("cohort"), id: "cohort-open" },
    sample("occupancy"),
    sample("stendal"),
    sample("saalekreis"),
    sample("map"),
    sample("mentoren"),
    sample("regio"),
    ...BROKEN,
  ];
  const { page, seen } = await fixture(widgets, { viewport: { width: 1100, height: 900 } });
  const has = (id, selector) =>
    page.evaluate(([id, s]) => !!document.getElementById(id).shadowRoot.querySelector(s), [id, selector]);
  const found = [];
  const scan = async (state) => {
    for (const t of ["light", "dark", "auto-dark"]) {
      await theme(page, t);
      for (const v of await axe(page)) found.push(`${state}, ${t}: ${v}`);
    }
  };

  // State 1: charts as drawn, the error panels, and a tooltip open on the first phase.
  for (const kind of ["timeline", "occupancy", "map"]) assert.ok(await has(`broken-${kind}`, ".fw-panel--error"));
  await page.locator(`#single .fw-phase`).first().focus();
  assert.ok(await has("single", ".fw-plot .fw-tooltip"), "the tooltip is open");
  await scan("charts, error panels, tooltip");

  // State 2: every table view, through the controls a user clicks.
  for (const id of ["single", "path", "cohort"]) {
    await page.locator(`#${id} .fw-toolbar[role=toolbar] button[aria-pressed]`).click();
    await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector(".fw-table"), id);
  }
  for (const id of ["occupancy", "stendal", "saalekreis"]) {
    for (const summary of await page.locator(`#${id} details.fw-table-view > summary`).all()) await summary.click();
    const open = await page.evaluate(
      (id) => [...document.getElementById(id).shadowRoot.querySelectorAll("details.fw-table-view")].map((d) => d.open),
      id,
    );
    assert.ok(open.every(Boolean), `${id}: every <details> table is open (${open})`);
  }
  for (const id of ["map", "mentoren", "regio"]) {
    const toggle = page.locator(`#${id} .fw-toolbar button[aria-pressed]`);
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    assert.ok(await has(id, ".fw-table--areas"), `${id} shows its table`);
  }
  // A provider opened to its projects, and a cohort row opened to its single view.
  await page.locator(`#occupancy .fw-bar[title]`).first().click();
  await page.waitForFunction(() =>
    document.getElementById("occupancy").shadowRoot.querySelector(".fw-bar[data-fw-kind=project]"),
  );
  await page.locator(`#cohort-open .fw-row`).first().click();
  await page.waitForFunction(() => document.getElementById("cohort-open").shadowRoot.querySelector(".fw-single"));
  await scan("table views, projects, a participant opened from the cohort");

  assert.deepEqual(found, [], found.join("\n"));
  assert.deepEqual(seen.errors, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// 2. Keyboard only


test("keyboard: every phase and marker of a single timeline is a Tab stop, Escape closes its tooltip", async () => {
  const { page, seen } = await fixture([sample("single")]);
  const expected = await page.evaluate(() =>
    [...document.getElementById("single").shadowRoot.querySelectorAll(".fw-plot [tabindex='0']")].map(
      (e) => `path:${e.getAttribute("data-fw-path")}`,
    ),
  );
  assert.ok(expected.length >= 5, expected.join(" "));
  let escaped = false;
  const reached = await walk(page, "single", async (s, walked, reached, all, state) => {
    if (!s.path) return;
    assert.ok(s.tooltip, `${s.path}: its tooltip opens on focus`);
    if (!escaped) {
      await page.keyboard.press("Escape");
      assert.equal((await state()).tooltip, false, "Escape closes the tooltip");
      escaped = true;
    }
  });
  assert.ok(escaped);
  assert.deepEqual([...reached].sort(), expected.sort(), "every mark reached by keyboard");
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("keyboard: the cohort has one Tab stop and the arrows reach every participant", async () => {
  const { page, seen } = await fixture([sample("cohort")]);
  const ids = await page.evaluate(async (src) => (await (await fetch(src)).json()).participants.map((p) => p.id), SAMPLES.cohort[1]);
  const rowsInDom = await page.evaluate(() => document.getElementById("cohort").shadowRoot.querySelectorAll(".fw-row").length);
  assert.ok(rowsInDom < ids.length, "virtualised: fewer rows in the DOM than participants");
  let rowStops = 0;
  const reached = await walk(page, "cohort", async (s, walked, reached, all) => {
    if (s.row === null || s.row === undefined) return;
    rowStops++;
    if (walked.has("rows")) return;
    walked.add("rows");
    assert.equal(s.row, "0", "the list's Tab stop is its first row");
    // ArrowDown to the end, one row at a time.
    let at = s;
    for (let i = 0; i < ids.length + 5; i++) {
      const next = await pressAndWait(page, "cohort", "ArrowDown", at, 400, (n) => Number(n.row) === Number(at.row) + 1);
      if (next.row === at.row) break;
      assert.equal(Number(next.row), Number(at.row) + 1);
      reached.add(`select:${next.select}`);
      all.push(next);
      at = next;
    }
    assert.equal(Number(at.row), ids.length - 1, "ArrowDown reaches the last row");
    const first = await pressAndWait(page, "cohort", "Control+Home", at, 1000, (n) => n.row === "0");
    assert.equal(first.row, "0", "Ctrl+Home goes back to the first row");
    const last = await pressAndWait(page, "cohort", "End", first, 1000, (n) => Number(n.row) === ids.length - 1);
    assert.equal(Number(last.row), ids.length - 1, "End goes to the last row");
    all.push(first, last);
  });
  assert.equal(rowStops, 1, "one Tab stop for all rows");
  const rows = [...reached].filter((k) => k.startsWith("select:")).map((k) => k.slice(7));
  assert.deepEqual(rows.sort(), [...ids].sort(), "every participant reached by keyboard");
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("keyboard: every point of the occupancy charts and every bar, arrows within a chart, Escape", async () => {
  const { page, seen } = await fixture([sample("occupancy")]);
  const expected = await page.evaluate(() => {
    const root = document.getElementById("occupancy").shadowRoot;
    return [
      ...[...root.querySelectorAll("[data-fw-point]")].map(
        (e) => `point:${e.closest(".fw-chart").className}#${e.getAttribute("data-fw-point")}`,
      ),
      ...[...root.querySelectorAll(".fw-bar[data-fw-select]")].map((e) => `select:${e.getAttribute("data-fw-select")}`),
    ];
  });
  assert.ok(expected.filter((k) => k.startsWith("point:")).length >= 10);
  assert.ok(expected.filter((k) => k.startsWith("select:")).length >= 2);
  const chartStops = [];
  const reached = await walk(page, "occupancy", async (s, walked, reached, all, state) => {
    if (!s.point) return;
    const chart = s.point.split("#")[0];
    chartStops.push(chart);
    if (walked.has(chart)) return;
    walked.add(chart);
    assert.ok(s.tooltip, `${chart}: the tooltip opens on focus`);
    // Each line: Home, then ArrowRight to its end; ArrowDown to the next line. End too.
    let at = s;
    for (let line = 0; line < 10; line++) {
      at = await pressAndWait(page, "occupancy", "Home", at, 50);
      reached.add(`point:${at.point}`);
      for (let i = 0; i < 100; i++) {
        const next = await pressAndWait(page, "occupancy", "ArrowRight", at, 50);
        if (next.point === at.point) break;
        reached.add(`point:${next.point}`);
        all.push(next);
        at = next;
      }
      const end = await pressAndWait(page, "occupancy", "End", at, 50);
      assert.equal(end.point, at.point, "End is the last point of the line");
      const down = await pressAndWait(page, "occupancy", "ArrowDown", at, 50);
      if (down.point === at.point) break;
      all.push(down);
      at = down;
    }
    assert.ok(at.tooltip, "arrow keys show the point's tooltip");
    await page.keyboard.press("Escape");
    assert.equal((await state()).tooltip, false, "Escape closes the tooltip");
  });
  assert.deepEqual(
    chartStops,
    [...new Set(chartStops)],
    "one Tab stop per chart (Tab leaves a chart, it does not walk its points)",
  );
  assert.deepEqual([...reached].sort(), expected.sort(), "every point and bar reached by keyboard");
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("keyboard: one Tab stop enters the map, arrows reach every area and marker, Enter selects", async () => {
  const { page, seen } = await fixture([sample("map")]);
  const expected = await page.evaluate(() =>
    [...document.getElementById("map").shadowRoot.querySelectorAll("[data-fw-mark]")].map(
      (e) => `mark:${e.getAttribute("data-fw-mark")}`,
    ),
  );
  const kinds = await page.evaluate(() =>
    [...document.getElementById("map").shadowRoot.querySelectorAll("[data-fw-mark]")].map((e) => e.getAttribute("data-fw-kind")),
  );
  assert.ok(kinds.includes("area") && kinds.includes("marker"), "areas and markers");
  let stops = 0;
  const reached = await walk(page, "map", async (s, walked, reached, all, state) => {
    if (s.mark === null || s.mark === undefined) return;
    stops++;
    if (walked.has("map")) return;
    walked.add("map");
    assert.ok(s.tooltip, "the tooltip opens on focus");
    let at = s;
    for (let i = 0; i < expected.length + 2; i++) {
      const next = await pressAndWait(page, "map", "ArrowRight", at, 50);
      if (next.mark === s.mark) break; // wrapped around
      reached.add(`mark:${next.mark}`);
      all.push(next);
      at = next;
    }
    const end = await pressAndWait(page, "map", "End", at, 50);
    assert.equal(Number(end.mark), expected.length - 1, "End: the last mark");
    const home = await pressAndWait(page, "map", "Home", end, 50);
    assert.equal(home.mark, "0", "Home: the first mark");
    all.push(end, home);
    const up = await pressAndWait(page, "map", "ArrowUp", home, 50);
    assert.equal(Number(up.mark), expected.length - 1, "ArrowUp from the first wraps to the last");
    await page.keyboard.press("Enter");
    const chosen = await page.evaluate(() => window.selected.at(-1));
    assert.equal(chosen?.id, up.select, "Enter selects the focused mark");
    assert.ok(up.tooltip);
    await page.keyboard.press("Escape");
    assert.equal((await state()).tooltip, false, "Escape closes the tooltip");
  });
  assert.equal(stops, 1, "one Tab stop for all areas and markers");
  assert.deepEqual([...reached].filter((k) => k.startsWith("mark:")).sort(), expected.sort(), "every area and marker reached");
  assert.deepEqual(seen.errors, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// 3. Contrast and colour vision


// What each colour of the palette is for. Text colours must reach 4.5:1 against the colours
// they are drawn on (SC 1.4.3); graphics that carry meaning 3:1 against the background (SC
// 1.4.11); areas of the map may be paler when they are bounded by a line that reaches 3:1.
const TEXT = [
  ["--_fg", "--_bg", "text"],
  ["--_fg", "--_surface", "text on key figures and alternate lanes"],
  ["--_muted", "--_bg", "secondary text, ticks, counts"],
  ["--_muted", "--_surface", "key-figure labels"],
  ["--_accent", "--_bg", "quiet buttons, the “as table” summary"],
  ["--_accent-fg", "--_accent", "button text"],
  ["--_bg", "--_fg", "tooltip text"],
  ["--_error", "--_bg", "the “today” label, geometry errors"],
  ["--_fg", "--_error-bg", "error panel text"],
  ["--_muted", "--_error-bg", "diagnostic paths in the error panel"],
  ["--_fg", "--_warning-bg", "warnings, stale note"],
  ["--_muted", "--_warning-bg", "diagnostic paths in the warning list"],
];
const GRAPHIC = {
  "--_accent": "button boundary",
  "--_focus": "focus indicator",
  "--_muted": "axes, select borders, hatching, vacant slots",
  "--_error": "today line, early terminations",
  "--_warning": "warning panel border",
  "--_filled": "filled slots, funnel and ranked bars",
  "--_planned": "planned slots (hatched and outlined in this colour)",
  "--_series-1": "chart series 1",
  "--_series-2": "chart series 2, provider markers",
  "--_series-3": "chart series 3",
  "--_k-referral": "phase bars",
  "--_k-profiling": "phase bars",
  "--_k-work": "phase bars",
  "--_k-qualification": "phase bars, goals",
  "--_k-counselling": "phase bars, events",
  "--_k-other": "phase bars",
  "--_map-outline": "region outlines",
};
const AREAS = [
  ...["--_map-0", "--_map-1", "--_map-2", "--_map-3", "--_map-4", "--_map-5", "--_map-6", "--_map-region", "--_map-none"],
  // A comparison's diverging steps: areas as well.
  ...["--_div-0", "--_div-1", "--_div-2", "--_div-3", "--_div-4", "--_div-5", "--_div-6"],
];
// Backgrounds and lines that carry nothing a user must see: grid lines, table rules and
// separators (--_line), the grey of neighbouring districts (--_map-context), the hairline
// between areas (--_map-border, checked where areas need it), and the per-element --_k.
const DECORATIVE = ["--_bg", "--_surface", "--_line", "--_error-bg", "--_warning-bg", "--_map-context", "--_map-border", "--_k"];

/** A widget's resolved palette: every --_* colour property declared in the stylesheet. */

/** What the single timeline, the charts and the map actually paint (computed styles). */
function painted() {
  const q = (id, s) => [...document.getElementById(id).shadowRoot.querySelectorAll(s)];
  const css = (el) => getComputedStyle(el);
  const laneOf = (el, lanes) => {
    const box = el.getBBox();
    const mid = box.y + box.height / 2;
    return lanes.find((l) => mid >= l.y && mid <= l.y + l.h)?.title ?? null;
  };
  const lanes = q("kinds", ".fw-lane").map((r, i) => ({
    y: +r.getAttribute("y"),
    h: +r.getAttribute("height"),
    title: q("kinds", ".fw-lane__title")[i]?.textContent ?? "",
  }));
  const shape = (d) => (/a/i.test(d) ? "circle" : /h/i.test(d) ? "square" : /V/.test(d) ? "flag" : `${(d.match(/L/g) ?? []).length + 1}-gon`);
  return {
    // Text drawn inside bars and symbols: their own fill on the fill of what they sit on.
    inBar: q("kinds", ".fw-phase__label--in").map((t) => ({
      kind: t.closest(".fw-phase").getAttribute("class").match(/fw-kind--(\w+)/)[1],
      text: css(t).fill,
      on: css(t.closest(".fw-phase").querySelector(".fw-phase__bar")).fill,
    })),
    icons: q("kinds", ".fw-mark__icon")
      .filter((t) => t.textContent.trim())
      .map((t) => ({ icon: t.textContent, text: css(t).fill, on: css(t.closest(".fw-mark").querySelector("path")).fill })),
    // Marks of the single view: colour, shape, icon and lane.
    marks: [
      ...q("kinds", ".fw-phase").map((g) => ({
        what: g.getAttribute("class").match(/fw-kind--(\w+)/)[0],
        colour: css(g.querySelector(".fw-phase__bar")).fill,
        shape: "bar",
        icon: "",
        lane: laneOf(g.querySelector(".fw-phase__bar"), lanes),
      })),
      ...q("kinds", ".fw-mark").map((g) => ({
        what: g.getAttribute("class").replace(/fw-mark /, ""),
        colour: css(g.querySelector("path")).fill,
        shape: shape(g.querySelector("path").getAttribute("d")),
        icon: g.querySelector(".fw-mark__icon")?.textContent ?? "",
        lane: laneOf(g.querySelector("path"), lanes),
      })),
    ],
    lanes: lanes.map((l) => l.title),
    // Chart lines: colour, dash and the shape of their markers.
    lines: q("occupancy", ".fw-chart .fw-series").map((g) => ({
      chart: g.closest(".fw-chart").className,
      what: g.getAttribute("class"),
      colour: css(g.querySelector(".fw-line")).stroke,
      dash: css(g.querySelector(".fw-line")).strokeDasharray,
      shape: shape(g.querySelector(".fw-marker")?.getAttribute("d") ?? ""),
    })),
    // Slot segments: colour, pattern and border.
    segments: ["filled", "planned", "vacant"].map((k) => {
      const s = css(q("occupancy", `.fw-seg--${k}`)[0]);
      const hollow = /rgba\(.*, 0\)/.test(s.backgroundColor);
      return {
        what: `fw-seg--${k}`,
        colour: s.backgroundImage !== "none" || hollow ? s.borderTopColor : s.backgroundColor,
        pattern: `${s.backgroundImage.split("(")[0]} ${hollow ? "hollow" : "solid"} ${s.borderTopStyle}`,
      };
    }),
    // Map areas: the line around each area.
    unitStroke: q("map", ".fw-units .fw-unit").map((u) => [css(u).stroke, parseFloat(css(u).strokeWidth)]),
  };
}

/** Every phase kind, event kind and goal status of the format in one participant. */
function allKinds() {
  const phases = ["referral", "profiling", "recommendation", "placement", "workOpportunity", "internship", "qualification", "counselling", "followUp", "other"];
  const events = ["recommendation", "review", "followUpProfiling", "homeVisit", "debtCounselling", "addictionCounselling", "healthCounselling", "counselling", "earlyTermination", "other"];
  const day = (n) => new Date(Date.UTC(2018, 0, 1 + n)).toISOString().slice(0, 10);
  return JSON.stringify({
    schema: "foerderweg/timeline@1",
    today: day(400),
    participants: [
      {
        id: "TN-1",
        label: "Alle Arten",
        phases: phases.map((kind, i) => ({
          kind,
          label: "Phase",
          start: day(i * 30),
          plannedEnd: day(i * 30 + 60),
          end: day(i * 30 + 45),
        })),
        events: events.map((kind, i) => ({ kind, date: day(20 + i * 30) })),
        goals: ["open", "achieved", "dropped"].map((status, i) => ({ label: `Ziel ${i}`, due: day(100 + i * 90), status })),
        exit: { date: day(350), outcome: "employment" },
      },
    ],
  });
}

let colours;
/** Palette and painted colours in each theme, read once for the contrast and vision tests. */
function readColours() {
  colours ??= (async () => {
    const { page, seen } = await fixture(
      [{ id: "kinds", tag: "foerderweg-timeline", data: allKinds() }, sample("occupancy"), sample("map")],
      { viewport: { width: 1400, height: 900 } },
    );
    const out = {};
    for (const t of ["light", "dark", "auto-dark"]) {
      await theme(page, t);
      out[t] = {
        palette: Object.fromEntries(
          await Promise.all(["kinds", "occupancy", "map"].map(async (id) => [id, await page.evaluate(palette, id)])),
        ),
        painted: await page.evaluate(painted),
      };
    }
    assert.deepEqual(seen.errors, []);
    await page.close();
    return out;
  })();
  return colours;
}

const fmt = (a, b, r) => `${hex(a)} on ${hex(b)} = ${r.toFixed(2)}:1`;

test("contrast: text 4.5:1, graphics 3:1 against the background, pale map areas bounded, light and dark", async () => {
  const all = await readColours();
  const failures = [];
  for (const [t, { palette: byWidget, painted }] of Object.entries(all)) {
    // The three kinds of widget share one palette.
    assert.deepEqual(byWidget.occupancy, byWidget.kinds, `${t}: one palette for all widgets`);
    assert.deepEqual(byWidget.map, byWidget.kinds, `${t}: one palette for all widgets`);
    const p = Object.fromEntries(Object.entries(byWidget.kinds).map(([k, v]) => [k, parse(v)]));
    const bg = p["--_bg"];
    const known = new Set([...TEXT.flat(), ...Object.keys(GRAPHIC), ...AREAS, ...DECORATIVE]);
    for (const name of Object.keys(p)) if (!known.has(name)) failures.push(`${t}: ${name} is not classified as text, graphic, area or decorative`);
    const need = (fg, on, min, what) => {
      const r = contrast(over(fg, on), on);
      if (r < min) failures.push(`${t}: ${what}: ${fmt(fg, on, r)} < ${min}`);
    };
    for (const [fg, on, what] of TEXT) need(p[fg], p[on], 4.5, `${fg} on ${on} (${what})`);
    for (const [name, what] of Object.entries(GRAPHIC)) need(p[name], bg, 3, `${name} (${what}) on --_bg`);
    // Phase bars sit on alternate lanes of --_surface too.
    for (const name of Object.keys(GRAPHIC).filter((n) => n.startsWith("--_k-"))) need(p[name], p["--_surface"], 3, `${name} on --_surface (alternate lanes)`);
    // Labels inside bars and icons inside goal marks, as painted.
    assert.ok(painted.inBar.length > 0 && painted.icons.length > 0, "in-bar labels and goal icons drawn");
    for (const { kind, text, on } of painted.inBar) need(parse(text), parse(on), 4.5, `label inside a ${kind} bar (.fw-phase__label--in)`);
    // ✓ and ✕ in goal marks are symbols (SC 1.4.11, 3:1); the aria-label says the status.
    for (const { icon, text, on } of painted.icons) need(parse(text), parse(on), 3, `goal icon ${icon} (.fw-mark__icon)`);
    // Map areas: a step of the sequential palette may be close to the background (the
    // lightest in the light theme, the darkest in the dark one); such areas are then bounded
    // by their stroke, which must reach 3:1 against the background.
    const pale = AREAS.filter((n) => contrast(p[n], bg) < 3);
    if (pale.length) {
      assert.ok(painted.unitStroke.length > 0);
      const strokes = [...new Set(painted.unitStroke.map(([c, w]) => `${c} ${w}`))];
      for (const [c, w] of painted.unitStroke.slice(0, 1)) {
        const r = contrast(parse(c), bg);
        if (!(w > 0 && r >= 3)) {
          failures.push(
            `${t}: map areas ${pale.map((n) => `${n} ${fmt(p[n], bg, contrast(p[n], bg))}`).join(", ")} ` +
              `are bounded only by .fw-unit stroke ${strokes.join(" | ")} = ${r.toFixed(2)}:1 against --_bg ${hex(bg)} (< 3)`,
          );
        }
      }
    }
  }
  assert.deepEqual(failures, [], failures.join("\n"));
});

test("colour vision: categorical colours stay apart under protanopia, deuteranopia, tritanopia, or differ by dash, shape, pattern or label", async (context) => {
  const all = await readColours();
  const failures = [];
  const notes = new Map();
  /** Pairs of marks of different colours must be told apart by colour or by something else. */
  const check = (t, group, items, other) => {
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const [a, b] = [items[i], items[j]];
        const [ca, cb] = [parse(a.colour), parse(b.colour)];
        if (hex(ca) === hex(cb)) continue; // the same colour on purpose: the same category
        for (const v of VISIONS) {
          const d = deltaE(simulate(ca, v), simulate(cb, v));
          if (d >= DISTINCT) continue;
          const pair = `${t} ${group}, ${v}: ${a.what} ${hex(ca)} and ${b.what} ${hex(cb)}: ΔE ${d.toFixed(1)} < ${DISTINCT}`;
          const by = other(a, b);
          if (by) notes.set(`${t} ${group} ${by}`, (notes.get(`${t} ${group} ${by}`) ?? 0) + 1);
          else failures.push(`${pair}, and nothing else tells them apart`);
        }
      }
    }
  };
  for (const [t, { palette, painted }] of Object.entries(all)) {
    // Chart series: solid, dashed, dotted lines and circle, square, diamond markers.
    assert.ok(painted.lines.length >= 3);
    const by = (...reasons) => reasons.filter(Boolean).join(" and ");
    check(t, "chart series", painted.lines, (a, b) =>
      a.chart !== b.chart ? "being in different charts" : by(a.dash !== b.dash && "dash", a.shape !== b.shape && "marker shape"),
    );
    // Slot segments: filled (solid), planned (hatched), vacant (outline only).
    check(t, "slot segments", painted.segments, (a, b) => a.pattern !== b.pattern && `pattern (${a.pattern} / ${b.pattern})`);
    // The single view: bars and markers in titled lanes; within one lane by shape or icon.
    assert.ok(painted.lanes.length >= 10 && painted.lanes.every((title) => title.trim()), "every lane has a title");
    check(t, "timeline marks", painted.marks, (a, b) =>
      by(a.lane !== b.lane && "lane title", a.shape !== b.shape && "shape", a.icon !== b.icon && "icon"),
    );
    // The sequential map palette is read by lightness: it must stay ordered, with steps of at
    // least 5 L* (twice a just noticeable difference), under every simulation.
    const steps = ["--_map-0", "--_map-1", "--_map-2", "--_map-3", "--_map-4", "--_map-5", "--_map-6"].map((n) => parse(palette.map[n]));
    for (const v of VISIONS) {
      const L = steps.map((c) => lab(simulate(c, v))[0]);
      for (let i = 1; i < L.length; i++) {
        if (!(L[i - 1] - L[i] >= 5)) failures.push(`${t} map palette, ${v}: L* ${L.map((x) => x.toFixed(0)).join(" > ")} not ordered in steps of 5`);
      }
    }
    // A comparison's diverging palette: from no change (--_div-3) outwards, each side darker
    // by steps of 5 L*, under every simulation (the written sign tells the side).
    const diverging = ["--_div-0", "--_div-1", "--_div-2", "--_div-3", "--_div-4", "--_div-5", "--_div-6"].map((n) => parse(palette.map[n]));
    for (const v of VISIONS) {
      const L = diverging.map((c) => lab(simulate(c, v))[0]);
      for (const side of [[3, 2, 1, 0], [3, 4, 5, 6]]) {
        for (let i = 1; i < side.length; i++) {
          if (!(L[side[i - 1]] - L[side[i]] >= 5)) failures.push(`${t} diverging palette, ${v}: L* ${L.map((x) => x.toFixed(0)).join(", ")} not darker outwards in steps of 5`);
        }
      }
    }
  }
  for (const [what, n] of notes) context.diagnostic(`${what}: ${n} pair(s) below ΔE ${DISTINCT}`);
  assert.deepEqual(failures, [], failures.join("\n"));
});

// ---------------------------------------------------------------------------------------------
// 4. Forced colours, 320 px, 200 % zoom

const SHOWN = [
  ["timeline", sample("single")],
  ["cohort", sample("cohort")],
  ["occupancy", sample("occupancy")],
  ["map", sample("map")],
];

/**
 * Runs in the page: marks and chart text that cannot be seen against what is painted behind
 * them (an alternate lane, a bar, or the forced Canvas of the widget).
 */
function invisible(id) {
  const host = document.getElementById(id);
  const root = host.shadowRoot;
  const fwRoot = root.querySelector(".fw-root");
  const rgb = (s) => s.match(/[\d.]+/g)?.map(Number) ?? [];
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const canvas = rgb(getComputedStyle(fwRoot).backgroundColor);
  const paint = (v) => v !== "none" && !v.startsWith("url(") && rgb(v).length >= 3 && (rgb(v)[3] ?? 1) > 0;
  const SHAPES = new Set(["rect", "path", "circle", "polygon", "ellipse"]);
  const marks =
    ".fw-phase__bar, .fw-mark path, .fw-row__bar, .fw-row__exit, .fw-line, .fw-marker, .fw-reference line, " +
    ".fw-today line, .fw-unit, .fw-pin__symbol, .fw-outline";
  /**
   * The colour painted behind the middle of `el`: the first filled shape or background below
   * it (other marks do not count as the background of a mark; a bar does of a label in it).
   */
  const behind = (el) => {
    const box = el.getBoundingClientRect();
    const stack = root.elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const below = stack.includes(el) ? stack.slice(stack.indexOf(el) + 1) : stack;
    for (const e of below) {
      if (el.contains(e) || (e.contains(el) && e instanceof SVGElement)) continue;
      if (el.matches(marks) && e.matches(marks)) continue;
      const s = getComputedStyle(e);
      if (e instanceof SVGElement) {
        if (SHAPES.has(e.localName) && paint(s.fill) && parseFloat(s.fillOpacity) > 0.5) return rgb(s.fill);
      } else if (paint(s.backgroundColor)) return rgb(s.backgroundColor);
    }
    return canvas;
  };
  const name = (el) => el.getAttribute("class") ?? el.parentNode.getAttribute("class");
  const out = [];
  for (const el of root.querySelectorAll(marks)) {
    if (el.closest(".fw-swatch-line, .fw-swatch-area")) continue;
    const s = getComputedStyle(el);
    // Patterned fills (no data, suppressed) are drawn by their own lines and the area's stroke.
    if (s.fill.startsWith("url(")) continue;
    // Areas and region outlines are seen against the map's ground; lines cross each other.
    const under = el.matches(".fw-unit, .fw-outline, .fw-line") ? canvas : behind(el);
    const fill = paint(s.fill) ? ratio(rgb(s.fill), under) : 0;
    const stroke = paint(s.stroke) && parseFloat(s.strokeWidth) > 0 ? ratio(rgb(s.stroke), under) : 0;
    if (Math.max(fill, stroke) < 3) {
      out.push(`${name(el)}: fill ${s.fill} ${fill.toFixed(2)}:1, stroke ${s.stroke} ${stroke.toFixed(2)}:1 on rgb(${under.slice(0, 3).join(", ")})`);
    }
  }
  for (const el of root.querySelectorAll(".fw-seg, .fw-funnel__bar, .fw-ranked__bar")) {
    const s = getComputedStyle(el);
    const under = canvas;
    const bg = paint(s.backgroundColor) ? ratio(rgb(s.backgroundColor), under) : 0;
    const border = s.borderTopStyle !== "none" && parseFloat(s.borderTopWidth) > 0 ? ratio(rgb(s.borderTopColor), under) : 0;
    if (el.getBoundingClientRect().width > 0 && Math.max(bg, border) < 3) {
      out.push(`${el.className}: background ${s.backgroundColor}, border ${s.borderTopColor} < 3:1`);
    }
  }
  // Text in SVG is not forced: it must still read against what is behind it (its halo, the
  // lane, the bar it sits in, or the Canvas).
  for (const el of root.querySelectorAll("svg text")) {
    const s = getComputedStyle(el);
    if (!el.textContent.trim() || s.display === "none" || s.visibility === "hidden") continue;
    const halo = s.paintOrder.startsWith("stroke") && parseFloat(s.strokeWidth) >= 2;
    const under = halo ? rgb(s.stroke) : behind(el);
    const r = ratio(rgb(s.fill), under);
    if (r < 4.5) out.push(`text .${name(el)} “${el.textContent.trim()}”: ${s.fill} on rgb(${under.slice(0, 3).join(", ")}) = ${r.toFixed(2)}:1`);
  }
  return [...new Set(out)];
}

test("forced colours (light and dark high contrast): every mark and chart text stays visible", async () => {
  const failures = [];
  for (const colorScheme of ["light", "dark"]) {
    // Tall enough for the tallest widget: what is behind a mark is found by hit testing.
    const { page, seen } = await fixture(SHOWN.map(([, w]) => w), {
      viewport: { width: 1000, height: 1800 },
      media: { forcedColors: "active", colorScheme },
    });
    assert.equal(await page.evaluate(() => matchMedia("(forced-colors: active)").matches), true);
    for (const [name, w] of SHOWN) {
      await shot(page, `#${w.id}`, `a11y-forced${colorScheme === "dark" ? "-dark" : ""}-${name}`);
      await page.evaluate((id) => document.getElementById(id).scrollIntoView(), w.id);
      const bad = await page.evaluate(invisible, w.id);
      const counted = await page.evaluate((id) => document.getElementById(id).shadowRoot.querySelectorAll(".fw-phase__bar, .fw-mark path, .fw-row__bar, .fw-marker, .fw-unit, .fw-pin__symbol, .fw-seg").length, w.id);
      assert.ok(counted > 0, `${name}: marks drawn`);
      for (const b of bad) failures.push(`forced ${colorScheme}, ${name}: ${b}`);
    }
    assert.deepEqual(seen.errors, []);
    await page.close();
  }
  // One line per distinct problem is enough to read; the count says how many.
  const lines = [...new Map(failures.map((f) => [f.replace(/ “.*?”/, ""), f])).values()];
  assert.deepEqual(lines, [], `${failures.length} problems:\n${lines.join("\n")}`);
});

/**
 * Runs in the page: what sticks out of the widget (and is cut off by its paint containment),
 * scroll regions a keyboard cannot reach, and chart labels drawn over each other.
 */
function overflow(id) {
  const host = document.getElementById(id);
  const root = host.shadowRoot.querySelector(".fw-root");
  const box = host.getBoundingClientRect();
  const out = [];
  if (host.scrollWidth > host.clientWidth + 1) out.push(`host scrollWidth ${host.scrollWidth} > ${host.clientWidth}`);
  if (root.scrollWidth > root.clientWidth + 1) out.push(`.fw-root scrollWidth ${root.scrollWidth} > ${root.clientWidth}`);
  const name = (el) => `${el.localName}.${(el.getAttribute("class") ?? "").split(" ")[0]}`;
  for (const el of root.querySelectorAll("*")) {
    if (el.closest(".fw-visually-hidden, .fw-tooltip, [hidden]")) continue;
    // The content of a closed <details> is not shown.
    const details = el.closest("details");
    if (details && !details.open && !el.closest("summary")) continue;
    let scroller = null;
    for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible") {
        scroller = a;
        break;
      }
    }
    const r = el.getBoundingClientRect();
    if (!scroller && r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1)) {
      out.push(`${name(el)} spans ${r.left.toFixed(0)}–${r.right.toFixed(0)} px, the widget ${box.left.toFixed(0)}–${box.right.toFixed(0)}`);
    }
    const s = getComputedStyle(el);
    if (["auto", "scroll"].includes(s.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      if (!(el.tabIndex >= 0 && el.getAttribute("role") === "region" && el.getAttribute("aria-label"))) {
        out.push(`${name(el)} scrolls (${el.scrollWidth} > ${el.clientWidth} px) but is not a focusable, named region`);
      }
    }
  }
  // Text drawn over text cannot be read: labels of one chart must not overlap each other.
  for (const svg of root.querySelectorAll("svg")) {
    if (svg.closest("[hidden]")) continue;
    const texts = [...svg.querySelectorAll("text")].filter((t) => t.textContent.trim()).map((t) => [t, t.getBoundingClientRect()]);
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const [[a, p], [b, q]] = [texts[i], texts[j]];
        const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (w > 1 && h > 1) {
          out.push(`text “${a.textContent.trim()}” (.${a.getAttribute("class")}) overlaps “${b.textContent.trim()}” (.${b.getAttribute("class")})`);
        }
      }
    }
  }
  return [...new Set(out)];
}

/** Opens every table view of the widgets on the page with the real controls. */
async function openTables(page) {
  for (const b of await page.locator(".fw-toolbar button[aria-pressed]").all()) await b.click();
  for (const s of await page.locator("details.fw-table-view > summary").all()) await s.click();
  assert.ok(await page.locator("foerderweg-map .fw-table--areas").count());
}

// 200 % browser zoom of a 1280 px wide window lays the page out 640 CSS px wide.
for (const [width, label, prefix] of [
  [320, "320 px (reflow)", "a11y-320"],
  [640, "200 % zoom of a 1280 px window", "a11y-zoom200"],
]) {
  test(`${label}: nothing overflows or is drawn over other text, wide tables scroll in focusable regions, axe passes`, async () => {
    const { page, seen } = await fixture(SHOWN.map(([, w]) => w), { viewport: { width, height: 800 } });
    const failures = [];
    const measure = async (state) => {
      for (const [name, w] of SHOWN) {
        for (const o of await page.evaluate(overflow, w.id)) failures.push(`${width} px, ${name}, ${state}: ${o}`);
      }
    };
    for (const [name, w] of SHOWN) {
      const widthOf = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().width, w.id);
      assert.ok(widthOf <= width, `${name} is ${widthOf} px wide`);
      await shot(page, `#${w.id}`, `${prefix}-${name}`);
    }
    await measure("as drawn");
    await openTables(page);
    await measure("tables open");
    if (width === 320) await shot(page, `#${SHOWN[2][1].id}`, `${prefix}-occupancy-tables`);
    const violations = await axe(page);
    for (const v of violations) failures.push(`${width} px, tables open: axe ${v}`);
    assert.deepEqual(failures, [], failures.join("\n"));
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
}
