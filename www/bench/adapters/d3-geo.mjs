// d3-geo 3 with d3-selection 3: one SVG path per district through a conic conformal projection
// fitted to the container, filled by class, with a title per district (the documented
// selection.join pattern).
import { script } from "./load.mjs";
import { colours, districts } from "./districts.mjs";

export const name = "d3-geo (SVG)";
export const files = ["d3-array/dist/d3-array.min.js", "d3-geo/dist/d3-geo.min.js", "d3-selection/dist/d3-selection.min.js"];

export async function load() {
  for (const file of files) await script(file);
  await districts();
}

export function create() {
  let container = null;
  let paths = null;
  let svg = null;
  return {
    prepare(into) {
      container = into;
    },
    async render(doc) {
      const geo = await districts();
      const fill = colours(doc);
      const [width, height] = [container.clientWidth, container.clientHeight];
      const projection = d3.geoConicConformal().parallels([48.67, 53.67]).rotate([-10.5, 0]).fitSize([width, height], geo);
      const path = d3.geoPath(projection);
      svg = d3.select(container).append("svg").attr("width", width).attr("height", height).attr("role", "img");
      paths = svg
        .append("g")
        .selectAll("path")
        .data(geo.features)
        .join("path")
        .attr("d", path)
        .attr("fill", (f) => fill.get(f.properties.key))
        .attr("stroke", "#fff")
        .attr("stroke-width", 0.5);
      paths.append("title").text((f) => `${f.properties.name}`);
    },
    update(doc) {
      const fill = colours(doc);
      paths.attr("fill", (f) => fill.get(f.properties.key));
    },
    observed: () => container,
    destroy() {
      svg.remove();
    },
  };
}
