import { describe, expect, it } from 'vitest';
import { COPY_COLUMNS, copyEscape, isoTimestamp, toCopyLine } from './copy.ts';
import type { PositionRow } from './types.ts';

const row: PositionRow = {
  device_id: '490154203237518',
  ts: new Date('2026-06-07T06:35:47.420Z'),
  latitude: 42.0123456,
  longitude: 19.9000001,
  altitude: 812,
  angle: 73,
  speed: 54,
  satellites: 11,
  priority: 0,
  attributes: { '21': 4, '66': 12850, '69': 1, '182': 11, '240': 1 },
  codec: '8E',
};

/** What PostgreSQL's COPY text reader does to a field: the reference for the round trip. */
function copyUnescape(field: string): string {
  return field.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
}

describe('toCopyLine', () => {
  it('writes the 11 columns tab-separated, ts with milliseconds and Z, attributes as compact JSON', () => {
    expect(COPY_COLUMNS).toHaveLength(11);
    expect(toCopyLine(row)).toBe(
      '490154203237518\t2026-06-07T06:35:47.420Z\t42.0123456\t19.9000001\t812\t73\t54\t11\t0\t{"21":4,"66":12850,"69":1,"182":11,"240":1}\t8E\n',
    );
  });

  it('keeps whole seconds at .000Z', () => {
    expect(toCopyLine({ ...row, ts: new Date('2026-06-07T06:00:00Z') }).split('\t')[1]).toBe('2026-06-07T06:00:00.000Z');
  });

  it('escapes backslashes, tabs and newlines so every field survives COPY', () => {
    const odd: PositionRow = { ...row, device_id: 'a\tb', attributes: { 'x\\y': 1, 'line\nbreak': 2, 'q"': 3 }, codec: 'c\\d' };
    const line = toCopyLine(odd);
    expect(line.endsWith('\n')).toBe(true);
    const body = line.slice(0, -1);
    expect(body).not.toMatch(/\n|\r/);
    const fields = body.split('\t');
    expect(fields).toHaveLength(11);
    expect(copyUnescape(fields[0]!)).toBe('a\tb');
    expect(fields[9]).toBe('{"x\\\\\\\\y":1,"line\\\\nbreak":2,"q\\\\"":3}');
    expect(JSON.parse(copyUnescape(fields[9]!))).toEqual(odd.attributes);
    expect(copyUnescape(fields[10]!)).toBe('c\\d');
  });

  it('leaves text without special characters untouched, and escapes special text every time', () => {
    expect(copyEscape('8E')).toBe('8E');
    expect(copyEscape('8E')).toBe('8E');
    for (let i = 0; i < 2; i++) expect(copyEscape('\\\t\n\r')).toBe('\\\\\\t\\n\\r');
  });

  it('formats ts exactly as Date.toISOString, whatever the instant', () => {
    const instants = [0, -1, -86_400_000, 1_780_812_947_420, 253_402_300_799_999, 253_402_300_800_000, 8.64e15];
    for (let ms = 1_780_812_000_000; ms < 1_780_812_000_000 + 200_000; ms += 997) instants.push(ms);
    for (const ms of instants) expect(isoTimestamp(new Date(ms))).toBe(new Date(ms).toISOString());
  });
});
