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
export const ATTRIBUTES = ["lang", "theme", "heading-level", "confidential", "compare", "src", "refresh", "timeout", "max-size", "loading", "paused", "pause-on-focus"];

/** Module name → `{ promise, exports }` once asked for. */
const loaded = new Map();
/** What the host set before or after modules loaded, applied to each module as it loads. */
const given = { labels: new Map(), geometry: new Map(), geometryBase: null };

/** Runs `f`; a throw is logged, not passed on (one bad call must not stop a module). */
function guarded(what, f) {
  try {
    return f();
  } catch (error) {
    console.warn(`foerderweg: ${what}: ${error?.message ?? error}`);
    return undefined;
  }
}

function start(name) {
  let entry = loaded.get(name);
  if (entry) return entry.promise;
  entry = { exports: null };
  entry.promise = MODULES[name]
    .load()
    .then(async (m) => {
      await m.default();
      // Before any widget of this module draws: the page's labels, and where the geometry is.
      for (const [asset, url] of Object.entries(GEOMETRY)) guarded("setGeometryUrl", () => m.setGeometryUrl?.(asset, url()));
      if (given.geometryBase !== null) guarded("setGeometryBase", () => m.setGeometryBase?.(given.geometryBase));
      for (const [asset, bytes] of given.geometry) guarded("loadGeometry", () => m.loadGeometry?.(asset, bytes));
      for (const [lang, labels] of given.labels) guarded(`setLabels(${lang})`, () => m.setLabels(lang, labels));
      entry.exports = m;
      return m;
    })
    .catch((error) => {
      // Tried again by the next widget that needs it (a network hiccup, a deploy under way).
      loaded.delete(name);
      throw error;
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
    return { near: Promise.resolve(), now() {} };
  }
  let now = () => {};
  const near = new Promise((resolve) => {
    const observer = new IntersectionObserver(
      (entries) => {
        // Near the viewport, or not laid out at all (`display: none`, a hidden tab panel),
        // where it would never come near: its events must still arrive.
        if (entries.some((e) => e.isIntersecting) || element.getClientRects().length === 0) done();
      },
      { rootMargin: "100% 0px 100% 0px" },
    );
    const done = () => {
      observer.disconnect();
      waiting.delete(done);
      resolve();
    };
    now = done;
    waiting.add(done);
    observer.observe(element);
    signal.addEventListener("abort", () => (observer.disconnect(), waiting.delete(done)), { once: true });
  });
  return { near, now: () => now() };
}

/** The widgets waiting to come near the viewport: `load()` and printing end their wait. */
const waiting = new Set();
const drawWaiting = () => [...waiting].forEach((done) => done());
if (typeof window !== "undefined") window.addEventListener("beforeprint", drawWaiting);

/** What a widget says while its module loads, and if it cannot load. */
const TEXTS = {
  de: { loading: "Wird geladen …", failed: "Das Widget konnte nicht geladen werden" },
  en: { loading: "Loading …", failed: "The widget could not be loaded" },
};
const textsFor = (element) => (element.closest("[lang]")?.getAttribute("lang")?.startsWith("en") ? TEXTS.en : TEXTS.de);

/** The module of `element`'s kind failed to load: said in the element and to the host. */
function failed(element, kind, error, code = "module") {
  const reason = String(error?.message ?? error);
  // Said in the element where it can have a shadow root (not an <input>, not a closed root).
  guarded("show the failure", () => {
    const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.textContent = `${textsFor(element).failed}: ${reason}`;
    root.replaceChildren(p);
  });
  element.dispatchEvent(
    new CustomEvent("foerderweg-error", {
      bubbles: true,
      composed: true,
      detail: { kind, diagnostics: [{ severity: "error", code, path: "", message: reason }] },
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
  const wait = nearViewport(element, stop.signal);
  const handle = wait.near
    .then(() => (stop.signal.aborted ? null : moduleFor(kind, element.ownerDocument)))
    .then((m) => {
      if (!m || stop.signal.aborted) return null;
      // (`:scope` matches nothing in a shadow root: the class alone finds the placeholder.)
      for (const holder of root.querySelectorAll(".fw-pending")) holder.remove();
      return m.mount(element, kind, null, {});
    })
    .catch((error) => {
      if (!stop.signal.aborted) failed(element, kind, error);
      return null;
    });
  // `now`: the element was told `loading="eager"` while it waited.
  return { handle, cancel: () => stop.abort(), now: wait.now };
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

/** The class registered for `kind`'s tag, if it is foerderweg's. */
function registered(kind) {
  const found = typeof customElements === "undefined" ? undefined : customElements.get(`foerderweg-${kind}`);
  return found?.[Symbol.for("foerderweg.element")] ? found : undefined;
}

/** The element classes (for `instanceof`, and what custom-elements.json names). */
export const FoerderwegTimeline = registered("timeline");
export const FoerderwegOccupancy = registered("occupancy");
export const FoerderwegMap = registered("map");

/**
 * Kept for pages written for the single module (`await init(); defineElements();`): loads the
 * module of all three, as those pages always did, so that `labelKeys()` and `setLabels()`
 * answer at once afterwards. New pages need neither call: the elements are defined on import
 * and each widget loads its module.
 */
export default async function init() {
  await load();
}

/**
 * Loads the module of `kind` (`timeline`, `occupancy`, `map`) now, or the module of all three
 * without one; resolves when it is ready. Optional: widgets load their module themselves.
 */
export async function load(kind) {
  if (kind === undefined) {
    await start("all");
    // Every widget still waiting to come near the viewport draws now.
    drawWaiting();
    return;
  }
  if (!KINDS.includes(kind)) throw new Error(`foerderweg.load: unknown kind ${JSON.stringify(kind)}; use timeline, occupancy or map`);
  await moduleFor(kind);
}

/** Element → the Handle `mount()` last gave for it. */
const mounted = new WeakMap();

/** A mounted widget, returned by `mount()` at once; calls wait for its module. */
class Handle {
  #kind;
  #real = null;
  #queue = [];
  #destroyed = false;
  #paused = false;

  constructor(element, kind, data, options) {
    this.#kind = kind;
    this.#paused = options?.paused === true;
    // A second mount() on the element replaces the first, whichever module each is in.
    mounted.get(element)?.destroy();
    mounted.set(element, this);
    /** Resolves when the widget's module has loaded and the widget is mounted. */
    let code = "module";
    this.ready = moduleFor(kind, element.ownerDocument).then((m) => {
      if (this.#destroyed) return;
      // From here on a failure is the element's (an <input>, a closed shadow root).
      code = "mount";
      this.#real = m.mount(element, kind, data, options);
      for (const [name, args] of this.#queue.splice(0)) guarded(name, () => this.#real[name](...args));
    });
    // A host that does not await `ready` still sees why, in the widget and its event.
    this.ready.catch((error) => {
      if (!this.#destroyed) failed(element, kind, error, code);
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
    this.#call("setOption", name, value === null || value === undefined ? value : String(value));
  }

  /** Fetches `src` again now. */
  reload() {
    this.#call("reload");
  }

  /** Holds the `refresh` of `src` until `resume()`. */
  pause() {
    this.#paused = true;
    this.#call("pause");
  }

  /** Lets a held `refresh` run again (one fetch now if one fell due meanwhile). */
  resume() {
    this.#paused = false;
    this.#call("resume");
  }

  /** Whether the refresh is held by `pause()`, the `paused` option or the widget's button. */
  get paused() {
    return this.#real ? this.#real.paused : this.#paused;
  }

  /** Removes the widget, its fetches, timers and listeners. Calling it again does nothing. */
  destroy() {
    if (this.#real) this.#real.destroy();
    this.#destroyed = true;
    this.#queue.length = 0;
  }

  /** As `destroy()` (the single module's handle had it). */
  free() {
    this.destroy();
  }

  [Symbol.dispose]() {
    this.destroy();
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
  // The loaded modules first: a call they refuse throws to the host and is not kept for the
  // modules still to come.
  let rejected = [];
  for (const m of modules()) rejected = m.setLabels(lang, labels);
  given.labels.set(lang, labels && typeof labels === "object" ? { ...labels } : labels);
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
  for (const m of modules()) m.loadGeometry?.(name, bytes);
  given.geometry.set(name, bytes);
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
