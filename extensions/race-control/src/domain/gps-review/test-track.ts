// A small straight track for the unit tests: one point a second heading east along latitude 41.
import { emptyTrack, type ReviewTrack } from './track';

export const T0 = Date.parse('2026-06-07T05:00:00Z');

export function straightTrack(count: number, imei = '352092110000016'): ReviewTrack {
  const track = emptyTrack(imei, count);
  for (let i = 0; i < count; i++) {
    track.t[i] = T0 + i * 1000;
    track.lon[i] = 19.5 + i * 0.0001;
    track.lat[i] = 41;
    track.speed[i] = 30;
  }
  return track;
}

export const iso = (i: number) => new Date(T0 + i * 1000).toISOString();
