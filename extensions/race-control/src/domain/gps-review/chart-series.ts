// The speed/time chart's columns, uPlot's shape: x in seconds, then one y column per series with
// null where the series has no value (uPlot leaves a gap there). Points by state are their own
// series so the chart shows the same colours as the map.
import type { ReviewTrack } from './track';

export type Column = (number | null)[];

export interface ChartColumns {
  x: Float64Array;
  speed: Float32Array;
  zoneLimit: Column;
  classMax: Column;
}

export function baseColumns(track: ReviewTrack, limits: Float32Array, classMax: number | null): ChartColumns {
  const x = new Float64Array(track.count);
  for (let i = 0; i < track.count; i++) x[i] = track.t[i]! / 1000;
  const zoneLimit: Column = new Array(track.count);
  for (let i = 0; i < track.count; i++) zoneLimit[i] = Number.isNaN(limits[i] ?? NaN) ? null : limits[i]!;
  const classMaxColumn: Column = new Array(track.count).fill(classMax);
  return { x, speed: track.speed, zoneLimit, classMax: classMaxColumn };
}

/** Speeds of the points in each state (suspect, flagged, selected), null elsewhere. */
export function stateColumns(track: ReviewTrack, selection: Uint32Array): { suspect: Column; flagged: Column; selected: Column } {
  const suspect: Column = new Array(track.count).fill(null);
  const flagged: Column = new Array(track.count).fill(null);
  const selected: Column = new Array(track.count).fill(null);
  for (let i = 0; i < track.count; i++) {
    if (track.flagged[i]) flagged[i] = track.speed[i]!;
    else if (track.reasons[i]) suspect[i] = track.speed[i]!;
  }
  for (const i of selection) selected[i] = track.speed[i]!;
  return { suspect, flagged, selected };
}

/** The x range (s) that shows a suspect with context either side: what "the chart follows" means. */
export function windowAround(track: ReviewTrack, first: number, last: number, padSeconds = 300): [number, number] {
  return [track.t[first]! / 1000 - padSeconds, track.t[last]! / 1000 + padSeconds];
}
