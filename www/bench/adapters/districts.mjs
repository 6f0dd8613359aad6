// The peers' map input: the same 400 districts as foerderweg's built-in geometry, decoded from
// assets/geo/districts.fwg into GeoJSON by scripts/bench.mjs, with colours for a map document.
import { BLUES, classOf } from "../data.mjs";

let geojson = null;

export async function districts() {
  geojson ??= await (await fetch("/bench/data/districts.geojson")).json();
  return geojson;
}

/** District key → fill colour, from the document's values (one region per district). */
export function colours(doc) {
  const values = new Map(doc.values.map((v) => [v.key, v.value]));
  const all = [...values.values()];
  const [min, max] = [Math.min(...all), Math.max(...all)];
  const out = new Map();
  for (const region of doc.regions) {
    const value = values.get(region.id);
    for (const key of region.districts) out.set(key, value === undefined ? "#d9d9d9" : BLUES[classOf(value, min, max)]);
  }
  return out;
}
