// What a waypoint's kind suggests (FIM-style, domain.md "Rules of the sport"). Every row stores its
// own radii so another rulebook changes one without a code change; the editor fills these in when a
// waypoint is drawn. No relative imports: the seed loads this file under plain Node.
export type DefaultedWaypointKind = 'WPV' | 'WPM' | 'WPE' | 'WPS' | 'WPC' | 'WPN' | 'WPP' | 'DSS' | 'ASS';

export const WAYPOINT_RADII: Record<DefaultedWaypointKind, { clear: number; open: number | null }> = {
  WPV: { clear: 200, open: null },
  WPM: { clear: 90, open: 800 },
  WPE: { clear: 90, open: 1000 },
  WPS: { clear: 30, open: 1000 },
  WPC: { clear: 300, open: null },
  WPN: { clear: 200, open: 800 },
  WPP: { clear: 30, open: 300 },
  DSS: { clear: 200, open: null },
  ASS: { clear: 200, open: null },
};

/** Kinds whose coordinates the roadbook prints (the others are found by navigation). */
export const SHOWS_COORDINATES: ReadonlySet<DefaultedWaypointKind> = new Set(['WPV', 'WPS', 'DSS', 'ASS']);

/** Bounds a value must stay within before it reads as a typing slip (checks and the server hook). */
export const SANE = {
  clearRadiusMeters: { min: 5, max: 5000 },
  openRadiusMeters: { min: 10, max: 10000 },
  speedLimitKmh: { min: 5, max: 130 },
} as const;
