// Accessibility of the timeline beyond axe (issue 23, findings 4, 5, 7, 9 and 14): what a
// screen reader hears (the accessibility tree via CDP), where the focus goes after real key
// presses, phase kinds told apart by more than colour, labels that do not collide with the
// WCAG 1.4.12 text spacing at 320 px and 1100 px, and a reading order by date.
//
// One fixture page carries every widget; the tests run on it in turn.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start } from "./helpers.mjs";
import * as lib from "./a11y-lib.mjs";
import { sample, SAMPLES, focusState, pressAndWait } from "./a11y-lib.mjs";

// A participant whose phases and events are given out of date order.
const ORDER = {
  schema: "foerderweg/timeline@1",
  today: "2018-12-15",
  participants: [
    {
      id: "o1",
      label: "TN Reihenfolge",
      phases: [
        { kind: "workOpportunity", start: "2018-05-01", end: "2018-11-30", provider: "Träger 1" },
        { kind: "profiling", start: "2018-02-01", end: "2018-03-01" },
        { kind: "referral", start: "2018-01-10", end: "2018-01-10" },
      ],
      events: [
        { kind: "review", date: "2018-09-01" },
        { kind: "homeVisit", date: "2018-03-15" },
        { kind: "counselling", date: "2018-06-01" },
      ],
      goals: [{ label: "Tagesstruktur", due: "2018-04-01", status: "achieved" }],
      exit: { date: "2018-12-01", outcome: "employment" },
    },
  ],
};
const dateOf = (p, path) => {
  const m = path.match(/participants\[\d+\]\.(phases|events|goals)\[(\d+)\]|participants\[\d+\]\.exit/);
  if (!m[1]) return p.exit.date;
  const r = p[m[1]][Number(m[2])];
  return r.start ?? r.date ?? r.due;
};

// The German names of the phase kinds (src/i18n/de.rs).
const KINDS = {
  referral: "Zuweisung",
  profiling: "Profiling",
  recommendation: "Qualifizierungsempfehlung",
  placement: "Einmündung",
  workOpportunity: "Arbeitsgelegenheit",
  internship: "Praktikum",
  qualification: "Qualifizierung",
  counselling: "Beratung",
  followUp: "Anschlussmaßnahme",
  other: "Sonstiges",
};

let env, page, seen, cohort;
before(async () => {
  env = await start();
  ({ page, seen } = await lib.fixture(env, [
    { id: "order", tag: "foerderweg-timeline", data: JSON.stringify(ORDER) },
    sample("single"),
    sample("path"),
    sample("cohort"),
  ]));
  cohort = await page.evaluate(async (src) => (await fetch(src)).json(), SAMPLES.cohort[1]);
});
after(async () => {
  await page?.close();
  await env?.close();
});

const state = (id) => page.evaluate(focusState, id);

/** Tabs from the page's start until `until(state)` holds in widget `id`. */
async function tabTo(id, until) {
  await page.locator("#before").focus();
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    const s = await state(id);
    if (s.where === id && until(s)) return s;
  }
  assert.fail(`Tab never reached ${id}`);
}

/** The AX node with focus, its ancestors, and the DOM attributes of each (CDP). */
async function focusedAx() {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const focused = nodes.find(
    (n) => !n.ignored && n.role?.value !== "RootWebArea" && n.properties?.some((p) => p.name === "focused" && p.value.value),
  );
  assert.ok(focused, "an AX node has the focus");
  const attrs = async (n) => {
    if (!n.backendDOMNodeId) return {};
    const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: n.backendDOMNodeId });
    const { result } = await cdp.send("Runtime.callFunctionOn", {
      objectId: object.objectId,
      functionDeclaration: "function () { return Object.fromEntries([...this.attributes].map(a => [a.name, a.value])); }",
      returnByValue: true,
    });
    return result.value;
  };
  const chain = [];
  for (let n = focused; n; n = byId.get(n.parentId)) {
    if (!n.ignored) chain.push({ role: n.role?.value, name: n.name?.value ?? "", attrs: await attrs(n) });
  }
  await cdp.detach();
  return chain;
}

const shownOrder = () => {
  // The cohort in its default order: by first start (stable), as the widget sorts it.
  const start = (p) => p.phases.map((ph) => ph.start).sort()[0] ?? "9999";
  return cohort.participants
    .map((p, i) => [p, i])
    .sort((a, b) => (start(a[0]) < start(b[0]) ? -1 : start(a[0]) > start(b[0]) ? 1 : a[1] - b[1]))
    .map(([p]) => p);
};

test("5: a cohort row is a button in a list item, announced as N of N with its phases (7)", async () => {
  const first = await tabTo("cohort", (s) => s.row !== null && s.row !== undefined);
  assert.equal(first.row, "0");
  const n = cohort.participants.length;
  const order = shownOrder();
  const check = async (position) => {
    const [node, item, ...above] = await focusedAx();
    const list = above.find((n) => n.role === "list") ?? {};
    const p = order[position];
    assert.equal(node.role, "button", `row ${position + 1} keeps the button role (${JSON.stringify(node)})`);
    assert.ok(node.name.startsWith(p.label), `${node.name} names ${p.label}`);
    assert.equal(item.role, "listitem", `the button sits in a list item (${JSON.stringify(item)})`);
    assert.equal(list.role, "list");
    assert.deepEqual(
      [item.attrs["aria-posinset"], item.attrs["aria-setsize"]],
      [String(position + 1), String(n)],
      `participant ${position + 1} of ${n} is announced as such`,
    );
    // 7: the row's name says which phases it shows.
    for (const ph of p.phases) assert.ok(node.name.includes(KINDS[ph.kind]), `"${node.name}" names ${KINDS[ph.kind]}`);
  };
  await check(0);
  const last = await pressAndWait(page, "cohort", "End", first, 2000, (s) => Number(s.row) === n - 1);
  assert.equal(Number(last.row), n - 1);
  await check(n - 1);
});

test("4: Enter on a cohort row focuses the participant's heading; back returns to that row", async () => {
  const n = cohort.participants.length;
  let s = await state("cohort");
  if (Number(s.row) !== n - 1) {
    await tabTo("cohort", (s) => s.row !== null && s.row !== undefined);
    s = await pressAndWait(page, "cohort", "End", await state("cohort"), 2000, (s) => Number(s.row) === n - 1);
  }
  const id = s.select;
  const opened = await pressAndWait(page, "cohort", "Enter", s, 2000, (s) => s.inner !== null && !s.row);
  assert.equal(opened.where, "cohort", `the focus stays in the widget (${JSON.stringify(opened)})`);
  assert.ok(opened.inner?.startsWith("h3.fw-heading"), `the new view's heading has the focus: ${opened.inner}`);
  const heading = await page.evaluate(() => document.getElementById("cohort").shadowRoot.activeElement.textContent);
  const p = cohort.participants.find((p) => p.id === id);
  assert.ok(heading.startsWith(p.label), `${heading}: the heading of ${p.label}`);
  // Shift+Tab back to "Zurück zur Übersicht", then Enter.
  let text = "";
  for (let i = 0; i < 20 && !text.includes("Zurück"); i++) {
    await page.keyboard.press("Shift+Tab");
    text = await page.evaluate(() => document.getElementById("cohort").shadowRoot.activeElement?.textContent ?? "");
  }
  assert.ok(text.includes("Zurück zur Übersicht"), text);
  const before = await state("cohort");
  const back = await pressAndWait(page, "cohort", "Enter", before, 2000, (s) => s.select === id);
  assert.deepEqual(
    [back.where, back.select, back.row],
    ["cohort", id, String(n - 1)],
    `back in the list, on the row the person came from (${JSON.stringify(back)})`,
  );
  // The same with the mouse: a click on a row opens it, the back button returns to it.
  const row = page.locator("#cohort .fw-row").first();
  const clickedId = await row.getAttribute("data-fw-select");
  await row.click();
  await page.waitForFunction(() => document.getElementById("cohort").shadowRoot.activeElement?.matches(".fw-heading"), null, { timeout: 5000 });
  await page.locator("#cohort .fw-toolbar button", { hasText: "Zurück zur Übersicht" }).click();
  const t0 = Date.now();
  let now;
  while (Date.now() - t0 < 2000 && (now = await state("cohort")).select !== clickedId) await page.waitForTimeout(20);
  assert.equal(now.select, clickedId, `a click on back returns the focus to the row clicked (${JSON.stringify(now)})`);
});

test("7: phase kinds differ by texture as well as colour, with a legend; the table lists the phases", async () => {
  // The legend under the cohort names every kind its rows show, each with its swatch.
  const used = [...new Set(cohort.participants.flatMap((p) => p.phases.map((ph) => ph.kind)))];
  const view = await page.evaluate(() => {
    const root = document.getElementById("cohort").shadowRoot;
    const legend = [...root.querySelectorAll(".fw-tl-legend__item")].map((g) => ({
      text: g.textContent.trim(),
      swatch: g.querySelectorAll("rect, path").length,
    }));
    // What sets one kind's bars apart besides their colour: the texture drawn over them,
    // relative to the bar's corner.
    const textures = {};
    for (const bar of root.querySelectorAll(".fw-row__bar")) {
      const kind = [...bar.classList].find((c) => c.startsWith("fw-kind--")).slice(9);
      const x = +bar.getAttribute("x"), y = +bar.getAttribute("y"), w = +bar.getAttribute("width"), h = +bar.getAttribute("height");
      // A bar narrower than two texture steps (a one-day referral is a 2 px sliver) cannot show one.
      if (w < 12) continue;
      const next = bar.nextElementSibling;
      const d = next?.matches(".fw-texture") ? next.getAttribute("d") : "";
      // The first stroke, x from the bar's left in pixels, y as a share of its height.
      const nums = (d.match(/-?[\d.]+/g) ?? []).slice(0, 4).map((v, i) => (i % 2 ? Math.round(((+v - y) / h) * 10) / 10 : Math.round(+v - x)));
      (textures[kind] ??= new Set()).add(nums.join(","));
    }
    return { legend, textures: Object.fromEntries(Object.entries(textures).map(([k, v]) => [k, [...v]])) };
  });
  for (const kind of used) {
    const entry = view.legend.find((e) => e.text === KINDS[kind]);
    assert.ok(entry, `the legend names ${KINDS[kind]}: ${JSON.stringify(view.legend)}`);
    assert.ok(entry.swatch >= 1, `${KINDS[kind]} has a swatch`);
  }
  const kinds = Object.keys(view.textures);
  assert.ok(kinds.length >= 2, JSON.stringify(view.textures));
  for (const k of kinds) assert.equal(view.textures[k].length, 1, `${k}: one texture for all its bars (${view.textures[k]})`);
  for (let i = 0; i < kinds.length; i++)
    for (let j = i + 1; j < kinds.length; j++)
      assert.notEqual(view.textures[kinds[i]][0], view.textures[kinds[j]][0], `${kinds[i]} and ${kinds[j]} differ by more than colour`);
  // The single view's events: each kind its own shape, named in the legend.
  const events = await page.evaluate(() => {
    const root = document.getElementById("order").shadowRoot;
    const shapes = {};
    for (const g of root.querySelectorAll(".fw-mark--event[data-fw-path]")) {
      const d = g.querySelector("path").getAttribute("d");
      shapes[g.getAttribute("aria-label").split(" · ")[0]] = d.replace(/-?[\d.]+/g, "#");
    }
    return { shapes, legend: [...root.querySelectorAll(".fw-tl-legend__item")].map((g) => g.textContent.trim()) };
  });
  const names = Object.keys(events.shapes);
  assert.equal(names.length, 3, JSON.stringify(events));
  assert.equal(new Set(Object.values(events.shapes)).size, 3, `three event kinds, three shapes: ${JSON.stringify(events.shapes)}`);
  for (const name of names) assert.ok(events.legend.includes(name), `the legend names ${name}: ${events.legend}`);
  // The cohort's table view has a column of the phases.
  await page.locator("#cohort .fw-toolbar button", { hasText: "Als Tabelle" }).click();
  await page.waitForFunction(() => document.getElementById("cohort").shadowRoot.querySelector("table.fw-table--cohort"));
  const table = await page.evaluate(() => {
    const t = document.getElementById("cohort").shadowRoot.querySelector("table.fw-table--cohort");
    const heads = [...t.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    const rows = [...t.querySelectorAll("tbody tr")].slice(0, 5).map((tr) => [...tr.children].map((c) => c.textContent.trim()));
    return { heads, rows };
  });
  const col = table.heads.indexOf("Phasen");
  assert.ok(col >= 0, `a column "Phasen": ${table.heads}`);
  const order = shownOrder();
  table.rows.forEach((cells, k) => {
    for (const ph of order[k].phases) assert.ok(cells[col].includes(KINDS[ph.kind]), `${cells[col]} lists ${KINDS[ph.kind]}`);
  });
  // The toggle keeps its name (issue 23, finding 16): pressed again, it shows the chart.
  await page.locator("#cohort .fw-toolbar button[aria-pressed='true']", { hasText: "Als Tabelle" }).click();
  await page.waitForFunction(() => document.getElementById("cohort").shadowRoot.querySelector(".fw-row"));
});

test("14: Tab and the reading order of the single view go by date, not by the data's order", async () => {
  const paths = [];
  let s = await tabTo("order", (s) => !!s.path);
  while (s.where === "order" && s.path) {
    paths.push(s.path);
    await page.keyboard.press("Tab");
    s = await state("order");
  }
  const p = ORDER.participants[0];
  assert.equal(paths.length, 3 + 3 + 1 + 1, paths.join(" "));
  const dates = paths.map((path) => dateOf(p, path));
  assert.deepEqual(dates, [...dates].sort(), `focus order by date: ${paths.map((x, i) => `${x} ${dates[i]}`).join(", ")}`);
  // The reading order (the accessibility tree's, of the images that name the records) is the same.
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const read = [];
  for (const n of nodes.filter((n) => !n.ignored && ["img", "image"].includes(n.role?.value) && n.backendDOMNodeId)) {
    const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: n.backendDOMNodeId });
    const { result } = await cdp.send("Runtime.callFunctionOn", {
      objectId: object.objectId,
      functionDeclaration: "function () { return this.getRootNode().host?.id === 'order' && this.hasAttribute('data-fw-path'); }",
      returnByValue: true,
    });
    if (result.value) read.push((n.name?.value ?? "").replace(/[\u2066-\u2069]/g, ""));
  }
  await cdp.detach();
  assert.deepEqual(
    read.map((n) => n.split(/[ :·]/)[0]),
    ["Zuweisung", "Profiling", "Hausbesuch", "Tagesstruktur", "Arbeitsgelegenheit", "Beratung", "Förderplangespräch", "Austritt"],
    read.join(" | "),
  );
});

// WCAG 1.4.12: the bookmarklet's text spacing, injected into every shadow root.
const SPACING = "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";

/** Every visible SVG text of the timelines: overlaps of two labels, labels cut by their box. */
function collisions(ids) {
  const found = [];
  for (const id of ids) {
    const root = document.getElementById(id).shadowRoot;
    for (const svg of root.querySelectorAll("svg")) {
      if (svg.closest(".fw-export-figure")) continue;
      const box = svg.getBoundingClientRect();
      if (box.width === 0) continue;
      const texts = [...svg.querySelectorAll("text")]
        .filter((t) => t.textContent.trim() && getComputedStyle(t).visibility !== "hidden" && getComputedStyle(t).display !== "none")
        .map((t) => ({ t, r: t.getBoundingClientRect(), name: t.textContent.trim(), cls: t.getAttribute("class") ?? "" }));
      for (const a of texts) {
        if (a.r.left < box.left - 0.5 || a.r.right > box.right + 0.5) found.push(`${id}: "${a.name}" cut by the drawing's edge`);
        if (a.cls.includes("fw-phase__label--in")) {
          const bar = a.t.closest("g").querySelector(".fw-phase__bar").getBoundingClientRect();
          if (a.r.right > bar.right + 0.5) found.push(`${id}: "${a.name}" runs out of its bar`);
        }
        if (a.cls.includes("fw-lane__title")) {
          // In the gutter, or (where it is too narrow) above its lane's marks.
          const axis = svg.querySelector(".fw-axis-line")?.getBoundingClientRect();
          const over = [...svg.querySelectorAll("[data-fw-path]")].some((g) => {
            const r = g.getBoundingClientRect();
            return Math.min(a.r.right, r.right) - Math.max(a.r.left, r.left) > 0.5 && Math.min(a.r.bottom, r.bottom) - Math.max(a.r.top, r.top) > 0.5;
          });
          if (axis && a.r.right > axis.left + 0.5 && over) found.push(`${id}: lane title "${a.name}" runs into the plot`);
        }
      }
      for (let i = 0; i < texts.length; i++)
        for (let j = i + 1; j < texts.length; j++) {
          const [a, b] = [texts[i].r, texts[j].r];
          const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
          if (overlap) found.push(`${id}: "${texts[i].name}" overlaps "${texts[j].name}"`);
        }
    }
  }
  return found;
}

test("9: no timeline label collides or is cut with WCAG 1.4.12 text spacing, at 1100 px and 320 px", async () => {
  const ids = ["order", "single", "path", "cohort"];
  await page.evaluate(
    ([ids, css]) => {
      for (const id of ids) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        const root = document.getElementById(id).shadowRoot;
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      }
    },
    [ids, SPACING],
  );
  const found = [];
  for (const width of [1100, 320]) {
    await page.setViewportSize({ width, height: 900 });
    // Wait until every drawing has been laid out for the new width.
    await page.waitForFunction(
      ([ids, width]) =>
        ids.every((id) => {
          const svg = document.getElementById(id).shadowRoot.querySelector(".fw-plot svg, .fw-cohort-axis svg");
          return svg && +svg.getAttribute("width") <= width;
        }),
      [ids, width],
      { timeout: 5000 },
    );
    for (const c of await page.evaluate(collisions, ids)) found.push(`${width} px: ${c}`);
  }
  await page.setViewportSize({ width: 1100, height: 900 });
  assert.deepEqual(found, [], found.join("\n"));
  assert.deepEqual(seen.errors, []);
});
