// Sensitive events stay private (issue 21): a timeline fed health, addiction, debt and
// psychosocial counselling (and a kind the host names itself), with the element's
// `confidential` attribute or the `mount()` option stricter than the document. Every output a
// person or a host script gets is searched for their labels, providers and kind names: the
// DOM text, every aria-label, title and alt, the CSV and SVG downloads, and the
// `foerderweg-select` details; the PNG is drawn from the same SVG (js/export.js), so its
// pixels hold no other text. The same page then shows them when the host allows it, so the
// search is known to find them where they are.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start } from "./helpers.mjs";
import { fixture } from "./a11y-lib.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const SECRETS = [
  "GEHEIM-Gesundheit",
  "GEHEIM-Sucht",
  "GEHEIM-Schulden",
  "GEHEIM-Psychosozial",
  "GEHEIM-Hauskind",
  "GEHEIM-Phase",
  "GEHEIM-Traeger",
  "GEHEIM-Projekt",
  "psychotherapy",
  "Schuldnerberatung",
  "Suchtberatung",
  "Gesundheitsberatung",
  "Psychosoziale",
];

/** The document: it asks to show everything; the host asks for less. A cohort of two, or
 * (`single`) the first participant alone. */
function doc(single = false) {
  const d = {
    schema: "foerderweg/timeline@1",
    today: "2019-06-30",
    title: "Vertraulichkeitsprobe",
    confidential: "show",
    confidentialKinds: ["psychotherapy"],
    participants: [
      {
        id: "a",
        label: "TN 0001",
        phases: [
          { kind: "profiling", label: "Profiling", start: "2019-01-07", end: "2019-01-25" },
          {
            kind: "debtCounselling",
            label: "GEHEIM-Phase",
            provider: "GEHEIM-Traeger",
            project: "GEHEIM-Projekt",
            start: "2019-02-01",
            plannedEnd: "2019-05-31",
          },
          { kind: "qualification", label: "Lager", provider: "Träger 1", start: "2019-03-01" },
        ],
        events: [
          { kind: "review", date: "2019-02-11", label: "Förderplangespräch" },
          { kind: "healthCounselling", date: "2019-02-12", label: "GEHEIM-Gesundheit" },
          { kind: "addictionCounselling", date: "2019-02-13", label: "GEHEIM-Sucht" },
          { kind: "debtCounselling", date: "2019-02-14", label: "GEHEIM-Schulden" },
          { kind: "psychosocialCounselling", date: "2019-02-15", label: "GEHEIM-Psychosozial" },
          { kind: "psychotherapy", date: "2019-02-16", label: "GEHEIM-Hauskind" },
        ],
      },
      { id: "b", label: "TN 0002", phases: [{ kind: "referral", start: "2019-01-02", end: "2019-01-02" }] },
    ],
  };
  if (single) d.participants.length = 1;
  return JSON.stringify(d);
}

/** What widget `id` shows and says: its shadow DOM's text, every accessible name and title,
 * and the select details the page received. */
function shown(page, id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const out = { text: root.textContent, attrs: [], selected: JSON.stringify(window.selected) };
    for (const el of root.querySelectorAll("*")) {
      for (const name of ["aria-label", "aria-description", "title", "alt", "aria-valuetext", "data-fw-kind"]) {
        const v = el.getAttribute(name);
        if (v) out.attrs.push(v);
      }
    }
    for (const el of root.querySelectorAll("title, desc")) out.attrs.push(el.textContent);
    return out;
  }, id);
}

function leaks(name, text) {
  return SECRETS.filter((s) => text.includes(s)).map((s) => `${name}: ${s}`);
}

function leaksOf(o) {
  return [...leaks("DOM text", o.text), ...leaks("attributes", o.attrs.join("\n")), ...leaks("select", o.selected)];
}

/** Every file of the export menu of `#id` that holds text (CSV and SVG): `{name, text}`. */
async function downloads(page, id) {
  const host = page.locator(`#${id}`);
  const files = [];
  const menu = host.locator(".fw-menu > summary").first();
  await menu.click();
  const count = await host.locator(".fw-menu__item").count();
  for (let i = 0; i < count; i++) {
    const item = host.locator(".fw-menu__item").nth(i);
    const kind = await item.getAttribute("data-fw-export");
    if (kind !== "csv" && kind !== "svg") continue;
    if (!(await item.isVisible())) await menu.click();
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 10000 }), item.click()]);
    files.push({ name: `${kind} ${download.suggestedFilename()}`, text: readFileSync(await download.path(), "utf8") });
  }
  return files;
}

test("confidential records reveal nothing in the DOM, names, exports or events", async () => {
  const tl = (id, attrs, single) => ({ id, tag: "foerderweg-timeline", attrs, data: doc(single) });
  // Each widget is given its level before its data, as a host page does; the document asks to
  // show in all three, and the strictest wins.
  const widgets = [tl("hide", { confidential: "hide" }, false), tl("gen", { confidential: "generalise" }, true), tl("show", {}, true)];
  const { page, seen } = await fixture(env, widgets);
  try {
    // The cohort: its summary counts what was left out.
    let o = await shown(page, "hide");
    assert.deepEqual(leaksOf(o), []);
    assert.match(o.text, /6 vertrauliche Einträge ausgeblendet/);

    // A person clicks the participant's row: the select event and the path it opens.
    await page.locator("#hide [data-fw-select='a']").first().click();
    await page.waitForFunction(() => window.selected.length > 0);
    await page.waitForFunction(() =>
      document.getElementById("hide").shadowRoot.querySelector("[aria-label^='Förderplangespräch']"),
    );
    o = await shown(page, "hide");
    assert.deepEqual(leaksOf(o), [], "path at hide");
    assert.match(o.text, /6 vertrauliche Einträge ausgeblendet/);
    assert.match(o.text, /Lager/, "the other records are drawn");
    const files = await downloads(page, "hide");
    const names = files.map((f) => f.name).join();
    assert.ok(files.some((f) => f.name.startsWith("csv")) && files.some((f) => f.name.startsWith("svg")), names);
    assert.deepEqual(files.flatMap((f) => leaks(f.name, f.text)), []);
    assert.ok(files.some((f) => f.text.includes("Förderplangespräch")), "the exports hold the other records");

    // Generalised: drawn on their days as "Vertraulich", still without a word of what.
    o = await shown(page, "gen");
    assert.deepEqual(leaksOf(o), [], "path at generalise");
    assert.match(o.text, /6 vertrauliche Einträge/);
    const named = o.attrs.filter((a) => a.startsWith("Vertraulich ·")).length;
    assert.equal(named, 6, "each confidential record has an accessible name that says so: " + o.attrs.join(" | "));
    const generalised = await downloads(page, "gen");
    assert.deepEqual(generalised.flatMap((f) => leaks(f.name, f.text)), []);
    assert.ok(generalised.some((f) => f.name.startsWith("csv") && f.text.includes("Vertraulich")));

    // The document's own "show", with no host level: the labels are there, so the search
    // finds them where they are.
    assert.ok(leaksOf(await shown(page, "show")).length > 0, "shown when the host allows it");

    // The host turns stricter while the path is open: drawn again, nothing of it stays.
    await page.evaluate(() => document.getElementById("show").setAttribute("confidential", "hide"));
    await page.waitForFunction(() => {
      const root = document.getElementById("show").shadowRoot;
      return root.textContent.includes("6 vertrauliche Einträge ausgeblendet") && root.querySelector("[aria-label^='Förderplangespräch']");
    });
    assert.deepEqual(leaksOf(await shown(page, "show")), [], "path after the attribute turned stricter");

    // mount(): the option is the attribute's twin.
    await page.evaluate(async (text) => {
      const { mount } = await import("/pkg/foerderweg.js");
      const el = document.createElement("div");
      el.id = "mounted";
      document.querySelector("main").append(el);
      const done = new Promise((r) => el.addEventListener("foerderweg-ready", r, { once: true }));
      mount(el, "timeline", text, { confidential: "hide", lang: "de" });
      await done;
    }, doc(true));
    o = await shown(page, "mounted");
    assert.deepEqual(leaksOf({ ...o, selected: "" }), [], "mount() at hide");
    assert.match(o.text, /6 vertrauliche Einträge ausgeblendet/);
    assert.deepEqual(seen.errors, []);
  } finally {
    await page.close();
  }
});
