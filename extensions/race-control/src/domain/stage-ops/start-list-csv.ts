// The start list as CSV for the timekeepers' sheets. Hand-written rather than papaparse: one quoting
// rule (RFC 4180) is all a start list needs, and every admin-app user downloads our bundle.

export interface StartListLine {
  start_position: number | null;
  race_number: number | null;
  crew: string;
  class_code: string;
  /** Target time per segment, in the segments' order. */
  targets: (string | null)[];
  manual_override: boolean;
}

const cell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function startListCsv(segmentNames: string[], lines: StartListLine[]): string {
  const header = ['position', 'race_number', 'crew', 'class', ...segmentNames.map((n) => `target ${n}`), 'set_by_hand'];
  const body = lines.map((l) => [l.start_position, l.race_number, l.crew, l.class_code, ...l.targets, l.manual_override ? 'yes' : ''].map(cell).join(','));
  return [header.map(cell).join(','), ...body].join('\r\n') + '\r\n';
}
