// A route prepared once for many trackers: cumulative distances, segment bearings, terrain height,
// and a 10 m grid of bend radii and twistiness that the speed model reads. Walking it is a cursor
// that only moves forward in the common case, so a row costs O(1) instead of a turf.along per row.
import { bearing, distance } from '@turf/turf';
import type { LineString } from 'geojson';

export const GRID_METERS = 10;
// Chord length for the bend radius: long enough that a jittery GPX vertex does not read as a
// hairpin, short enough that a real hairpin does.
const CHORD_METERS = 40;
// Window for twistiness: a stretch of continuous bends is a slower track even between the bends.
const TWIST_WINDOW_METERS = 400;

export interface RouteModel {
  length: number;
  lons: Float64Array;
  lats: Float64Array;
  alts: Float64Array;
  /** Metres from the start to each vertex. */
  cum: Float64Array;
  /** Bearing 0–360 of the segment that starts at each vertex. */
  bearings: Float64Array;
  /** Per grid cell: radius of the bend there, metres (Infinity on a straight). */
  radius: Float32Array;
  /** Per grid cell: mean turn rate around it, radians per metre. */
  twist: Float32Array;
}

export interface Walker {
  lon: number;
  lat: number;
  alt: number;
  bearing: number;
  /** Moves to `s` metres from the start (clamped to the route). */
  seek(s: number): void;
}

const models = new WeakMap<LineString, RouteModel>();

/** Prepared once per route object: ~300 trackers of a stage share one. */
export function routeModel(route: LineString): RouteModel {
  let model = models.get(route);
  if (!model) {
    model = buildModel(route);
    models.set(route, model);
  }
  return model;
}

/**
 * Terrain height from position alone, so every tracker and every stage crossing a place agrees on
 * it: long smooth waves between ~200 and ~1900 m with grades a mountain track can have.
 */
export function terrainAltitude(lon: number, lat: number): number {
  return (
    1050 +
    550 * Math.sin(lat * 11.3 + lon * 6.1) +
    250 * Math.sin(lat * 14 - lon * 17 + 1.3) +
    20 * Math.sin(lat * 171 + lon * 143 + 0.7)
  );
}

function buildModel(route: LineString): RouteModel {
  const coords = route.coordinates;
  if (coords.length < 2) throw new Error(`a track route needs at least 2 positions, got ${coords.length}`);
  const n = coords.length;
  const lons = new Float64Array(n);
  const lats = new Float64Array(n);
  const alts = new Float64Array(n);
  const cum = new Float64Array(n);
  const bearings = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = coords[i]!;
    const lon = c[0]!;
    const lat = c[1]!;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new Error(`route position ${i} is not a [lon, lat] pair`);
    lons[i] = lon;
    lats[i] = lat;
    alts[i] = terrainAltitude(lon, lat);
    if (i > 0) {
      const prev = coords[i - 1]!;
      cum[i] = cum[i - 1]! + distance(prev, c, { units: 'meters' });
      const b = (bearing(prev, c) + 360) % 360;
      // A zero-length segment (repeated vertex) keeps the heading it came with.
      bearings[i - 1] = cum[i] === cum[i - 1] && i > 1 ? bearings[i - 2]! : b;
    }
  }
  bearings[n - 1] = bearings[n - 2]!;
  const length = cum[n - 1]!;
  if (!(length > 0)) throw new Error('a track route must have a positive length');
  const model: RouteModel = { length, lons, lats, alts, cum, bearings, radius: new Float32Array(0), twist: new Float32Array(0) };
  buildGrid(model);
  return model;
}

function buildGrid(model: RouteModel): void {
  const cells = Math.floor(model.length / GRID_METERS) + 1;
  const x = new Float64Array(cells);
  const y = new Float64Array(cells);
  const walker = createWalker(model);
  // A local flat projection is exact enough over a 40 m chord and far cheaper than geodesics.
  const lat0 = (model.lats[0]! * Math.PI) / 180;
  const mPerDegLon = 111_320 * Math.cos(lat0);
  for (let i = 0; i < cells; i++) {
    walker.seek(i * GRID_METERS);
    x[i] = walker.lon * mPerDegLon;
    y[i] = walker.lat * 110_574;
  }
  const k = CHORD_METERS / GRID_METERS;
  const radius = new Float32Array(cells).fill(Infinity);
  const turn = new Float64Array(cells);
  for (let i = k; i + k < cells; i++) {
    const a = Math.atan2(y[i]! - y[i - k]!, x[i]! - x[i - k]!);
    const b = Math.atan2(y[i + k]! - y[i]!, x[i + k]! - x[i]!);
    let d = Math.abs(b - a);
    if (d > Math.PI) d = 2 * Math.PI - d;
    turn[i] = d / CHORD_METERS;
    // Two equal chords of a circle meet at an angle d where chord = 2 R sin(d / 2).
    if (d > 1e-6) radius[i] = CHORD_METERS / (2 * Math.sin(d / 2));
  }
  const prefix = new Float64Array(cells + 1);
  for (let i = 0; i < cells; i++) prefix[i + 1] = prefix[i]! + turn[i]!;
  const half = Math.round(TWIST_WINDOW_METERS / 2 / GRID_METERS);
  const twist = new Float32Array(cells);
  for (let i = 0; i < cells; i++) {
    const lo = Math.max(0, i - half);
    const hi = Math.min(cells, i + half + 1);
    twist[i] = (prefix[hi]! - prefix[lo]!) / (hi - lo);
  }
  model.radius = radius;
  model.twist = twist;
}

export function createWalker(model: RouteModel): Walker {
  const { cum, lons, lats, alts, bearings, length } = model;
  const last = cum.length - 2;
  let i = 0;
  const w: Walker = {
    lon: lons[0]!,
    lat: lats[0]!,
    alt: alts[0]!,
    bearing: bearings[0]!,
    seek(target: number) {
      const s = target < 0 ? 0 : target > length ? length : target;
      if (s < cum[i]!) {
        // Rare (a caller going back): binary search rather than walking back.
        let lo = 0;
        let hi = i;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (cum[mid]! <= s) lo = mid;
          else hi = mid - 1;
        }
        i = lo;
      }
      while (i < last && cum[i + 1]! <= s) i++;
      const seg = cum[i + 1]! - cum[i]!;
      const f = seg > 0 ? (s - cum[i]!) / seg : 0;
      w.lon = lons[i]! + (lons[i + 1]! - lons[i]!) * f;
      w.lat = lats[i]! + (lats[i + 1]! - lats[i]!) * f;
      w.alt = alts[i]! + (alts[i + 1]! - alts[i]!) * f;
      w.bearing = bearings[i]!;
    },
  };
  return w;
}
