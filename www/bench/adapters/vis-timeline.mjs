// vis-timeline 8 (standalone bundle): groups = participants, items = phases, as its documentation
// describes a grouped timeline; vertical scrolling inside a fixed height.
import { script, PHASE_NAMES } from "./load.mjs";

export const name = "vis-timeline";
export const files = ["vis-timeline/standalone/umd/vis-timeline-graph2d.min.js"];

export async function load() {
  await script(files[0]);
}

const DAY = 86400000;

function items(doc) {
  const out = [];
  for (const p of doc.participants) {
    p.phases.forEach((phase, k) => {
      const end = phase.end ?? phase.plannedEnd;
      const start = Date.parse(phase.start);
      out.push({
        id: `${p.id}/${k}`,
        group: p.id,
        content: PHASE_NAMES[phase.kind],
        title: phase.provider ?? "",
        start,
        end: Math.max(Date.parse(end), start) + DAY,
        className: phase.end ? "done" : "planned",
      });
    });
  }
  return out;
}

export function create() {
  let timeline = null;
  let data = null;
  let container = null;
  return {
    prepare(into) {
      container = into;
    },
    render(doc) {
      data = new vis.DataSet(items(doc));
      const groups = new vis.DataSet(doc.participants.map((p) => ({ id: p.id, content: p.label })));
      timeline = new vis.Timeline(container, data, groups, {
        stack: false,
        verticalScroll: true,
        zoomKey: "ctrlKey",
        height: `${container.clientHeight}px`,
        orientation: "top",
        showCurrentTime: false,
        start: Date.parse("2016-01-01"),
        end: Date.parse("2023-06-30"),
      });
    },
    update(doc) {
      data.update(items(doc));
    },
    observed: () => container,
    scroller: () => container.querySelector(".vis-left.vis-vertical-scroll"),
    destroy() {
      timeline.destroy();
    },
  };
}
