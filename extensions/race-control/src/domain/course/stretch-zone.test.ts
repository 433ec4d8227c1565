// A speed zone from a route stretch: clicks snap onto the route, the corridor covers exactly the
// stretch between DZ and FZ (in route order either way round), and the corridor's DZ, FZ and width
// are read back from its polygon.
import { booleanPointInPolygon, booleanValid } from '@turf/turf';
import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ROUTE, ROUTE_KM } from './fixtures.ts';
import { pointAtKm } from './shapes.ts';
import { corridorStretch, markOnRoute, stretchZone } from './stretch-zone.ts';

const wiggly: LineString = { type: 'LineString', coordinates: Array.from({ length: 3000 }, (_, i) => [19.9 + i * 0.0002, 42.05 + 0.003 * Math.sin(i / 200)]) };

describe('speed zone from a route stretch', () => {
  it('a click beside the route marks the point on the route at its km', () => {
    const m = markOnRoute(ROUTE, [20.0301, 42.0005]);
    expect(m.km).toBeCloseTo(2.487, 2);
    expect(m.offMeters).toBeCloseTo(55.6, 0);
    expect(m.at[1]).toBeCloseTo(42, 6); // on the route, not where the click was
  });

  it('the corridor covers the stretch from DZ to FZ and not beyond a half-width, clicked either way round', () => {
    const z = stretchZone(ROUTE, 5, 2, 50);
    expect([z.fromKm, z.toKm]).toEqual([2, 5]);
    expect(booleanValid(z.area)).toBe(true);
    for (let km = 2; km <= 5; km += 0.25) expect(booleanPointInPolygon(pointAtKm(ROUTE, km), z.area)).toBe(true);
    expect(booleanPointInPolygon(pointAtKm(ROUTE, 1.9), z.area)).toBe(false);
    expect(booleanPointInPolygon(pointAtKm(ROUTE, 5.1), z.area)).toBe(false);
    const beside = (km: number, m: number) => [pointAtKm(ROUTE, km).coordinates[0]!, 42 + m / 111_195];
    expect(booleanPointInPolygon(beside(3.5, 45), z.area)).toBe(true);
    expect(booleanPointInPolygon(beside(3.5, 55), z.area)).toBe(false);
  });

  it('refuses a stretch with no length or no width', () => {
    expect(() => stretchZone(ROUTE, 3, 3.005, 50)).toThrow(/same place/);
    expect(() => stretchZone(ROUTE, 1, 2, 0)).toThrow(/width/);
  });

  it("reads a corridor's DZ, FZ and width back from its polygon, on a straight and a winding route", () => {
    for (const [route, a, b, w] of [[ROUTE, 2, 5, 50], [ROUTE, 0, 1, 30], [wiggly, 12, 20.5, 80]] as const) {
      const back = corridorStretch(route, stretchZone(route, a, b, w).area)!;
      expect(back.fromKm).toBeCloseTo(a, 2);
      expect(back.toKm).toBeCloseTo(b, 2);
      expect(Math.abs(back.halfWidthMeters - w)).toBeLessThanOrEqual(4);
    }
    expect(corridorStretch(ROUTE, stretchZone(wiggly, 1, 2, 50).area)).toBeNull();
    expect(ROUTE_KM).toBeGreaterThan(5);
  });
});
