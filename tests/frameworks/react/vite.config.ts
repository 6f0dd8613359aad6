import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  // The package loads its WebAssembly modules and geometry relative to its own files
  // (`new URL(…, import.meta.url)`, `import("./modules/…")`): pre-bundling would move the
  // entry point away from them.
  optimizeDeps: { exclude: ["foerderweg"] },
  build: {
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL("index.html", import.meta.url)),
        lazy: fileURLToPath(new URL("lazy.html", import.meta.url)),
      },
    },
  },
});
