// Gives the glue wasm-bindgen writes (pkg/modules/*.js) a clear error for a call before its
// module is ready: `defineElements()` before `await init()` threw "Cannot read properties of
// undefined (reading 'defineElements')". Until the module is instantiated, `wasm` is a proxy
// whose every property throws a message naming the fix. Run by `./dev build` before minifying;
// fails when the glue no longer looks as expected (a new wasm-bindgen), so that is seen.
import { readFileSync, writeFileSync } from "node:fs";

const GUARD = `// foerderweg (scripts/guard-glue.mjs): a call before the module is ready says so.
const FOERDERWEG_NOT_READY = new Proxy({}, {
    get(_, name) {
        const what = String(name).startsWith("__") ? "any of its functions" : \`\${String(name)}()\`;
        throw new Error(\`foerderweg: the module is not ready: \\\`await init()\\\` (its default export) before calling \${what}, or import the package's foerderweg.js, which loads the module itself\`);
    },
});
`;

for (const path of process.argv.slice(2)) {
  let text = readFileSync(path, "utf8");
  const declared = "let wasmModule, wasmInstance, wasm;";
  const ready = "if (wasm !== undefined) return wasm;";
  if (!text.includes(declared) || !text.includes(ready)) {
    console.error(`guard-glue: ${path} does not declare \`wasm\` as expected; update scripts/guard-glue.mjs`);
    process.exit(1);
  }
  text = text.replace(declared, `${GUARD}let wasmModule, wasmInstance, wasm = FOERDERWEG_NOT_READY;`);
  text = text.replaceAll(ready, "if (wasm !== FOERDERWEG_NOT_READY) return wasm;");
  writeFileSync(path, text);
}
