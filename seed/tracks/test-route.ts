// A synthetic stage for tests: a wiggly line near Shkodër with gentle sweeps and a few sharp bends,
// cheap to build and long enough (60 km ≈ 1 h) for every fault kind to appear.
import type { LineString } from 'geojson';
import type { TrackPlan } from './types.ts';

export function wigglyRoute(km = 60, lon0 = 19.9, lat0 = 42.0): LineString {
  const step = 25;
  const coordinates: number[][] = [[lon0, lat0]];
  const mPerDegLon = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  let x = 0;
  let y = 0;
  for (let s = step; s <= km * 1000; s += step) {
    const h = ((70 + 50 * Math.sin(s / 1500) + 30 * Math.sin(s / 420) + 80 * Math.sin(s / 170) ** 9) * Math.PI) / 180;
    x += step * Math.sin(h);
    y += step * Math.cos(h);
    coordinates.push([lon0 + x / mPerDegLon, lat0 + y / 110_574]);
  }
  return { type: 'LineString', coordinates };
}

export const ROUTE = wigglyRoute();

export function testPlan(overrides: Partial<TrackPlan> = {}): TrackPlan {
  return {
    imei: '490154203237518',
    route: ROUTE,
    startAt: new Date('2026-06-07T06:00:00Z'),
    vehicleKind: 'moto',
    pace: 1,
    stops: [
      { atKm: 18.5, seconds: 240, reason: 'control' },
      { atKm: 41, seconds: 600, reason: 'refuel' },
    ],
    gaps: [
      { atKm: 9, seconds: 90 },
      { atKm: 33, seconds: 300 },
    ],
    seed: 42,
    ...overrides,
  };
}
