import { describe, expect, it } from 'vitest';
import { checkWindow, stageDay, thinningStride } from './window.ts';

describe('GPS windows', () => {
  it('accepts a rally day and refuses reversed, too long or unreadable windows with words', () => {
    expect(checkWindow('2026-06-07T05:00:00Z', '2026-06-07T14:00:00Z').ok).toBe(true);
    expect(checkWindow('2026-06-07T14:00:00Z', '2026-06-07T05:00:00Z')).toMatchObject({ ok: false, reason: expect.stringMatching(/reversed/) });
    expect(checkWindow('2026-06-07T00:00:00Z', '2026-06-08T06:00:00Z')).toMatchObject({ ok: false, reason: expect.stringMatching(/30\.0 h long; ask for at most 24 h/) });
    expect(checkWindow('yesterday', '2026-06-08T06:00:00Z')).toMatchObject({ ok: false, reason: expect.stringMatching(/^from must be a date/) });
  });
  it('a stage day runs 2 h before to 26 h after the first start', () => {
    expect(stageDay('2026-06-07T05:00:00Z').from.toISOString()).toBe('2026-06-07T03:00:00.000Z');
    expect(stageDay('2026-06-07T05:00:00Z').to.toISOString()).toBe('2026-06-08T07:00:00.000Z');
  });
  it('thins only above the limit', () => {
    expect(thinningStride(30_000, 50_000)).toBe(1);
    expect(thinningStride(120_000, 50_000)).toBe(3);
  });
});
