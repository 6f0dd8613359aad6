// Writes pkg/package.json so pkg/ can be published or installed as an npm package.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";

const cargo = readFileSync(new URL("../Cargo.toml", import.meta.url), "utf8");
const field = (name) => cargo.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, "m"))?.[1];
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
};
writeFileSync(new URL("../pkg/package.json", import.meta.url), JSON.stringify(manifest, null, 2) + "\n");
