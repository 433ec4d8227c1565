import { describe, expect, it } from 'vitest';
import { rankingSeconds, startOrder, type StartEntry } from './start-order';

const entry = (n: number, status = 'started', cls: string | null = 'M-1'): StartEntry => ({ id: `e${n}`, race_number: n, status, class_id: cls });
const secs = (pairs: [number, number][]) => new Map(pairs.map(([n, s]) => [`e${n}`, s]));
const nums = (ids: string[]) => ids.map((id) => Number(id.slice(1)));

describe('who starts', () => {
  it('leaves out draft, withdrawn, retired, disqualified and classless entries', () => {
    const entries = [entry(1), entry(2, 'withdrawn'), entry(3, 'retired'), entry(4, 'disqualified'), entry(5, 'draft'), entry(6, 'confirmed'), entry(7, 'registered'), entry(8, 'finished'), entry(9, 'started', null)];
    expect(nums(startOrder({ strategy: 'manual', entries }))).toEqual([1, 6, 7, 8]);
  });
});

describe('manual', () => {
  it('keeps the positions already held and puts late entries after them in race number order', () => {
    const entries = [entry(1), entry(2), entry(3), entry(4), entry(5)];
    const previousPositions = new Map([['e3', 1], ['e1', 2], ['e5', 3]]);
    expect(nums(startOrder({ strategy: 'manual', entries, previousPositions }))).toEqual([3, 1, 5, 2, 4]);
  });
  it('is race number order on a first opening', () => {
    expect(nums(startOrder({ strategy: 'manual', entries: [entry(12), entry(3), entry(7)] }))).toEqual([3, 7, 12]);
  });
});

describe('previous_stage_clean_result', () => {
  it('orders by time, ties by the lower race number, entries without a result last by number', () => {
    const entries = [entry(1), entry(2), entry(3), entry(4), entry(5), entry(6)];
    const seconds = secs([[4, 100], [2, 90], [6, 100], [1, 120]]);
    // 2 (90), then 4 and 6 tied at 100 (lower number first), 1 (120); 3 and 5 have no result.
    expect(nums(startOrder({ strategy: 'previous_stage_clean_result', entries, seconds }))).toEqual([2, 4, 6, 1, 3, 5]);
  });
  it('ignores results of entries that may not start', () => {
    const entries = [entry(1), entry(2, 'retired'), entry(3)];
    expect(nums(startOrder({ strategy: 'previous_stage_clean_result', entries, seconds: secs([[2, 10], [3, 20]]) }))).toEqual([3, 1]);
  });
});

describe('inverse_top_n_then_natural', () => {
  it('reverses the top n, ties included, then the rest by result, then those without one', () => {
    const entries = [1, 2, 3, 4, 5, 6, 7].map((n) => entry(n));
    // Ranking: 5 (50), 3 (60), 1 (60), 7 (70), 2 (80); 4 and 6 have none. Ranked 1 before 3 (tie).
    const seconds = secs([[5, 50], [3, 60], [1, 60], [7, 70], [2, 80]]);
    // Top 3 = 5, 1, 3 reversed → 3, 1, 5; then 7, 2; then 4, 6.
    expect(nums(startOrder({ strategy: 'inverse_top_n_then_natural', n: 3, entries, seconds }))).toEqual([3, 1, 5, 7, 2, 4, 6]);
  });
  it('reverses everyone with a result when n exceeds them', () => {
    const entries = [entry(1), entry(2), entry(3)];
    expect(nums(startOrder({ strategy: 'inverse_top_n_then_natural', n: 20, entries, seconds: secs([[1, 10], [2, 20]]) }))).toEqual([2, 1, 3]);
  });
  it('Rally Albania: a field of 132, top 20 reversed then natural', () => {
    // Race numbers 1..132; entry k finished k-th (its time 1000 + 10k), except 131 and 132 (no result).
    const entries = Array.from({ length: 132 }, (_, i) => entry(i + 1));
    const seconds = secs(Array.from({ length: 130 }, (_, i) => [i + 1, 1000 + 10 * (i + 1)] as [number, number]));
    const order = nums(startOrder({ strategy: 'inverse_top_n_then_natural', n: 20, entries, seconds }));
    expect(order).toHaveLength(132);
    expect(order.slice(0, 20)).toEqual([20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(order.slice(20, 23)).toEqual([21, 22, 23]);
    expect(order.slice(-3)).toEqual([130, 131, 132]);
  });
});

describe('inverse_of_overall', () => {
  it('starts the slowest overall first; an entry missing a stage has no overall and starts last', () => {
    const entries = [entry(1), entry(2), entry(3), entry(4)];
    const results = [
      { entry_id: 'e1', stage_id: 's1', total_seconds: 100 }, { entry_id: 'e1', stage_id: 's2', total_seconds: 100 },
      { entry_id: 'e2', stage_id: 's1', total_seconds: 50 }, { entry_id: 'e2', stage_id: 's2', total_seconds: 200 },
      { entry_id: 'e3', stage_id: 's1', total_seconds: 80 }, { entry_id: 'e3', stage_id: 's2', total_seconds: 80 },
      { entry_id: 'e4', stage_id: 's2', total_seconds: 10 },
    ];
    const seconds = rankingSeconds('inverse_of_overall', 's2', results, ['s1', 's2']);
    expect(seconds).toEqual(secs([[1, 200], [2, 250], [3, 160]]));
    // Overall: 3 (160), 1 (200), 2 (250) → reversed 2, 1, 3; then 4 (no overall).
    expect(nums(startOrder({ strategy: 'inverse_of_overall', entries, seconds }))).toEqual([2, 1, 3, 4]);
  });
  it('takes only the input stage for the single-stage strategies and skips results without a time', () => {
    const results = [{ entry_id: 'e1', stage_id: 's1', total_seconds: 5 }, { entry_id: 'e2', stage_id: 's1', total_seconds: null }, { entry_id: 'e3', stage_id: 's0', total_seconds: 1 }];
    expect(rankingSeconds('previous_stage_clean_result', 's1', results)).toEqual(secs([[1, 5]]));
  });
});
