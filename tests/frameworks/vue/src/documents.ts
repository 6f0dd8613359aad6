import type { MapDocument, OccupancyDocument, TimelineDocument } from "foerderweg";

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
