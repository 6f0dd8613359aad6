// Types of the foerderweg package's entry point (pkg/foerderweg.js, written from js/loader.js).
// Importing it defines <foerderweg-timeline>, <foerderweg-occupancy> and <foerderweg-map>; each
// widget's WebAssembly module loads when the widget needs it.

/** `timeline`, `occupancy` or `map`. */
export type WidgetKind = "timeline" | "occupancy" | "map";

/** Options of `mount()`: the twins of the elements' attributes (own properties only). */
export interface MountOptions {
  /** Language of the widget; German by default, the document's `lang` when absent. */
  lang?: "de" | "en";
  /** Colour scheme; `auto` follows prefers-color-scheme. */
  theme?: "light" | "dark" | "auto";
  /** URL of the document, fetched with the page's same-origin credentials. */
  src?: string;
  /** Seconds between fetches of `src` (at least 5). */
  refresh?: number | string;
  /** Seconds a fetch of `src` may take (default 30, 1 to 600). */
  timeout?: number | string;
  /** Megabytes a fetch of `src` may read (default 20, 0.001 to 500). */
  maxSize?: number | string;
  /** Starts with the refresh held (as `pause()`). */
  paused?: boolean;
  /** `false`: the refresh runs on while the focus or the pointer is inside the widget. */
  pauseOnFocus?: boolean | string;
  /** Level of the widget's title, 1 to 5 (default 2); its sections are one below. */
  headingLevel?: number | string;
  /** Sensitive timeline records (health, addiction, debt, psychosocial counselling):
   * `generalise` (default) draws them as "vertraulich" without label, `hide` leaves them out,
   * `show` shows them; the strictest of this and the document's `confidential` wins. */
  confidential?: "show" | "generalise" | "hide";
  /** A map compares two periods of its figures: `"2017-Q4 2018-Q1"` (a difference) or
   * `"2017-Q4 2018-Q1 percent"`; the person can change or end it. */
  compare?: string;
}

/** A mounted widget, returned by `mount()` at once; its calls wait for the widget's module. */
export interface Handle {
  /** Resolves when the widget's module has loaded and the widget is mounted. */
  readonly ready: Promise<void>;
  /** `timeline`, `occupancy` or `map`. */
  readonly kind: WidgetKind;
  /** Replaces the data: an object, or a JSON string. Problems are shown, never thrown. */
  update(data: unknown): void;
  /** Sets one option (`lang`, `theme`, `src`, `refresh`, `timeout`, `max-size`); `null` removes it. */
  setOption(name: string, value?: string | null): void;
  /** Fetches `src` again now (and a map's geometry, if it failed to load). */
  reload(): void;
  /** Holds the `refresh` of `src` until `resume()`: no fetch meanwhile. */
  pause(): void;
  /** Lets a held `refresh` run again: one fetch now if one fell due meanwhile. */
  resume(): void;
  /** Whether the refresh is held by `pause()`, the `paused` option or the widget's button. */
  readonly paused: boolean;
  /** Removes the widget, its fetches, timers and listeners. Calling it again does nothing. */
  destroy(): void;
  /** As `destroy()`. */
  free(): void;
}

/** A key a `setLabels` call did not apply, and why. */
export interface RejectedLabel {
  key: string;
  reason: string;
}

/**
 * Kept for pages written for one module (`await init(); defineElements();`): loads the module of
 * all three, as those pages always did. New pages need neither call.
 */
export default function init(): Promise<void>;

/** The attributes each element observes (each has a property twin). */
export const ATTRIBUTES: readonly string[];

/**
 * Defines the three elements (done on import; calling it again does nothing). Returns the tags
 * another script had defined first; they stay that script's.
 */
export function defineElements(): string[];

/**
 * Loads the module of `kind` now; without one, the module of all three, and every widget still
 * waiting to come near the viewport draws. Widgets load their module themselves.
 */
export function load(kind?: WidgetKind): Promise<void>;

/** Mounts a widget into `element` without custom elements. Throws only for an unknown kind. */
export function mount(
  element: HTMLElement,
  kind: WidgetKind,
  data?: unknown,
  options?: MountOptions | null,
): Handle;

/**
 * Replaces labels of `lang` for every widget of the page, mounted or to come. Returns the keys a
 * loaded module did not apply (before any module has loaded, `[]`; the module warns in the
 * console when it loads).
 */
export function setLabels(lang: "de" | "en", labels: Record<string, string> | null): RejectedLabel[];

/** Every label key of `lang` with its current text. Needs a loaded module (`await load()`). */
export function labelKeys(lang: "de" | "en"): Record<string, string>;

/** Hands over a geometry file's bytes (`districts` or `municipalities`) for every map. */
export function loadGeometry(name: "districts" | "municipalities", bytes: Uint8Array): void;

/** Where maps fetch the built-in geometry, if not from `geo/` next to this file. */
export function setGeometryBase(url: string): void;

/** How many widgets are mounted on the page, over every loaded module. */
export function liveWidgets(): number;

/** Bytes of WebAssembly memory of the loaded modules. */
export function memoryBytes(): number;

/** The modules loaded or loading: `timeline`, `occupancy`, `map`, `all`. */
export function loadedModules(): string[];

/** The `detail` of the events the elements send (they bubble and are composed). */
export interface FoerderwegEventMap {
  "foerderweg-ready": CustomEvent<{ kind: WidgetKind; warnings: unknown[]; errors: unknown[] }>;
  "foerderweg-error": CustomEvent<{ kind: WidgetKind; diagnostics: unknown[] }>;
  "foerderweg-select": CustomEvent<{ kind: WidgetKind; type: string | null; id: string }>;
}

/** `<foerderweg-timeline>`, `<foerderweg-occupancy>` and `<foerderweg-map>`. */
export interface FoerderwegElement extends HTMLElement {
  /** The document, as an object or JSON text. */
  data: unknown;
  /** URL of the document (the attribute `src`). */
  src: string | null;
  /** Seconds between fetches of `src` (the attribute `refresh`, at least 5). */
  refresh: string | null;
  /** `"false"`: the refresh runs on while the focus or the pointer is inside the widget. */
  pauseOnFocus: string | null;
  /** Level of the widget's title, 1 to 5 (the attribute `heading-level`; default 2). */
  headingLevel: string | null;
  /** Sensitive timeline records: `show`, `generalise` (default) or `hide` (the attribute
   * `confidential`; the strictest of it and the document's field wins). */
  confidential: string | null;
  /** Two periods a map compares, and how (the attribute `compare`). */
  compare: string | null;
  /** Whether the refresh is held (`pause()`, the attribute `paused`, the widget's button). */
  paused: boolean;
  /** Fetches `src` again now. */
  reload(): void;
  /** Holds the `refresh` of `src` until `resume()`. */
  pause(): void;
  /** Lets a held `refresh` run again: one fetch now if one fell due meanwhile. */
  resume(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "foerderweg-timeline": FoerderwegElement;
    "foerderweg-occupancy": FoerderwegElement;
    "foerderweg-map": FoerderwegElement;
  }
}
