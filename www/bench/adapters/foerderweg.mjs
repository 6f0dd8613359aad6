// foerderweg through its custom elements, as a host page uses it: the document object is set as
// the element's `data`; done when `foerderweg-ready` says the DOM shows it.
import { load as loadModule, loadGeometry, memoryBytes } from "/pkg/foerderweg.js";

export const name = "foerderweg";

export async function load(kind) {
  // The module this case needs, loaded before the clock starts (a page loads it on demand).
  await loadModule(kind);
  const bytes = new Uint8Array(await (await fetch("/pkg/geo/districts.fwg")).arrayBuffer());
  loadGeometry("districts", bytes);
}

/** Bytes of wasm linear memory now. */
export const wasmMemory = () => memoryBytes();

export function create(kind) {
  let widget = null;
  const set = (doc) => {
    const ready = new Promise((resolve, reject) => {
      widget.addEventListener("foerderweg-ready", resolve, { once: true });
      widget.addEventListener("foerderweg-error", (e) => reject(new Error(JSON.stringify(e.detail))), {
        once: true,
      });
    });
    widget.data = doc;
    return ready;
  };
  return {
    /** Made before the clock starts: an empty element in the page. */
    prepare(container) {
      widget = document.createElement(`foerderweg-${kind}`);
      widget.setAttribute("lang", "de");
      container.append(widget);
    },
    render: set,
    update: set,
    /** Where to watch for DOM changes. */
    observed: () => widget.shadowRoot,
    /** The element that scrolls the cohort's rows. */
    scroller: () => widget.shadowRoot.querySelector(".fw-cohort"),
    /** What the user sees, for the innerHTML limit and for counting nodes. */
    root: () => widget.shadowRoot,
    destroy() {
      widget.remove();
    },
  };
}
