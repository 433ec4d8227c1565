import { describe, expect, it } from 'vitest';
import { basemapChoices, basemapStyle, expandTileUrl, offlineStyle } from './styles';
import { mapColours } from './theme';

describe('map styles', () => {
  const colours = mapColours();
  it('expands {a-c} hosts like Directus does', () => {
    expect(expandTileUrl('https://{a-c}.tile.example/{z}/{x}/{y}.png')).toEqual([
      'https://a.tile.example/{z}/{x}/{y}.png', 'https://b.tile.example/{z}/{x}/{y}.png', 'https://c.tile.example/{z}/{x}/{y}.png']);
  });
  it('the offline style needs nothing remote: no glyphs, no sprite, no tile URL', () => {
    const style = offlineStyle(colours);
    expect(style.glyphs).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:/);
  });
  it('a raster basemap becomes a raster source; a style basemap is its URL', () => {
    const raster = basemapStyle({ name: 'OSM', type: 'raster', url: 'https://t/{z}/{x}/{y}.png', attribution: '© OSM' }, colours);
    expect(raster).toMatchObject({ sources: { basemap: { type: 'raster', tiles: ['https://t/{z}/{x}/{y}.png'], tileSize: 256 } } });
    expect(basemapStyle({ name: 'S', type: 'style', url: 'https://s/style.json' }, colours)).toBe('https://s/style.json');
  });
  it('offers the project basemaps, then always the offline one', () => {
    expect(basemapChoices(null)).toEqual(['Offline (no tiles)']);
    expect(basemapChoices({ basemaps: [{ name: 'A', type: 'raster', url: 'x' }] })).toEqual(['A', 'Offline (no tiles)']);
  });
});
