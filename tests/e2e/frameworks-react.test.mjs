// A React 19 + Vite + TypeScript app (tests/frameworks/react/) built against the built package:
// it type-checks with the package's typings (`tsc --strict`, the libraries' own declarations
// checked too), and in `vite dev` and in a production build (`vite build`, a static server) the
// three widgets draw its state, draw new state, and send `foerderweg-select` to it, both when
// the package is imported before the first render and when it is imported after it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { FLAGS } from "./helpers.mjs";
import { build, devServer, drawsUpdatesAndSelects, install, staticServer, typecheck } from "./frameworks-lib.mjs";

let dir, browser, dev, prod;
before(async () => {
  dir = install("react");
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });
  dev = await devServer(dir);
  prod = await staticServer(await build(dir));
});
after(async () => {
  await dev?.close();
  await prod?.close();
  await browser?.close();
});

test("tsc --noEmit passes with the package's typings (JSX elements, events, documents)", () => {
  const { ok, output } = typecheck(dir, "tsc", ["--noEmit", "-p", "tsconfig.json"]);
  assert.ok(ok, output);
});

for (const [mode, server] of [
  ["vite dev", () => dev],
  ["production build", () => prod],
]) {
  for (const [entry, page] of [
    ["imported before the first render", "/"],
    ["imported after the first render", "/lazy.html"],
  ]) {
    test(`${mode}, package ${entry}: the widgets draw, update from state and send select`, async () => {
      const got = await drawsUpdatesAndSelects(browser, server().url + page);
      assert.match(got.selected, /^occupancy (provider|project) \S+/);
      assert.equal(got.sentErrors, "0", "no foerderweg-error");
      assert.deepEqual(got.errors, []);
    });
  }
}
