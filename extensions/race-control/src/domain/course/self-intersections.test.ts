import { describe, expect, it } from 'vitest';
import { BOW_TIE } from './fixtures.ts';
import { selfIntersections } from './self-intersections.ts';

const n = 10_000;
function wobblyRing(): number[][] {
  const ring = Array.from({ length: n }, (_, i) => [20 + 0.1 * Math.cos((2 * Math.PI * i) / n) * (1 + 0.02 * Math.sin(i)), 42 + 0.1 * Math.sin((2 * Math.PI * i) / n)]);
  ring.push(ring[0]!);
  return ring;
}

describe('self-intersections', () => {
  it('a bow-tie crosses at its middle', () => {
    expect(selfIntersections(BOW_TIE.coordinates)).toEqual([[19.55, 41.55]]);
  });
  it('a square, its corners touching only their neighbours, is simple', () => {
    expect(selfIntersections([[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]])).toEqual([]);
  });
  it('a notch whose tip comes close to the far edge without touching it is simple', () => {
    expect(selfIntersections([[[0, 0], [2, 0], [2, 2], [1, 0.000001], [0, 2], [0, 0]]])).toEqual([]);
  });
  it('a ring whose corner touches its own far edge is refused there (PostGIS: ring self-intersection)', () => {
    expect(new Set(selfIntersections([[[0, 0], [2, 0], [2, 2], [1, 0], [0, 2], [0, 0]]]).map(String))).toEqual(new Set(['1,0'])); // met by both edges at that corner
  });
  it('a hole touching the shell at one point is allowed; a hole crossing it is not', () => {
    const shell = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    expect(selfIntersections([shell, [[2, 0], [3, 1], [1, 1], [2, 0]]])).toEqual([]);
    expect(selfIntersections([shell, [[2, -1], [3, 1], [1, 1], [2, -1]]])).toHaveLength(2);
  });
  it('an edge doubling back over another (collinear overlap) is refused', () => {
    expect(selfIntersections([[[0, 0], [2, 0], [2, 1], [1, 0], [1, -1], [0, 0]]]).length).toBeGreaterThan(0);
  });
  it('a valid 10k-vertex polygon has no crossing', () => {
    expect(selfIntersections([wobblyRing()])).toEqual([]);
  });
  it('a 10k-vertex polygon with one crossing far inside the ring says where it is', () => {
    const ring = Array.from({ length: n }, (_, i) => [20 + 0.1 * Math.cos((2 * Math.PI * i) / n), 42 + 0.1 * Math.sin((2 * Math.PI * i) / n)]);
    ring.push(ring[0]!);
    // Swap two neighbouring vertices a third of the way round: their edges now cross once.
    const k = 3333;
    [ring[k], ring[k + 1]] = [ring[k + 1]!, ring[k]!];
    const found = selfIntersections([ring]);
    expect(found).toHaveLength(1);
    const [x, y] = found[0]!;
    const [a, b] = [ring[k - 1]!, ring[k + 2]!];
    expect(x).toBeGreaterThanOrEqual(Math.min(a[0]!, b[0]!));
    expect(x).toBeLessThanOrEqual(Math.max(a[0]!, b[0]!));
    expect(y).toBeGreaterThanOrEqual(Math.min(a[1]!, b[1]!));
    expect(y).toBeLessThanOrEqual(Math.max(a[1]!, b[1]!));
    expect(selfIntersections([ring], 1)).toEqual(found);
  });
});
