// Shared set-up of the end-to-end tests: the demo server on a free port and headless Chromium.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { startServer } from "../../scripts/serve.mjs";

export const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const SCREENSHOTS = new URL("./screenshots/", import.meta.url);

/** Starts the server and the browser; `close()` stops both. */
export async function start() {
  const server = await startServer(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: FLAGS,
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/**
 * Opens `path` in a new page and records what the page says: console errors, failed requests,
 * CSP violations and every request (to check that the widgets fetch nothing unasked).
 */
export async function open(env, path, { viewport = { width: 1100, height: 900 } } = {}) {
  const page = await env.browser.newPage({ viewport });
  const seen = { errors: [], requests: [], failed: [] };
  page.on("console", (m) => m.type() === "error" && seen.errors.push(m.text()));
  page.on("pageerror", (e) => seen.errors.push(String(e)));
  page.on("request", (r) => seen.requests.push(r.url()));
  page.on("requestfailed", (r) => seen.failed.push(r.url()));
  await page.goto(env.base + path);
  return { page, seen };
}

/** Text of the first element matching `selector` inside `host`'s shadow root. */
export function shadowText(page, host, selector) {
  return page.evaluate(
    ([h, s]) => document.querySelector(h)?.shadowRoot?.querySelector(s)?.textContent ?? null,
    [host, selector],
  );
}

/**
 * Scrolls the page to its end with the mouse wheel, a screen at a time, and back to the top,
 * as a visitor reads it: widgets below the fold load their module when they come near the
 * viewport.
 */
export async function readThrough(page) {
  const step = await page.evaluate(() => window.innerHeight);
  for (let i = 0; i < 100; i++) {
    const done = await page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2);
    if (done) break;
    await page.mouse.wheel(0, step);
    await page.waitForTimeout(100);
  }
  // The intersection observers report in a frame after the last scroll.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(100);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Serves a host page of the test's own at `path` on the demo origin (through `page.route()`),
 * with `script` as its module script and `body` as its body, and opens it.
 */
export async function hostPage(env, page, path, { lang = "de", title = "Host", script = "", body = "" } = {}) {
  const url = `${env.base}${path}`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<link rel="icon" href="data:,">
<script type="module">${script}</script></head><body>${body}</body></html>`,
    }),
  );
  await page.goto(url);
}
