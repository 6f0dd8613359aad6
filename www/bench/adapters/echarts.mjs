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

/**
 * Key figures: one line chart per measure on a time axis, as a host would draw them, with the
 * withheld and missing months as gaps (ECharts has no notion of either) and the provisional
 * ones as they come.
 */
function measureOptions(doc) {
  const day = (period) => `${period}-15`;
  return doc.indicators.map((m) => ({
    animation: false,
    title: { text: m.label, textStyle: { fontSize: 14 } },
    tooltip: { trigger: "axis" },
    grid: { left: 60, right: 20, top: 36, bottom: 30 },
    xAxis: { type: "time" },
    yAxis: { type: "value" },
    series: [{ name: m.label, type: "line", showSymbol: true, data: m.values.map((v) => [day(v.period), v.value ?? null]) }],
  }));
}

/** One box per measure, as many as the document has. */
function measureAreas(container, count) {
  container.replaceChildren();
  return Array.from({ length: count }, () => {
    const area = document.createElement("div");
    area.style.height = "240px";
    container.append(area);
    return area;
  });
}

export function create() {
  let charts = [];
  let container = null;
  const optionsOf = (doc) => (doc.indicators ? measureOptions(doc) : options(doc));
  return {
    prepare(into) {
      container = into;
    },
    render(doc) {
      const boxes = doc.indicators ? measureAreas(container, doc.indicators.length) : areas(container);
      charts = boxes.map((area) => echarts.init(area, null, { renderer: "svg" }));
      optionsOf(doc).forEach((option, i) => charts[i].setOption(option));
    },
    update(doc) {
      optionsOf(doc).forEach((option, i) => charts[i].setOption(option));
    },
    observed: () => container,
    destroy() {
      charts.forEach((chart) => chart.dispose());
      container.replaceChildren();
    },
  };
}
