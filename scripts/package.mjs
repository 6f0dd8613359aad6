// Writes pkg/package.json so pkg/ can be published or installed as an npm package.
import { copyFileSync, readFileSync, writeFileSync, readdirSync } from "node:fs";

const cargo = readFileSync(new URL("../Cargo.toml", import.meta.url), "utf8");
const field = (name) => cargo.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, "m"))?.[1];
copyFileSync(new URL("../js/custom-elements.json", import.meta.url), new URL("../pkg/custom-elements.json", import.meta.url));
copyFileSync(new URL("../README.md", import.meta.url), new URL("../pkg/README.md", import.meta.url));
const files = readdirSync(new URL("../pkg/", import.meta.url)).filter((f) => f !== "package.json");
const manifest = {
  name: "foerderweg",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  type: "module",
  module: "foerderweg.js",
  main: "foerderweg.js",
  types: "foerderweg.d.ts",
  files,
  sideEffects: ["./snippets/*"],
  customElements: "custom-elements.json",
  exports: {
    ".": { types: "./foerderweg.d.ts", default: "./foerderweg.js" },
    "./foerderweg_bg.wasm": "./foerderweg_bg.wasm",
    "./custom-elements.json": "./custom-elements.json",
  },
  keywords: ["web-components", "custom-elements", "wasm", "leptos", "arbeitsmarkt", "timeline", "dashboard", "map"],
};
writeFileSync(new URL("../pkg/package.json", import.meta.url), JSON.stringify(manifest, null, 2) + "\n");
