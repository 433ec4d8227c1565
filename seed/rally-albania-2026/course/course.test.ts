import { along, booleanDisjoint, booleanPointInPolygon, distance, kinks, length, lineString, nearestPointOnLine, pointToLineDistance } from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { rallyAlbaniaCourse } from './index.ts';
import type { CourseSegment, CourseStage, WaypointKind } from './types.ts';

const course = rallyAlbaniaCourse();
const km = (segment: CourseSegment) => length(lineString(segment.route.coordinates));
const special = (stage: CourseStage) => {
  const found = stage.segments.find((s) => s.type === 'special-stage');
  if (!found) throw new Error(`stage ${stage.key} has no special`);
  return found;
};
const fence = (stage: CourseStage, key: string) => {
  const found = stage.geofences.find((g) => g.key === key);
  if (!found) throw new Error(`stage ${stage.key} has no geofence ${key}`);
  return found;
};

function allPositions(stage: CourseStage): Position[] {
  return [
    ...stage.geofences.flatMap((g) => g.area.coordinates.flat()),
    ...stage.segments.flatMap((s) => [
      ...s.route.coordinates,
      ...s.waypoints.map((w) => w.location.coordinates),
      ...s.speedZones.flatMap((z) => z.area.coordinates.flat()),
    ]),
  ];
}

describe.each(course.map((stage) => [stage.name, stage] as const))('stage %s', (_name, stage) => {
  const ss = special(stage);

  it('runs liaison, special, liaison as one continuous line', () => {
    expect(stage.segments.map((s) => [s.sortOrder, s.type])).toEqual([[1, 'liaison'], [2, 'special-stage'], [3, 'liaison']]);
    for (const [a, b] of [[0, 1], [1, 2]] as const) {
      expect(stage.segments[a]?.route.coordinates.at(-1)).toEqual(stage.segments[b]?.route.coordinates[0]);
    }
  });

  it('has a special of 150–400 km drawn as a track, not a few straight lines', () => {
    expect(km(ss)).toBeGreaterThanOrEqual(150);
    expect(km(ss)).toBeLessThanOrEqual(400);
    for (const segment of stage.segments) {
      const c = segment.route.coordinates;
      const gaps = c.slice(1).map((p, i) => distance(c[i] as Position, p, { units: 'meters' }));
      expect(Math.max(...gaps)).toBeLessThan(600);
      expect(km(segment) * 1000 / gaps.length).toBeGreaterThan(150);
      expect(kinks(segment.route).features).toEqual([]);
    }
  });

  it('stays inside Albania with GeoJSON order and 6-decimal coordinates', () => {
    for (const [lon, lat] of allPositions(stage)) {
      expect(lon).toBeGreaterThanOrEqual(19.2);
      expect(lon).toBeLessThanOrEqual(21.1);
      expect(lat).toBeGreaterThanOrEqual(39.6);
      expect(lat).toBeLessThanOrEqual(42.7);
      expect(Math.round((lon as number) * 1e6) / 1e6).toBe(lon);
    }
  });

  it('orders waypoints DSS … ASS with increasing roadbook km and every kind present', () => {
    const wps = ss.waypoints;
    expect(wps.length).toBeGreaterThanOrEqual(20);
    expect(wps.length).toBeLessThanOrEqual(30);
    expect(wps.map((w) => w.sortOrder)).toEqual(wps.map((_, i) => i + 1));
    expect(wps[0]?.kind).toBe('DSS');
    expect(wps[0]?.roadbookKm).toBe(0);
    expect(wps.at(-1)?.kind).toBe('ASS');
    expect(wps.at(-1)?.roadbookKm).toBeCloseTo(km(ss), 1);
    for (let i = 1; i < wps.length; i++) expect(wps[i]?.roadbookKm).toBeGreaterThan(wps[i - 1]?.roadbookKm as number);
    const kinds = new Set(wps.map((w) => w.kind));
    for (const kind of ['WPV', 'WPM', 'WPS', 'WPC', 'WPE', 'WPN', 'WPP'] satisfies WaypointKind[]) expect(kinds).toContain(kind);
    for (const segment of stage.segments.filter((s) => s !== ss)) expect(segment.waypoints).toEqual([]);
  });

  it('puts each waypoint on the route at its roadbook km, with sane radii', () => {
    for (const w of ss.waypoints) {
      expect(pointToLineDistance(w.location, ss.route, { units: 'meters' })).toBeLessThan(1);
      expect(distance(w.location, along(ss.route, w.roadbookKm), { units: 'meters' })).toBeLessThan(1);
      expect(w.toleranceMeters).toBeGreaterThan(0);
      if (w.openRadiusMeters !== null) expect(w.openRadiusMeters).toBeGreaterThanOrEqual(w.toleranceMeters);
      expect(w.showCoordinates).toBe(['WPV', 'WPS', 'DSS', 'ASS'].includes(w.kind));
      expect(w.name.startsWith(w.kind)).toBe(true);
    }
  });

  it('draws speed zones as simple corridors around their DZ–FZ slice', () => {
    const zones = stage.segments.flatMap((s) => s.speedZones);
    expect(zones.length).toBeGreaterThanOrEqual(3);
    for (const segment of stage.segments) {
      expect(segment.speedZones.length).toBeGreaterThan(0);
      for (const z of segment.speedZones) {
        expect(z.area.type).toBe('Polygon');
        expect(z.area.coordinates).toHaveLength(1);
        expect(kinks(z.area).features).toEqual([]);
        expect([30, 50]).toContain(z.speedLimitKmh);
        expect(z.fromKm).toBeGreaterThanOrEqual(0);
        expect(z.toKm).toBeGreaterThan(z.fromKm);
        expect(z.toKm).toBeLessThanOrEqual(km(segment) + 0.01);
        expect(booleanPointInPolygon(along(segment.route, (z.fromKm + z.toKm) / 2), z.area)).toBe(true);
      }
    }
  });

  it('opens and closes each segment inside its entry and exit geofences', () => {
    for (const s of stage.segments) {
      expect(booleanPointInPolygon(s.route.coordinates[0] as Position, fence(stage, s.entryGeofence).area)).toBe(true);
      expect(booleanPointInPolygon(s.route.coordinates.at(-1) as Position, fence(stage, s.exitGeofence).area)).toBe(true);
    }
  });

  it('has the geofences a rally day needs, closing on the stage day', () => {
    const count = (kind: string) => stage.geofences.filter((g) => g.kind === kind).length;
    expect(count('bivouac')).toBe(2);
    expect(count('start')).toBe(1);
    expect(count('finish')).toBe(1);
    expect(count('time-control')).toBeGreaterThanOrEqual(1);
    expect(count('passage-control')).toBeGreaterThanOrEqual(2);
    expect(count('refuel')).toBeGreaterThanOrEqual(1);
    expect(count('forbidden')).toBe(1);
    for (const g of stage.geofences) {
      expect(g.key.startsWith(`${stage.key}-`)).toBe(true);
      expect(g.area.coordinates[0]?.length).toBeGreaterThanOrEqual(33);
      expect(g.manualVerification).toBe(g.kind === 'time-control');
      expect(g.retroactive).toBe(false);
      // Europe/Tirane is UTC+2 in June.
      if (g.closesAt !== null) expect(new Date(Date.parse(g.closesAt) + 2 * 3600_000).toISOString().slice(0, 10)).toBe(stage.date);
    }
    for (const g of stage.geofences.filter((f) => ['start', 'finish', 'time-control', 'passage-control', 'refuel'].includes(f.kind))) {
      expect(g.closesAt).not.toBeNull();
    }
  });

  it('keeps the forbidden zone off every route and refuels within 130 km of each other', () => {
    const forbidden = stage.geofences.filter((g) => g.kind === 'forbidden');
    for (const g of forbidden) for (const s of stage.segments) expect(booleanDisjoint(s.route, g.area)).toBe(true);
    const refuelKms = stage.geofences.filter((g) => g.kind === 'refuel').map((g) => {
      const ring = g.area.coordinates[0] as Position[];
      const center: Position = [ring.reduce((a, p) => a + (p[0] as number), 0) / ring.length, ring.reduce((a, p) => a + (p[1] as number), 0) / ring.length];
      return nearestPointOnLine(ss.route, center).properties.location;
    });
    const stops = [0, ...refuelKms.sort((a, b) => a - b), km(ss)];
    for (let i = 1; i < stops.length; i++) expect((stops[i] as number) - (stops[i - 1] as number)).toBeLessThanOrEqual(130);
  });

  it('times liaisons at 50 km/h and closes the special at 25 km/h', () => {
    for (const s of stage.segments) {
      if (s.type === 'liaison') {
        expect(s.maxDurationSeconds).toBeNull();
        expect(s.targetDurationSeconds).toBeGreaterThanOrEqual((km(s) / 50) * 3600);
        expect(s.targetDurationSeconds).toBeLessThan((km(s) / 50) * 3600 + 60);
      } else {
        expect(s.targetDurationSeconds).toBeNull();
        expect(s.maxDurationSeconds).toBeGreaterThanOrEqual((km(s) / 25) * 3600);
        expect(s.maxDurationSeconds).toBeLessThan((km(s) / 25) * 3600 + 60);
      }
    }
  });
});

describe('the Rally Albania 2026 course', () => {
  it('draws two stages, Shkodër – Kukës then Kukës – Peshkopi, on consecutive days', () => {
    expect(course.map((s) => [s.sortOrder, s.name, s.date])).toEqual([
      [1, 'Shkodër – Kukës', '2026-06-07'],
      [2, 'Kukës – Peshkopi', '2026-06-08'],
    ]);
  });

  it('uses unique keys for geofences and segments across the event', () => {
    const keys = course.flatMap((s) => [...s.geofences.map((g) => g.key), ...s.segments.map((g) => g.key)]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is deterministic', () => {
    expect(rallyAlbaniaCourse()).toEqual(course);
  });
});
