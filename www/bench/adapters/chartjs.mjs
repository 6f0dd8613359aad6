// Chart.js 4 (canvas): a stacked horizontal bar chart of the providers' slots and a line chart
// of the reporting series, animation off.
import { script } from "./load.mjs";
import { areas, providerTotals, SERIES } from "./programme.mjs";

export const name = "Chart.js";
export const files = ["chart.js/dist/chart.umd.min.js"];

export async function load() {
  await script(files[0]);
}

function configs(doc) {
  const totals = providerTotals(doc);
  const bar = {
    type: "bar",
    data: {
      labels: totals.map((t) => t.label),
      datasets: [
        ["filled", "Besetzt"],
        ["planned", "Geplant"],
        ["free", "Frei"],
      ].map(([key, label]) => ({ label, data: totals.map((t) => t[key]) })),
    },
    options: {
      animation: false,
      indexAxis: "y",
      maintainAspectRatio: false,
      scales: { x: { stacked: true }, y: { stacked: true } },
    },
  };
  const line = {
    type: "line",
    data: {
      labels: doc.series.map((p) => p.date),
      datasets: SERIES.map(([key, label]) => ({ label, data: doc.series.map((p) => p[key] ?? null) })),
    },
    options: { animation: false, maintainAspectRatio: false },
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
      const given = configs(doc);
      charts = areas(container).map((area, i) => {
        const canvas = document.createElement("canvas");
        area.append(canvas);
        return new Chart(canvas, given[i]);
      });
    },
    update(doc) {
      configs(doc).forEach((config, i) => {
        charts[i].data = config.data;
        charts[i].update("none");
      });
    },
    observed: () => container,
    destroy() {
      charts.forEach((chart) => chart.destroy());
      container.replaceChildren();
    },
  };
}
