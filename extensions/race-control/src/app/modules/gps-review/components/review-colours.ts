// One set of colours for the states of a point, so the map, the chart and the lists agree.
export const STATE_COLOURS = {
  good: '#3d8bfd',
  suspect: '#f08c00',
  flagged: '#d6336c',
  selected: '#7048e8',
  zoneLimit: '#e8590c',
  classMax: '#868e96',
} as const;

/** Suspect points by their first reason (bit order of domain/gps REASON_CODES), so kinds read apart. */
export const KIND_COLOURS: readonly string[] = [
  '#f08c00', // no-fix
  '#862e9c', // zero-coordinates
  '#5f3dc4', // out-of-range
  '#1098ad', // duplicate
  '#0b7285', // same-time-conflict
  '#e8590c', // spike
  '#e67700', // stale-fix
  '#a9a000', // low-accuracy
  '#c2255c', // clock-jump
  '#2b8a3e', // power-on-drift
  '#495057', // cross-check
];

/**
 * Each tracker of an entry by its place (primary first): its line and its good points. The first is
 * the one-tracker review's blue; the others stay clear of the state and kind colours above.
 */
export const TRACKER_COLOURS: readonly string[] = [STATE_COLOURS.good, '#099268', '#212529', '#a61e4d'];

export const trackerColour = (tr: number) => TRACKER_COLOURS[tr % TRACKER_COLOURS.length]!;
