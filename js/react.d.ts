// JSX types of the three elements for React 19 (`react`'s `JSX` namespace). Load them once in a
// TypeScript project: `import type {} from "foerderweg/react";` (or `"types": ["foerderweg/react"]`
// in tsconfig.json). React 19 sets `data` as a property (an object or JSON text) and adds the
// `onfoerderweg-*` props as event listeners; the other attributes are written as attributes, so
// they are named as in HTML (`max-size`, `heading-level`, `pause-on-focus`).
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type {
  FoerderwegEventMap,
  FoerderwegMapElement,
  FoerderwegOccupancyElement,
  FoerderwegTimelineElement,
  MapDocument,
  OccupancyDocument,
  TimelineDocument,
} from "./foerderweg.js";

/** The props of an element whose document is `D`. */
export type FoerderwegProps<E, D> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, "lang"> & {
  /** The document: an object (React 19) or JSON text (React 18 too). */
  data?: D | string;
  /** URL of the document. */
  src?: string;
  lang?: "de" | "en";
  theme?: "light" | "dark" | "auto";
  /** Seconds between fetches of `src` (at least 5). */
  refresh?: number | string;
  /** Seconds a fetch of `src` may take. */
  timeout?: number | string;
  /** Megabytes a fetch of `src` may read. */
  "max-size"?: number | string;
  /** `lazy` (default): the module loads when the element comes near the viewport. */
  loading?: "lazy" | "eager";
  /** The refresh is held while true. */
  paused?: boolean;
  /** `"false"`: the refresh runs on while the focus or the pointer is inside the widget. */
  "pause-on-focus"?: "true" | "false";
  "heading-level"?: 1 | 2 | 3 | 4 | 5 | "1" | "2" | "3" | "4" | "5";
  confidential?: "show" | "generalise" | "hide";
  "onfoerderweg-select"?: (event: FoerderwegEventMap["foerderweg-select"]) => void;
  "onfoerderweg-error"?: (event: FoerderwegEventMap["foerderweg-error"]) => void;
  "onfoerderweg-ready"?: (event: FoerderwegEventMap["foerderweg-ready"]) => void;
};

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "foerderweg-timeline": FoerderwegProps<FoerderwegTimelineElement, TimelineDocument>;
      "foerderweg-occupancy": FoerderwegProps<FoerderwegOccupancyElement, OccupancyDocument>;
      "foerderweg-map": FoerderwegProps<FoerderwegMapElement, MapDocument>;
    }
  }
}
