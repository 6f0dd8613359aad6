// The export menu of each widget with a real keyboard and mouse: a disclosure (Enter and Space
// open and close it), Tab walks its items and leaves it (which closes it), Escape closes it and
// gives the focus back to its button, an item chosen by mouse or keyboard makes its file, closes
// the menu and says what it did. Its accessible tree stays a group named by the menu, an
// expandable button and a list of buttons. One page holds a dashboard, a cohort and a map.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start } from "./helpers.mjs";
import { fixture, sample } from "./a11y-lib.mjs";

const WIDGETS = ["stendal", "cohort", "map"];

let env;
let page;
let seen;
before(async () => {
  env = await start();
  ({ page, seen } = await fixture(env, WIDGETS.map((w) => sample(w)), { viewport: { width: 1100, height: 900 } }));
});
after(async () => {
  await env?.close();
});

/** Whether the menu of `id` is open, and where the focus is: on its button, on its item `n`
 * ("item n"), elsewhere in the widget (its class) or outside the widget ("outside"). */
function state(id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const menu = root.querySelector(".fw-menu");
    const items = [...root.querySelectorAll(".fw-menu__item")];
    const a = root.activeElement;
    let focus = "outside";
    if (a?.matches(".fw-menu__button")) focus = "button";
    else if (a && items.includes(a)) focus = `item ${items.indexOf(a)}`;
    else if (a) focus = a.className || a.localName;
    return { open: menu.open, focus, items: items.length };
  }, id);
}

const press = async (key) => {
  await page.keyboard.press(key);
  // Keys are handled in the same task; one frame for the disclosure's toggle.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
};

for (const id of WIDGETS) {
  test(`${id}: Enter and Space open the menu, Tab walks and leaves it, Escape gives the focus back`, async () => {
    const summary = page.locator(`#${id} .fw-menu > summary`);
    await summary.scrollIntoViewIfNeeded();
    await summary.focus();
    assert.deepEqual(await state(id), { open: false, focus: "button", items: (await state(id)).items });
    const { items } = await state(id);
    assert.ok(items >= 2, `${id} offers files and print: ${items} items`);

    await press("Enter");
    assert.deepEqual(await state(id), { open: true, focus: "button", items }, "Enter opens");
    await press("Enter");
    assert.deepEqual(await state(id), { open: false, focus: "button", items }, "Enter again closes");
    await press(" ");
    assert.deepEqual(await state(id), { open: true, focus: "button", items }, "Space opens");
    await press("Tab");
    assert.deepEqual(await state(id), { open: true, focus: "item 0", items }, "Tab goes to the first item");
    await press("Tab");
    assert.deepEqual(await state(id), { open: true, focus: "item 1", items });
    await press("Shift+Tab");
    assert.deepEqual(await state(id), { open: true, focus: "item 0", items }, "Shift+Tab goes back");
    await press("Escape");
    assert.deepEqual(await state(id), { open: false, focus: "button", items }, "Escape closes, focus on the button");
    await press("Escape");
    assert.deepEqual(await state(id), { open: false, focus: "button", items }, "Escape on a closed menu changes nothing");

    await press("Enter");
    for (let i = 0; i < items; i++) await press("Tab");
    assert.deepEqual(await state(id), { open: true, focus: `item ${items - 1}`, items }, "the last item");
    await press("Tab");
    const left = await state(id);
    assert.equal(left.open, false, "Tab out of the menu closes it");
    assert.ok(!/^item|^button$/.test(left.focus), `the focus left the menu: ${left.focus}`);
    await press("Shift+Tab");
    // Back into the closed menu: its button (its items are hidden with it).
    assert.deepEqual(await state(id), { open: false, focus: "button", items }, "Shift+Tab comes back to the button");
  });
}

/** The accessible trees of every export menu on the page, as Chromium gives them to assistive
 * technology: one line per node (role, name, expanded), in page order. */
let cdp;
async function trees() {
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    // Enabled, the tree follows the page's changes.
    await cdp.send("Accessibility.enable");
  }
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const lines = (n, depth, out) => {
    const role = n.role?.value;
    // Text nodes, and the anonymous box Chromium keeps for a disclosure once opened, say nothing.
    const shown = !n.ignored && !["StaticText", "InlineTextBox"].includes(role) && !(role === "generic" && !n.name?.value);
    if (shown) {
      const expanded = n.properties?.find((p) => p.name === "expanded");
      out.push(`${" ".repeat(depth)}${role} ${JSON.stringify(n.name?.value ?? "")}${expanded ? ` expanded=${expanded.value.value}` : ""}`);
    }
    for (const c of n.childIds ?? []) if (byId.has(c)) lines(byId.get(c), shown ? depth + 1 : depth, out);
    return out;
  };
  return nodes.filter((n) => n.role?.value === "group" && n.name?.value === "Exportieren").map((g) => lines(g, 0, []));
}

test("the menu's accessible tree: a named group, a disclosure button, a list of buttons", async () => {
  const closed = await trees();
  assert.equal(closed.length, WIDGETS.length, "one menu a widget");
  for (const t of closed) assert.deepEqual(t, ['group "Exportieren"', ' DisclosureTriangle "Exportieren" expanded=false']);
  for (const id of WIDGETS) {
    const labels = (await page.locator(`#${id} .fw-menu__item`).allTextContents()).map((l) => l.trim());
    await page.locator(`#${id} .fw-menu > summary`).click();
    // The accessibility tree follows the DOM a moment later; the open menu is this widget's.
    const expanded = async () => (await trees()).filter((t) => t[1]?.endsWith("expanded=true"));
    let open = await expanded();
    for (let n = 0; n < 40 && open.length === 0; n++) {
      await page.waitForTimeout(50);
      open = await expanded();
    }
    await page.keyboard.press("Escape");
    assert.deepEqual(
      open,
      [
        [
          'group "Exportieren"',
          ' DisclosureTriangle "Exportieren" expanded=true',
          ' list ""',
          ...labels.flatMap((l) => ['  listitem ""', `   button ${JSON.stringify(l)}`]),
        ],
      ],
      id,
    );
    const attrs = await page.locator(`#${id} .fw-menu`).evaluate((d) => ({
      tag: d.localName,
      button: d.querySelector(":scope > summary")?.className,
      items: [...d.querySelectorAll(".fw-menu__item")].map((b) => [b.localName, b.type, b.dataset.fwExport]),
    }));
    assert.equal(attrs.tag, "details");
    assert.equal(attrs.button, "fw-button fw-menu__button");
    for (const [tag, type, kind] of attrs.items) {
      assert.deepEqual([tag, type], ["button", "button"]);
      assert.match(kind, /^(csv|svg|png|print)$/);
    }
  }
});

/** The text of the menu's status line and of the widget's live region. */
const said = (id) =>
  page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    return [root.querySelector(".fw-menu__status").textContent, root.querySelector(".fw-live").textContent.trim()];
  }, id);

for (const id of WIDGETS) {
  test(`${id}: a CSV item chosen with the mouse and with Enter makes its file and says so`, async () => {
    const first = await page.locator(`#${id} .fw-menu__item`).evaluateAll((items) =>
      items.findIndex((b) => b.dataset.fwExport === "csv"),
    );
    assert.ok(first >= 0, `${id} offers a CSV`);
    // The mouse: the button, then the item.
    await page.locator(`#${id} .fw-menu > summary`).click();
    const item = page.locator(`#${id} .fw-menu__item`).nth(first);
    const [byMouse] = await Promise.all([page.waitForEvent("download", { timeout: 10000 }), item.click()]);
    const name = byMouse.suggestedFilename();
    assert.match(name, /\.csv$/);
    assert.deepEqual(await state(id), { open: false, focus: "button", items: (await state(id)).items }, "closed, focus on its button");
    await page.waitForFunction(
      ([id, name]) => document.getElementById(id).shadowRoot.querySelector(".fw-live").textContent.includes(name),
      [id, name],
    );
    const [status, live] = await said(id);
    assert.equal(status, `Die Datei „${name}“ wird heruntergeladen.`);
    assert.equal(live, status, "said in the live region");

    // The keyboard: Space opens, Tab to the item, Enter.
    await press(" ");
    for (let i = 0; i <= first; i++) await press("Tab");
    assert.equal((await state(id)).focus, `item ${first}`);
    const [byKey] = await Promise.all([page.waitForEvent("download", { timeout: 10000 }), page.keyboard.press("Enter")]);
    assert.equal(byKey.suggestedFilename(), name, "the same file");
    assert.deepEqual(await state(id), { open: false, focus: "button", items: (await state(id)).items });
  });
}

test("nothing went wrong on the page", () => {
  assert.deepEqual(seen.errors, []);
});
