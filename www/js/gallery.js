// The gallery: load the package (it defines the elements; each widget loads its module when it
// comes near the viewport), and log what the widgets report.
import "/pkg/foerderweg.js";
import { largeCohort } from "./cohort.mjs";

const log = document.getElementById("log");
for (const name of ["foerderweg-ready", "foerderweg-error", "foerderweg-select"]) {
  document.addEventListener(name, (event) => {
    const item = document.createElement("li");
    const where = event.target.id || event.target.localName;
    const detail = event.detail ?? {};
    // Drawn data may have records left out (its errors) besides its warnings.
    const counts = [];
    if (detail.diagnostics) counts.push(`${detail.diagnostics.length} Fehler`);
    if (detail.errors?.length) counts.push(`${detail.errors.length} Fehler`);
    if (detail.warnings) counts.push(`${detail.warnings.length} Warnungen`);
    item.textContent = `${name} von ${where}` +
      (detail.id ? `: ${detail.type ?? ""} ${detail.id}` : "") +
      (counts.length ? ` (${counts.join(", ")})` : "");
    log.append(item);
  });
}


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
