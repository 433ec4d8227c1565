import { describe, expect, it } from 'vitest';
import { checkFlagRequest } from './flag-request.ts';

const range = { action: 'flag', device_id: '352092110000016', reason: 'spike', from: '2026-06-07T05:00:00Z', to: '2026-06-07T05:00:10Z' };

describe('flag requests', () => {
  it('accepts a range or a list of points', () => {
    expect(checkFlagRequest(range)).toMatchObject({ ok: true, request: { action: 'flag', reason: 'spike', points: null } });
    const list = checkFlagRequest({ ...range, from: undefined, to: undefined, points: ['2026-06-07T05:00:01.000Z'] });
    expect(list.ok && list.request.points?.length).toBe(1);
  });
  it('refuses a flag with no reason, an unknown reason, other without a note, an unflag with a flag reason', () => {
    expect(checkFlagRequest({ ...range, reason: '' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^Give a reason for the flag/) });
    expect(checkFlagRequest({ ...range, reason: 'bad-vibes' })).toMatchObject({ ok: false, reason: expect.stringMatching(/no reason to flag/) });
    expect(checkFlagRequest({ ...range, reason: 'other' })).toMatchObject({ ok: false, reason: expect.stringMatching(/needs a note/) });
    expect(checkFlagRequest({ ...range, action: 'unflag' })).toMatchObject({ ok: false, reason: expect.stringMatching(/not-a-fault/) });
  });
  it('refuses both or neither of range and points, a reversed range, a bad point', () => {
    expect(checkFlagRequest({ ...range, points: [] })).toMatchObject({ ok: false, reason: expect.stringMatching(/not both/) });
    expect(checkFlagRequest({ ...range, from: range.to, to: range.from })).toMatchObject({ ok: false, reason: expect.stringMatching(/reversed/) });
    expect(checkFlagRequest({ ...range, from: undefined, to: undefined, points: ['x'] })).toMatchObject({ ok: false, reason: expect.stringMatching(/points\[0\]/) });
  });
});
