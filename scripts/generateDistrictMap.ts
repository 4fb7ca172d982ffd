/**
 * Generates seeds/reference/districts.geo.json once (issue 17): a fictional map of the demo city's 16 districts.
 * A 4 × 4 grid whose vertices are jittered and whose edges are bent through jittered midpoints; every edge is
 * computed once from its two end vertices, so neighbours share it exactly and no two shapes overlap. Deterministic
 * (seeded), so re-running gives the same file. Not a real place: longitudes/latitudes are in an empty range.
 *   npx tsx scripts/generateDistrictMap.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { districts } from '../seeds/reference/districts';

const N = 4;
const CELL = 0.25; // degrees
const ORIGIN = { lon: 160.0, lat: 10.0 }; // open ocean: no real district lies here

function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
}
const rand = rng(17);
const round = (n: number) => Math.round(n * 1e5) / 1e5;

// Vertices: every one jittered by up to 15 % of a cell each way (the outline too, so it is not a square).
const vertex: Array<Array<[number, number]>> = [];
for (let i = 0; i <= N; i++) {
  vertex.push([]);
  for (let j = 0; j <= N; j++) {
    const jx = (rand() - 0.5) * 0.6 * CELL;
    const jy = (rand() - 0.5) * 0.6 * CELL;
    vertex[i]!.push([ORIGIN.lon + i * CELL + jx, ORIGIN.lat + j * CELL + jy]);
  }
}

// An edge between two vertices, bent through two jittered points; keyed so both neighbours get the same points.
const edges = new Map<string, Array<[number, number]>>();
function edge(a: [number, number], b: [number, number], key: string): Array<[number, number]> {
  let pts = edges.get(key);
  if (!pts) {
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    pts = [1 / 3, 2 / 3].map((t) => {
      const off = (rand() - 0.5) * 0.25; // across the edge, as a share of its length
      return [a[0] + dx * t - dy * off, a[1] + dy * t + dx * off] as [number, number];
    });
    edges.set(key, pts);
  }
  return pts;
}
function side(i1: number, j1: number, i2: number, j2: number): Array<[number, number]> {
  const forward = i1 < i2 || (i1 === i2 && j1 < j2);
  const key = forward ? `${i1},${j1}-${i2},${j2}` : `${i2},${j2}-${i1},${j1}`;
  const pts = forward ? edge(vertex[i1]![j1]!, vertex[i2]![j2]!, key) : edge(vertex[i2]![j2]!, vertex[i1]![j1]!, key);
  return [vertex[i1]![j1]!, ...(forward ? pts : [...pts].reverse())];
}

const list = districts.filter((d) => d.level === 'district');
if (list.length !== N * N) throw new Error(`expected ${N * N} districts, found ${list.length}`);
const features = list.map((d, k) => {
  // Row-major from the north-west, so the first districts (the urban core's codes) sit together.
  const i = k % N;
  const j = N - 1 - Math.floor(k / N);
  // Counter-clockwise ring: (i,j) → (i+1,j) → (i+1,j+1) → (i,j+1) → back.
  const ring = [...side(i, j, i + 1, j), ...side(i + 1, j, i + 1, j + 1), ...side(i + 1, j + 1, i, j + 1), ...side(i, j + 1, i, j)];
  const coords = [...ring, ring[0]!].map(([x, y]) => [round(x), round(y)]);
  return { type: 'Feature', properties: { code: d.code, name: d.name }, geometry: { type: 'Polygon', coordinates: [coords] } };
});

const out = path.resolve('seeds/reference/districts.geo.json');
writeFileSync(out, `${JSON.stringify({ type: 'FeatureCollection', name: '示范市 (fictional)', features })}\n`);
console.log(`wrote ${features.length} districts to ${out}`);
