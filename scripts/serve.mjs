// A small static server for the demo and the end-to-end tests: www/ at /, pkg/ at /pkg/.
// Only GET and HEAD, only files below those two folders, 127.0.0.1 only.
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const mounts = [
  ["/pkg/", join(root, "pkg")],
  ["/", join(root, "www")],
];
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".ts": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

// JSON endpoints for the host examples, built from the samples: what a Jobcenter backend
// would answer. `/api/occupancy/live` moves on one reporting date every 5 seconds, so a widget
// with `refresh` shows live updates.
const data = (name) => readFile(join(root, "www/data", name), "utf8").then(JSON.parse);
const LIVE_STEP_MS = 5000;
const api = {
  "/api/timeline/cohort": () => data("timeline-stendal-cohort.json"),
  "/api/timeline/path": () => data("timeline-jobperspektive.json"),
  "/api/occupancy/programme": () => data("occupancy-stendal.json"),
  "/api/occupancy/providers": () => data("occupancy-example.json"),
  "/api/map/regions": () => data("map-sachsen.json"),
  "/api/occupancy/live": async () => {
    const doc = await data("occupancy-stendal.json");
    const step = Math.floor(Date.now() / LIVE_STEP_MS) % doc.series.length;
    doc.series = doc.series.slice(0, step + 1);
    doc.asOf = doc.series[step].date;
    return doc;
  },
};

// Pages whose Content-Security-Policy comes as an HTTP header rather than a <meta> (the header
// is what most hosts send): www/strict-csp.html, checked by tests/e2e/hostile.test.mjs.
const pageHeaders = {
  "/strict-csp.html": {
    "content-security-policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
  },
};

async function answerApi(pathname, response) {
  const participant = pathname.match(/^\/api\/timeline\/participants\/([A-Za-z0-9-]+)$/);
  let body;
  if (participant) {
    const cohort = await data("timeline-stendal-cohort.json");
    const one = cohort.participants.find((p) => p.id === participant[1]);
    if (one) body = { ...cohort, title: one.label, participants: [one] };
  } else if (api[pathname]) {
    body = await api[pathname]();
  }
  if (!body) return false;
  response.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
  return true;
}

function locate(pathname) {
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const file = normalize(join(dir, pathname.slice(prefix.length)));
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    return file;
  }
  return null;
}

// What a server compresses when asked to (`gzip`), as most hosts do for text and wasm.
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".fwg", ".geojson"]);

/**
 * Serves www/ and pkg/ on `port`. Options (for the bench): `gzip` compresses what a browser
 * accepts gzip for, as a production server would; `extra` maps paths to bodies served as
 * JSON.
 */
export function startServer(port = 8080, host = "127.0.0.1", { gzip = false, extra = {} } = {}) {
  const packed = new Map();
  const send = (request, response, status, headers, body, ext) => {
    if (gzip && body && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
      const key = `${request.url} ${body.length}`;
      if (!packed.has(key)) packed.set(key, gzipSync(body, { level: 6 }));
      body = packed.get(key);
      headers = { ...headers, "content-encoding": "gzip", vary: "accept-encoding" };
    }
    response.writeHead(status, { ...headers, "content-length": body ? body.length : 0 });
    response.end(request.method === "HEAD" ? undefined : body);
  };
  const server = createServer(async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, "http://x").pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (pathname.startsWith("/api/") && (await answerApi(pathname, response).catch(() => false))) return;
    if (Object.hasOwn(extra, pathname)) {
      const headers = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };
      send(request, response, 200, headers, Buffer.from(extra[pathname]), ".json");
      return;
    }
    let file = locate(pathname);
    try {
      if (file && (await stat(file)).isDirectory()) file = join(file, "index.html");
      if (!file) throw new Error("outside");
      const body = await readFile(file);
      const headers = {
        "content-type": types[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
        ...pageHeaders[pathname],
      };
      send(request, response, 200, headers, body, extname(file));
    } catch {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
    }
  });
  return new Promise((ready, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ready(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--port");
  const port = at > 0 ? Number(process.argv[at + 1]) : 8080;
  const server = await startServer(port).catch((error) => {
    if (error.code !== "EADDRINUSE") throw error;
    console.error(`foerderweg demo: port ${port} is in use; try PORT=${port + 1} ./dev demo`);
    process.exit(1);
  });
  const { port: bound } = server.address();
  console.log(`foerderweg demo: http://127.0.0.1:${bound}/  (Ctrl+C stops)`);
}
