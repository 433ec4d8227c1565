import { area, feature, length } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { describeGeometry } from './describe-geometry.ts';
import { ROUTE, square } from './fixtures.ts';

describe('a geometry in one line', () => {
  it('a point as a roadbook prints it', () => {
    expect(describeGeometry({ type: 'Point', coordinates: [19.851, 41.352] })).toBe('41.3520° N 19.8510° E');
  });
  it('a line by its length, a polygon by its area, as turf measures them', () => {
    expect(describeGeometry(ROUTE)).toBe(`LineString · ${length(feature(ROUTE)).toFixed(1)} km`);
    const big = square(20, 42, 0.005);
    expect(describeGeometry(big)).toBe(`Polygon · ${(area(big) / 1e6).toFixed(1)} km²`);
    expect(describeGeometry(JSON.stringify(square(20, 42, 0.001)))).toBe(`Polygon · ${Math.round(area(square(20, 42, 0.001))).toLocaleString('en')} m²`);
  });
  it('nothing for no geometry', () => {
    expect(describeGeometry(null)).toBe('');
    expect(describeGeometry('not json')).toBe('');
  });
});
