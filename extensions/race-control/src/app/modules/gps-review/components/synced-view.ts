// What the map and the chart both show of one review, kept in step by the review view: the same
// track, selection, cursor point and suspect in focus.
import type { TrackPart } from '../../../../domain/gps-review/entry-track';
import type { ReviewTrack } from '../../../../domain/gps-review/track';

export interface SyncedViewProps {
  track: ReviewTrack;
  /** The trackers laid end to end in `track`: one, or an entry's (domain/gps-review/entry-track). */
  parts: TrackPart[];
  /** Ticks when flags change (the track's arrays are not reactive). */
  version: number;
  selection: Uint32Array;
  cursor: number | null;
  /** The points to bring into view (the current suspect), [first, last]. */
  focus: [number, number] | null;
}
