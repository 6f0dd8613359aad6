// Apache ECharts 6 with its SVG renderer: a stacked bar chart of the providers' slots and a line
// chart of the reporting series, animation off.
import { script } from "./load.mjs";
import { areas, providerTotals, SERIES } from "./programme.mjs";

export const name = "ECharts (SVG)";
export const files = ["echarts/dist/echarts.min.js"];

export async function load() {
  await script(files[0]);
}

function options(doc) {
  const totals = providerTotals(doc);
  const bar = {
    animation: false,
    legend: {},
    tooltip: {},
    grid: { left: 90, right: 20, top: 30, bottom: 20 },
    yAxis: { type: "category", data: totals.map((t) => t.label), inverse: true },
    xAxis: { type: "value" },
    series: [
      ["filled", "Besetzt"],
      ["planned", "Geplant"],
      ["free", "Frei"],
    ].map(([key, label]) => ({ name: label, type: "bar", stack: "slots", data: totals.map((t) => t[key]) })),
  };
  const line = {
    animation: false,
    legend: {},
    tooltip: { trigger: "axis" },
    grid: { left: 60, right: 20, top: 30, bottom: 30 },
    xAxis: { type: "category", data: doc.series.map((p) => p.date) },
    yAxis: { type: "value" },
    series: SERIES.map(([key, label]) => ({ name: label, type: "line", data: doc.series.map((p) => p[key] ?? null) })),
  };
  return [bar, line];
}

export function create() {
  let charts = [];
  let container = null;
  return {
    prepare(into) {
      container = into;
    },
    render(doc) {
      charts = areas(container).map((area) => echarts.init(area, null, { renderer: "svg" }));
      options(doc).forEach((option, i) => charts[i].setOption(option));
    },
    update(doc) {
      options(doc).forEach((option, i) => charts[i].setOption(option));
    },
    observed: () => container,
    destroy() {
      charts.forEach((chart) => chart.dispose());
      container.replaceChildren();
    },
  };
}
