import { describe, expect, it } from 'vitest';
import { spliceWindow, windowAround } from './route-window.ts';

const route = { type: 'LineString' as const, coordinates: Array.from({ length: 20_000 }, (_, i) => [20 + i * 1e-5, 42 + Math.sin(i / 50) * 1e-3]) };

describe('editing a long route in windows', () => {
  it('takes a stretch of a few hundred vertices around the one picked, clamped at the ends', () => {
    expect(windowAround(route, 10_000)).toMatchObject({ from: 9850, to: 10_149 });
    expect(windowAround(route, 5)).toMatchObject({ from: 0, to: 299 });
    expect(windowAround(route, 19_999)).toMatchObject({ from: 19_700, to: 19_999 });
  });
  it('puts an edited stretch back and keeps every vertex outside it exactly', () => {
    const w = windowAround(route, 10_000);
    const edited = w.line.coordinates.map((p, i) => (i === 150 ? [p[0]! + 0.001, p[1]!] : p));
    edited.splice(10, 0, [20.1, 42.1]); // a vertex added inside the stretch
    const after = spliceWindow(route, w, edited);
    expect(after.coordinates).toHaveLength(20_001);
    expect(after.coordinates.slice(0, w.from)).toEqual(route.coordinates.slice(0, w.from));
    expect(after.coordinates.slice(w.from + edited.length)).toEqual(route.coordinates.slice(w.to + 1));
  });
});
