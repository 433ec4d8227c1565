// Turns a stage plan (places, controls, waypoints and zones named by village) into the course
// rows. A plan names places instead of kilometres so that redrawing a leg keeps every control
// and waypoint at its village; the roadbook km is measured afterwards, never typed in.
import type { Position } from 'geojson';
import { circleArea, corridor, drawRoute, place, pointAtKm, round, routeKm } from './build.ts';
import type { DrawnRoute, Place } from './build.ts';
import { SHOWS_COORDINATES, WAYPOINT_RADII } from '../../../extensions/race-control/src/domain/course/defaults.ts';
import type { CourseGeofence, CourseSegment, CourseSpeedZone, CourseStage, CourseWaypoint, WaypointKind } from './types.ts';

export { place };
export type { Place };

type LegName = 'liaisonIn' | 'special' | 'liaisonOut';

export interface ControlPlan { key: string; kind: 'passage-control' | 'refuel'; name: string; at: string; offsetKm?: number }
export interface WaypointPlan { kind: Exclude<WaypointKind, 'DSS' | 'ASS'>; at: string; offsetKm?: number; label?: string }
export interface ZonePlan { leg: LegName; at: string; beforeKm: number; afterKm: number; speedLimitKmh: 30 | 50 }
export interface ForbiddenPlan { name: string; lat: number; lon: number; radiusMeters: number }

export interface StagePlan {
  key: string;
  sortOrder: number;
  name: string;
  /** Local date in Europe/Tirane. */
  date: string;
  /** Local time the first competitor leaves the bivouac. */
  firstStart: string;
  seed: number;
  liaisonIn: Place[];
  special: Place[];
  liaisonOut: Place[];
  controls: ControlPlan[];
  waypoints: WaypointPlan[];
  zones: ZonePlan[];
  forbidden: ForbiddenPlan;
}

// The kind only suggests radii (domain.md, "Rules of the sport"): every waypoint row carries its
// own, so another rulebook changes one without a code change. The editor uses the same table.
const RADII = WAYPOINT_RADII;

const RADIUS_M = { bivouac: 500, timeControl: 150, startFinish: 300, 'passage-control': 200, refuel: 250 };

const LIAISON_KMH = 50;
// The closing-time rule: a special closes at its distance covered at 25 km/h.
const SPECIAL_MIN_KMH = 25;
// Up to 240 entries leave one minute apart, so the last one starts four hours after the first.
const START_WINDOW_S = 240 * 60;
const TIME_CONTROL_MARGIN_S = 30 * 60;

function secondsAt(km: number, kmh: number): number {
  return Math.ceil(((km / kmh) * 3600) / 60) * 60;
}

// June in Tirana is CEST (UTC+2) for the whole event, so a fixed offset is exact here.
function tiraneIso(date: string, localTime: string, plusSeconds: number): string {
  return new Date(Date.parse(`${date}T${localTime}:00+02:00`) + plusSeconds * 1000).toISOString();
}

function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error('a leg needs at least two places');
  return item;
}
function last<T>(items: readonly T[]): T {
  return first(items.slice(-1));
}

export function assembleStage(plan: StagePlan): CourseStage {
  const { key: k, date } = plan;
  if (last(plan.liaisonIn) !== first(plan.special) || last(plan.special) !== first(plan.liaisonOut)) {
    throw new Error(`stage ${k}: each leg must start at the very place the previous one ends (share the Place object)`);
  }
  const legs: Record<LegName, DrawnRoute> = {
    liaisonIn: drawRoute(plan.liaisonIn, plan.seed),
    special: drawRoute(plan.special, plan.seed),
    liaisonOut: drawRoute(plan.liaisonOut, plan.seed),
  };
  const km = {
    liaisonIn: routeKm(legs.liaisonIn.route),
    special: routeKm(legs.special.route),
    liaisonOut: routeKm(legs.liaisonOut.route),
  };
  const special = legs.special;
  // Metre resolution: the stored km and the stored point then agree to well under the 1 m a test allows.
  const kmOnSpecial = (at: string, offsetKm = 0) => round(special.kmAt(at) + offsetKm, 3);

  const targetIn = secondsAt(km.liaisonIn, LIAISON_KMH);
  const maxSpecial = secondsAt(km.special, SPECIAL_MIN_KMH);
  const targetOut = secondsAt(km.liaisonOut, LIAISON_KMH);
  const dssCloses = START_WINDOW_S + targetIn + TIME_CONTROL_MARGIN_S;
  const assCloses = dssCloses + maxSpecial;
  const closes = (secondsAfterFirstStart: number) => tiraneIso(date, plan.firstStart, secondsAfterFirstStart);

  const start = first(plan.liaisonIn);
  const dss = first(plan.special);
  const ass = last(plan.special);
  const finish = last(plan.liaisonOut);
  const fence = (key: string, name: string, kind: CourseGeofence['kind'], center: Position, radius: number, closesAt: string | null): CourseGeofence => ({
    key: `${k}-${key}`, name, kind, area: circleArea(center, radius), closesAt, manualVerification: kind === 'time-control', retroactive: false,
  });

  const geofences: CourseGeofence[] = [
    fence('bivouac-start', `Bivouac ${start.name}`, 'bivouac', start.at, RADIUS_M.bivouac, null),
    fence('ch-dss', `CH1 ${dss.name}`, 'time-control', dss.at, RADIUS_M.timeControl, closes(dssCloses)),
    fence('dss', `DSS ${dss.name}`, 'start', dss.at, RADIUS_M.startFinish, closes(dssCloses)),
    ...plan.controls.map((c) => {
      const at = kmOnSpecial(c.at, c.offsetKm);
      return fence(c.key, c.name, c.kind, pointAtKm(special.route, at).coordinates, RADIUS_M[c.kind], closes(dssCloses + secondsAt(at, SPECIAL_MIN_KMH)));
    }),
    fence('ass', `ASS ${ass.name}`, 'finish', ass.at, RADIUS_M.startFinish, closes(assCloses)),
    fence('ch-bivouac', `CH2 ${finish.name}`, 'time-control', finish.at, RADIUS_M.timeControl, closes(assCloses + targetOut + TIME_CONTROL_MARGIN_S)),
    fence('bivouac-end', `Bivouac ${finish.name}`, 'bivouac', finish.at, RADIUS_M.bivouac, null),
    fence('forbidden', `Forbidden ${plan.forbidden.name}`, 'forbidden', place(plan.forbidden.name, plan.forbidden.lat, plan.forbidden.lon).at, plan.forbidden.radiusMeters, null),
  ];

  const waypoint = (sortOrder: number, kind: WaypointKind, name: string, roadbookKm: number): CourseWaypoint => ({
    sortOrder, kind, name, location: pointAtKm(special.route, roadbookKm),
    toleranceMeters: RADII[kind].clear, openRadiusMeters: RADII[kind].open, roadbookKm, showCoordinates: SHOWS_COORDINATES.has(kind),
  });
  const waypoints: CourseWaypoint[] = [
    waypoint(1, 'DSS', `DSS ${dss.name}`, 0),
    ...plan.waypoints.map((w, i) => waypoint(i + 2, w.kind, `${w.kind} ${i + 2} ${w.label ?? w.at}`, kmOnSpecial(w.at, w.offsetKm))),
    waypoint(plan.waypoints.length + 2, 'ASS', `ASS ${ass.name}`, round(km.special, 3)),
  ];

  const zonesOf = (leg: LegName): CourseSpeedZone[] => plan.zones.filter((z) => z.leg === leg).map((z) => {
    const drawn = legs[leg];
    const center = drawn.kmAt(z.at);
    const fromKm = round(Math.max(0, center - z.beforeKm), 2);
    const toKm = round(Math.min(km[leg], center + z.afterKm), 2);
    return { name: `DZ–FZ ${z.at} ${z.speedLimitKmh}`, speedLimitKmh: z.speedLimitKmh, area: corridor(drawn.route, fromKm, toKm), fromKm, toKm };
  }).sort((a, b) => a.fromKm - b.fromKm);

  const segments: CourseSegment[] = [
    {
      key: `${k}-liaison-1`, sortOrder: 1, type: 'liaison', name: `Liaison ${start.name} – ${dss.name}`, route: legs.liaisonIn.route,
      entryGeofence: `${k}-bivouac-start`, exitGeofence: `${k}-ch-dss`, targetDurationSeconds: targetIn, maxDurationSeconds: null,
      waypoints: [], speedZones: zonesOf('liaisonIn'),
    },
    {
      key: `${k}-special`, sortOrder: 2, type: 'special-stage', name: `SS${plan.sortOrder} ${dss.name} – ${ass.name}`, route: special.route,
      entryGeofence: `${k}-dss`, exitGeofence: `${k}-ass`, targetDurationSeconds: null, maxDurationSeconds: maxSpecial,
      waypoints, speedZones: zonesOf('special'),
    },
    {
      key: `${k}-liaison-2`, sortOrder: 3, type: 'liaison', name: `Liaison ${ass.name} – ${finish.name}`, route: legs.liaisonOut.route,
      entryGeofence: `${k}-ass`, exitGeofence: `${k}-ch-bivouac`, targetDurationSeconds: targetOut, maxDurationSeconds: null,
      waypoints: [], speedZones: zonesOf('liaisonOut'),
    },
  ];

  return { key: k, sortOrder: plan.sortOrder, name: plan.name, role: 'regular', date, geofences, segments };
}
