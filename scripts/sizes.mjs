// Prints the shipped sizes of pkg/ (raw, gzip -9 and brotli): each file, then what a page
// downloads: the entry point with one widget's module, or the module of all three, and the map
// geometry that only pages with a map load.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "pkg";
const files = [];
(function walk(d) {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(wasm|js|fwg)$/.test(name)) files.push(path);
  }
})(dir);

const sizes = new Map();
const size = (path) => {
  if (!sizes.has(path)) {
    const bytes = readFileSync(path);
    sizes.set(path, [
      bytes.length,
      gzipSync(bytes, { level: 9 }).length,
      brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    ]);
  }
  return sizes.get(path);
};
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
const row = (name, [raw, gz, br]) => console.log(`${name.padEnd(56)}${kb(raw)}${kb(gz)}${kb(br)}`);
const sum = (paths) => paths.map(size).reduce((a, b) => a.map((x, i) => x + b[i]), [0, 0, 0]);

console.log(`${"file".padEnd(56)}${"raw".padStart(11)}${"gzip -9".padStart(11)}${"brotli".padStart(11)}`);
for (const path of files.sort()) row(relative(dir, path), size(path));

// What a page loads: the entry point, the elements, one module's glue and wasm, its snippets.
const entry = ["foerderweg.js", "elements.js"].map((f) => join(dir, f)).filter(existsSync);
const snippets = files.filter((f) => relative(dir, f).startsWith(join("modules", "snippets")));
const page = (module) => [...entry, join(dir, "modules", `${module}.js`), join(dir, "modules", `${module}_bg.wasm`), ...snippets];
console.log("\na page loads (before its data)");
for (const [name, module] of [
  ["one timeline", "timeline"],
  ["one occupancy dashboard", "occupancy"],
  ["one map (+ districts.fwg)", "map"],
  ["more than one kind", "all"],
]) {
  const paths = page(module);
  if (module === "map") paths.push(join(dir, "geo", "districts.fwg"));
  if (paths.every(existsSync)) row(`  ${name}`, sum(paths));
}
