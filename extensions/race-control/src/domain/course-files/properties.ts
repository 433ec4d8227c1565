// KML ExtendedData and GeoJSON properties use the collections' own field names (domain.md), which
// is what our exports write; the short words other tools write (clear, open, speed) are read too.
import { kindFromWords } from './kinds';
import { rawWaypoint, segmentTypeOf, type RawCourse, type RawWaypoint } from './raw';
import { checkRange } from './refusals';
import type { Position } from './types';

export type Properties = Record<string, unknown>;

const num = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  return Number.isFinite(n) ? n : null;
};
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());
const pick = (p: Properties, ...names: string[]) => names.map((n) => p[n]).find((v) => v !== undefined && v !== null && v !== '');

export function checkedPosition(c: unknown, where: string): Position | null {
  if (!Array.isArray(c) || c.length < 2) return null;
  const lon = num(c[0]), lat = num(c[1]);
  if (lon === null || lat === null) return null;
  checkRange(lon, lat, where);
  return [lon, lat];
}

export function waypointFrom(p: Properties, location: Position): RawWaypoint {
  const name = str(pick(p, 'name', 'title'));
  const w = rawWaypoint(name, location, kindFromWords(str(pick(p, 'kind', 'type', 'sym')) || name));
  w.clear = num(pick(p, 'tolerance_meters', 'clear', 'clear_radius'));
  w.open = num(pick(p, 'open_radius_meters', 'open', 'open_radius'));
  w.roadbookKm = num(pick(p, 'roadbook_km', 'distance'));
  const show = pick(p, 'show_coordinates');
  w.showCoordinates = show === undefined ? null : show === true || show === 'true' || show === '1';
  w.route = num(pick(p, 'segment'));
  return w;
}

export function addLine(course: RawCourse, p: Properties, lines: unknown[][], where: string): void {
  const points: Position[] = [];
  for (const line of lines) {
    for (const c of line) {
      const pos = checkedPosition(c, `A point of ${where} (point ${points.length + 1})`);
      if (pos) points.push(pos); else course.skipped.trackPoints++;
    }
  }
  if (lines.length > 1) course.notes.push({ level: 'info', text: `${where}: ${lines.length} pieces joined into one route across their gaps.` });
  if (!points.length) return;
  const name = str(pick(p, 'name', 'title')) || `Route ${course.routes.length + 1}`;
  course.routes.push({ name, type: segmentTypeOf(str(pick(p, 'type'))), points, targetDurationSeconds: num(pick(p, 'target_duration_seconds')) });
}

export function addArea(course: RawCourse, p: Properties, ring: unknown[], where: string): void {
  const area: Position[] = [];
  for (const c of ring) {
    const pos = checkedPosition(c, `A corner of ${where}`);
    if (pos) area.push(pos);
  }
  const speed = num(pick(p, 'speed_limit_kmh', 'speed', 'speed_limit'));
  const name = str(pick(p, 'name', 'title'));
  if (speed === null || speed <= 0) {
    course.notes.push({ level: 'warning', text: `${where}${name ? ` "${name}"` : ''} has no speed limit (speed_limit_kmh): only speed-limit zones are imported as areas, so it is skipped.` });
    return;
  }
  if (area.length < 4) return;
  course.zones.push({ name: name || `Speed zone ${speed} km/h`, speedLimitKmh: speed, area, route: num(pick(p, 'segment')) });
}
