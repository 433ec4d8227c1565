// What a parser hands to `assemble`: the file's objects as read, units already metric, before
// simplification, route assignment, radii defaults and zone corridors (which are the same for
// every format and so live once, in assemble.ts).
import type { KindChoice } from './kinds';
import type { CourseFormat, Note, Position, SegmentType, Skipped } from './types';

export interface RawRoute {
  name: string;
  type: SegmentType | null;
  points: Position[];
  targetDurationSeconds: number | null;
}

export interface RawWaypoint {
  name: string;
  location: Position;
  /** null: a plain roadbook box (distance, heading, drawing), not a waypoint to validate. */
  kind: KindChoice | null;
  clear: number | null;
  open: number | null;
  roadbookKm: number | null;
  showCoordinates: boolean | null;
  /** `dz` starts a speed zone at this point, `fz` ends it. */
  zone: 'dz' | 'fz' | null;
  speedKmh: number | null;
  /** Start of a neutralization, with its time; or its end (`fn`). */
  neutralizationSeconds: number | null;
  neutralizationEnd: boolean;
  /** The route it belongs to when the file says so (our own exports do). */
  route: number | null;
  /** The zone's exact polygon when the file carries it (our own exports do). */
  zoneArea: Position[] | null;
}

export interface RawZone { name: string; speedLimitKmh: number; area: Position[]; route: number | null }

export interface RawCourse {
  format: CourseFormat;
  routes: RawRoute[];
  waypoints: RawWaypoint[];
  zones: RawZone[];
  notes: Note[];
  skipped: Skipped;
  /** Written by our exporter: its vertices are already the stored ones, so none is simplified away. */
  ours: boolean;
}

export const rawWaypoint = (name: string, location: Position, kind: KindChoice | null): RawWaypoint => ({
  name, location, kind, clear: null, open: null, roadbookKm: null, showCoordinates: null, zone: null, speedKmh: null,
  neutralizationSeconds: null, neutralizationEnd: false, route: null, zoneArea: null,
});

const SEGMENT_TYPES: readonly SegmentType[] = ['liaison', 'special-stage', 'parc-ferme', 'neutralization'];
export function segmentTypeOf(text: string | null | undefined): SegmentType | null {
  const t = (text ?? '').trim().toLowerCase();
  return SEGMENT_TYPES.find((s) => s === t) ?? null;
}
