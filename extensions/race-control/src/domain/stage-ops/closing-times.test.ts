import { describe, expect, it } from 'vitest';
import { closingTimes, parseClosingRule } from './closing-times';

const segments = [
  { id: 'li', type: 'liaison', target_duration_seconds: 1800, route_meters: 30000, entry_geofence_id: 'start', exit_geofence_id: 'tc1' },
  { id: 'ss', type: 'special-stage', target_duration_seconds: 7200, route_meters: 100000, entry_geofence_id: 'tc1', exit_geofence_id: 'finish' },
];
const rows = [
  { segment_id: 'li', target_at: '2026-06-08T05:00:00.000Z' }, { segment_id: 'li', target_at: '2026-06-08T07:11:00.000Z' },
  { segment_id: 'ss', target_at: '2026-06-08T05:30:00.000Z' }, { segment_id: 'ss', target_at: '2026-06-08T07:41:00.000Z' },
];
const all = new Set(['start', 'tc1', 'finish']);

describe('closing times', () => {
  it('margin: the last starter\'s target there plus the margin', () => {
    expect(closingTimes({ rule: 'margin', margin_seconds: 1800 }, segments, rows, all)).toEqual(new Map([
      ['start', '2026-06-08T07:41:00.000Z'], // 07:11 + 30 min
      ['tc1', '2026-06-08T08:11:00.000Z'], // liaison exit 07:11 + 30 min + 30 min; special entry 07:41 + 30 min: the later
      ['finish', '2026-06-08T10:11:00.000Z'], // 07:41 + 2 h + 30 min
    ]));
  });
  it('min average speed: the route at that speed from the last target; only the controls asked for', () => {
    const rule = { rule: 'min_average_speed' as const, kmh: { liaison: 60, 'special-stage': 25 } };
    // Liaison 30 km at 60 km/h = 30 min → tc1 07:41; special 100 km at 25 km/h = 4 h → finish 11:41.
    expect(closingTimes(rule, segments, rows, new Set(['tc1', 'finish']))).toEqual(new Map([['tc1', '2026-06-08T07:41:00.000Z'], ['finish', '2026-06-08T11:41:00.000Z']]));
  });
  it('a segment type without a speed closes on its target duration', () => {
    const rule = { rule: 'min_average_speed' as const, kmh: { 'special-stage': 25 }, margin_seconds: 600 };
    // tc1: liaison 07:11 + 30 min + 10 min = 07:51, later than the special's entry 07:41 + 10 min.
    expect(closingTimes(rule, segments, rows, new Set(['tc1'])).get('tc1')).toBe('2026-06-08T07:51:00.000Z');
  });
  it('parses only well-formed rules', () => {
    expect(parseClosingRule({ rule: 'margin', margin_seconds: 600 })).toEqual({ rule: 'margin', margin_seconds: 600 });
    expect(parseClosingRule({ rule: 'min_average_speed', kmh: 25 })).toEqual({ rule: 'min_average_speed', kmh: 25 });
    expect(parseClosingRule({ rule: 'min_average_speed', kmh: 0 })).toHaveProperty('error');
    expect(parseClosingRule({ rule: 'margin' })).toHaveProperty('error');
    expect(parseClosingRule('soon')).toHaveProperty('error');
  });
});
