import { describe, expect, it } from 'vitest';
import { buildPointIndex, insideRing, mercatorX, mercatorY } from './spatial-index';
import { straightTrack } from './test-track';

describe('picking points from the index', () => {
  const track = straightTrack(100);
  track.lon[50] = 0;
  track.lat[50] = 0;
  const index = buildPointIndex(track);

  it('clicks the nearest point within a few pixels, or nothing', () => {
    expect(index.nearest([19.50302, 41], 6, 14)).toBe(30);
    expect(index.nearest([19.50302, 41.01], 6, 14)).toBeNull();
    // At zoom 2 six pixels cover the whole track: still the nearest one.
    expect(index.nearest([19.5, 41], 6, 2)).toBe(0);
  });

  it('boxes the points between two corners, given either way round', () => {
    expect([...index.box([19.50095, 40.9], [19.50405, 41.1])]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40]);
    expect(index.box([19.50405, 41.1], [19.50095, 40.9]).length).toBe(31);
  });

  it('lassos the points inside a ring and leaves (0, 0) out', () => {
    const ring: [number, number][] = [[19.50195, 40.99], [19.50605, 40.99], [19.50605, 41.01], [19.50195, 41.01]];
    const hit = index.lasso(ring);
    expect(hit[0]).toBe(20);
    expect(hit[hit.length - 1]).toBe(60);
    expect([...hit]).not.toContain(50);
    expect(index.lasso(ring.slice(0, 2)).length).toBe(0);
  });

  it('lassos a concave ring by what is inside it, not by its box', () => {
    // A U open to the north; the track runs east through both arms and the gap between them.
    const u: [number, number][] = [[19.50105, 40.99], [19.50895, 40.99], [19.50895, 41.01], [19.50705, 41.01], [19.50705, 40.995],
      [19.50295, 40.995], [19.50295, 41.01], [19.50105, 41.01]];
    const hit = [...index.lasso(u)];
    expect(hit).toEqual([...Array.from({ length: 19 }, (_, k) => 11 + k), ...Array.from({ length: 19 }, (_, k) => 71 + k)]);
    const low = straightTrack(100);
    low.lat.fill(40.992);
    expect(buildPointIndex(low).lasso(u).length).toBe(79);
  });

  it('projects like MapLibre (Web Mercator, 0…1)', () => {
    expect(mercatorX(-180)).toBe(0);
    expect(mercatorY(0)).toBeCloseTo(0.5);
    expect(insideRing(0.5, 0.5, [0, 1, 1, 0], [0, 0, 1, 1])).toBe(true);
  });

  it('answers a lasso over 30k points in a few milliseconds', () => {
    const big = straightTrack(30_000);
    for (let i = 0; i < big.count; i++) big.lat[i] = 41 + Math.sin(i / 50) * 0.01;
    const idx = buildPointIndex(big);
    const ring: [number, number][] = [];
    for (let k = 0; k < 64; k++) ring.push([19.5 + 1.5 + Math.cos(k / 10) * 1, 41 + Math.sin(k / 10) * 0.01]);
    const started = performance.now();
    for (let k = 0; k < 10; k++) idx.lasso(ring);
    expect((performance.now() - started) / 10).toBeLessThan(50);
  });
});
