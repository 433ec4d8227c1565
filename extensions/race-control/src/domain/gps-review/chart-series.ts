// The speed/time chart's columns, uPlot's shape: x in seconds, then one y column per series with
// null where the series has no value (uPlot leaves a gap there). Points by state are their own
// series so the chart shows the same colours as the map.
import { positionsOf, type TrackPart } from './entry-track';
import type { ReviewTrack } from './track';

export type Column = (number | null)[];

export interface ChartColumns {
  x: Float64Array;
  speed: Float32Array;
  zoneLimit: Column;
  classMax: Column;
}

/** `order` (entry-track's chartOrder) puts several trackers' points on one time axis; none: as is. */
export function baseColumns(track: ReviewTrack, limits: Float32Array, classMax: number | null, order: Uint32Array | null = null): ChartColumns {
  const at = (k: number) => (order ? order[k]! : k);
  const x = new Float64Array(track.count);
  for (let k = 0; k < track.count; k++) x[k] = track.t[at(k)]! / 1000;
  const zoneLimit: Column = new Array(track.count);
  for (let k = 0; k < track.count; k++) zoneLimit[k] = Number.isNaN(limits[at(k)] ?? NaN) ? null : limits[at(k)]!;
  const classMaxColumn: Column = new Array(track.count).fill(classMax);
  const speed = order ? Float32Array.from(order, (i) => track.speed[i]!) : track.speed;
  return { x, speed, zoneLimit, classMax: classMaxColumn };
}

/** One speed column per tracker on the shared axis, null where the point is another tracker's. */
export function speedByPart(track: ReviewTrack, parts: readonly TrackPart[], order: Uint32Array): Column[] {
  const columns: Column[] = parts.map(() => new Array(track.count).fill(null));
  let part = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    // Points of one part are contiguous indices: find its part without a search most of the time.
    if (!(parts[part]!.offset <= i && i < parts[part]!.offset + parts[part]!.count)) part = parts.findIndex((p) => p.offset <= i && i < p.offset + p.count);
    columns[part]![k] = track.speed[i]!;
  }
  return columns;
}

/** Speeds of the points in each state (suspect, flagged, selected), null elsewhere. */
export function stateColumns(track: ReviewTrack, selection: Uint32Array, order: Uint32Array | null = null): { suspect: Column; flagged: Column; selected: Column } {
  const suspect: Column = new Array(track.count).fill(null);
  const flagged: Column = new Array(track.count).fill(null);
  const selected: Column = new Array(track.count).fill(null);
  const pos = order ? positionsOf(order) : null;
  const at = (i: number) => (pos ? pos[i]! : i);
  for (let i = 0; i < track.count; i++) {
    if (track.flagged[i]) flagged[at(i)] = track.speed[i]!;
    else if (track.reasons[i]) suspect[at(i)] = track.speed[i]!;
  }
  for (const i of selection) selected[at(i)] = track.speed[i]!;
  return { suspect, flagged, selected };
}

/** The x range (s) that shows a suspect with context either side: what "the chart follows" means. */
export function windowAround(track: ReviewTrack, first: number, last: number, padSeconds = 300): [number, number] {
  return [track.t[first]! / 1000 - padSeconds, track.t[last]! / 1000 + padSeconds];
}
