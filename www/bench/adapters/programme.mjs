// What a host would compute from an occupancy document to hand to a charting library: filled,
// planned and free slots per provider, and the reporting series per date.
export const SERIES = [
  ["profilings", "Profilings"],
  ["admitted", "Aufnahmen"],
  ["followUpTalks", "Folgegespräche"],
  ["filled", "Besetzt"],
  ["earlyTerminations", "Vorzeitig beendet"],
];

export function providerTotals(doc) {
  return doc.providers.map((provider) => {
    let slots = 0;
    let filled = 0;
    let planned = 0;
    for (const project of provider.projects) {
      slots += project.slots;
      filled += project.filled;
      planned += project.planned ?? 0;
    }
    return { label: provider.label, filled, planned, free: Math.max(0, slots - filled - planned) };
  });
}

/** Two chart areas stacked in the container: provider bars, then the series. */
export function areas(container) {
  const bars = document.createElement("div");
  const lines = document.createElement("div");
  bars.style.cssText = "width:100%;height:60%";
  lines.style.cssText = "width:100%;height:40%";
  container.append(bars, lines);
  return [bars, lines];
}
