// Where the built-in geometry files lie, for a module imported on its own: `geo/` in the
// package. wasm-bindgen copies this file to `modules/snippets/<crate>/js/`, four folders below
// the package. Written as literal `new URL(…, import.meta.url)` so that bundlers copy the files
// and rewrite the URLs. The package's entry point (foerderweg.js) gives each module the URLs
// next to itself instead (`setGeometryUrl`).
export function geometryUrl(name) {
  switch (name) {
    case "districts":
      return new URL("../../../../geo/districts.fwg", import.meta.url).href;
    case "municipalities":
      return new URL("../../../../geo/municipalities-14-15.fwg", import.meta.url).href;
    default:
      return null;
  }
}
