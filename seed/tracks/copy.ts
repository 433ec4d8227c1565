// PostgreSQL COPY text format for `positions`, so a seed loader can stream millions of rows through
// COPY FROM STDIN instead of INSERT statements. Formatting is the loader's hot path (it costs more
// than generating the row), hence the two small caches below.
import type { PositionRow } from './types.ts';

export const COPY_COLUMNS = ['device_id', 'ts', 'latitude', 'longitude', 'altitude', 'angle', 'speed', 'satellites', 'priority', 'attributes', 'codec'] as const;

const SPECIAL = /[\\\n\r\t]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
// Rows repeat a few device_ids and codecs: each is checked once (bounded, for long-lived callers).
const plain = new Set<string>();

/** In COPY text a backslash starts an escape and a tab or newline ends a field or row. */
export function copyEscape(text: string): string {
  if (plain.has(text)) return text;
  if (SPECIAL.test(text)) return text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]!);
  if (plain.size >= 10_000) plain.clear();
  plain.add(text);
  return text;
}

// Consecutive rows share the minute: format "YYYY-MM-DDTHH:MM:" once per minute.
const MAX_ISO_MS = 253_402_300_800_000; // year 10000: toISOString changes shape there
let isoMinute = NaN;
let isoPrefix = '';

/** Same text as Date.toISOString (milliseconds and 'Z'). */
export function isoTimestamp(ts: Date): string {
  const ms = ts.getTime();
  if (!(ms >= 0 && ms < MAX_ISO_MS)) return ts.toISOString();
  const minute = Math.floor(ms / 60_000);
  if (minute !== isoMinute) {
    isoMinute = minute;
    isoPrefix = new Date(minute * 60_000).toISOString().slice(0, 17);
  }
  const rest = ms - minute * 60_000;
  const s = Math.floor(rest / 1000);
  const m = rest - s * 1000;
  return `${isoPrefix}${s < 10 ? '0' : ''}${s}.${m < 10 ? '00' : m < 100 ? '0' : ''}${m}Z`;
}

export function toCopyLine(row: PositionRow): string {
  // Compact JSON escapes every control character inside strings: only its backslashes need doubling.
  const json = JSON.stringify(row.attributes);
  const attributes = json.includes('\\') ? json.replaceAll('\\', '\\\\') : json;
  return (
    `${copyEscape(row.device_id)}\t${isoTimestamp(row.ts)}\t${row.latitude}\t${row.longitude}\t${row.altitude}\t` +
    `${row.angle}\t${row.speed}\t${row.satellites}\t${row.priority}\t${attributes}\t${copyEscape(row.codec)}\n`
  );
}
