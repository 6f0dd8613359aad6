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

// The wasm-bindgen glue's types declare `[Symbol.dispose]()` on its classes, which needs the
// `esnext.disposable` lib: a project checking the package under a lower lib (ES2022, say) fails
// there. The loader's Handle has `destroy()` (and `[Symbol.dispose]` at run time where the
// browser has it); the declarations leave the symbol out.
const modules = join(pkg, "modules");
for (const name of readdirSync(modules).filter((f) => f.endsWith(".d.ts"))) {
  const path = join(modules, name);
  const text = readFileSync(path, "utf8").replace(/^\s*\[Symbol\.dispose\]\(\): void;\n/gm, "");
  writeFileSync(path, text);
}

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
    // The JSON Schemas of the documents and their TypeScript declarations.
    "./schemas/*": "./schemas/*",
    // JSX types for React 19 and `GlobalComponents` for Vue 3: `import type {} from "foerderweg/react"`.
    "./react": { types: "./react.d.ts" },
    "./vue": { types: "./vue.d.ts" },
    "./foerderweg.css": "./foerderweg.css",
    "./custom-elements.json": "./custom-elements.json",
  },
  keywords: ["web-components", "custom-elements", "wasm", "leptos", "arbeitsmarkt", "timeline", "dashboard", "map"],
};
writeFileSync(join(pkg, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`pkg/: ${files.length} files; .gz and .br copies beside each module, script and geometry file`);
