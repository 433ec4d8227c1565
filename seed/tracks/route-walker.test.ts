import { along, distance, length } from '@turf/turf';
import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { GRID_METERS, createWalker, routeModel } from './route-walker.ts';
import { ROUTE } from './test-route.ts';

describe('route walker', () => {
  it('measures the route like turf and lands where turf.along does, forwards and back', () => {
    const model = routeModel(ROUTE);
    expect(model.length / 1000).toBeCloseTo(length({ type: 'Feature', geometry: ROUTE, properties: {} }), 6);
    const walker = createWalker(model);
    for (const s of [0, 1234.5, 20_000, 41_017, 59_999, 20_001, model.length, model.length + 50]) {
      walker.seek(s);
      const ref = along(ROUTE, Math.min(s, model.length) / 1000).geometry.coordinates;
      expect(distance(ref, [walker.lon, walker.lat], { units: 'meters' })).toBeLessThan(0.05);
    }
  });

  it('is prepared once per route object', () => {
    expect(routeModel(ROUTE)).toBe(routeModel(ROUTE));
  });

  it('reads a bend radius close to the true one, and a straight as no bend', () => {
    // A half circle of radius 100 m, then a straight 1 km.
    const lat0 = 42;
    const mLon = 111_320 * Math.cos((lat0 * Math.PI) / 180);
    const coordinates: number[][] = [];
    for (let a = 0; a <= 180; a += 2) {
      const r = (a * Math.PI) / 180;
      coordinates.push([19.9 + (100 * Math.sin(r)) / mLon, lat0 + (100 - 100 * Math.cos(r)) / 110_574]);
    }
    for (let x = 10; x <= 1000; x += 10) coordinates.push([19.9 - x / mLon, lat0 + 200 / 110_574]);
    const route: LineString = { type: 'LineString', coordinates };
    const model = routeModel(route);
    const mid = Math.round(157 / GRID_METERS);
    expect(model.radius[mid]!).toBeGreaterThan(90);
    expect(model.radius[mid]!).toBeLessThan(110);
    expect(model.radius[Math.round(model.length / GRID_METERS) - 20]!).toBe(Infinity);
    for (const alt of model.alts) {
      expect(alt).toBeGreaterThan(200);
      expect(alt).toBeLessThan(2000);
    }
  });

  it('refuses a route that cannot be driven', () => {
    expect(() => routeModel({ type: 'LineString', coordinates: [[19.9, 42]] })).toThrow(/at least 2/);
    expect(() => routeModel({ type: 'LineString', coordinates: [[19.9, 42], [19.9, 42]] })).toThrow(/positive length/);
  });
});
