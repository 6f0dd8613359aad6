// The dashboard's selects with a real keyboard, now that they are markup written again with each
// change (issue 20): the order of the provider bars and the key figures' period filter. A change
// by arrow key redraws what it orders or filters, and the focus stays on the select, so the
// next arrow key goes on from there and Tab reaches what follows.
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

/** The focused element of widget `id` (its class and data-fw-end), the order select's value,
 * the bars' ids in order and the key-figure table's column heads. */
function state(page, id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const a = root.activeElement;
    const head = root.querySelector(".fw-table--indicators thead tr");
    return {
      focus: a ? `${a.localName}${a.className ? "." + a.className : ""}${a.dataset.fwEnd ? ":" + a.dataset.fwEnd : ""}${a.dataset.fwSelect ? "#" + a.dataset.fwSelect : ""}` : null,
      order: root.querySelector(".fw-bars select")?.value,
      bars: [...root.querySelectorAll(".fw-bar")].map((b) => b.dataset.fwSelect),
      heads: head ? [...head.cells].map((c) => c.textContent) : null,
    };
  }, id);
}

test("arrow keys on the bars' order redraw the bars and keep the focus on the select", async () => {
  const { page, seen } = await fixture(env, [sample("occupancy")]);
  const select = page.locator("#occupancy .fw-bars select");
  await select.scrollIntoViewIfNeeded();
  await select.focus();
  const first = await state(page, "occupancy");
  assert.equal(first.focus, "select.fw-select");
  assert.equal(first.order, "size");
  const seen_orders = [first];
  for (const _ of [1, 2]) {
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction(
      ([id, before]) => document.getElementById(id).shadowRoot.querySelector(".fw-bars select").value !== before,
      ["occupancy", seen_orders.at(-1).order],
    );
    const now = await state(page, "occupancy");
    assert.equal(now.focus, "select.fw-select", `the focus stays on the select after ${now.order}`);
    assert.deepEqual([...now.bars].sort(), [...first.bars].sort(), "the same bars");
    seen_orders.push(now);
  }
  assert.deepEqual(seen_orders.map((s) => s.order), ["size", "rate", "document"]);
  assert.notDeepEqual(seen_orders[0].bars, seen_orders[2].bars, "another order of the bars");
  // Tab goes on to the first bar of the new order.
  await page.keyboard.press("Tab");
  assert.equal((await state(page, "occupancy")).focus, `button.fw-bar#${seen_orders[2].bars[0]}`);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("arrow keys on the period filter narrow the key figures and keep the focus on the select", async () => {
  const { page, seen } = await fixture(env, [sample("saalekreis")]);
  const from = page.locator("#saalekreis .fw-filter select[data-fw-end='from']");
  await from.scrollIntoViewIfNeeded();
  await from.focus();
  const before = await state(page, "saalekreis");
  assert.equal(before.focus, "select:from");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.waitForFunction(
    ([id, n]) => document.getElementById(id).shadowRoot.querySelector(".fw-table--indicators thead tr").cells.length === n - 1,
    ["saalekreis", before.heads.length],
  );
  const after = await state(page, "saalekreis");
  assert.equal(after.focus, "select:from", "the focus stays on the select");
  assert.deepEqual(after.heads, [...before.heads.slice(0, 2), ...before.heads.slice(3)], "the first period is left out");
  await page.keyboard.press("Tab");
  assert.equal((await state(page, "saalekreis")).focus, "select:to", "Tab goes on to the other end");
  assert.deepEqual(seen.errors, []);
  await page.close();
});

// Todo: it fails on main too (`0 !== 240`): a table's cells set again (render::dom::show_table, or
// the part written whole) collapse the region for a moment and its scroll offset goes to 0.
test("a table region scrolled by the keyboard stays scrolled and focused when new figures come", { todo: "the scroll offset is lost with new figures (also on main)" }, async () => {
  const { page, seen } = await fixture(env, [sample("stendal")], { viewport: { width: 360, height: 800 } });
  const region = page.locator("#stendal .fw-table-wrap:has(.fw-table--report)");
  await region.scrollIntoViewIfNeeded();
  await region.focus();
  const read = () =>
    page.evaluate(() => {
      const root = document.getElementById("stendal").shadowRoot;
      const r = root.querySelector(".fw-table-wrap:has(.fw-table--report)");
      return { left: r.scrollLeft, wide: r.scrollWidth > r.clientWidth, focused: root.activeElement === r, cells: r.querySelector("tbody").textContent };
    });
  assert.equal((await read()).wide, true, "the report table is wider than the widget at 360 px");
  for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
  // The keys scroll smoothly: until the region is at rest.
  let before = await read();
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(100);
    const now = await read();
    if (now.left === before.left && now.left > 0) break;
    before = now;
  }
  assert.ok(before.left > 0, `scrolled by the keys: ${before.left}`);
  // New figures: the last profilings count one higher.
  await page.evaluate(async () => {
    const el = document.getElementById("stendal");
    const doc = await (await fetch("/data/occupancy-stendal.json")).json();
    doc.series.at(-1).profilings += 1;
    el.data = doc;
  });
  await page.waitForFunction((cells) => document.getElementById("stendal").shadowRoot.querySelector(".fw-table-wrap:has(.fw-table--report) tbody").textContent !== cells, before.cells);
  const after = await read();
  assert.equal(after.focused, true, "the region keeps the focus");
  assert.equal(after.left, before.left, "and its scroll offset");
  assert.deepEqual(seen.errors, []);
  await page.close();
});
