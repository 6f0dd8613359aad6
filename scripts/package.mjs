// Writes pkg/package.json so pkg/ can be published or installed as an npm package, and puts a
// gzip and a brotli copy beside each module and script, for servers that send precompressed
// files (nginx's gzip_static and brotli_static, for instance).
import { copyFileSync, readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const pkg = fileURLToPath(new URL("../pkg/", import.meta.url));
const cargo = readFileSync(new URL("../Cargo.toml", import.meta.url), "utf8");
const field = (name) => cargo.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, "m"))?.[1];
copyFileSync(new URL("../js/custom-elements.json", import.meta.url), join(pkg, "custom-elements.json"));
copyFileSync(new URL("../README.md", import.meta.url), join(pkg, "README.md"));

const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
})(pkg);
for (const path of files.filter((f) => /\.(wasm|js|fwg|css)$/.test(f))) {
  const bytes = readFileSync(path);
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}

const manifest = {
  name: "foerderweg",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  type: "module",
  module: "foerderweg.js",
  main: "foerderweg.js",
  types: "foerderweg.d.ts",
  files: readdirSync(pkg).filter((f) => f !== "package.json"),
  // Importing the entry point defines the custom elements.
  sideEffects: ["./foerderweg.js", "./elements.js", "./modules/*", "./modules/snippets/*"],
  customElements: "custom-elements.json",
  exports: {
    ".": { types: "./foerderweg.d.ts", default: "./foerderweg.js" },
    "./modules/*": "./modules/*",
    "./geo/*": "./geo/*",
    "./foerderweg.css": "./foerderweg.css",
    "./custom-elements.json": "./custom-elements.json",
  },
  keywords: ["web-components", "custom-elements", "wasm", "leptos", "arbeitsmarkt", "timeline", "dashboard", "map"],
};
writeFileSync(join(pkg, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`pkg/: ${files.length} files; .gz and .br copies beside each module, script and geometry file`);
