// Stage operations on the seed, as the timing office does them: stage 1 has results, the
// timekeeper opens stage 2, the start list and target times are the regulations' (top 20 of stage 1
// reversed, then natural, one minute apart), a marshal cannot open it, bad settings are refused with
// words and write nothing, and a hand-set start survives opening again.
import { createItem, updateItem } from '@directus/sdk';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, expectRefusal, signIn } from '../support/api.ts';
import { call, tokenOf } from '../support/boundary.ts';
import { pgClient, stackEnv } from '../support/stack.ts';
import { giveResults, saveStage, seededStage, startsOf, unopen, type SeededStage } from '../support/stage-ops.ts';

const person = (role: string) => `${role}@msc-albania.example.org`;
let c: pg.Client;
let stage1: SeededStage;
let stage2: SeededStage;
let restore: () => Promise<void>;
let timekeeper: Client;
let orgAdmin: Client;
let seconds: Map<number, number>;
const NO_RESULT = [3, 150, 432];
const FIRST_START = Date.parse('2026-06-08T05:00:00Z');

/** What the regulations say, computed here by hand: starters are the `started` entries; ranked by
 * time then race number; top 20 reversed; then the rest; then those without a result by number. */
async function expectedOrder(): Promise<number[]> {
  const { rows } = await c.query(`SELECT race_number FROM entries WHERE event_id = $1 AND status = 'started'`, [stage2.event_id]);
  const numbers: number[] = rows.map((r) => r.race_number);
  const ranked = numbers.filter((n) => seconds.has(n)).sort((a, b) => seconds.get(a)! - seconds.get(b)! || a - b);
  const rest = numbers.filter((n) => !seconds.has(n)).sort((a, b) => a - b);
  return [...ranked.slice(0, 20).reverse(), ...ranked.slice(20), ...rest];
}

/** Everything a refused request could have written. */
const footprint = async () => {
  const stage = await c.query('SELECT status, starts_at, start_interval_seconds, start_order_strategy, start_order_strategy_params, start_order_input_stage_id FROM stages WHERE id = $1', [stage2.id]);
  return JSON.stringify([stage.rows, await startsOf(c, stage2)]);
};

beforeAll(async () => {
  c = await pgClient('directus');
  stage1 = await seededStage(c, 1);
  stage2 = await seededStage(c, 2);
  restore = await saveStage(c, stage2, stage1);
  await unopen(c, stage2);
  seconds = await giveResults(c, stage1, NO_RESULT);
  timekeeper = await signIn(person('timekeeper'), stackEnv().DEMO_PASSWORD);
  orgAdmin = await signIn(person('club.admin'), stackEnv().DEMO_PASSWORD);
});

afterAll(async () => {
  await restore?.();
  await c?.end();
});

describe('opening stage 2', () => {
  it('is refused to a marshal, and nothing is written', async () => {
    const before = await footprint();
    const marshal = await tokenOf(person('marshal'), stackEnv().DEMO_PASSWORD);
    const res = await call(marshal, 'PATCH', `/items/stages/${stage2.id}`, { status: 'open' });
    expect(res.status).toBe(403);
    expect(await footprint()).toBe(before);
  });

  it('by the timekeeper writes every starter on every segment, in the regulations\' order and times', async () => {
    await timekeeper.request(updateItem('stages', stage2.id, { status: 'open' }));
    const order = await expectedOrder();
    expect(order).toHaveLength(125); // 132 entries: 5 withdrawn and 2 retired do not start
    const lines = await startsOf(c, stage2);
    expect(lines).toHaveLength(order.length * 3);
    const [liaison, special] = stage2.segments;
    for (const line of lines) {
      const position = order.indexOf(line.race_number) + 1;
      expect(line.start_position, `#${line.race_number}`).toBe(position);
      const start = FIRST_START + (position - 1) * 60_000;
      // The special starts after the liaison's target duration; the liaison after the special has
      // no target time (the special has no target duration: it is timed from the real finish).
      const target = line.sort_order === 1 ? start : line.sort_order === 2 ? start + liaison!.target_duration_seconds! * 1000 : null;
      expect(line.target_at?.getTime() ?? null, `#${line.race_number} segment ${line.sort_order}`).toBe(target);
      expect(line.manual_override).toBe(false);
    }
    expect(special!.target_duration_seconds).toBeNull();
    const first = lines.filter((l) => l.sort_order === 1).map((l) => l.race_number);
    expect(first.slice(-NO_RESULT.length)).toEqual(NO_RESULT);
  });

  it('again changes nothing', async () => {
    const before = await startsOf(c, stage2);
    await timekeeper.request(updateItem('stages', stage2.id, { status: 'open' }));
    expect(await startsOf(c, stage2)).toEqual(before);
  });
});

describe('bad start settings are refused with words and write nothing', () => {
  it.each([
    ['an unknown strategy', { start_order_strategy: 'fastest_first' }, /"fastest_first" is not a start order strategy/],
    ['a negative interval', { start_interval_seconds: -60 }, /0 or more \(got -60\)/],
    ['n below 1', { start_order_strategy_params: { n: 0 } }, /n of 1 or more/],
    ['going back to published', { status: 'published' }, /only moves forward/],
  ])('%s', async (_what, payload, words) => {
    const before = await footprint();
    await expectRefusal(orgAdmin.request(updateItem('stages', stage2.id, payload as never)), words);
    expect(await footprint()).toBe(before);
  });

  it('an input stage of another event', async () => {
    const admin = await signIn();
    const other = await admin.request(createItem('events', {
      organization_id: (await c.query('SELECT organization_id FROM events WHERE id = $1', [stage2.event_id])).rows[0].organization_id,
      name: 'Albania Baja 2026', slug: `baja-${Date.now()}`, discipline: 'rally', starts_at: '2026-09-01T06:00:00Z', ends_at: '2026-09-03T18:00:00Z',
    }));
    const foreign = await admin.request(createItem('stages', { event_id: other.id, name: 'Baja day 1', sort_order: 1, status: 'draft' }));
    const before = await footprint();
    await expectRefusal(orgAdmin.request(updateItem('stages', stage2.id, { start_order_input_stage_id: foreign.id })), /not a stage of this event/);
    expect(await footprint()).toBe(before);
  });

  it('opening a closed stage, and a stage whose input stage has no results', async () => {
    await expectRefusal(timekeeper.request(updateItem('stages', stage1.id, { status: 'open' })), /closed stage cannot be opened/);
    const stage3 = await seededStage(c, 3);
    await expectRefusal(timekeeper.request(updateItem('stages', stage3.id, { status: 'open' })), /input stage has no results yet/);
    expect((await c.query('SELECT count(*)::int AS n FROM entry_segment_starts WHERE segment_id = ANY($1)', [stage3.segments.map((s) => s.id)])).rows[0].n).toBe(0);
    expect((await c.query('SELECT status FROM stages WHERE id = ANY($1) ORDER BY sort_order', [[stage1.id, stage3.id]])).rows.map((r) => r.status)).toEqual(['closed', 'published']);
  });
});

describe('hand-set starts', () => {
  it('a moved entry keeps its place when the stage is opened again; the others flow around it', async () => {
    const token = await tokenOf(person('timekeeper'), stackEnv().DEMO_PASSWORD);
    const order = await expectedOrder();
    const moved = order[29]!;
    const { rows: [entry] } = await c.query('SELECT id FROM entries WHERE event_id = $1 AND race_number = $2', [stage2.event_id, moved]);
    const res = await call(token, 'POST', `/race-control/stages/${stage2.id}/starts/move`, { entry_id: entry.id, position: 2 });
    expect(res.status, res.text).toBe(200);
    const expected = [order[0]!, moved, ...order.slice(1).filter((n) => n !== moved)];
    const check = async () => {
      const lines = (await startsOf(c, stage2)).filter((l) => l.sort_order === 1);
      expect(lines.map((l) => l.race_number)).toEqual(expected);
      expect(lines.filter((l) => l.manual_override).map((l) => l.race_number)).toEqual([moved]);
      expect(lines[2]!.target_at!.getTime()).toBe(FIRST_START + 2 * 60_000);
    };
    await check();
    await timekeeper.request(updateItem('stages', stage2.id, { status: 'open' }));
    await check();
  });

  it('a late arrival gets its own time; a position past the field or a start time that is no time is refused', async () => {
    const token = await tokenOf(person('timekeeper'), stackEnv().DEMO_PASSWORD);
    const { rows: [entry] } = await c.query('SELECT id FROM entries WHERE event_id = $1 AND race_number = $2', [stage2.event_id, NO_RESULT[0]]);
    const before = await footprint();
    const far = await call(token, 'POST', `/race-control/stages/${stage2.id}/starts/move`, { entry_id: entry.id, position: 500 });
    expect([far.status, JSON.parse(far.text).errors[0].message]).toEqual([400, 'The start position must be a whole number from 1 to 125 (got 500).']);
    const noTime = await call(token, 'POST', `/race-control/stages/${stage2.id}/starts/late`, { entry_id: entry.id, start_at: 'after lunch' });
    expect(noTime.status).toBe(400);
    expect(await footprint()).toBe(before);
    const late = await call(token, 'POST', `/race-control/stages/${stage2.id}/starts/late`, { entry_id: entry.id, start_at: '2026-06-08T07:30:00Z' });
    expect(late.status, late.text).toBe(200);
    await timekeeper.request(updateItem('stages', stage2.id, { status: 'open' }));
    const mine = (await startsOf(c, stage2)).filter((l) => l.race_number === NO_RESULT[0]);
    expect(mine.map((l) => [l.target_at?.toISOString() ?? null, l.manual_override])).toEqual([
      ['2026-06-08T07:30:00.000Z', true], [new Date(Date.parse('2026-06-08T07:30:00Z') + stage2.segments[0]!.target_duration_seconds! * 1000).toISOString(), true], [null, true],
    ]);
  });

  it('a marshal cannot move an entry; a reseed without overrides puts the regulations\' order back', async () => {
    const marshal = await tokenOf(person('marshal'), stackEnv().DEMO_PASSWORD);
    const { rows: [entry] } = await c.query('SELECT id FROM entries WHERE event_id = $1 AND race_number = 1', [stage2.event_id]);
    const before = await footprint();
    expect((await call(marshal, 'POST', `/race-control/stages/${stage2.id}/starts/move`, { entry_id: entry.id, position: 1 })).status).toBe(403);
    expect((await call(marshal, 'POST', `/race-control/stages/${stage2.id}/reseed`, { keep_overrides: false })).status).toBe(403);
    expect(await footprint()).toBe(before);
    const token = await tokenOf(person('timekeeper'), stackEnv().DEMO_PASSWORD);
    const res = await call(token, 'POST', `/race-control/stages/${stage2.id}/reseed`, { keep_overrides: false });
    expect(res.status, res.text).toBe(200);
    const lines = (await startsOf(c, stage2)).filter((l) => l.sort_order === 1);
    expect(lines.map((l) => l.race_number)).toEqual(await expectedOrder());
    expect(lines.some((l) => l.manual_override)).toBe(false);
  });
});

describe('closing times', () => {
  it('follow the stage\'s rule and move when the first start moves', async () => {
    await orgAdmin.request(updateItem('stages', stage2.id, { closing_rule: { rule: 'margin', margin_seconds: 1800 } }));
    // The liaison leaves the bivouac (not a control); the special's start is one.
    const startFence = stage2.segments[1]!.entry_geofence_id!;
    const closes = async () => (await c.query('SELECT closes_at FROM geofences WHERE id = $1', [startFence])).rows[0].closes_at.toISOString();
    // The last of 125 starters leaves at 05:00 + 124 min = 07:04, is due at the special's start
    // 9 min later (the liaison's target), 07:13; the start closes 30 min after that.
    expect(await closes()).toBe('2026-06-08T07:43:00.000Z');
    await timekeeper.request(updateItem('stages', stage2.id, { starts_at: '2026-06-08T06:00:00Z' }));
    expect(await closes()).toBe('2026-06-08T08:43:00.000Z');
    expect((await startsOf(c, stage2))[0]!.target_at!.toISOString()).toBe('2026-06-08T06:00:00.000Z');
  });

  it('follow a start changed in the stock form, which pins that entry', async () => {
    const { rows: [last] } = await c.query(
      `SELECT x.id, x.entry_id FROM entry_segment_starts x JOIN segments g ON g.id = x.segment_id WHERE g.stage_id = $1 AND g.sort_order = 1 ORDER BY x.start_position DESC LIMIT 1`, [stage2.id]);
    await timekeeper.request(updateItem('entry_segment_starts', last.id, { target_at: '2026-06-08T09:00:00Z' }));
    const special = stage2.segments[1]!;
    const closes = async () => (await c.query('SELECT closes_at FROM geofences WHERE id = $1', [special.entry_geofence_id])).rows[0].closes_at.toISOString();
    // The rest of the list follows after the change is saved (an action hook): wait for it.
    for (let i = 0; i < 50 && (await closes()) !== '2026-06-08T09:39:00.000Z'; i++) await new Promise((r) => setTimeout(r, 200));
    expect(await closes()).toBe('2026-06-08T09:39:00.000Z'); // 09:00 + 9 min liaison + 30 min margin
    const { rows } = await c.query(
      `SELECT g.sort_order, x.target_at, x.manual_override FROM entry_segment_starts x JOIN segments g ON g.id = x.segment_id WHERE g.stage_id = $1 AND x.entry_id = $2 ORDER BY g.sort_order`, [stage2.id, last.entry_id]);
    expect(rows.map((r) => [r.target_at?.toISOString() ?? null, r.manual_override])).toEqual([['2026-06-08T09:00:00.000Z', true], ['2026-06-08T09:09:00.000Z', true], [null, true]]);
  });
});
