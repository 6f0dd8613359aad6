import { useState } from "react";
import type { MapDocument, OccupancyDocument, SelectDetail, TimelineDocument } from "foerderweg";
import type {} from "foerderweg/react";
// What TypeScript checks of the package beyond the entry point: a module's own glue.
import type {} from "foerderweg/modules/all.js";

/** Two documents of each kind: the app switches between them from its state. */
export interface Documents {
  timeline: [TimelineDocument, TimelineDocument];
  occupancy: [OccupancyDocument, OccupancyDocument];
  map: [MapDocument, MapDocument];
}

async function json<T>(name: string): Promise<T> {
  const response = await fetch(`data/${name}.json`);
  return (await response.json()) as T;
}

export async function loadDocuments(): Promise<Documents> {
  const [t1, t2, o1, o2, m1, m2] = await Promise.all([
    json<TimelineDocument>("timeline-stendal-path"),
    json<TimelineDocument>("timeline-jobperspektive"),
    json<OccupancyDocument>("occupancy-stendal"),
    json<OccupancyDocument>("occupancy-example"),
    json<MapDocument>("map-regio-aktiv"),
    json<MapDocument>("map-sachsen"),
  ]);
  return { timeline: [t1, t2], occupancy: [o1, o2], map: [m1, m2] };
}

export function App({ documents }: { documents: Documents }) {
  const [step, setStep] = useState(0);
  const [selected, setSelected] = useState<SelectDetail | null>(null);
  const [errors, setErrors] = useState(0);
  const pick = (d: SelectDetail) => setSelected(d);
  return (
    <main>
      <h1>React 19</h1>
      <button type="button" id="next" onClick={() => setStep((s) => (s + 1) % 2)}>
        Other data
      </button>
      <output id="selected">{selected ? `${selected.kind} ${selected.type} ${selected.id}` : ""}</output>
      <output id="errors">{errors}</output>
      <foerderweg-timeline
        id="timeline"
        loading="eager"
        data={documents.timeline[step]}
        onfoerderweg-select={(e) => pick(e.detail)}
        onfoerderweg-error={() => setErrors((n) => n + 1)}
      />
      <foerderweg-occupancy
        id="occupancy"
        loading="eager"
        heading-level={3}
        data={documents.occupancy[step]}
        onfoerderweg-select={(e) => pick(e.detail)}
        onfoerderweg-error={() => setErrors((n) => n + 1)}
      />
      <foerderweg-map
        id="map"
        loading="eager"
        data={documents.map[step]}
        onfoerderweg-select={(e) => pick(e.detail)}
        onfoerderweg-error={() => setErrors((n) => n + 1)}
      />
    </main>
  );
}
