// Issue 23, the map's and the dashboard's part: what axe-core cannot see, checked with real key
// presses and mouse moves, the accessibility tree (CDP), colours resolved from the styles of
// each theme and forced colours by media emulation. Findings by number:
//   3  the focused map area's ring is painted above every other area, 3:1 on any fill
//  11  a dark map palette; region outlines 3:1 against every fill and the ground
//  12  one focus ring for every SVG mark of the three widgets: contrasting, offset, not a sliver
//  13  forced colours: planned, vacant and filled slots differ, map lines in CanvasText, the tooltip's border
//  17  a 24 × 24 px hit area for every map marker
//   4  focus after "back to all providers" and after the map's date buttons reach an end
//  16  roles, names, pressed states and key hints in the accessibility tree
// One fixture page carries all widgets; screenshots go to tests/e2e/screenshots/a11y-focus-*.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, SCREENSHOTS } from "./helpers.mjs";
import * as lib from "./a11y-lib.mjs";
import { sample, theme, parse, contrast, hex, focusState } from "./a11y-lib.mjs";

let env;
let opened;
before(async () => (env = await start()));
after(async () => {
  await opened?.then((o) => o.page.close()).catch(() => {});
  await env?.close();
});

/** A participant with a one-day phase (the sliver of finding 12) beside a long one and an event. */
function oneDay() {
  return JSON.stringify({
    schema: "foerderweg/timeline@1",
    today: "2019-01-01",
    participants: [
      {
        id: "TN-1",
        label: "Eintägig",
        phases: [
          { kind: "profiling", label: "Profiling", start: "2018-03-01", end: "2018-03-01" },
          { kind: "workOpportunity", label: "Arbeitsgelegenheit", start: "2018-03-02", end: "2018-11-30" },
        ],
        events: [{ kind: "review", date: "2018-06-01" }],
      },
    ],
  });
}

const WIDGETS = [
  sample("map"),
  sample("occupancy"),
  { id: "day", tag: "foerderweg-timeline", data: oneDay() },
];

/** The one page of this file. */
function page() {
  opened ??= lib.fixture(env, WIDGETS, { viewport: { width: 1200, height: 900 } });
  return opened.then((o) => o.page);
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const state = (p, id) => p.evaluate(focusState, id);

/** Presses Tab (from where the focus is) until the focus is in `id` on an element matching `selector`. */
async function tabTo(p, id, selector, max = 120) {
  for (let i = 0; i < max; i++) {
    const hit = await p.evaluate(
      ([id, selector]) => document.activeElement?.id === id && !!document.activeElement.shadowRoot.activeElement?.matches(selector),
      [id, selector],
    );
    if (hit) return;
    await p.keyboard.press("Tab");
  }
  assert.fail(`Tab reaches ${selector} in #${id}`);
}

/** Starts keyboard travel at the button before the widgets. */
async function fromStart(p) {
  await p.locator("#before").focus();
}

/**
 * Runs in the page: the focus ring of the focused SVG mark of widget `id`, as painted. The
 * ring is the overlay the widget draws for it (`.fw-ring`) or, failing that, the mark's own
 * stroke in the focus colour. Returns its colours (with the width of each visible band in CSS
 * px), the fill of the mark, the ground, its box and whether anything is painted above it.
 */
function ringOf(id) {
  const host = document.getElementById(id);
  const root = host.shadowRoot;
  const el = root.activeElement;
  const svg = el?.closest("svg");
  if (!svg) return { error: `no SVG mark focused in ${id}` };
  const css = (e) => getComputedStyle(e);
  const scale = svg.getScreenCTM()?.a ?? 1;
  const fwRoot = root.querySelector(".fw-root");
  const probe = document.createElement("span");
  fwRoot.append(probe);
  const resolve = (v) => {
    probe.style.color = "";
    probe.style.color = v;
    return css(probe).color;
  };
  const bg = resolve(css(fwRoot).getPropertyValue("--_bg"));
  const focus = resolve(css(fwRoot).getPropertyValue("--_focus"));
  probe.remove();
  const shapes = [...el.querySelectorAll("path, rect, circle, polygon")].filter((s) => !s.closest(".fw-ring"));
  const opaque = (f) => f && f !== "none" && !f.startsWith("url") && !/rgba\(.*,\s*0\)$/.test(f);
  const fill = shapes.map((s) => css(s).fill).find(opaque) ?? bg;
  const ring = svg.querySelector(".fw-ring");
  let bands = [];
  let box;
  let above = [];
  if (ring) {
    const parts = [...ring.querySelectorAll("path, rect")];
    const widths = parts.map((s) => parseFloat(css(s).strokeWidth) * scale);
    // Drawn in order: wider bands under narrower ones; what shows of each is its width less
    // the next one's, on either side.
    bands = parts.map((s, i) => ({
      colour: css(s).stroke,
      width: i + 1 < parts.length ? (widths[i] - widths[i + 1]) / 2 : widths[i],
    }));
    const r = ring.getBoundingClientRect();
    box = { width: r.width, height: r.height };
    const all = [...svg.querySelectorAll("*")];
    above = all
      .slice(all.indexOf(ring) + 1)
      .filter((e) => !ring.contains(e) && e.matches(".fw-unit, .fw-outline, .fw-outline *, .fw-lands, .fw-context, .fw-phase, .fw-mark, .fw-marker"))
      .map((e) => e.getAttribute("class"));
  } else {
    for (const s of [el, ...shapes]) {
      const st = css(s);
      if (st.stroke === focus && parseFloat(st.strokeWidth) > 0) {
        // A stroke centred on the edge: half of it outside the mark.
        bands = [{ colour: st.stroke, width: parseFloat(st.strokeWidth) * scale }];
        const r = s.getBoundingClientRect();
        box = { width: r.width + parseFloat(st.strokeWidth) * scale, height: r.height + parseFloat(st.strokeWidth) * scale };
      }
    }
    // The mark's own stroke is painted where the mark is in the drawing order.
    const all = [...svg.querySelectorAll("*")];
    above = all
      .slice(all.indexOf(el) + 1)
      .filter((e) => !el.contains(e) && e.matches(".fw-outline, .fw-lands, .fw-unit"))
      .map((e) => e.getAttribute("class"));
  }
  return { mark: `${el.localName}.${(el.getAttribute("class") ?? "").split(" ").join(".")}`, fill, bg, bands, box, above: [...new Set(above)] };
}

/** What is wrong with a ring: contrast, band width, size, things painted above it. */
function judge(what, r, minBox) {
  if (r.error) return [`${what}: ${r.error}`];
  const out = [];
  if (!r.bands.length) return [`${what}: no focus ring on ${r.mark}`];
  const against = (c) => Math.max(...r.bands.filter((b) => b.width >= 2).map((b) => contrast(parse(b.colour), parse(c))), 0);
  const list = r.bands.map((b) => `${hex(parse(b.colour))} ${b.width.toFixed(2)}px`).join(" + ");
  const onFill = against(r.fill);
  const onBg = against(r.bg);
  if (onFill < 3) out.push(`${what}: ring ${list} on the mark's fill ${hex(parse(r.fill))} = ${onFill.toFixed(2)}:1 < 3 (a band ≥ 2 px)`);
  if (onBg < 3) out.push(`${what}: ring ${list} on the ground ${hex(parse(r.bg))} = ${onBg.toFixed(2)}:1 < 3 (a band ≥ 2 px)`);
  if (!r.box || r.box.width < minBox || r.box.height < minBox) {
    out.push(`${what}: ring box ${r.box ? `${r.box.width.toFixed(1)} × ${r.box.height.toFixed(1)}` : "none"} px < ${minBox} px`);
  }
  if (r.above.length) out.push(`${what}: painted above the ring: ${r.above.join(", ")}`);
  return out;
}

const shot = (p, selector, name) => p.locator(selector).screenshot({ path: new URL(`a11y-focus-${name}.png`, SCREENSHOTS).pathname });

test("12 and 3: every focusable SVG mark shows a ring above everything, 3:1 on its fill and the ground, ≥ 2 px, not a sliver; after Escape too", async () => {
  const p = await page();
  const failures = [];
  for (const t of ["light", "dark"]) {
    await theme(p, t);
    await fromStart(p);
    // The map: the first area, then (End) the last record, a marker.
    await tabTo(p, "map", "[data-fw-mark]");
    await p.keyboard.press("Home");
    // An area of every fill class the map uses (arrows walk the areas).
    const classes = new Set();
    for (let i = 0; i < 40; i++) {
      const s = await state(p, "map");
      if (s.kind !== "area") break;
      const cls = s.inner.split(".").find((c) => /^fw-(c\d|inregion|noregion|nodata|suppressed)$/.test(c));
      if (!classes.has(cls)) {
        classes.add(cls);
        failures.push(...judge(`${t} map area ${cls}`, await p.evaluate(ringOf, "map"), 12));
      }
      await p.keyboard.press("ArrowRight");
    }
    // Back to the first area: Escape closes its tooltip, the ring stays.
    await p.keyboard.press("Home");
    await p.keyboard.press("Escape");
    assert.equal((await state(p, "map")).tooltip, false, "Escape closes the tooltip");
    failures.push(...judge(`${t} map area after Escape`, await p.evaluate(ringOf, "map"), 12));
    if (t === "light") await shot(p, "#map >> .fw-map__plot", "map-light");
    else await shot(p, "#map >> .fw-map__plot", "map-dark");
    await p.keyboard.press("End");
    assert.equal((await state(p, "map")).kind, "marker", "End reaches a marker");
    failures.push(...judge(`${t} map marker`, await p.evaluate(ringOf, "map"), 12));
    // A chart point of the dashboard.
    await tabTo(p, "occupancy", "[data-fw-point]");
    failures.push(...judge(`${t} chart point`, await p.evaluate(ringOf, "occupancy"), 12));
    // The one-day phase, the long phase and the event of the timeline.
    await tabTo(p, "day", ".fw-phase");
    failures.push(...judge(`${t} one-day phase`, await p.evaluate(ringOf, "day"), 12));
    await p.keyboard.press("Tab");
    failures.push(...judge(`${t} phase`, await p.evaluate(ringOf, "day"), 12));
    await tabTo(p, "day", ".fw-mark");
    failures.push(...judge(`${t} event mark`, await p.evaluate(ringOf, "day"), 12));
  }
  await theme(p, "light");
  assert.deepEqual(failures, [], failures.join("\n"));
});

test("11: the map palette and the region outlines reach 3:1 in the light and the dark theme", async () => {
  const p = await page();
  const failures = [];
  for (const t of ["light", "dark", "auto-dark"]) {
    await theme(p, t);
    const pal = Object.fromEntries(Object.entries(await p.evaluate(lib.palette, "map")).map(([k, v]) => [k, parse(v)]));
    const bg = pal["--_bg"];
    const steps = [0, 1, 2, 3, 4, 5, 6].map((i) => `--_map-${i}`);
    // The sequential palette runs from pale to dark. Steps below 3:1 on the ground are
    // allowed only at its pale end (c0, c1, … in a row; the district line bounds them): on a
    // dark ground that is none, in the light theme at most the first four.
    const low = steps.map((n) => contrast(pal[n], bg) < 3);
    const prefix = low.indexOf(false) === -1 ? low.length : low.indexOf(false);
    steps.forEach((n, i) => {
      const r = contrast(pal[n], bg);
      if (low[i] && (i >= prefix || i > 3)) failures.push(`${t}: ${n} ${hex(pal[n])} on --_bg ${hex(bg)} = ${r.toFixed(2)}:1 < 3, not at the pale end of the palette`);
    });
    // Region outlines, as painted: one of their lines reaches 3:1 on every fill and the ground.
    const lines = await p.evaluate(() => {
      const svg = document.getElementById("map").shadowRoot.querySelector(".fw-map__svg");
      const group = svg.querySelector(".fw-outline");
      return [...group.querySelectorAll("path")].map((s) => [getComputedStyle(s).stroke, parseFloat(getComputedStyle(s).strokeWidth)]);
    });
    for (const n of [...steps, "--_map-region", "--_map-none", "--_bg"]) {
      const best = Math.max(...lines.filter(([, w]) => w > 0).map(([c]) => contrast(parse(c), pal[n])));
      if (best < 3) failures.push(`${t}: region outline ${lines.map(([c, w]) => `${hex(parse(c))} ${w}`).join(" + ")} on ${n} ${hex(pal[n])} = ${best.toFixed(2)}:1 < 3`);
    }
    const border = contrast(pal["--_map-border"], bg);
    if (border < 3) failures.push(`${t}: district border --_map-border ${hex(pal["--_map-border"])} on --_bg = ${border.toFixed(2)}:1 < 3`);
  }
  await theme(p, "light");
  assert.deepEqual(failures, [], failures.join("\n"));
});

test("13: forced colours keep planned, vacant and filled apart, draw map lines in CanvasText and the tooltip with a border", async () => {
  const p = await page();
  const failures = [];
  for (const colorScheme of ["dark", "light"]) {
    await p.emulateMedia({ forcedColors: "active", colorScheme });
    const seen = await p.evaluate(() => {
      const css = (e) => getComputedStyle(e);
      const occ = document.getElementById("occupancy").shadowRoot;
      const map = document.getElementById("map").shadowRoot;
      const probe = document.createElement("span");
      probe.style.color = "CanvasText";
      occ.querySelector(".fw-root").append(probe);
      const text = css(probe).color;
      probe.remove();
      const look = (e) => {
        const s = css(e);
        return [s.backgroundColor, s.backgroundImage, s.borderTopStyle, s.borderTopWidth, s.borderTopColor, s.outlineStyle].join(" | ");
      };
      const seg = (k) => occ.querySelector(`.fw-bar .fw-seg--${k}`);
      const swatch = (k) => occ.querySelector(`.fw-legend .fw-seg--${k}`);
      const strokes = {};
      for (const sel of [".fw-unit", ".fw-context", ".fw-lands", ".fw-outline path:last-child"]) {
        const e = map.querySelector(`.fw-map__svg ${sel}`);
        if (e) strokes[sel] = [css(e).stroke, css(e).strokeWidth];
      }
      const context = map.querySelector(".fw-map__svg .fw-context");
      return {
        text,
        context: context && [css(context).fill, css(context).stroke],
        segments: Object.fromEntries(["filled", "planned", "vacant"].map((k) => [k, seg(k) && look(seg(k))])),
        swatches: Object.fromEntries(["filled", "planned", "vacant"].map((k) => [k, swatch(k) && look(swatch(k))])),
        strokes,
      };
    });
    for (const what of ["segments", "swatches"]) {
      const s = seen[what];
      for (const [a, b] of [["planned", "vacant"], ["planned", "filled"], ["vacant", "filled"]]) {
        if (!s[a] || !s[b]) failures.push(`${colorScheme}: no ${what} ${a}/${b} drawn`);
        else if (s[a] === s[b]) failures.push(`${colorScheme}: ${what}: ${a} and ${b} look the same in forced colours (${s[a]})`);
      }
    }
    // The neighbouring districts: their borders are seen against their own fill.
    if (seen.context) {
      const [fill, stroke] = seen.context.map(parse);
      const r = contrast(fill, stroke);
      if (r < 3) failures.push(`${colorScheme}: neighbouring districts: border ${hex(stroke)} on their fill ${hex(fill)} = ${r.toFixed(2)}:1 < 3`);
    } else failures.push(`${colorScheme}: no neighbouring districts drawn`);
    for (const [sel, [stroke, width]] of Object.entries(seen.strokes)) {
      if (stroke !== seen.text || !(parseFloat(width) > 0)) failures.push(`${colorScheme}: map ${sel} stroke ${stroke} ${width} is not CanvasText (${seen.text})`);
    }
    // A tooltip: hover a chart point with the mouse.
    await p.locator("#occupancy >> [data-fw-point]").first().hover();
    await p.waitForFunction(() => !!document.getElementById("occupancy").shadowRoot.querySelector(".fw-tooltip"));
    const border = await p.evaluate(() => {
      const s = getComputedStyle(document.getElementById("occupancy").shadowRoot.querySelector(".fw-tooltip"));
      return [s.borderTopStyle, s.borderTopWidth, s.borderTopColor];
    });
    if (border[0] === "none" || !(parseFloat(border[1]) >= 1)) failures.push(`${colorScheme}: the tooltip has no border in forced colours (${border.join(" ")})`);
    if (colorScheme === "dark") {
      await p.mouse.move(0, 0);
      await fromStart(p);
      await tabTo(p, "map", "[data-fw-mark]");
      await p.keyboard.press("Home");
      await shot(p, "#map >> .fw-map__plot", "map-forced");
    }
  }
  await p.mouse.move(0, 0);
  await p.emulateMedia({ forcedColors: "none", colorScheme: "light" });
  assert.deepEqual(failures, [], failures.join("\n"));
});

test("17: every map marker takes a click 11 px from its centre (a 24 × 24 px target)", async () => {
  const p = await page();
  await p.locator("#map").scrollIntoViewIfNeeded();
  const pins = await p.evaluate(() =>
    [...document.getElementById("map").shadowRoot.querySelectorAll(".fw-pin")].map((g) => {
      const r = g.querySelector(".fw-pin__symbol").getBoundingClientRect();
      return { id: g.getAttribute("data-fw-select"), x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width, h: r.height };
    }),
  );
  assert.ok(pins.length >= 3, "the map has markers");
  const failures = [];
  for (const pin of pins) {
    for (const [dx, dy] of [[-11, 0], [11, 0], [0, -11], [0, 11]]) {
      await p.mouse.click(pin.x + dx, pin.y + dy);
      const got = await p.evaluate(() => window.selected.at(-1)?.id);
      if (got !== pin.id) failures.push(`marker ${pin.id} (${pin.w.toFixed(1)} × ${pin.h.toFixed(1)} px): a click at (${dx}, ${dy}) from its centre selected ${got ?? "nothing"}`);
    }
  }
  assert.deepEqual(failures, [], failures.join("\n"));
});

test("4: focus stays on a control: back to all providers returns to the bar, the map's date buttons at either end", async () => {
  const p = await page();
  // The dashboard: open a provider's projects with the keyboard, then go back.
  await fromStart(p);
  await tabTo(p, "occupancy", ".fw-bar[title]");
  const bar = (await state(p, "occupancy")).select;
  await p.keyboard.press("Enter");
  // Into the projects: the bar pressed is gone, the focus is on the way back.
  await p.waitForFunction(() => document.getElementById("occupancy").shadowRoot.activeElement?.matches(".fw-bars .fw-button--quiet"), null, { timeout: 2000 }).catch(() => {});
  const into = await p.evaluate(() => document.getElementById("occupancy").shadowRoot.activeElement?.textContent ?? document.activeElement?.localName);
  assert.equal(into, "← Zurück zu allen Trägern", "after opening a provider the focus is on “back”");
  await p.keyboard.press("Enter");
  await p.waitForFunction(() => !document.getElementById("occupancy").shadowRoot.querySelector(".fw-bars .fw-button--quiet"));
  // The focus moves with the redraw (a few ms at most); give it that, not more.
  await p.waitForFunction(() => document.getElementById("occupancy").shadowRoot.activeElement?.matches(".fw-bar"), null, { timeout: 500 }).catch(() => {});
  const back = await state(p, "occupancy");
  assert.equal(back.where === "occupancy" ? back.select : back.where, bar, `after “back” the focus is on the provider bar ${bar} (was on ${JSON.stringify(back)})`);
  // The map: ▶ until the last change day, then ◀ until the first; the focus stays on the button.
  const failures = [];
  await fromStart(p);
  for (const [name, label] of [["later", "Spätere Zuordnung"], ["earlier", "Frühere Zuordnung"]]) {
    await tabTo(p, "map", `.fw-map-date button[aria-label^='${label}']`);
    for (let i = 0; i < 12; i++) await p.keyboard.press("Enter");
    const s = await p.evaluate(() => {
      const root = document.getElementById("map").shadowRoot;
      const el = root.activeElement;
      return {
        host: document.activeElement?.localName,
        label: el?.getAttribute("aria-label"),
        disabled: el?.hasAttribute("disabled"),
        ariaDisabled: el?.getAttribute("aria-disabled"),
      };
    });
    if (s.host !== "foerderweg-map" || !s.label?.startsWith(label)) failures.push(`${name}: at the end the focus left the button (${JSON.stringify(s)})`);
    else if (s.ariaDisabled !== "true" || s.disabled) failures.push(`${name}: at the end the button says aria-disabled="true" and stays focusable (${JSON.stringify(s)})`);
    else if (s.label === label) failures.push(`${name}: its name says why it does nothing (${JSON.stringify(s)})`);
  }
  assert.deepEqual(failures, [], failures.join("\n"));
});

test("16: roles, names, pressed toggles and key hints in the accessibility tree", async () => {
  const p = await page();
  const cdp = await p.context().newCDPSession(p);
  const tree = async () => (await cdp.send("Accessibility.getFullAXTree")).nodes.filter((n) => !n.ignored);
  const prop = (n, name) => n.properties?.find((x) => x.name === name)?.value?.value;
  const failures = [];
  let nodes = await tree();
  const byRole = (role) => nodes.filter((n) => n.role?.value === role);
  const described = nodes.filter((n) => prop(n, "roledescription") || n.roledescription);
  const roledesc = (n) => prop(n, "roledescription");
  // The map's drawing is a "Karte"; its areas of a region are "Programmregion".
  const maps = nodes.filter((n) => n.name?.value?.startsWith("JobPerspektive") || roledesc(n) === "Karte");
  if (!nodes.some((n) => roledesc(n) === "Karte")) failures.push(`no node with roledescription "Karte" (map drawings: ${maps.map((n) => `${n.role.value} ${JSON.stringify(roledesc(n))} ${n.name?.value}`).slice(0, 2).join("; ")})`);
  const regionNodes = described.filter((n) => roledesc(n) === "Programmregion");
  if (!regionNodes.length || regionNodes.some((n) => n.role?.value !== "image")) {
    failures.push(`"Programmregion" describes the region areas, not the drawing: ${regionNodes.map((n) => `${n.role.value} ${n.name?.value}`).slice(0, 2).join("; ")}`);
  }
  // No glyph in a button's name.
  for (const n of nodes) {
    if (["button", "DisclosureTriangle"].includes(n.role?.value) && /[▾▸◀▶←]/.test(n.name?.value ?? "")) failures.push(`${n.role.value} named "${n.name.value}" carries a glyph`);
  }
  // Toggles: a fixed name and aria-pressed. Press each with the keyboard.
  const toggles = byRole("button").filter((n) => prop(n, "pressed") !== undefined);
  const names = toggles.map((n) => n.name.value);
  if (toggles.length < 2) failures.push(`the map's and the timeline's table toggles have aria-pressed (found ${JSON.stringify(names)})`);
  for (const [id, sel] of [["map", ".fw-toolbar button[aria-pressed]"], ["day", ".fw-toolbar button[aria-pressed]"]]) {
    const before = await p.evaluate(([id, sel]) => document.getElementById(id).shadowRoot.querySelector(sel)?.textContent, [id, sel]);
    await p.locator(`#${id} >> ${sel}`).focus();
    await p.keyboard.press("Enter");
    const after = await p.evaluate(([id, sel]) => {
      const b = document.getElementById(id).shadowRoot.querySelector(sel);
      return [b?.textContent, b?.getAttribute("aria-pressed")];
    }, [id, sel]);
    if (after[1] !== "true") failures.push(`${id}: pressing the table toggle sets aria-pressed="true" (${after[1]})`);
    if (after[0] !== before) failures.push(`${id}: the table toggle keeps its name when pressed ("${before}" became "${after[0]}")`);
    await p.keyboard.press("Enter");
  }
  // Key hints: each plot is described by its keyboard hint.
  nodes = await tree();
  const hints = await p.evaluate(() =>
    ["map", "occupancy", "day"].flatMap((id) => {
      const root = document.getElementById(id).shadowRoot;
      return [...root.querySelectorAll(".fw-map__svg, .fw-chart__svg > svg, .fw-plot__marks > svg")].map((plot) => {
        const ids = (plot.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
        const text = ids.map((i) => root.getElementById(i)?.textContent ?? "").join(" ");
        return { id, plot: plot.getAttribute("class"), ids, text, hint: plot.closest("figure, .fw-root")?.querySelector(".fw-hint")?.textContent };
      });
    }),
  );
  assert.ok(hints.length >= 3);
  for (const h of hints) if (!h.text || h.text !== h.hint) failures.push(`${h.id} ${h.plot}: aria-describedby ${JSON.stringify(h.ids)} does not reference the key hint "${h.hint}"`);
  const withDescription = nodes.filter((n) => (n.description?.value ?? "").includes("Pfeiltasten"));
  if (withDescription.length < 2) failures.push(`the AX tree describes the plots by their key hints (${withDescription.length} nodes)`);
  await cdp.detach();
  assert.deepEqual(failures, [], failures.join("\n"));
});

test("16: headings take the level the host asks for; every group is named, in the widget's words", async () => {
  const p = await page();
  const cdp = await p.context().newCDPSession(p);
  const prop = (n, name) => n.properties?.find((x) => x.name === name)?.value?.value;
  const failures = [];
  // The headings of the widgets, by their text, with the level the accessibility tree gives.
  const headings = async () => {
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    return nodes.filter((n) => !n.ignored && n.role?.value === "heading").map((n) => [n.name?.value, prop(n, "level")]);
  };
  const levelOf = (list, text) => list.find(([name]) => name?.startsWith(text))?.[1];
  const texts = await p.evaluate(() => ({
    occupancy: document.getElementById("occupancy").shadowRoot.querySelector(".fw-title")?.textContent,
    section: document.getElementById("occupancy").shadowRoot.querySelector(".fw-section > .fw-heading")?.textContent,
    participant: document.getElementById("day").shadowRoot.querySelector(".fw-single .fw-heading")?.textContent,
  }));
  assert.ok(texts.occupancy && texts.section && texts.participant, JSON.stringify(texts));
  let list = await headings();
  const before = [levelOf(list, texts.occupancy), levelOf(list, texts.section), levelOf(list, texts.participant)];
  if (JSON.stringify(before) !== "[2,3,3]") failures.push(`by default the titles are level 2 and their sections 3: ${JSON.stringify(before)}`);
  for (const id of ["occupancy", "day"]) await p.evaluate((id) => document.getElementById(id).setAttribute("heading-level", "4"), id);
  await p.waitForFunction(() => document.getElementById("occupancy").shadowRoot.querySelector("h4.fw-title"), null, { timeout: 5000 }).catch(() => {});
  list = await headings();
  const after = [levelOf(list, texts.occupancy), levelOf(list, texts.section), levelOf(list, texts.participant)];
  if (JSON.stringify(after) !== "[4,5,5]") failures.push(`with heading-level="4" the titles are level 4 and their sections 5: ${JSON.stringify(after)}`);
  // A level the outline has no room for is refused with a warning and the default used.
  const warnings = [];
  p.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await p.evaluate(() => document.getElementById("occupancy").setAttribute("heading-level", "9"));
  await sleep(300);
  list = await headings();
  if (levelOf(list, texts.occupancy) !== 2) failures.push(`heading-level="9" falls back to 2 (${levelOf(list, texts.occupancy)})`);
  if (!warnings.some((w) => w.includes("heading-level"))) failures.push(`heading-level="9" is named in a console warning (${JSON.stringify(warnings)})`);
  for (const id of ["occupancy", "day"]) await p.evaluate((id) => document.getElementById(id).removeAttribute("heading-level"), id);
  await sleep(300);
  // Every group and region of the widgets has a name; role descriptions are German words.
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  for (const n of nodes.filter((n) => !n.ignored)) {
    const role = n.role?.value;
    if (["group", "region", "figure", "toolbar"].includes(role) && !n.name?.value) {
      const { node } = await cdp.send("DOM.describeNode", { backendNodeId: n.backendDOMNodeId }).catch(() => ({ node: {} }));
      const attrs = node.attributes ?? [];
      const cls = attrs[attrs.indexOf("class") + 1] ?? "";
      failures.push(`a ${role} without a name: <${node.localName} class="${attrs.includes("class") ? cls : ""}">`);
    }
    const described = prop(n, "roledescription");
    if (described && /^[a-z]+$/.test(described) && ["timeline", "map", "chart", "region"].includes(described)) failures.push(`roledescription "${described}" in a German widget`);
  }
  await cdp.detach();
  assert.deepEqual([...new Set(failures)], [], [...new Set(failures)].join("\n"));
});
