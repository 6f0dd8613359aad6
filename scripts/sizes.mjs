// Prints the shipped sizes of pkg/: raw, gzip -9 and brotli of the .wasm, the JS glue and the
// map geometry (geo/*.fwg, loaded only by pages with a map).
import { readFileSync, readdirSync, statSync } from "node:fs";
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

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);
let total = [0, 0, 0];
console.log(`${"file".padEnd(44)}${"raw".padStart(10)}${"gzip -9".padStart(10)}${"brotli".padStart(10)}`);
for (const path of files.sort()) {
  const bytes = readFileSync(path);
  const gz = gzipSync(bytes, { level: 9 }).length;
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total = [total[0] + bytes.length, total[1] + gz, total[2] + br];
  console.log(`${relative(dir, path).padEnd(44)}${kb(bytes.length)}${kb(gz)}${kb(br)}`);
}
console.log(`${"shipped in total".padEnd(44)}${kb(total[0])}${kb(total[1])}${kb(total[2])}`);
