// Plane geometry good to centimetres over a stage: distances on the sphere, and a local
// equirectangular projection (metres) for simplification and projecting onto a route, where the
// 1 % scale drift across a 2° stage moves a 1 m tolerance by a centimetre.
import type { Position } from './types';

const EARTH_M = 6_371_008.8;
const RAD = Math.PI / 180;

export const DECIMALS = 7;
const SCALE = 10 ** DECIMALS;
/** 7 decimals is about 1 cm: finer than any fix, and what terra-draw and PostGIS keep. */
export const round7 = (v: number): number => Math.round(v * SCALE) / SCALE;
export const roundPosition = (p: Position): Position => [round7(p[0]), round7(p[1])];

export function distanceMeters(a: Position, b: Position): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function lengthKm(line: readonly Position[]): number {
  let m = 0;
  for (let i = 1; i < line.length; i++) m += distanceMeters(line[i - 1]!, line[i]!);
  return m / 1000;
}

interface Projection { x(p: Position): number; y(p: Position): number }
function projectionFor(line: readonly Position[]): Projection {
  let lat = 0;
  for (const p of line) lat += p[1];
  const k = Math.cos((lat / Math.max(1, line.length)) * RAD) * EARTH_M * RAD;
  return { x: (p) => p[0] * k, y: (p) => p[1] * EARTH_M * RAD };
}

/**
 * Douglas–Peucker with the tolerance in metres, iterative (a 100k-point track would overflow a
 * recursive one). Every kept vertex is an original one, so the line stays within `toleranceMeters`.
 */
export function simplifyLine(line: readonly Position[], toleranceMeters: number): Position[] {
  if (toleranceMeters <= 0 || line.length < 3) return line.slice();
  const proj = projectionFor(line);
  const n = line.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) { xs[i] = proj.x(line[i]!); ys[i] = proj.y(line[i]!); }
  const keep = new Uint8Array(n);
  keep[0] = 1; keep[n - 1] = 1;
  const stack: number[] = [0, n - 1];
  const tol2 = toleranceMeters * toleranceMeters;
  while (stack.length) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    const ax = xs[first]!, ay = ys[first]!;
    const dx = xs[last]! - ax, dy = ys[last]! - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1, worstD = tol2;
    for (let i = first + 1; i < last; i++) {
      let px = xs[i]! - ax, py = ys[i]! - ay;
      if (len2 > 0) {
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        px -= t * dx; py -= t * dy;
      }
      const d = px * px + py * py;
      if (d > worstD) { worstD = d; worst = i; }
    }
    if (worst > 0) { keep[worst] = 1; stack.push(first, worst, worst, last); }
  }
  const out: Position[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(line[i]!);
  return out;
}

export interface OnRoute { km: number; offsetMeters: number; point: Position }

/** Where `p` falls on `route`: km from its start to the nearest point, and how far off it lies. */
export function projectOnRoute(route: readonly Position[], p: Position): OnRoute {
  if (route.length === 1) return { km: 0, offsetMeters: distanceMeters(route[0]!, p), point: route[0]! };
  const proj = projectionFor([p]);
  const px = proj.x(p), py = proj.y(p);
  let best = { d2: Infinity, i: 0, t: 0 };
  for (let i = 1; i < route.length; i++) {
    const ax = proj.x(route[i - 1]!), ay = proj.y(route[i - 1]!);
    const dx = proj.x(route[i]!) - ax, dy = proj.y(route[i]!) - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
    const ex = ax + t * dx - px, ey = ay + t * dy - py;
    const d2 = ex * ex + ey * ey;
    if (d2 < best.d2) best = { d2, i, t };
  }
  const a = route[best.i - 1]!, b = route[best.i]!;
  const point: Position = [a[0] + best.t * (b[0] - a[0]), a[1] + best.t * (b[1] - a[1])];
  const km = lengthKm(route.slice(0, best.i)) + distanceMeters(a, point) / 1000;
  return { km, offsetMeters: distanceMeters(point, p), point };
}

/** The stretch of `route` between two km marks, its ends interpolated. */
export function sliceKm(route: readonly Position[], fromKm: number, toKm: number): Position[] {
  const [from, to] = fromKm <= toKm ? [fromKm, toKm] : [toKm, fromKm];
  const out: Position[] = [];
  let km = 0;
  for (let i = 1; i < route.length; i++) {
    const a = route[i - 1]!, b = route[i]!;
    const step = distanceMeters(a, b) / 1000;
    const at = (k: number): Position => { const t = step > 0 ? (k - km) / step : 0; return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]; };
    if (!out.length && km + step >= from) out.push(at(from));
    if (out.length && km + step >= to) { out.push(at(to)); return out; }
    if (out.length) out.push(b);
    km += step;
  }
  if (!out.length) out.push(route[route.length - 1]!);
  return out;
}

export function insideRing(ring: readonly Position[], p: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!, b = ring[j]!;
    if ((a[1] > p[1]) !== (b[1] > p[1]) && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

/**
 * Where a route enters and leaves a zone: the DZ and FZ points of an exported roadbook. The
 * crossing of the zone's edge is found by halving the route segment that crosses it.
 */
export function zoneEnds(route: readonly Position[], ring: readonly Position[]): [Position, Position] | null {
  const edge = (a: Position, b: Position, aInside: boolean): Position => {
    let lo = a, hi = b;
    for (let k = 0; k < 30; k++) {
      const mid: Position = [(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2];
      if (insideRing(ring, mid) === aInside) lo = mid; else hi = mid;
    }
    return aInside ? lo : hi;
  };
  let enter: Position | null = null, leave: Position | null = null;
  for (let i = 0; i < route.length; i++) {
    const inNow = insideRing(ring, route[i]!);
    const inBefore = i > 0 && insideRing(ring, route[i - 1]!);
    if (inNow && !enter) enter = i === 0 ? route[0]! : edge(route[i - 1]!, route[i]!, false);
    if (!inNow && inBefore) leave = edge(route[i - 1]!, route[i]!, true);
    if (inNow && i === route.length - 1) leave = route[i]!;
  }
  return enter && leave ? [roundPosition(enter), roundPosition(leave)] : null;
}
