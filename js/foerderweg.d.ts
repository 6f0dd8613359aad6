// Types of the foerderweg package's entry point (pkg/foerderweg.js, written from js/loader.js).
// Importing it defines <foerderweg-timeline>, <foerderweg-occupancy> and <foerderweg-map>; each
// widget's WebAssembly module loads when the widget needs it.

import type { TimelineDocument } from "./schemas/timeline.js";
import type { OccupancyDocument } from "./schemas/occupancy.js";
import type { MapDocument } from "./schemas/map.js";

/** The documents, typed from the same Rust types as the JSON Schemas in `schemas/`. */
export type { TimelineDocument, OccupancyDocument, MapDocument };

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

/** A problem with the data: `message` in the widget's language, `code` stable for programs. */
export interface Diagnostic {
  severity: "error" | "warning";
  /** E.g. `invalid-date`, `data-attribute`, `module`. */
  code: string;
  /** The JSON path, e.g. `participants[0].phases[0].start` (`""`: the whole document). */
  path: string;
  /** Where in the JSON text, when the data came as text. */
  line?: number | null;
  column?: number | null;
  message: string;
}

/** `detail` of `foerderweg-ready`: the data was drawn; `errors` names the records left out. */
export interface ReadyDetail {
  kind: WidgetKind;
  warnings: Diagnostic[];
  errors: Diagnostic[];
}

/** `detail` of `foerderweg-error`: nothing of the data could be drawn, or the module did not load. */
export interface ErrorDetail {
  kind: WidgetKind;
  diagnostics: Diagnostic[];
}

/** `detail` of `foerderweg-select`: a participant, provider, project, region … was activated. */
export interface SelectDetail {
  kind: WidgetKind;
  /** What was activated: `participant`, `provider`, `project`, `region`, `marker`, … */
  type: string | null;
  /** Its id in the document. */
  id: string;
}

/** The events the elements send (they bubble and are composed). */
export interface FoerderwegEventMap {
  "foerderweg-ready": CustomEvent<ReadyDetail>;
  "foerderweg-error": CustomEvent<ErrorDetail>;
  "foerderweg-select": CustomEvent<SelectDetail>;
}

/** The events of an element: its own and HTMLElement's. */
export interface FoerderwegElementEventMap extends HTMLElementEventMap, FoerderwegEventMap {}

/**
 * `<foerderweg-timeline>`, `<foerderweg-occupancy>` and `<foerderweg-map>`; `D` is the
 * element's document type.
 */
export interface FoerderwegElement<D = TimelineDocument | OccupancyDocument | MapDocument> extends HTMLElement {
  /** The document, as an object or JSON text (what was set; `undefined` before). */
  data: D | string | undefined;
  /** URL of the document (the attribute `src`). */
  src: string | null;
  /** Colour scheme (the attribute `theme`). */
  theme: string | null;
  /** Seconds between fetches of `src` (the attribute `refresh`, at least 5). Set a number or
   * text; reads the attribute's text. */
  get refresh(): string | null;
  set refresh(value: number | string | null);
  /** Seconds a fetch of `src` may take (the attribute `timeout`). */
  get timeout(): string | null;
  set timeout(value: number | string | null);
  /** Megabytes a fetch of `src` may read (the attribute `max-size`). */
  get maxSize(): string | null;
  set maxSize(value: number | string | null);
  /** `lazy` (default) or `eager` (the attribute `loading`). */
  loading: string | null;
  /** `"false"`: the refresh runs on while the focus or the pointer is inside the widget. */
  get pauseOnFocus(): string | null;
  set pauseOnFocus(value: boolean | string | null);
  /** Level of the widget's title, 1 to 5 (the attribute `heading-level`; default 2). */
  get headingLevel(): string | null;
  set headingLevel(value: number | string | null);
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
  addEventListener<K extends keyof FoerderwegElementEventMap>(
    type: K,
    listener: (this: FoerderwegElement<D>, event: FoerderwegElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof FoerderwegElementEventMap>(
    type: K,
    listener: (this: FoerderwegElement<D>, event: FoerderwegElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** `<foerderweg-timeline>`. */
export type FoerderwegTimelineElement = FoerderwegElement<TimelineDocument>;
/** `<foerderweg-occupancy>`. */
export type FoerderwegOccupancyElement = FoerderwegElement<OccupancyDocument>;
/** `<foerderweg-map>`. */
export type FoerderwegMapElement = FoerderwegElement<MapDocument>;

/** The class of an element, as registered. */
export interface FoerderwegElementClass<E extends FoerderwegElement<any>> {
  new (): E;
  readonly prototype: E;
}

/** The classes of the three elements, as registered on import (`undefined` where another script
 * had defined the tag first, or the page has no custom elements). */
export const FoerderwegTimeline: FoerderwegElementClass<FoerderwegTimelineElement> | undefined;
export const FoerderwegOccupancy: FoerderwegElementClass<FoerderwegOccupancyElement> | undefined;
export const FoerderwegMap: FoerderwegElementClass<FoerderwegMapElement> | undefined;

declare global {
  interface HTMLElementTagNameMap {
    "foerderweg-timeline": FoerderwegTimelineElement;
    "foerderweg-occupancy": FoerderwegOccupancyElement;
    "foerderweg-map": FoerderwegMapElement;
  }
  interface DocumentEventMap extends FoerderwegEventMap {}
}
