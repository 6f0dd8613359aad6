// Shared by the accessibility e2e files: widget fixtures on a strict-CSP host page, axe-core,
// the focus state read across the shadow root, keyboard walks and WCAG contrast arithmetic.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { open } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];


export const SAMPLES = {
  single: ["foerderweg-timeline", "/data/timeline-jobperspektive.json"],
  path: ["foerderweg-timeline", "/data/timeline-stendal-path.json"],
  cohort: ["foerderweg-timeline", "/data/timeline-stendal-cohort.json"],
  occupancy: ["foerderweg-occupancy", "/data/occupancy-example.json"],
  stendal: ["foerderweg-occupancy", "/data/occupancy-stendal.json"],
  saalekreis: ["foerderweg-occupancy", "/data/occupancy-saalekreis.json"],
  map: ["foerderweg-map", "/data/map-sachsen.json"],
  mentoren: ["foerderweg-map", "/data/map-mentoren.json"],
  regio: ["foerderweg-map", "/data/map-regio-aktiv.json"],
};

/** A widget of a sample: `{id, tag, src}`; `extra` adds attributes or `data`. */
export const sample = (name, extra = {}) => ({ id: name, tag: SAMPLES[name][0], src: SAMPLES[name][1], ...extra });

/** The three kinds fed data they cannot read: the error panel. */
export const BROKEN = ["timeline", "occupancy", "map"].map((kind) => ({
  id: `broken-${kind}`,
  tag: `foerderweg-${kind}`,
  data: "{ not json",
}));

/**
 * Opens a host page (of the server `env`) with `widgets` between a button "before" and a button "after", and waits
 * until every widget has reported ready or error and shows no loading status.
 */
export async function fixture(env, widgets, { viewport, media } = {}) {
  const opened = await open(env, "/examples/mount.html", { viewport });
  const { page } = opened;
  const missing = [];
  page.on("response", (r) => r.status() >= 400 && missing.push(`${r.status()} ${r.url()}`));
  if (media) await page.emulateMedia(media);
  // mount.js has run init(): the module is ready, so defineElements() can be called.
  await page.waitForFunction(() => document.getElementById("status")?.textContent === "ready", null, {
    timeout: 20000,
  });
  await page.evaluate(async (widgets) => {
    const { defineElements } = await import("/pkg/foerderweg.js");
    defineElements();
    window.settled = new Set();
    window.selected = [];
    for (const name of ["foerderweg-ready", "foerderweg-error"]) {
      document.addEventListener(name, (e) => window.settled.add(e.target.id));
    }
    document.addEventListener("foerderweg-select", (e) => window.selected.push(e.detail));
    const main = document.createElement("main");
    const heading = document.createElement("h1");
    heading.textContent = "Barrierefreiheit";
    const button = (id, text) => {
      const p = document.createElement("p");
      const b = document.createElement("button");
      b.type = "button";
      b.id = id;
      b.textContent = text;
      p.append(b);
      return p;
    };
    main.append(heading, button("before", "Vor den Widgets"));
    const later = [];
    for (const w of widgets) {
      const section = document.createElement("section");
      section.setAttribute("aria-label", w.id);
      const el = document.createElement(w.tag);
      el.id = w.id;
      el.setAttribute("lang", "de");
      // Every widget of the fixture is looked at, most below the fold: load them all at once.
      el.setAttribute("loading", "eager");
      for (const [k, v] of Object.entries(w.attrs ?? {})) el.setAttribute(k, v);
      if (w.src) el.setAttribute("src", w.src);
      section.append(el);
      main.append(section);
      if (w.data !== undefined) later.push([el, w.data]);
    }
    main.append(button("after", "Nach den Widgets"));
    document.documentElement.lang = "de";
    document.title = "foerderweg – Barrierefreiheit";
    document.body.replaceChildren(main);
    for (const [el, data] of later) el.data = data;
  }, widgets);
  await page.waitForFunction(
    (ids) =>
      ids.every((id) => {
        const root = document.getElementById(id)?.shadowRoot;
        return (
          window.settled.has(id) &&
          root?.querySelector(".fw-root") &&
          !root.querySelector(".fw-status:not(.fw-status--error)") &&
          // A map is drawn once its geometry is there.
          (document.getElementById(id).localName !== "foerderweg-map" ||
            root.querySelector(".fw-map__svg, .fw-panel--error, .fw-status--error"))
        );
      }),
    widgets.map((w) => w.id),
    { timeout: 20000 },
  );
  // pkg/ may be rebuilt while the tests run: say so instead of failing somewhere later.
  assert.deepEqual(missing, [], "every file of the fixture loads (is pkg/ being rebuilt?)");
  return opened;
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page; violations as "rule: targets" lines. */
export async function axe(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`,
    );
  }, TAGS);
}

/** Sets the theme of every widget on the page and the emulated colour scheme. */
export async function theme(page, which) {
  const [attr, colorScheme] = {
    light: [null, "light"],
    dark: ["dark", "light"],
    "auto-dark": ["auto", "dark"],
  }[which];
  await page.emulateMedia({ colorScheme });
  await page.evaluate((attr) => {
    for (const el of document.querySelectorAll("foerderweg-timeline, foerderweg-occupancy, foerderweg-map")) {
      if (attr) el.setAttribute("theme", attr);
      else el.removeAttribute("theme");
    }
  }, attr);
  await page.waitForFunction(
    (attr) =>
      [...document.querySelectorAll("foerderweg-timeline, foerderweg-occupancy, foerderweg-map")].every((el) =>
        el.shadowRoot.querySelector(".fw-root").classList.contains(`fw-theme-${attr ?? "light"}`),
      ),
    attr,
  );
}

/** Runs in the page: what has the focus, and whether it shows a focus indicator. */
export function focusState(id) {
  const active = document.activeElement;
  if (!active || active === document.body) return { where: "body" };
  if (active.id !== id) return { where: active.id || active.localName };
  const root = active.shadowRoot;
  const el = root.activeElement;
  if (!el) return { where: id, inner: null };
  const fwRoot = root.querySelector(".fw-root");
  const probe = document.createElement("span");
  fwRoot.append(probe);
  probe.style.color = getComputedStyle(fwRoot).getPropertyValue("--_focus");
  const focus = getComputedStyle(probe).color;
  probe.remove();
  // Visible focus: an outline, a box shadow, or (SVG marks) the ring drawn over the drawing
  // (src/view/parts/marks.rs) or a stroke in the focus colour.
  let ring = null;
  const overlay = el.closest("svg")?.querySelector(".fw-ring");
  const s = getComputedStyle(el);
  if (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 1) ring = `outline ${s.outlineWidth} ${s.outlineColor}`;
  else if (s.boxShadow && s.boxShadow !== "none") ring = `box-shadow ${s.boxShadow}`;
  else if (overlay) {
    const line = overlay.querySelector(".fw-ring__line");
    ring = line && `ring ${getComputedStyle(line).strokeWidth} ${getComputedStyle(line).stroke}`;
  } else {
    for (const shape of [el, ...el.querySelectorAll("path, rect, circle, polygon")]) {
      const st = getComputedStyle(shape);
      if (st.stroke === focus && parseFloat(st.strokeWidth) >= 2) ring = `stroke ${st.strokeWidth} ${st.stroke}`;
    }
  }
  const attr = (n) => el.getAttribute(n);
  const chart = el.closest(".fw-chart");
  return {
    where: id,
    // Position in document order, to check that Tab moves forward.
    order: [...root.querySelectorAll("*")].indexOf(el),
    inner: `${el.localName}.${(attr("class") ?? "").split(" ").join(".")}`,
    ring,
    select: attr("data-fw-select"),
    kind: attr("data-fw-kind"),
    mark: attr("data-fw-mark"),
    row: attr("data-fw-row"),
    path: attr("data-fw-path"),
    point: attr("data-fw-point") && `${chart.className}#${attr("data-fw-point")}`,
    tooltip: !!root.querySelector(".fw-tooltip"),
  };
}

/**
 * Tabs from the button before the widget through it until the button after it; `group` walks
 * a roving-focus group (one Tab stop plus arrow keys) when focus lands in one. Checks that Tab
 * only moves forward, leaves the widget, that Shift+Tab comes back and that every focused
 * element shows a focus indicator. Returns the marks reached ("path:…", "point:…", "mark:…").
 */
export async function walk(page, id, group = async () => {}) {
  const state = () => page.evaluate(focusState, id);
  await page.keyboard.press("Tab");
  assert.equal((await state()).where, "before");
  const reached = new Set();
  const seen = [];
  const walked = new Set();
  const backwards = [];
  let left = false;
  for (let i = 0; i < 200; i++) {
    const from = await state();
    await page.keyboard.press("Tab");
    const s = await state();
    if (s.where === "after") {
      left = true;
      break;
    }
    assert.equal(s.where, id, `Tab ${i}: focus stays in order (${JSON.stringify(s)})`);
    if (from.where === id && !(s.order > from.order)) {
      backwards.push(`Tab from ${from.inner} ${from.select ?? from.mark ?? from.path ?? ""} (row ${from.row}) went back to ${s.inner} ${s.select ?? ""}`);
    }
    seen.push(s);
    for (const key of ["path", "point", "select", "mark"]) if (s[key]) reached.add(`${key}:${s[key]}`);
    await group(s, walked, reached, seen, state);
  }
  assert.ok(left, `${id}: Tab leaves the widget for the next control (no focus trap)`);
  assert.deepEqual(backwards, [], `Tab moves forward in document order (SC 2.4.3): ${backwards.join("; ")}`);
  // And Shift+Tab comes back into it.
  await page.keyboard.press("Shift+Tab");
  assert.equal((await state()).where, id, "Shift+Tab returns into the widget");
  const unringed = seen.filter((s) => !s.ring);
  assert.deepEqual(unringed, [], "every focused element shows a focus indicator");
  return reached;
}

/**
 * Presses `key`; waits (up to `ms`) until the focus state differs from `before` (and, with
 * `until`, satisfies it: a virtualised list redraws before the focus settles).
 */
export async function pressAndWait(page, id, key, before, ms = 400, until = () => true) {
  await page.keyboard.press(key);
  const t0 = Date.now();
  for (;;) {
    const s = await page.evaluate(focusState, id);
    if ((JSON.stringify(s) !== JSON.stringify(before) && until(s)) || Date.now() - t0 > ms) return s;
    await page.waitForTimeout(15);
  }
}

export const LINEAR = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
export const GAMMA = (c) => 255 * ((c = Math.min(1, Math.max(0, c))) <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

/** "rgb(1, 2, 3)" or "rgba(1, 2, 3, 0.5)" → [r, g, b, a]. */
export function parse(css) {
  const m = css?.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
  return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : null;
}
export const over = (fg, bg) => (fg[3] === 1 ? fg : [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3])).concat(1));
export const hex = (c) => "#" + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
/** WCAG 2.x relative luminance and contrast ratio. */
export const luminance = (c) => {
  const [r, g, b] = c.slice(0, 3).map(LINEAR);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
export const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

// Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color
// Vision Deficiency", IEEE TVCG 15(6); the matrices for severity 1.0, applied to linear sRGB.
export const MACHADO = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
export const VISIONS = ["normal", ...Object.keys(MACHADO)];
export function simulate(c, vision) {
  if (vision === "normal") return c;
  const l = c.slice(0, 3).map(LINEAR);
  return MACHADO[vision].map((row) => GAMMA(row[0] * l[0] + row[1] * l[1] + row[2] * l[2])).concat(1);
}
/** CIELAB (D65) of an sRGB colour. */
export function lab(c) {
  const [r, g, b] = c.slice(0, 3).map(LINEAR);
  const f = (t) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
export const deltaE = (a, b) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));
// Two categorical colours count as told apart when their CIE76 ΔE*ab is at least 10. A ΔE of
// about 2.3 is just noticeable for large side-by-side patches (Sharma, "Digital Color Imaging
// Handbook", 2003); thin lines and small markers need several times that (Stone, Szafir and
// Setlur, "An Engineering Model for Color Difference as a Function of Size", Color and
// Imaging Conference 2014), so 10 is used for lines, markers and bars.
export const DISTINCT = 10;

export function palette(id) {
  const host = document.getElementById(id);
  const root = host.shadowRoot.querySelector(".fw-root");
  const names = new Set();
  const visit = (rules) => {
    for (const rule of rules) {
      if (rule.style) for (const p of rule.style) if (p.startsWith("--_")) names.add(p);
      if (rule.cssRules) visit(rule.cssRules);
    }
  };
  for (const sheet of host.shadowRoot.adoptedStyleSheets) visit(sheet.cssRules);
  const probe = document.createElement("span");
  root.append(probe);
  const colours = {};
  for (const name of names) {
    const value = getComputedStyle(root).getPropertyValue(name).trim();
    probe.style.color = "";
    probe.style.color = value;
    if (value && probe.style.color) colours[name] = getComputedStyle(probe).color;
  }
  probe.remove();
  return colours;
}
