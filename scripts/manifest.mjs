// Writes js/custom-elements.json, the Custom Elements Manifest (schema 2.1) of the three
// elements, which scripts/package.mjs ships in pkg/. tests/manifest.rs compares it with the code.
import { writeFileSync } from "node:fs";

const attributes = [
  ["lang", '"de" | "en"', "Language of the widget; German by default, the document's `lang` when absent."],
  ["theme", '"light" | "dark" | "auto"', "Colour scheme; `auto` follows prefers-color-scheme."],
  ["src", "string", "URL of the document, fetched with the page's same-origin credentials."],
  ["refresh", "number", "Seconds between fetches of `src` (at least 5)."],
  ["timeout", "number", "Seconds a fetch of `src` may take before the widget gives up and offers a retry (default 30, 1 to 600)."],
  ["max-size", "number", "Megabytes (10^6 bytes) a fetch of `src` may read (default 20, held to 0.001 to 500); a larger answer is not read, and the widget says so. Property: maxSize."],
];
/** `max-size` → `maxSize`: the property twin (and `mount()` option) of an attribute. */
const field = (attr) => attr.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const events = [
  ["foerderweg-ready", "Data was drawn. detail: {kind, warnings}."],
  ["foerderweg-error", "Data could not be drawn. detail: {kind, diagnostics}."],
  ["foerderweg-select", "A participant, provider, project or region was activated. detail: {kind, type, id}."],
];
const cssProperties = {
  "--fw-font": "Font family.",
  "--fw-font-size": "Base font size.",
  "--fw-accent": "Buttons and links.",
  "--fw-accent-text": "Text on the accent colour.",
  "--fw-background": "Background.",
  "--fw-surface": "Background of cards and stripes.",
  "--fw-text": "Text colour.",
  "--fw-muted": "Secondary text.",
  "--fw-line": "Lines and borders.",
  "--fw-focus": "Focus outline.",
  "--fw-error": "Error border and text.",
  "--fw-error-background": "Error panel background.",
  "--fw-warning": "Warning border.",
  "--fw-warning-background": "Warning background.",
  "--fw-radius": "Corner radius.",
  "--fw-padding": "Padding of the widget.",
  "--fw-filled": "Filled slots (bars, funnel).",
  "--fw-planned": "Planned placements.",
  "--fw-series-1": "First series of a chart.",
  "--fw-series-2": "Second series of a chart.",
  "--fw-series-3": "Third series of a chart.",
  "--fw-kind-referral": "Timeline: referral and recommendation phases.",
  "--fw-kind-profiling": "Timeline: profiling phases.",
  "--fw-kind-work": "Timeline: placements, work opportunities, internships.",
  "--fw-kind-qualification": "Timeline: qualification and follow-up measures.",
  "--fw-kind-counselling": "Timeline: counselling phases and events.",
  "--fw-kind-other": "Timeline: other phases.",
  "--fw-map-0": "Lightest class of the map's colour scale.",
  "--fw-map-1": "Map class 2.",
  "--fw-map-2": "Map class 3.",
  "--fw-map-3": "Map class 4.",
  "--fw-map-4": "Map class 5.",
  "--fw-map-5": "Map class 6.",
  "--fw-map-6": "Darkest class of the map's colour scale.",
  "--fw-map-region": "Areas in a region, when there are no figures.",
  "--fw-map-none": "Areas in no region.",
  "--fw-map-context": "Neighbouring areas outside the map's focus.",
  "--fw-map-border": "Borders between areas.",
  "--fw-map-outline": "Outlines of programme regions.",
};
const cssParts = {
  root: "The widget's outer box.",
  "error-panel": "The panel listing errors in the data.",
  warnings: "The folded list of warnings.",
};
const elements = [
  ["foerderweg-timeline", "FoerderwegTimeline", "Support-plan timeline of one participant or a cohort (foerderweg/timeline@1)."],
  ["foerderweg-occupancy", "FoerderwegOccupancy", "Slot-occupancy dashboard (foerderweg/occupancy@1)."],
  ["foerderweg-map", "FoerderwegMap", "Programme regions, figures and markers on a district map (foerderweg/map@1)."],
];

const declaration = ([tag, name, description]) => ({
  kind: "class",
  name,
  tagName: tag,
  customElement: true,
  description,
  superclass: { name: "HTMLElement" },
  attributes: attributes.map(([attr, type, desc]) => ({ name: attr, type: { text: type }, description: desc, fieldName: field(attr) })),
  members: [
    ...attributes.map(([attr, type, desc]) => ({ kind: "field", name: field(attr), type: { text: `${type} | null` }, description: desc, attribute: attr })),
    { kind: "field", name: "data", type: { text: "object | string | undefined" }, description: "The document, as an object or JSON text." },
    { kind: "method", name: "reload", description: "Fetches `src` again." },
  ],
  events: events.map(([ev, desc]) => ({ name: ev, type: { text: "CustomEvent" }, description: desc })),
  cssProperties: Object.entries(cssProperties).map(([n, d]) => ({ name: n, description: d })),
  cssParts: Object.entries(cssParts).map(([n, d]) => ({ name: n, description: d })),
});

const manifest = {
  schemaVersion: "2.1.0",
  readme: "README.md",
  modules: [
    {
      kind: "javascript-module",
      path: "foerderweg.js",
      declarations: [
        ...elements.map(declaration),
        { kind: "function", name: "defineElements", description: "Registers the three elements (idempotent); returns the tags another script had defined first (each also warned about in the console)." },
        { kind: "function", name: "mount", description: "Mounts a widget without custom elements; returns a handle with update(), setOption(), reload(), destroy(). A second mount() on the same element replaces the first widget." },
      ],
      exports: [
        ...elements.map(([tag, name]) => ({ kind: "custom-element-definition", name: tag, declaration: { name, module: "foerderweg.js" } })),
        { kind: "js", name: "defineElements", declaration: { name: "defineElements", module: "foerderweg.js" } },
        { kind: "js", name: "mount", declaration: { name: "mount", module: "foerderweg.js" } },
      ],
    },
  ],
};
writeFileSync(new URL("../js/custom-elements.json", import.meta.url), JSON.stringify(manifest, null, 2) + "\n");
