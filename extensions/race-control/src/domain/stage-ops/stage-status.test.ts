import { describe, expect, it } from 'vitest';
import { configRefusals, openingRefusals, transitionRefusal, type StageConfig } from './stage-status';

const stage: StageConfig = {
  id: 's2', event_id: 'ev', status: 'published', starts_at: '2026-06-08T05:00:00Z', start_interval_seconds: 60,
  start_order_strategy: 'inverse_top_n_then_natural', start_order_strategy_params: { n: 20 }, start_order_input_stage_id: 's1',
};

describe('status machine', () => {
  it('moves forward one step, stays put, never back, never out of closed', () => {
    expect(transitionRefusal('draft', 'published')).toBeNull();
    expect(transitionRefusal('published', 'open')).toBeNull();
    expect(transitionRefusal('open', 'closed')).toBeNull();
    expect(transitionRefusal('open', 'open')).toBeNull();
    expect(transitionRefusal('open', 'published')).toMatch(/only moves forward.*it is open/);
    expect(transitionRefusal('draft', 'open')).toMatch(/make it published first/);
    expect(transitionRefusal('closed', 'open')).toMatch(/closed stage cannot be opened/);
    expect(transitionRefusal('open', 'running')).toMatch(/not a stage status/);
  });
});

describe('start settings', () => {
  it('accepts the Rally Albania settings', () => {
    expect(configRefusals(stage, 'ev')).toEqual([]);
  });
  it('names each bad value', () => {
    expect(configRefusals({ ...stage, start_order_strategy: 'fastest_first' }, 'ev')).toEqual([expect.stringMatching(/"fastest_first" is not a start order strategy/)]);
    expect(configRefusals({ ...stage, start_interval_seconds: -60 }, 'ev')).toEqual([expect.stringMatching(/0 or more \(got -60\)/)]);
    expect(configRefusals({ ...stage, start_order_strategy_params: { n: 0 } }, 'ev')).toEqual([expect.stringMatching(/n of 1 or more/)]);
    expect(configRefusals({ ...stage, start_order_strategy_params: null }, 'ev')).toEqual([expect.stringMatching(/n of 1 or more/)]);
    expect(configRefusals(stage, 'other-event')).toEqual([expect.stringMatching(/not a stage of this event/)]);
    expect(configRefusals({ ...stage, start_order_input_stage_id: 's2' }, 'ev')).toEqual([expect.stringMatching(/its own results/)]);
    expect(configRefusals({ ...stage, closing_rule: { rule: 'margin', margin_seconds: -5 } }, 'ev')).toEqual([expect.stringMatching(/closing rule must be/)]);
  });
});

describe('opening', () => {
  it('needs a first start, an interval, segments and, for a ranked order, results of the input stage', () => {
    expect(openingRefusals(stage, 3, 120)).toEqual([]);
    expect(openingRefusals({ ...stage, starts_at: null }, 3, 120)).toEqual([expect.stringMatching(/first start time/)]);
    expect(openingRefusals(stage, 0, 120)).toEqual([expect.stringMatching(/no segments/)]);
    expect(openingRefusals(stage, 3, 0)).toEqual([expect.stringMatching(/input stage has no results yet/)]);
    expect(openingRefusals({ ...stage, start_order_input_stage_id: null }, 3, 0)).toEqual([expect.stringMatching(/needs an input stage/)]);
    expect(openingRefusals({ ...stage, start_order_strategy: 'manual', start_order_input_stage_id: null }, 3, 0)).toEqual([]);
  });
});
