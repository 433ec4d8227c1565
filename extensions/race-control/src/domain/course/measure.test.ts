import { describe, expect, it } from 'vitest';
import { ROUTE, ROUTE_KM, square, validCourse, waypoint } from './fixtures.ts';
import { roadbookKm, segmentKm, stageKm, stretchInside, waypointGaps } from './measure.ts';
import { circleArea, corridor, kmAlong, pointAtKm, routeKm } from './shapes.ts';
import { formatKm, formatLatLon } from './format.ts';

describe('measurements', () => {
  it('route and stage lengths', () => {
    expect(routeKm(ROUTE)).toBeCloseTo(ROUTE_KM, 2);
    const c = validCourse();
    expect(segmentKm(c.segments[0]!)).toBeCloseTo(ROUTE_KM, 2);
    c.segments.push({ ...c.segments[0]!, id: 'l2', route: { type: 'LineString', coordinates: [[20.1, 42], [20.2, 42]] } });
    expect(stageKm(c)).toBeCloseTo(2 * ROUTE_KM, 2);
  });
  it('the roadbook km of a point on or beside the route', () => {
    expect(roadbookKm(ROUTE, pointAtKm(ROUTE, 3.2).coordinates)).toBeCloseTo(3.2, 3);
    const beside = kmAlong(ROUTE, [20.05, 42.001]);
    expect(beside.km).toBeCloseTo(ROUTE_KM / 2, 2);
    expect(beside.offMeters).toBeCloseTo(111, 0);
  });
  it("a speed zone's stretch along the route", () => {
    const s = stretchInside(ROUTE, square(20.035, 42, 0.003))!;
    expect(s.fromKm).toBeCloseTo(2.644, 2);
    expect(s.toKm).toBeCloseTo(3.140, 2);
    expect(s.lengthKm).toBeCloseTo(0.496, 2);
    expect(stretchInside(ROUTE, square(20, 43, 0.01))).toBeNull();
  });
  it('distances between consecutive waypoints', () => {
    const gaps = waypointGaps(ROUTE, [waypoint('b', 2, 'WPM', 2), waypoint('a', 1, 'DSS', 0), waypoint('c', 3, 'WPV', 5)]);
    expect(gaps.map((g) => g.id)).toEqual(['a', 'b', 'c']);
    expect(gaps[0]!.gapKm).toBeNull();
    expect(gaps[1]!.gapKm).toBeCloseTo(2, 3);
    expect(gaps[2]!.gapKm).toBeCloseTo(3, 3);
  });
  it('a corridor from a route stretch is one simple ring around it; a circle is to scale', () => {
    const zone = corridor(ROUTE, 1, 2, 40);
    expect(zone.coordinates).toHaveLength(1);
    const s = stretchInside(ROUTE, zone)!;
    expect(s.lengthKm).toBeGreaterThan(0.9);
    const c = circleArea([20, 42], 500);
    expect(kmAlong({ type: 'LineString', coordinates: [[20, 42], [21, 42]] }, c.coordinates[0]![16]!).offMeters).toBeCloseTo(500, -1);
  });
  it('formats places and distances as a roadbook prints them', () => {
    expect(formatLatLon(19.851, 41.352)).toBe('41.3520° N 19.8510° E');
    expect(formatKm(0.25)).toBe('250 m');
    expect(formatKm(174.23)).toBe('174.2 km');
  });
});
