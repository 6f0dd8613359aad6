// Shared by the framework tests (frameworks-react, frameworks-vue): the small apps under
// tests/frameworks/ built against the built package (pkg/), installed as a user would install
// it: `npm pack` of pkg/, unpacked into the app's node_modules (a copied folder, not a link:
// Vite answers 403 for files behind a link out of the project). One Vite dev server and one
// production build per app, shared by its cases; Chromium drives them with real input.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as httpServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "node_modules/.bin");

/** The samples the apps show (copied into the app's public/data/). */
const SAMPLES = [
  "timeline-stendal-path",
  "timeline-jobperspektive",
  "occupancy-stendal",
  "occupancy-example",
  "map-regio-aktiv",
  "map-sachsen",
];

/** `npm pack`s pkg/ and unpacks it into `app`/node_modules/foerderweg; copies the samples. */
export function install(app) {
  const dir = join(ROOT, "tests/frameworks", app);
  assert.ok(existsSync(join(ROOT, "pkg/package.json")), "pkg/ is built (./dev build)");
  const packed = mkdtempSync(join(tmpdir(), "foerderweg-pack-"));
  const file = execFileSync("npm", ["pack", "--silent", "--pack-destination", packed], { cwd: join(ROOT, "pkg") })
    .toString()
    .trim()
    .split("\n")
    .pop();
  const target = join(dir, "node_modules/foerderweg");
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  execFileSync("tar", ["-xzf", join(packed, file), "-C", target, "--strip-components=1"]);
  rmSync(packed, { recursive: true, force: true });
  assert.ok(!lstatSync(target).isSymbolicLink());
  mkdirSync(join(dir, "public/data"), { recursive: true });
  for (const name of SAMPLES) cpSync(join(ROOT, "www/data", `${name}.json`), join(dir, "public/data", `${name}.json`));
  return dir;
}

/** Runs a type checker of the repository's node_modules in `dir`; returns its output. */
export function typecheck(dir, tool, args) {
  try {
    return { ok: true, output: execFileSync(join(BIN, tool), args, { cwd: dir, stdio: "pipe" }).toString() };
  } catch (error) {
    return { ok: false, output: `${error.stdout ?? ""}${error.stderr ?? ""}` };
  }
}

/** Vite's dev server for `dir` on a free port: `{url, close}`. */
export async function devServer(dir) {
  const { createServer } = await import("vite");
  const server = await createServer({
    root: dir,
    configFile: join(dir, "vite.config.ts"),
    logLevel: "error",
    server: { host: "127.0.0.1", port: 0, strictPort: false },
  });
  await server.listen();
  const { port } = server.httpServer.address();
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** `vite build` of `dir` into dir/dist. */
export async function build(dir) {
  const { build } = await import("vite");
  await build({ root: dir, configFile: join(dir, "vite.config.ts"), logLevel: "error" });
  return join(dir, "dist");
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
};

/** A static server of `dir` (what a host serves a production build with): `{url, close}`. */
export async function staticServer(dir) {
  const server = httpServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
    const file = join(dir, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file) || lstatSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) };
}

/** Each widget's text, and whether it drew its chart. */
const widgets = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      ["timeline", "occupancy", "map"].map((id) => {
        const root = document.getElementById(id)?.shadowRoot;
        return [id, { drawn: !!root?.querySelector(".fw-mount svg"), text: root?.textContent ?? "" }];
      }),
    ),
  );

/** What each widget shows for the app's first and second documents. */
const SHOWN = [
  { timeline: /Stabilisierung und Teilhabe/, occupancy: /Stendal/, map: /REGIO AKTIV/ },
  { timeline: /JobPerspektive Sachsen: ein Verlauf/, occupancy: /Beispielprogramm/, map: /JobPerspektive Sachsen: Programmregionen/ },
];

/**
 * Opens `url` and checks what a person gets: the three widgets draw the app's data, draw the
 * other data when the app's state changes (a real click on its button), and a click on a bar
 * reaches the app as `foerderweg-select` (shown in its `<output>`).
 */
export async function drawsUpdatesAndSelects(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e}`));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("console", (m) => m.type() === "warning" && /Failed to resolve component/.test(m.text()) && errors.push(m.text()));
  await page.goto(url);
  for (const [n, shown] of SHOWN.entries()) {
    if (n > 0) await page.locator("#next").click();
    await page
      .waitForFunction(
        (shown) =>
          Object.entries(shown).every(([id, text]) => {
            const root = document.getElementById(id)?.shadowRoot;
            return root?.querySelector(".fw-mount svg") && new RegExp(text).test(root.textContent);
          }),
        Object.fromEntries(Object.entries(shown).map(([id, re]) => [id, re.source])),
        { timeout: 60000 },
      )
      .catch(async (error) => {
        const now = await widgets(page);
        throw new Error(`${url}, data ${n}: ${error.message}\n${JSON.stringify(now, null, 1).slice(0, 1500)}`);
      });
  }
  // A bar of the dashboard (a provider's or a project's), clicked as a person clicks it.
  const bar = page.locator("#occupancy button.fw-bar[data-fw-select]").first();
  await bar.scrollIntoViewIfNeeded();
  await bar.click();
  await page.waitForFunction(() => /^occupancy (provider|project) \S+/.test(document.getElementById("selected").textContent), null, {
    timeout: 10000,
  });
  const selected = await page.locator("#selected").textContent();
  const sentErrors = await page.locator("#errors").textContent();
  await page.close();
  return { selected, errors, sentErrors };
}
