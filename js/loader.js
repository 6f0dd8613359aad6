// The entry point of the foerderweg package (`foerderweg.js` in pkg/): a few kilobytes of JS that
// define the three custom elements at once, before any WebAssembly, and load the module a widget
// needs when its element is on the page (for an element below the fold, when it comes near the
// viewport, unless it says `loading="eager"`).
//
// There is one module per widget (`modules/timeline.js`, `occupancy.js`, `map.js`), built from
// the same crate with only that widget in it, and one with all three (`modules/all.js`) for a page
// that shows more than one kind: such a page loads one module, not two or three. The functions
// below forward to whichever modules are loaded, and what they set (labels, geometry) reaches
// modules that load later too.
import { defineElement } from "./elements.js";

const KINDS = ["timeline", "occupancy", "map"];
// What a module can draw. Literal imports, so that bundlers find and copy the modules.
const MODULES = {
  timeline: { kinds: ["timeline"], load: () => import("./modules/timeline.js") },
  occupancy: { kinds: ["occupancy"], load: () => import("./modules/occupancy.js") },
  map: { kinds: ["map"], load: () => import("./modules/map.js") },
  all: { kinds: KINDS, load: () => import("./modules/all.js") },
};
// The built-in geometry, next to this file. Literal URLs, so that bundlers copy the files.
const GEOMETRY = {
  districts: () => new URL("./geo/districts.fwg", import.meta.url).href,
  municipalities: () => new URL("./geo/municipalities-14-15.fwg", import.meta.url).href,
};
// The attributes each element observes: `crate::model::ATTRIBUTES` (tests/manifest.rs keeps
// the two lists equal). `loading` is read here only: `eager` loads the module at once.
export const ATTRIBUTES = ["lang", "theme", "src", "refresh", "timeout", "max-size", "loading"];

/** Module name → `{ promise, exports }` once asked for. */
const loaded = new Map();
/** What the host set before or after modules loaded, applied to each module as it loads. */
const given = { labels: new Map(), geometry: new Map(), geometryBase: null };

function start(name) {
  let entry = loaded.get(name);
  if (entry) return entry.promise;
  entry = { exports: null };
  entry.promise = MODULES[name]
    .load()
    .then(async (m) => {
      await m.default();
      // Before any widget of this module draws: the page's labels, and where the geometry is.
      for (const [asset, url] of Object.entries(GEOMETRY)) m.setGeometryUrl?.(asset, url());
      if (given.geometryBase !== null) m.setGeometryBase?.(given.geometryBase);
      for (const [asset, bytes] of given.geometry) m.loadGeometry?.(asset, bytes);
      for (const [lang, labels] of given.labels) m.setLabels(lang, labels);
      entry.exports = m;
      return m;
    });
  loaded.set(name, entry);
  return entry.promise;
}

/**
 * The module that draws `kind`: one already loaded or loading; else the one-widget module when
 * it is the first and the page shows no other kind, or the module of all three. So a page loads
 * at most two modules, and one when its elements show more than one kind from the start.
 */
function moduleFor(kind, doc = document) {
  for (const [name, entry] of loaded) if (MODULES[name].kinds.includes(kind)) return entry.promise;
  const others = KINDS.some((k) => k !== kind && doc.querySelector(`foerderweg-${k}`));
  return start(loaded.size > 0 || others ? "all" : kind);
}

/** The loaded modules' exports. */
const modules = () => [...loaded.values()].map((e) => e.exports).filter(Boolean);

/**
 * Resolves once `element` is near the viewport (a viewport's height ahead), or at once for
 * `loading="eager"`, where IntersectionObserver is missing, or for an element not laid out.
 * `signal` stops the wait (the element left the page).
 */
function nearViewport(element, signal) {
  if (element.getAttribute("loading") === "eager" || typeof IntersectionObserver === "undefined") {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          resolve();
        }
      },
      { rootMargin: "100% 0px 100% 0px" },
    );
    observer.observe(element);
    signal.addEventListener("abort", () => observer.disconnect(), { once: true });
  });
}

/** What a widget says while its module loads, and if it cannot load. */
const TEXTS = {
  de: { loading: "Wird geladen …", failed: "Das Widget konnte nicht geladen werden" },
  en: { loading: "Loading …", failed: "The widget could not be loaded" },
};
const textsFor = (element) => (element.closest("[lang]")?.getAttribute("lang")?.startsWith("en") ? TEXTS.en : TEXTS.de);

/** The module of `element`'s kind failed to load: said in the element and to the host. */
function failed(element, kind, error) {
  const reason = String(error?.message ?? error);
  const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent = `${textsFor(element).failed}: ${reason}`;
  root.replaceChildren(p);
  element.dispatchEvent(
    new CustomEvent("foerderweg-error", {
      bubbles: true,
      composed: true,
      detail: { kind, diagnostics: [{ severity: "error", code: "module", path: "", message: reason }] },
    }),
  );
}

// The placeholder's look: the widget's place held (`--fw-reserve`, 20rem by default) in the
// page's font and colour. A constructable sheet, so a strict `style-src 'self'` lets it through.
let pendingSheet = null;
function adoptPendingSheet(root) {
  try {
    pendingSheet ??= new CSSStyleSheet();
    if (!pendingSheet.cssRules.length) {
      pendingSheet.replaceSync(".fw-pending{display:block;box-sizing:border-box;margin:0;min-height:var(--fw-reserve,20rem);padding:var(--fw-padding,1rem);font:inherit;color:inherit}");
    }
    if (!root.adoptedStyleSheets.includes(pendingSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, pendingSheet];
  } catch {
    // A sheet of another document (an element in an iframe) or no constructable sheets: the
    // placeholder is unstyled, nothing else changes.
  }
}

/** `create` for the element classes: a handle once the module is there. */
function create(element, kind) {
  const stop = new AbortController();
  const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  if (!root.firstChild) {
    adoptPendingSheet(root);
    // Holds the widget's place until it draws, so the page does not jump as much.
    const holder = document.createElement("p");
    holder.className = "fw-pending";
    holder.setAttribute("role", "status");
    holder.textContent = textsFor(element).loading;
    root.append(holder);
  }
  const handle = nearViewport(element, stop.signal)
    .then(() => (stop.signal.aborted ? null : moduleFor(kind, element.ownerDocument)))
    .then((m) => {
      if (!m || stop.signal.aborted) return null;
      root.querySelector(":scope > .fw-pending")?.remove();
      return m.mount(element, kind, null, {});
    })
    .catch((error) => {
      if (!stop.signal.aborted) failed(element, kind, error);
      return null;
    });
  return { handle, cancel: () => stop.abort() };
}

/**
 * Defines `<foerderweg-timeline>`, `<foerderweg-occupancy>` and `<foerderweg-map>`. Done when
 * this file is imported; calling it again does nothing. Returns the tags another script had
 * already defined (they stay that script's), warning in the console about each.
 */
export function defineElements() {
  const taken = [];
  for (const kind of KINDS) {
    const tag = `foerderweg-${kind}`;
    if (defineElement(tag, kind, ATTRIBUTES, create) === "foreign") {
      console.warn(`foerderweg: <${tag}> is already defined by another script; that definition stays`);
      taken.push(tag);
    }
  }
  return taken;
}

defineElements();

/**
 * Kept for pages written for the single module (`await init(); defineElements();`): the
 * elements are defined already and modules load when widgets need them, so there is nothing to
 * wait for. `load()` loads modules ahead of time.
 */
export default async function init() {}

/**
 * Loads the module of `kind` (`timeline`, `occupancy`, `map`) now, or the module of all three
 * without one; resolves when it is ready. Optional: widgets load their module themselves.
 */
export async function load(kind) {
  if (kind === undefined) return void (await start("all"));
  if (!KINDS.includes(kind)) throw new Error(`foerderweg.load: unknown kind ${JSON.stringify(kind)}; use timeline, occupancy or map`);
  await moduleFor(kind);
}

/** A mounted widget, returned by `mount()` at once; calls wait for its module. */
class Handle {
  #kind;
  #real = null;
  #queue = [];
  #destroyed = false;

  constructor(element, kind, data, options) {
    this.#kind = kind;
    /** Resolves when the widget's module has loaded and the widget is mounted. */
    this.ready = moduleFor(kind, element.ownerDocument).then((m) => {
      if (this.#destroyed) return;
      this.#real = m.mount(element, kind, data, options);
      for (const [name, args] of this.#queue.splice(0)) this.#real[name](...args);
    });
  }

  #call(name, ...args) {
    if (this.#real) this.#real[name](...args);
    else if (!this.#destroyed) this.#queue.push([name, args]);
  }

  /** Replaces the data: an object, or a JSON string. */
  update(data) {
    this.#call("update", data);
  }

  /** Sets one option (`lang`, `theme`, `src`, `refresh`, `timeout`, `max-size`); `null` removes it. */
  setOption(name, value) {
    this.#call("setOption", name, value);
  }

  /** Fetches `src` again now. */
  reload() {
    this.#call("reload");
  }

  /** Removes the widget, its fetches, timers and listeners. Calling it again does nothing. */
  destroy() {
    if (this.#real) this.#real.destroy();
    this.#destroyed = true;
    this.#queue.length = 0;
  }

  /** `timeline`, `occupancy` or `map`. */
  get kind() {
    return this.#kind;
  }
}

/**
 * Mounts a widget into `element` (in an open shadow root) without custom elements. `kind` is
 * `timeline`, `occupancy` or `map`; `data` an object, a JSON string or `null` (then
 * `options.src` is fetched). Returns a handle at once; its module loads meanwhile. Throws only
 * for an unknown kind.
 */
export function mount(element, kind, data, options) {
  if (!KINDS.includes(kind)) {
    throw new Error(`foerderweg.mount: unknown kind ${JSON.stringify(kind)}; use timeline, occupancy or map`);
  }
  return new Handle(element, kind, data ?? null, options ?? {});
}

/**
 * Replaces labels of one language for every widget of the page, mounted or to come (see
 * `labelKeys`). Returns the keys a loaded module did not apply, as `{key, reason}`; before any
 * module has loaded it returns `[]` and the module warns in the console about such keys when
 * it loads. Throws only for a language other than `de` or `en`.
 */
export function setLabels(lang, labels) {
  if (lang !== "de" && lang !== "en") {
    throw new Error(`foerderweg.setLabels: unknown language ${JSON.stringify(lang)}; use de or en`);
  }
  given.labels.set(lang, labels ?? {});
  let rejected = [];
  for (const m of modules()) rejected = m.setLabels(lang, labels);
  return rejected;
}

/** Every label key of `lang` with its current text. Needs a loaded module (`await load()`). */
export function labelKeys(lang) {
  const [m] = modules();
  if (!m) throw new Error("foerderweg.labelKeys: no widget module has loaded yet; await load() first");
  return m.labelKeys(lang);
}

/** Hands over a geometry file's bytes (`districts`, `municipalities`) for every map. */
export function loadGeometry(name, bytes) {
  given.geometry.set(name, bytes);
  for (const m of modules()) m.loadGeometry?.(name, bytes);
}

/** Where maps fetch the built-in geometry from, if not from `geo/` next to this file. */
export function setGeometryBase(url) {
  given.geometryBase = url;
  for (const m of modules()) m.setGeometryBase?.(url);
}

/** How many widgets are mounted on the page, over every loaded module. */
export function liveWidgets() {
  return modules().reduce((n, m) => n + m.liveWidgets(), 0);
}

/** Bytes of WebAssembly memory of the loaded modules (for hosts' diagnostics and tests). */
export function memoryBytes() {
  return modules().reduce((n, m) => n + m.wasmMemoryBytes(), 0);
}

/** The names of the modules loaded or loading, for tests and hosts' diagnostics. */
export function loadedModules() {
  return [...loaded.keys()];
}
