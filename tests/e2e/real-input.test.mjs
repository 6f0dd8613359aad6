// Selecting with real input (issue 21): every selectable mark of every widget, clicked with
// playwright's mouse and activated with Enter and Space from the keyboard, sends the
// `foerderweg-select` of that mark, not of what is drawn in its place afterwards. A scripted
// `element.click()` targets the button itself; a person's click lands on the text or the bar
// inside it, which is what these tests do.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start } from "./helpers.mjs";
import { fixture, sample } from "./a11y-lib.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** The selectable marks of widget `id` now drawn: `{select, kind, x, y}`, the point a person aims at. */
async function marks(page, id, limit) {
  return page.evaluate(
    ([id, limit]) => {
      const root = document.getElementById(id).shadowRoot;
      const seen = new Set();
      const out = [];
      for (const el of root.querySelectorAll("[data-fw-select]")) {
        const kind = el.getAttribute("data-fw-kind");
        const n = [...seen].filter((k) => k === kind).length;
        if (el.closest("[hidden], .fw-export-figure, [aria-hidden='true']")) continue;
        const r = el.getBoundingClientRect();
        if (r.width < 2 || r.height < 2) continue;
        seen.add(kind + out.length);
        if (out.filter((m) => m.kind === kind).length >= limit) continue;
        out.push({ select: el.getAttribute("data-fw-select"), kind });
      }
      return out;
    },
    [id, limit],
  );
}

/** Scrolls the mark into view and returns a point a person would click that hits it (an area
 * is no rectangle: its box's middle may lie on a neighbour). */
async function aim(page, id, m) {
  return page.evaluate(
    ([id, m]) => {
      const root = document.getElementById(id).shadowRoot;
      const el = root.querySelector(`[data-fw-select="${CSS.escape(m.select)}"][data-fw-kind="${m.kind}"]`);
      if (!el) return null;
      el.scrollIntoView({ block: "center" });
      const inner = el.querySelector(".fw-bar__label, .fw-row__label") ?? el;
      const r = inner.getBoundingClientRect();
      for (const fy of [0.5, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6]) {
        for (const fx of [0.5, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6, 0.1, 0.9]) {
          const [x, y] = [r.left + r.width * fx, r.top + r.height * fy];
          const hit = root.elementFromPoint(x, y)?.closest("[data-fw-select]");
          if (hit === el) return { x, y };
        }
      }
      return null;
    },
    [id, m],
  );
}

const last = (page) => page.evaluate(() => window.selected.at(-1) ?? null);

/** Puts the widget back as it was drawn first (a drilled-down provider, an open participant). */
async function reset(page, id) {
  await page.evaluate(async (id) => {
    const el = document.getElementById(id);
    const copy = el.cloneNode(false);
    el.replaceWith(copy);
    await new Promise((r) => copy.addEventListener("foerderweg-ready", r, { once: true }));
  }, id);
  await sleep(200);
}

for (const [name, limit] of [["occupancy", 4], ["map", 3], ["cohort", 3]]) {
  test(`${name}: a real click, Enter and Space on each selectable mark select that mark`, async () => {
    const { page, seen } = await fixture(env, [sample(name)], { viewport: { width: 1100, height: 900 } });
    const found = await marks(page, name, limit);
    assert.ok(found.length >= 2, `selectable marks drawn: ${JSON.stringify(found)}`);
    const wrong = [];
    for (const m of found) {
      const want = { type: m.kind, id: m.select };
      for (const how of ["mouse", "Enter", "Space"]) {
        await reset(page, name);
        const before = await page.evaluate(() => window.selected.length);
        if (how === "mouse") {
          const at = await aim(page, name, m);
          if (!at) {
            wrong.push(`${m.kind} ${m.select}: no point of it can be clicked`);
            continue;
          }
          await page.mouse.click(at.x, at.y);
        } else {
          const ok = await page.evaluate(([id, m]) => {
            const el = document.getElementById(id).shadowRoot.querySelector(`[data-fw-select="${CSS.escape(m.select)}"][data-fw-kind="${m.kind}"]`);
            el?.focus();
            return !!el && document.getElementById(id).shadowRoot.activeElement === el;
          }, [name, m]);
          if (!ok) {
            wrong.push(`${m.kind} ${m.select}: cannot take the focus`);
            continue;
          }
          await page.keyboard.press(how === "Space" ? " " : "Enter");
        }
        await sleep(250);
        const got = await page.evaluate((n) => window.selected.slice(n), before);
        const mine = got.filter((d) => d.kind);
        if (mine.length !== 1 || mine[0].type !== want.type || mine[0].id !== want.id) {
          wrong.push(`${how} on ${want.type} ${want.id} sent ${JSON.stringify(mine)}`);
        }
      }
    }
    assert.deepEqual(wrong, [], wrong.join("\n"));
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
}

test("path: the wheel over a participant's chart scrolls the page; Ctrl + wheel zooms it", async () => {
  const { page, seen } = await fixture(env, [sample("path")], { viewport: { width: 1000, height: 500 } });
  const at = await page.evaluate(() => {
    const plot = document.getElementById("path").shadowRoot.querySelector(".fw-plot");
    plot.scrollIntoView({ block: "start" });
    window.scrollBy(0, -40);
    const r = plot.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + Math.min(r.height / 2, 120) };
  });
  const drawing = () => page.evaluate(() => document.getElementById("path").shadowRoot.querySelector(".fw-plot__marks").innerHTML);
  const scrolled = () => page.evaluate(() => window.scrollY);
  const [d0, y0] = [await drawing(), await scrolled()];
  await page.mouse.move(at.x, at.y);
  await page.mouse.wheel(0, 240);
  await sleep(400);
  const [d1, y1] = [await drawing(), await scrolled()];
  assert.ok(y1 > y0, `the wheel scrolls the page past the chart (${y0} → ${y1})`);
  assert.equal(d1, d0, "the wheel alone does not zoom");
  // Back to the chart; Ctrl + wheel zooms and holds the page still.
  await page.evaluate((y) => window.scrollTo(0, y), y0);
  await sleep(200);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -240);
  await page.keyboard.up("Control");
  await sleep(400);
  const [d2, y2] = [await drawing(), await scrolled()];
  assert.notEqual(d2, d0, "Ctrl + wheel zooms the window");
  assert.equal(y2, y0, "the page stays where it was while zooming");
  const hint = await page.evaluate(() => document.getElementById("path").shadowRoot.querySelector(".fw-hint")?.textContent);
  assert.match(hint ?? "", /Strg\/⌘ \+ Mausrad/, "the hint line says how to zoom");
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("path: new data for the participant shown is drawn at once", async () => {
  const { page, seen } = await fixture(env, [sample("path")], { viewport: { width: 1000, height: 800 } });
  const events = () =>
    page.evaluate(() => document.getElementById("path").shadowRoot.querySelectorAll(".fw-plot__marks [data-fw-path*='.events[']").length);
  const before = await events();
  assert.ok(before >= 3, `events drawn: ${before}`);
  await page.evaluate(async () => {
    const el = document.getElementById("path");
    const doc = await (await fetch("/data/timeline-stendal-path.json")).json();
    const first = doc.participants[0].events[0];
    doc.participants[0].events.push({ ...first, date: "2018-06-20", label: "Ein weiteres Gespräch" });
    el.data = doc;
  });
  await page.waitForFunction(
    (n) => document.getElementById("path").shadowRoot.querySelectorAll(".fw-plot__marks [data-fw-path*='.events[']").length > n,
    before,
    { timeout: 3000 },
  ).catch(() => {});
  assert.equal(await events(), before + 1, "the new event is drawn without moving the window");
  assert.deepEqual(seen.errors, []);
  await page.close();
});
