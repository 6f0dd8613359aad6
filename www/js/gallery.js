// The gallery: load the module, register the elements, and log what the widgets report.
import init, { defineElements } from "/pkg/foerderweg.js";
import { largeCohort } from "./cohort.mjs";

const log = document.getElementById("log");
for (const name of ["foerderweg-ready", "foerderweg-error", "foerderweg-select"]) {
  document.addEventListener(name, (event) => {
    const item = document.createElement("li");
    const where = event.target.id || event.target.localName;
    const detail = event.detail ?? {};
    const count = detail.warnings?.length ?? detail.diagnostics?.length;
    item.textContent = `${name} von ${where}` +
      (detail.id ? `: ${detail.type ?? ""} ${detail.id}` : "") +
      (count !== undefined ? ` (${count} ${name.endsWith("error") ? "Fehler" : "Warnungen"})` : "");
    log.append(item);
  });
}

await init();
defineElements();

document.getElementById("make-large").addEventListener("click", () => {
  const started = performance.now();
  const widget = document.getElementById("large");
  widget.addEventListener(
    "foerderweg-ready",
    () => requestAnimationFrame(() => console.info(`10,000 participants drawn in ${Math.round(performance.now() - started)} ms`)),
    { once: true },
  );
  widget.data = largeCohort(10000);
});
