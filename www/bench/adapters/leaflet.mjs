// Leaflet 1.9: an L.geoJSON layer with a style function (SVG renderer, no tiles: nothing is
// fetched), fitted to the districts; re-coloured with layer.setStyle.
import { script, stylesheet } from "./load.mjs";
import { colours, districts } from "./districts.mjs";

export const name = "Leaflet (GeoJSON)";
export const files = ["leaflet/dist/leaflet.js", "leaflet/dist/leaflet.css"];

export async function load() {
  await stylesheet(files[1]);
  await script(files[0]);
  await districts();
}

export function create() {
  let container = null;
  let map = null;
  let layer = null;
  let fill = null;
  const style = (f) => ({ fillColor: fill.get(f.properties.key), fillOpacity: 1, color: "#fff", weight: 0.5 });
  return {
    prepare(into) {
      container = into;
    },
    async render(doc) {
      const geo = await districts();
      fill = colours(doc);
      map = L.map(container, { zoomSnap: 0, attributionControl: true });
      layer = L.geoJSON(geo, { style }).bindTooltip((l) => l.feature.properties.name).addTo(map);
      map.fitBounds(layer.getBounds());
    },
    update(doc) {
      fill = colours(doc);
      layer.setStyle(style);
    },
    observed: () => container,
    destroy() {
      map.remove();
    },
  };
}
