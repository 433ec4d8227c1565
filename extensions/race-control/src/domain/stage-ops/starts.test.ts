import { describe, expect, it } from 'vitest';
import { lateRows, materialiseStarts, movedRows, segmentOffsets } from './starts';

const segments = [
  { id: 'ss', sort_order: 2, target_duration_seconds: 7200 },
  { id: 'li', sort_order: 1, target_duration_seconds: 1800 },
  { id: 'l2', sort_order: 3, target_duration_seconds: null },
];
const base = { segments, startsAt: '2026-06-08T05:00:00.000Z', intervalSeconds: 60 };
const view = (rows: ReturnType<typeof materialiseStarts>) => rows.map((r) => `${r.entry_id}@${r.start_position} ${r.segment_id} ${r.target_at?.slice(11, 19) ?? '-'}${r.manual_override ? ' pinned' : ''}`);

describe('target times', () => {
  it('adds the durations of the segments before, in sort order; unknown after a segment without one', () => {
    expect(segmentOffsets(segments)).toEqual(new Map([['li', 0], ['ss', 1800], ['l2', 9000]]));
    expect(segmentOffsets([{ id: 'a', sort_order: 1, target_duration_seconds: null }, { id: 'b', sort_order: 2, target_duration_seconds: 60 }])).toEqual(new Map([['a', 0], ['b', null]]));
  });
  it('starts each position one interval after the previous', () => {
    expect(view(materialiseStarts({ ...base, order: ['b', 'a'], existing: [] }))).toEqual([
      'b@1 li 05:00:00', 'b@1 ss 05:30:00', 'b@1 l2 07:30:00',
      'a@2 li 05:01:00', 'a@2 ss 05:31:00', 'a@2 l2 07:31:00',
    ]);
  });
});

describe('manual overrides', () => {
  it('keep their position and times; the others flow around them', () => {
    const existing = movedRows('c', 1, base);
    expect(view(materialiseStarts({ ...base, order: ['a', 'b', 'c'], existing }))).toEqual([
      'c@1 li 05:00:00 pinned', 'c@1 ss 05:30:00 pinned', 'c@1 l2 07:30:00 pinned',
      'a@2 li 05:01:00', 'a@2 ss 05:31:00', 'a@2 l2 07:31:00',
      'b@3 li 05:02:00', 'b@3 ss 05:32:00', 'b@3 l2 07:32:00',
    ]);
  });
  it('a late arrival keeps its place with its own time, and survives a re-opening', () => {
    const first = materialiseStarts({ ...base, order: ['a', 'b'], existing: [] });
    const late = lateRows('a', 1, '2026-06-08T05:20:00.000Z', segments);
    const existing = [...first.filter((r) => r.entry_id !== 'a'), ...late];
    const again = materialiseStarts({ ...base, order: ['a', 'b'], existing });
    expect(view(again)).toEqual([
      'a@1 li 05:20:00 pinned', 'a@1 ss 05:50:00 pinned', 'a@1 l2 07:50:00 pinned',
      'b@2 li 05:01:00', 'b@2 ss 05:31:00', 'b@2 l2 07:31:00',
    ]);
    expect(materialiseStarts({ ...base, order: ['a', 'b'], existing: again })).toEqual(again);
  });
  it('times a segment added after the override from the pinned start', () => {
    const existing = movedRows('a', 2, { ...base, segments: segments.slice(1) }).filter((r) => r.segment_id === 'li');
    expect(view(materialiseStarts({ ...base, order: ['a'], existing }))).toEqual(['a@2 li 05:01:00 pinned', 'a@2 ss 05:31:00 pinned', 'a@2 l2 07:31:00 pinned']);
  });
  it('drops the rows of an entry that may no longer start, pinned or not', () => {
    const existing = [...movedRows('x', 1, base), ...movedRows('a', 2, base)];
    expect(view(materialiseStarts({ ...base, order: ['a', 'b'], existing })).filter((l) => l.includes(' li '))).toEqual(['b@1 li 05:00:00', 'a@2 li 05:01:00 pinned']);
  });
  it('places a late entry by the order, around the pinned ones', () => {
    const existing = movedRows('a', 2, base);
    expect(view(materialiseStarts({ ...base, order: ['a', 'b', 'late', 'c'], existing })).filter((l) => l.includes(' li '))).toEqual([
      'b@1 li 05:00:00', 'a@2 li 05:01:00 pinned', 'late@3 li 05:02:00', 'c@4 li 05:03:00',
    ]);
  });
});
