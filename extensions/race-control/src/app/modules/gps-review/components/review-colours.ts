// One set of colours for the states of a point, so the map, the chart and the lists agree.
export const STATE_COLOURS = {
  good: '#3d8bfd',
  suspect: '#f08c00',
  flagged: '#d6336c',
  selected: '#7048e8',
  zoneLimit: '#e8590c',
  classMax: '#868e96',
} as const;
