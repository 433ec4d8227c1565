import { describe, expect, it } from 'vitest';
import { basemapFailure } from './basemap-failure';

describe('basemapFailure', () => {
  it('says the basemap is unreachable when the network fails, without the tile URL', () => {
    const text = basemapFailure('OpenStreetMap', 'AJAXError: Failed to fetch (0): https://tile.openstreetmap.org/8/140/95.png');
    expect(text).toBe('OpenStreetMap could not be reached (no internet?); showing the offline map');
    expect(basemapFailure('OpenStreetMap', 'no tile answered')).toContain('could not be reached');
  });

  it('points at the settings when the tile server refuses or has no tiles', () => {
    expect(basemapFailure('Satellite', 'AJAXError: Forbidden (403): https://x.test/1/2/3.jpg'))
      .toBe("Satellite refused the tiles (HTTP 403); check the basemap's URL or key in the project settings; showing the offline map");
    expect(basemapFailure('Topo', 'AJAXError: Not Found (404): https://x.test/1/2/3.png')).toContain('HTTP 404');
    expect(basemapFailure('Topo', 'AJAXError: Bad Gateway (502): https://x.test')).toContain('server error (HTTP 502)');
  });

  it('keeps an unknown reason short and without URLs', () => {
    const text = basemapFailure('Topo', 'Style is not done loading: https://x.test/style.json');
    expect(text).toBe('Topo did not load (Style is not done loading); showing the offline map');
  });
});
