// The indexed kmAlong gives turf's answer (km, metres off, index) for points on, near and far off
// long and short routes, at vertices, and on a route that doubles back over itself.
import { describe, expect, it } from 'vitest';
import type { LineString } from 'geojson';
import { kmAlongIndexed } from './route-index.ts';
import { kmAlong } from './shapes.ts';

let seed = 7;
const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const wiggly = (n: number): LineString => ({ type: 'LineString', coordinates: Array.from({ length: n }, (_, i) => [19.9 + i * 0.0002 + 0.001 * Math.sin(i / 7), 42.05 + 0.002 * Math.sin(i / 30)]) });
const hairpin: LineString = { type: 'LineString', coordinates: [...wiggly(300).coordinates, ...wiggly(300).coordinates.reverse().map(([x, y]) => [x!, y! + 0.00005])] };

describe('kmAlongIndexed', () => {
  for (const [name, route] of [['long', wiggly(1500)], ['short', wiggly(20)], ['hairpin', hairpin]] as const) {
    it(`matches turf on a ${name} route`, () => {
      const c = route.coordinates;
      const points = [c[0]!, c.at(-1)!, c[Math.floor(c.length / 2)]!, [19.5, 41.9], [21, 43]];
      for (let k = 0; k < 120; k++) {
        const [x, y] = c[Math.floor(rand() * c.length)]!;
        points.push([x! + (rand() - 0.5) * 0.01 * (k % 3), y! + (rand() - 0.5) * 0.01 * (k % 3)]);
      }
      for (const p of points) expect(kmAlongIndexed(route, p)).toEqual(kmAlong(route, p));
    });
  }
});
