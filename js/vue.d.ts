// Types of the three elements in Vue 3 templates (`GlobalComponents`, for `vue-tsc
// --strictTemplates`). Load them once: `import type {} from "foerderweg/vue";` (or
// `"types": ["foerderweg/vue"]` in tsconfig.json). Tell Vue the tags are custom elements
// (`compilerOptions.isCustomElement: (tag) => tag.startsWith("foerderweg-")` in the Vue plugin).
// Vue sets `data` as a property once the element is defined (no `.prop` needed); `@foerderweg-select`
// listens to the event.
import type { DefineComponent } from "vue";
import type {
  FoerderwegEventMap,
  MapDocument,
  OccupancyDocument,
  TimelineDocument,
} from "./foerderweg.js";

/** The props of an element whose document is `D` (Vue writes `max-size` for `maxSize`). */
export interface FoerderwegVueProps<D> {
  /** The document: an object or JSON text. */
  data?: D | string;
  /** URL of the document. */
  src?: string;
  lang?: "de" | "en";
  theme?: "light" | "dark" | "auto";
  /** Seconds between fetches of `src` (at least 5). */
  refresh?: number | string;
  /** Seconds a fetch of `src` may take. */
  timeout?: number | string;
  /** Megabytes a fetch of `src` may read (`max-size`). */
  maxSize?: number | string;
  /** `lazy` (default): the module loads when the element comes near the viewport. */
  loading?: "lazy" | "eager";
  /** The refresh is held while present. */
  paused?: boolean;
  /** `"false"`: the refresh runs on while the focus or the pointer is inside the widget. */
  pauseOnFocus?: "true" | "false";
  headingLevel?: 1 | 2 | 3 | 4 | 5 | "1" | "2" | "3" | "4" | "5";
  confidential?: "show" | "generalise" | "hide";
  id?: string;
  onFoerderwegSelect?: (event: FoerderwegEventMap["foerderweg-select"]) => void;
  onFoerderwegError?: (event: FoerderwegEventMap["foerderweg-error"]) => void;
  onFoerderwegReady?: (event: FoerderwegEventMap["foerderweg-ready"]) => void;
}

declare module "vue" {
  interface GlobalComponents {
    "foerderweg-timeline": DefineComponent<FoerderwegVueProps<TimelineDocument>>;
    "foerderweg-occupancy": DefineComponent<FoerderwegVueProps<OccupancyDocument>>;
    "foerderweg-map": DefineComponent<FoerderwegVueProps<MapDocument>>;
  }
}
