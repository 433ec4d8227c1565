// How much a suspect matters to results: a bad point inside a waypoint's open radius can validate
// or miss it, one inside a speed zone can make or clear a speeding penalty, one inside a computed
// penalty's window changes what the processor computed from. One on an open liaison changes nothing.
import type { Impact } from './suspect.ts';
import { inPolygon, metres } from './geo.ts';

export interface WaypointArea {
  id: string;
  name: string | null;
  kind: string | null;
  lat: number;
  lon: number;
  /** open_radius_meters, else tolerance_meters */
  radius: number;
}
export interface SpeedZoneArea {
  id: string;
  name: string | null;
  speed_limit_kmh: number;
  /** Polygon rings, [lon, lat] */
  rings: number[][][];
  bbox: [number, number, number, number];
}
export interface PenaltyWindow {
  id: string;
  type: string | null;
  seconds: number | null;
  window_start: string | null;
  window_end: string | null;
}
export interface ImpactContext {
  waypoints: WaypointArea[];
  zones: SpeedZoneArea[];
  penalties: PenaltyWindow[];
}

export const IMPACT_WEIGHTS = { waypoint: 3, speedZone: 2, penalty: 4 } as const;

export function bboxOf(rings: number[][][]): [number, number, number, number] {
  const pts = rings[0] ?? [];
  return [Math.min(...pts.map((p) => p[0]!)), Math.min(...pts.map((p) => p[1]!)), Math.max(...pts.map((p) => p[0]!)), Math.max(...pts.map((p) => p[1]!))];
}

/** `points`: the run's [lat, lon]; `from`/`to`: its ISO bounds. */
export function impactOf(points: readonly [number, number][], from: string, to: string, ctx: ImpactContext): Impact {
  const usable = points.filter(([lat, lon]) => Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && !(lat === 0 && lon === 0));
  const waypoints = ctx.waypoints.filter((w) => usable.some(([lat, lon]) => metres(lat, lon, w.lat, w.lon) <= w.radius));
  const zones = ctx.zones.filter((z) => usable.some(([lat, lon]) => lon >= z.bbox[0] && lat >= z.bbox[1] && lon <= z.bbox[2] && lat <= z.bbox[3] && inPolygon(lat, lon, z.rings)));
  const penalties = ctx.penalties.filter((p) => p.window_start !== null && p.window_start <= to && (p.window_end ?? p.window_start) >= from);
  return {
    score: (waypoints.length ? IMPACT_WEIGHTS.waypoint : 0) + (zones.length ? IMPACT_WEIGHTS.speedZone : 0) + (penalties.length ? IMPACT_WEIGHTS.penalty : 0),
    waypoints: waypoints.map(({ id, name, kind }) => ({ id, name, kind })),
    speed_zones: zones.map(({ id, name, speed_limit_kmh }) => ({ id, name, speed_limit_kmh })),
    penalties: penalties.map((p) => ({ ...p })),
  };
}
