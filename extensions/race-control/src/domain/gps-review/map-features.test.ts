import { describe, expect, it } from 'vitest';
import { boundsOfPoints, flagChanges, trackLine, trackPoints } from './map-features';
import { straightTrack } from './test-track';

describe('the track as map sources', () => {
  const track = straightTrack(5);
  track.lat[3] = 91; // out of range: not drawn
  track.reasons[1] = 32; // spike (bit 5)
  track.flagged[2] = 1;
  it('draws the drawable points with their index as id, their state and first reason', () => {
    const points = trackPoints(track);
    expect(points.features.map((f) => [f.id, f.properties!.s, f.properties!.k])).toEqual([[0, 0, -1], [1, 1, 5], [2, 2, -1], [4, 0, -1]]);
    expect(trackLine(track).geometry.coordinates).toHaveLength(4);
  });
  it('tells the map only about flags that changed since it was last told', () => {
    const shown = track.flagged.slice();
    expect(flagChanges(track, shown)).toEqual([]);
    track.flagged[1] = 1;
    track.flagged[2] = 0;
    expect(flagChanges(track, shown)).toEqual([[1, 1], [2, 0]]);
    expect(flagChanges(track, shown)).toEqual([]);
  });
  it('bounds a suspect with a neighbour either side', () => {
    expect(boundsOfPoints(track, 1, 1)).toEqual([19.5, 41, 19.5002, 41]);
  });
});
