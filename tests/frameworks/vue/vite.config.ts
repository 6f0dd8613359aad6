import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";

export default defineConfig({
  plugins: [
    vue({
      // The three tags are custom elements, not Vue components (else Vue warns "Failed to
      // resolve component" at every render).
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith("foerderweg-") } },
    }),
  ],
  // The package loads its WebAssembly modules and geometry relative to its own files.
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
