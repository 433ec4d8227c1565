// From what a file says to the course we would write: the same steps for every format. Routes are
// rounded and simplified, waypoints land on the route nearest them with the kind's radii where the
// file has none, DZ/FZ pairs become corridors along the route, neutralizations become segments, and
// roadbook km that disagree with the route are listed. Whatever is guessed says so in a note.
import { DEFAULT_RADII, SHOWS_COORDINATES } from './kinds';
import { corridor } from './corridor';
import { distanceMeters, projectOnRoute, roundPosition, simplifyLine, sliceKm } from './geometry';
import type { RawCourse, RawWaypoint } from './raw';
import { refuseNoGeometry } from './refusals';
import type { CourseFile, CourseRoute, CourseSpeedZone, CourseWaypoint, Note, Position, WaypointKind } from './types';

/** Keeps the simplified route within a metre of the recorded one. */
export const DEFAULT_TOLERANCE_METERS = 1;
/** Half the width of a speed zone's corridor, as the seed's zones through villages. */
export const ZONE_HALF_WIDTH_METERS = 40;
/** Roadbook km and km along the route may differ by this much (100 m + 1 %) before we warn. */
export const roadbookKmTolerance = (km: number): number => 0.1 + 0.01 * km;

export interface AssembleOptions { fileName: string; toleranceMeters?: number }

function cleanLine(points: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of points) {
    const r = roundPosition(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== r[0] || last[1] !== r[1]) out.push(r);
  }
  return out;
}

function nearestRoute(routes: readonly CourseRoute[], p: Position): number | null {
  let best: { i: number; d: number; special: boolean } | null = null;
  routes.forEach((r, i) => {
    if (r.type === 'neutralization') return;
    const d = projectOnRoute(r.coordinates, p).offsetMeters;
    const special = r.type === 'special-stage';
    // Within a metre two routes touch (a DSS ends the liaison and starts the special): the special wins.
    if (!best || d < best.d - 1 || (Math.abs(d - best.d) <= 1 && special && !best.special)) best = { i, d, special };
  });
  return (best as { i: number } | null)?.i ?? null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function assemble(raw: RawCourse, options: AssembleOptions): CourseFile {
  const notes: Note[] = [...raw.notes];
  const skipped = { ...raw.skipped };
  const toleranceMeters = options.toleranceMeters ?? (raw.ours ? 0 : DEFAULT_TOLERANCE_METERS);
  if (raw.ours && options.toleranceMeters === undefined) notes.push({ level: 'info', text: 'Written by race control: every vertex is kept (tolerance 0 m).' });

  const routes: CourseRoute[] = raw.routes.map((r) => {
    const clean = cleanLine(r.points);
    const simple = simplifyLine(clean, toleranceMeters);
    skipped.simplifiedPoints += clean.length - simple.length;
    return { name: r.name, type: r.type, coordinates: simple, targetDurationSeconds: r.targetDurationSeconds };
  });
  if (!routes.length && raw.waypoints.length >= 2) {
    routes.push({ name: 'Roadbook', type: null, coordinates: cleanLine(raw.waypoints.map((w) => w.location)), targetDurationSeconds: null });
    notes.push({ level: 'info', text: `No track in the file: the route is drawn through its ${raw.waypoints.length} roadbook points in order.` });
  }

  const routeOf = (w: RawWaypoint): number | null =>
    w.route !== null && Number.isInteger(w.route) && routes[w.route] ? w.route : nearestRoute(routes, roundPosition(w.location));

  const waypoints = buildWaypoints(raw.waypoints, routeOf, notes, raw.ours);
  skipped.roadbookBoxes += raw.waypoints.filter((w) => !w.kind && !w.zone && w.neutralizationSeconds === null && !w.neutralizationEnd).length;
  const speedZones = [...buildZones(raw, routes, routeOf, notes), ...raw.zones.map((z) => ({ ...z, speedLimitKmh: Math.round(z.speedLimitKmh), area: z.area.map(roundPosition) }))];
  buildNeutralizations(raw.waypoints, routes, routeOf, notes);
  checkRoadbookKm(waypoints, routes, notes);

  if (!routes.length && !waypoints.length && !speedZones.length) refuseNoGeometry(options.fileName);
  return { format: raw.format, routes, waypoints, speedZones, notes, skipped, toleranceMeters };
}

function buildWaypoints(raw: readonly RawWaypoint[], routeOf: (w: RawWaypoint) => number | null, notes: Note[], ours: boolean): CourseWaypoint[] {
  const defaulted = { clear: new Map<WaypointKind, number>(), open: new Map<WaypointKind, number>() };
  let unnamed = 0;
  const out: CourseWaypoint[] = [];
  for (const w of raw) {
    if (!w.kind) continue;
    const kind = w.kind.kind;
    if (w.kind.note) notes.push({ level: 'info', text: `Waypoint ${w.name ? `"${w.name}"` : out.length + 1}: ${w.kind.note}.` });
    const defaults = DEFAULT_RADII[kind];
    let clear = w.clear !== null && w.clear > 0 ? Math.round(w.clear) : null;
    if (clear === null) { clear = defaults.clear; defaulted.clear.set(kind, (defaulted.clear.get(kind) ?? 0) + 1); }
    let open = w.open !== null && w.open > 0 ? Math.round(w.open) : null;
    // Our own files leave out an open radius only when the row had none: keep it empty then.
    if (open === null && !ours && defaults.open !== null) { open = defaults.open; defaulted.open.set(kind, (defaulted.open.get(kind) ?? 0) + 1); }
    const name = w.name || `${kind} ${out.length + 1}`;
    if (!w.name) unnamed++;
    if (open !== null && open < clear) {
      notes.push({ level: 'warning', text: `${name}: open radius ${open} m is smaller than its clear radius ${clear} m; the open radius is left empty.` });
      open = null;
    }
    out.push({
      kind, name, location: roundPosition(w.location), toleranceMeters: clear, openRadiusMeters: open,
      roadbookKm: w.roadbookKm === null ? null : Math.round(w.roadbookKm * 1000) / 1000,
      showCoordinates: w.showCoordinates ?? SHOWS_COORDINATES.has(kind), route: routeOf(w),
    });
  }
  const list = (m: Map<WaypointKind, number>) => [...m].map(([k, n]) => `${n} ${k}`).join(', ');
  if (defaulted.clear.size) notes.push({ level: 'info', text: `No clear radius in the file for ${list(defaulted.clear)}: the kind's default was taken (${[...defaulted.clear.keys()].map((k) => `${k} ${DEFAULT_RADII[k].clear} m`).join(', ')}).` });
  if (defaulted.open.size) notes.push({ level: 'info', text: `No open radius in the file for ${list(defaulted.open)}: the kind's default was taken (${[...defaulted.open.keys()].map((k) => `${k} ${DEFAULT_RADII[k].open} m`).join(', ')}).` });
  if (unnamed) notes.push({ level: 'info', text: `${plural(unnamed, 'waypoint')} had no name: named by kind and number (e.g. "${out.find((w) => /^\w{3} \d+$/.test(w.name))?.name}").` });
  return out;
}

function buildZones(raw: RawCourse, routes: readonly CourseRoute[], routeOf: (w: RawWaypoint) => number | null, notes: Note[]): CourseSpeedZone[] {
  const zones: CourseSpeedZone[] = [];
  let open: RawWaypoint | null = null;
  for (const w of raw.waypoints) {
    if (w.speedKmh !== null && !w.zone && !open) notes.push({ level: 'warning', text: `Waypoint ${w.name || ''} has a speed (${Math.round(w.speedKmh)} km/h) but no DZ/FZ: no speed zone made from it.`.replace('  ', ' ') });
    if (w.zone === 'dz') {
      if (open) notes.push({ level: 'warning', text: `DZ ${open.name || ''} has no FZ before the next DZ: skipped.`.replace('  ', ' ') });
      open = w;
    } else if (w.zone === 'fz') {
      if (!open) { notes.push({ level: 'warning', text: `FZ ${w.name || ''} has no DZ before it: skipped.`.replace('  ', ' ') }); continue; }
      const dz: RawWaypoint = open;
      open = null;
      if (dz.speedKmh === null || dz.speedKmh <= 0) { notes.push({ level: 'warning', text: `DZ ${dz.name || ''} has no speed: that speed zone is skipped. Add the speed to the DZ in your roadbook tool.`.replace('  ', ' ') }); continue; }
      const speed = Math.round(dz.speedKmh);
      const route = routeOf(dz);
      const line = route === null ? null : routes[route]!.coordinates;
      let area = dz.zoneArea?.map(roundPosition) ?? null;
      if (!area) {
        const stretch = line ? sliceKm(line, projectOnRoute(line, dz.location).km, projectOnRoute(line, w.location).km) : [dz.location, w.location];
        area = corridor(distanceMeters(stretch[0]!, stretch[stretch.length - 1]!) > 0 || stretch.length > 2 ? stretch : [dz.location, w.location], ZONE_HALF_WIDTH_METERS);
      }
      zones.push({ name: dz.name || `DZ–FZ ${speed} km/h`, speedLimitKmh: speed, area, route });
    }
  }
  if (open) notes.push({ level: 'warning', text: `DZ ${open.name || ''} has no FZ after it: skipped.`.replace('  ', ' ') });
  return zones;
}

function buildNeutralizations(raw: readonly RawWaypoint[], routes: CourseRoute[], routeOf: (w: RawWaypoint) => number | null, notes: Note[]): void {
  let start: RawWaypoint | null = null;
  for (const w of raw) {
    if (w.neutralizationSeconds !== null) start = w;
    if (!w.neutralizationEnd) continue;
    if (!start) { notes.push({ level: 'warning', text: `End of neutralization ${w.name || ''} has no start before it: skipped.`.replace('  ', ' ') }); continue; }
    const seconds = start.neutralizationSeconds!;
    const own = start.route !== null ? routes[start.route] : undefined;
    if (own?.type === 'neutralization') own.targetDurationSeconds = seconds;
    else {
      const r = nearestRoute(routes, start.location);
      const line = r === null ? null : routes[r]!.coordinates;
      const coordinates = line ? sliceKm(line, projectOnRoute(line, start.location).km, projectOnRoute(line, w.location).km).map(roundPosition) : [start.location, w.location].map(roundPosition);
      routes.push({ name: start.name || `Neutralization ${Math.round(seconds / 60)} min`, type: 'neutralization', coordinates, targetDurationSeconds: seconds });
    }
    start = null;
  }
  if (start) notes.push({ level: 'warning', text: `Neutralization ${start.name || ''} has no end (FN): skipped.`.replace('  ', ' ') });
}

function checkRoadbookKm(waypoints: readonly CourseWaypoint[], routes: readonly CourseRoute[], notes: Note[]): void {
  for (const w of waypoints) {
    if (w.roadbookKm === null || w.route === null) continue;
    const along = projectOnRoute(routes[w.route]!.coordinates, w.location).km;
    const apart = Math.abs(along - w.roadbookKm);
    if (apart > roadbookKmTolerance(w.roadbookKm)) {
      notes.push({ level: 'warning', text: `${w.name}: roadbook km ${w.roadbookKm.toFixed(2)}, but ${along.toFixed(2)} km along "${routes[w.route]!.name}" (${apart.toFixed(2)} km apart).` });
    }
  }
}
