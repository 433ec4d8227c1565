// GPX 1.0 and 1.1 with the OpenRally extensions (every namespace version from v0.1 to v1.0.3,
// matched on the URI) and the few elements of our own exports (RACE_CONTROL_NS).
import { OPENRALLY_KIND_ELEMENTS, kindFromWords, openRallyKind } from './kinds';
import { rawWaypoint, segmentTypeOf, type RawCourse, type RawRoute, type RawWaypoint } from './raw';
import { checkRange } from './refusals';
import { emptySkipped, type Note, type Position } from './types';
import { child, elements, localName, namespaceOf, numberOr, scopeOf, text, type Scope, type TNode } from './xml';

export const OPENRALLY_NS = 'http://www.openrally.org/xmlschemas/GpxExtensions/v1.0.3';
/** Our own elements, so that export → import gives back the same course (zones' exact areas, segments). */
export const RACE_CONTROL_NS = 'urn:race-control:course:1';

const isOpenRally = (uri: string) => /openrally\.org\/xmlschemas\/gpxextensions\//i.test(uri);

/** Statute files give miles, mph and yards (the XSD's enumeration spells it "statue": both are accepted). */
export interface Units { km: number; kmh: number; m: number; name: 'metric' | 'statute' }
const METRIC: Units = { km: 1, kmh: 1, m: 1, name: 'metric' };
const STATUTE: Units = { km: 1.609344, kmh: 1.609344, m: 0.9144, name: 'statute' };

function readUnits(root: TNode, scope: Scope, notes: Note[]): Units {
  const metadata = child(root, 'metadata');
  const ext = metadata && child(metadata, 'extensions');
  const units = ext && elements(ext).find((e) => localName(e.tagName) === 'units' && isOpenRally(namespaceOf(e, scopeOf(e, scopeOf(ext, scope)))));
  if (!units) return METRIC;
  const word = text(units).toLowerCase();
  if (word === 'statute' || word === 'statue') return STATUTE;
  if (word !== 'metric') notes.push({ level: 'warning', text: `units "${word}" are neither metric nor statute: read as metric (km, km/h, metres).` });
  return METRIC;
}

// Number('') is 0, so empty attributes are caught first; NaN is what missing or garbled text gives.
// "1e999" is Infinity: no more a coordinate than "NaN", so it is skipped the same way.
const num = (t: string | null | undefined): number => { const n = t ? Number(t) : NaN; return Number.isFinite(n) ? n : NaN; };
const inRange = (lon: number, lat: number) => lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;

function point(node: TNode, where: string): Position | null {
  const lat = numberOr(node.attributes.lat, null);
  const lon = numberOr(node.attributes.lon, null);
  if (lat === null || lon === null) return null;
  checkRange(lon, lat, where);
  return [lon, lat];
}

type RawPoint = [string | null | undefined, string | null | undefined];

function readLine(name: string, type: string, pieces: RawPoint[][], course: RawCourse): RawRoute | null {
  const points: Position[] = [];
  let joined = 0;
  for (const piece of pieces) {
    let first = true;
    for (const pt of piece) {
      const lat = num(pt[0]), lon = num(pt[1]);
      if (Number.isNaN(lat) || Number.isNaN(lon)) { course.skipped.trackPoints++; continue; }
      if (!inRange(lon, lat)) checkRange(lon, lat, `A point of ${type} "${name}" (point ${points.length + 1})`);
      if (first && points.length) joined++;
      first = false;
      points.push([lon, lat]);
    }
  }
  if (joined) course.notes.push({ level: 'info', text: `${type} "${name}": ${joined + 1} pieces (trkseg) joined into one route across their gaps.` });
  return points.length ? { name, type: null, points, targetDurationSeconds: null } : null;
}

/** The OpenRally and race-control elements of one wpt, wherever the file put them. */
function extensionsOf(wpt: TNode, scope: Scope): { or: TNode[]; rc: TNode[] } {
  const or: TNode[] = [], rc: TNode[] = [];
  const visit = (node: TNode, s: Scope) => {
    for (const e of elements(node)) {
      const es = scopeOf(e, s);
      const uri = namespaceOf(e, es);
      if (localName(e.tagName) === 'extensions') visit(e, es);
      else if (isOpenRally(uri)) or.push(e);
      else if (uri === RACE_CONTROL_NS) rc.push(e);
    }
  };
  visit(wpt, scopeOf(wpt, scope));
  return { or, rc };
}

function readSpeed(e: TNode, units: Units): number | null {
  const kph = numberOr(e.attributes.kph, null);
  if (kph !== null) return kph;
  const mph = numberOr(e.attributes.mph, null);
  if (mph !== null) return mph * STATUTE.kmh;
  const n = numberOr(text(e), null);
  return n === null ? null : n * units.kmh;
}

export function parseRing(value: string): Position[] {
  return value.trim().split(/\s+/).map((pair) => pair.split(',').map(Number) as Position);
}

function readWaypoint(wpt: TNode, index: number, scope: Scope, units: Units, openRallyFile: boolean, notes: Note[]): RawWaypoint | null {
  const name = text(child(wpt, 'name'));
  const where = `Waypoint ${name ? `"${name}"` : index + 1}`;
  const location = point(wpt, where);
  if (!location) {
    notes.push({ level: 'warning', text: `${where} has no coordinates: skipped.` });
    return null;
  }
  const { or, rc } = extensionsOf(wpt, scope);
  const w = rawWaypoint(name, location, null);
  for (const e of or) {
    const tag = localName(e.tagName);
    if (OPENRALLY_KIND_ELEMENTS.has(tag)) {
      w.kind = openRallyKind(tag);
      w.open = numberOr(e.attributes.open, null);
      w.clear = numberOr(e.attributes.clear, null);
      if (w.open !== null) w.open *= units.m;
      if (w.clear !== null) w.clear *= units.m;
    } else if (tag === 'dz') {
      w.zone = 'dz';
      w.speedKmh ??= readSpeed(e, units);
    } else if (tag === 'fz' || tag === 'endofzone') {
      w.zone = 'fz';
    } else if (tag === 'speed') {
      w.speedKmh = readSpeed(e, units);
    } else if (tag === 'distance') {
      const km = numberOr(text(e), null);
      w.roadbookKm = km === null ? null : km * units.km;
    } else if (tag === 'neutralization' || tag === 'sn') {
      w.neutralizationSeconds = numberOr(text(e), 0);
    } else if (tag === 'dn' || tag === 'dnz') {
      w.neutralizationSeconds = numberOr(e.attributes.time, 0);
    } else if (tag === 'fn') {
      w.neutralizationEnd = true;
    } else if (tag === 'show_coordinates') {
      w.showCoordinates = true;
    }
    // tulip, notes (base64 drawings), cap, danger, fuel, safety markers: not course data; not kept.
  }
  for (const e of rc) {
    const tag = localName(e.tagName);
    if (tag === 'segment') w.route = numberOr(text(e), null);
    if (tag === 'area') w.zoneArea = parseRing(text(e));
    if (tag === 'hide_coordinates') w.showCoordinates = false;
  }
  // Outside OpenRally files a waypoint's kind comes from its type, symbol or name.
  if (!openRallyFile && !w.kind && !w.zone) w.kind = kindFromWords(text(child(wpt, 'type')) || text(child(wpt, 'sym')) || name);
  return w;
}

function hasOpenRally(root: TNode): boolean {
  return Object.entries(root.attributes).some(([k, v]) => k.startsWith('xmlns') && isOpenRally(v ?? '')) ||
    /openrally\.org\/xmlschemas/i.test(JSON.stringify(root.attributes));
}

/** `scanned`: the trkseg bodies cut out of the file by scanTracks, in order. */
export function readGpx(root: TNode, scanned: RawPoint[][]): RawCourse {
  const course: RawCourse = { format: 'gpx', routes: [], waypoints: [], zones: [], notes: [], skipped: emptySkipped(), ours: false };
  const scope = scopeOf(root, new Map());
  course.ours = [...scope.values()].includes(RACE_CONTROL_NS);
  const units = readUnits(root, scope, course.notes);
  if (units.name === 'statute') course.notes.push({ level: 'info', text: 'Statute units: miles, mph and yards converted to km, km/h and metres.' });
  const wpts = elements(root).filter((e) => localName(e.tagName) === 'wpt');
  // Namespaces may also be declared on extensions only: look at the waypoints too.
  const openRally = hasOpenRally(root) || wpts.some((w) => extensionsOf(w, scope).or.length > 0);
  if (openRally) course.format = 'openrally';
  for (const e of elements(root)) {
    const tag = localName(e.tagName);
    if (tag === 'trk') {
      const name = text(child(e, 'name')) || `Track ${course.routes.length + 1}`;
      const pieces = elements(e).filter((s) => localName(s.tagName) === 'trkseg').map((s) => scanned[Number(s.attributes['data-scan'])] ?? []);
      const route = readLine(name, 'track', pieces, course);
      const ours = extensionsOf(e, scope).rc.find((x) => localName(x.tagName) === 'target_duration_seconds');
      if (route) course.routes.push({ ...route, type: segmentTypeOf(text(child(e, 'type'))), targetDurationSeconds: numberOr(text(ours), null) });
    } else if (tag === 'rte') {
      const name = text(child(e, 'name')) || `Route ${course.routes.length + 1}`;
      const route = readLine(name, 'route', [elements(e).filter((p) => localName(p.tagName) === 'rtept').map((p): RawPoint => [p.attributes.lat, p.attributes.lon])], course);
      if (route) course.routes.push({ ...route, type: segmentTypeOf(text(child(e, 'type'))) });
    }
  }
  wpts.forEach((wpt, i) => {
    const w = readWaypoint(wpt, i, scope, units, openRally, course.notes);
    if (w) course.waypoints.push(w);
  });
  return course;
}
