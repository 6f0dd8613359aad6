// The playground: edit a document, see the check's findings and the widget as you type.
// Static files only; the document never leaves the browser.
import init, { defineElements } from "/pkg/foerderweg.js";

const $ = (id) => document.getElementById(id);
const kind = $("kind"), json = $("json"), lang = $("lang"), theme = $("theme");
const status = $("status"), list = $("diagnostics"), preview = $("preview");
let widget = null;
let timer = 0;

function widgetFor(k) {
  widget?.remove();
  widget = document.createElement(`foerderweg-${k}`);
  widget.id = "widget";
  widget.setAttribute("lang", lang.value);
  widget.setAttribute("theme", theme.value);
  // A drawn document may have left out broken records: its errors come with its warnings.
  widget.addEventListener("foerderweg-ready", (e) => report([...(e.detail.errors ?? []), ...e.detail.warnings], true));
  widget.addEventListener("foerderweg-error", (e) => report(e.detail.diagnostics, false));
  preview.append(widget);
}

function report(diagnostics, drawn) {
  list.replaceChildren(
    ...diagnostics.map((d) => {
      const item = document.createElement("li");
      item.className = d.severity;
      const where = [d.path && `bei ${d.path}`, d.line && `Zeile ${d.line}, Spalte ${d.column}`].filter(Boolean).join(" · ");
      item.append(document.createTextNode(`${d.message} `));
      if (where) {
        const code = document.createElement("code");
        code.textContent = where;
        item.append(code);
      }
      return item;
    }),
  );
  status.textContent = summary(diagnostics, drawn);
}

/** "Dargestellt, mit 1 Eintrag nicht dargestellt, 2 Hinweise.": errors and warnings counted apart. */
function summary(diagnostics, drawn) {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const parts = [
    errors && (drawn ? `${errors} ${errors === 1 ? "Eintrag" : "Einträgen"} nicht dargestellt` : `${errors} Fehler`),
    warnings && `${warnings} ${warnings === 1 ? "Hinweis" : "Hinweise"}`,
  ].filter(Boolean);
  if (!drawn) return `Nicht darstellbar: ${parts.join(", ")}.`;
  return parts.length ? `Dargestellt, mit ${parts.join(", ")}.` : "Dargestellt, keine Hinweise.";
}

function update() {
  clearTimeout(timer);
  timer = setTimeout(() => (widget.data = json.value), 250);
}

async function loadSample(name) {
  const text = await (await fetch(`../data/${name}`)).text();
  const k = name.split("-")[0];
  if (kind.value !== k) {
    kind.value = k;
    widgetFor(k);
  }
  json.value = text;
  status.textContent = "Wird geprüft …";
  widget.data = text;
}

kind.addEventListener("change", () => {
  widgetFor(kind.value);
  widget.data = json.value;
});
$("sample").addEventListener("change", (e) => e.target.value && loadSample(e.target.value));
$("file").addEventListener("change", async (e) => {
  const file = e.target.files?.[0];
  if (!file) return;
  json.value = await file.text();
  widget.data = json.value;
});
json.addEventListener("input", update);
lang.addEventListener("change", () => widget.setAttribute("lang", lang.value));
theme.addEventListener("change", () => widget.setAttribute("theme", theme.value));
$("download").addEventListener("click", () => {
  const url = URL.createObjectURL(new Blob([json.value], { type: "application/json" }));
  const a = Object.assign(document.createElement("a"), { href: url, download: `foerderweg-${kind.value}.json` });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

await init();
defineElements();
widgetFor(kind.value);
await loadSample("occupancy-stendal.json");
