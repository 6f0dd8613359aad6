// Server rendering from Node without a jump: a page whose widgets the server draws with the
// command line tool (`foerderweg-render --format element`) into declarative shadow roots, with
// their documents inline, so the charts show before any script runs and the module takes them
// over without a fetch. Each widget's box is reserved by the page's stylesheet (a height per
// widget, the content scrolling inside), so neither the server's drawing nor the live widget
// moves what follows. Used by tests/e2e/frameworks-ssr.test.mjs; the recipe in docs/frameworks.md.
//
//   node tests/frameworks/node-ssr/server.mjs    # after ./dev build and cargo build -p foerderweg-render
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const ROOT = resolve(fileURLToPath(new URL("../../../", import.meta.url)));
const run = promisify(execFile);

/** Width of the drawing: the content width of the column the widgets stand in. */
const WIDTH = 720;

/**
 * One widget as the server writes it: the tool renders the document at the page's width and
 * language into the element, its declarative shadow root linking the package's stylesheet.
 * Any Node server (Express, a React or Next.js server component) can write this string.
 */
export async function renderWidget(file, { tool, width = WIDTH, lang = "de" }) {
  const { stdout } = await run(tool, [file, "--format", "element", "--width", String(width), "--lang", lang, "--stylesheet", "/pkg/foerderweg.css"], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** The page's own stylesheet: the column, and each widget's box held before it draws. */
export const PAGE_CSS = `body { margin: 0; font-family: sans-serif; }
main { box-sizing: content-box; width: ${WIDTH}px; margin: 0 auto; padding: 0 1rem; }
/* The widget's place, the same before the module (the server's chart and tables) and after
   (the live widget): nothing below it moves. Taller content scrolls inside the box. */
foerderweg-timeline, foerderweg-occupancy, foerderweg-map { display: block; overflow: auto; }
foerderweg-timeline { height: 48rem; }
foerderweg-occupancy { height: 60rem; }
foerderweg-map { height: 48rem; }
footer { padding: 1rem 0; }
`;

/** The page: three widgets rendered on the server, one script for the module. */
export async function page(tool) {
  const [occupancy, timeline, map] = await Promise.all(
    ["occupancy-stendal", "timeline-stendal-path", "map-sachsen"].map((name) => renderWidget(join(ROOT, "www/data", `${name}.json`), { tool })),
  );
  return `<!doctype html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:">
  <title>Vom Node-Server gezeichnet</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/page.css">
  <script type="module" src="/pkg/foerderweg.js"></script>
</head>
<body>
  <main>
    <h1>Vom Node-Server gezeichnet</h1>
    <section><h2>Belegung</h2>${occupancy}</section>
    <section><h2>Förderweg</h2>${timeline}</section>
    <section><h2>Programmregionen</h2>${map}</section>
    <footer id="below">Was unter den Widgets steht, bleibt stehen.</footer>
  </main>
</body>
</html>
`;
}

const TYPES = { ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".fwg": "application/octet-stream" };

/** The server: `/` the page (rendered once), `/page.css`, the package under `/pkg/`. */
export async function serve({ port = 0, tool = join(ROOT, "target/debug/foerderweg-render") } = {}) {
  const html = await page(tool);
  const pkg = join(ROOT, "pkg");
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, "http://localhost").pathname;
    if (path === "/") return response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    if (path === "/page.css") return response.writeHead(200, { "content-type": "text/css" }).end(PAGE_CSS);
    const file = normalize(join(pkg, path.replace(/^\/pkg\//, "/")));
    if (!path.startsWith("/pkg/") || !file.startsWith(pkg)) return response.writeHead(404).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(port, "127.0.0.1", done));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serve({ port: 8081 });
  console.log(`serving ${url}/`);
}
