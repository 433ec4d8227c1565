// The stage-operations routes and the stages hook across the club boundary: every staff member of
// club A (and an anonymous caller) tries to open, reseed, move and time club B's starts, and to
// point A's own stage at B's results. A leak is any accepted write, any B id in an answer, or a
// server error; afterwards B's start rows and stage are exactly as they were (checked in SQL).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signIn } from '../support/api.ts';
import { Ledger, call, secretsOf, tokenOf } from '../support/boundary.ts';
import { type Club, ORG_ROLES, makeClub } from '../support/clubs.ts';
import { withPg } from '../support/stack.ts';

let a: Club;
let b: Club;
const ledger = new Ledger();

const bState = () => withPg('directus', async (c) => JSON.stringify([
  (await c.query('SELECT status, starts_at, start_interval_seconds, start_order_strategy, start_order_input_stage_id FROM stages WHERE id = $1', [b.ids.stages])).rows,
  (await c.query('SELECT entry_id, start_position, target_at, manual_override FROM entry_segment_starts WHERE id = $1', [b.ids.entry_segment_starts])).rows,
  (await c.query('SELECT start_order_input_stage_id FROM stages WHERE id = $1', [a.ids.stages])).rows,
]));

beforeAll(async () => {
  const admin = await signIn();
  [a, b] = [await makeClub(admin, 'StageA', true), await makeClub(admin, 'StageB', true)];
}, 120_000);

afterAll(() => {
  console.log(ledger.summary('stage-ops'));
});

it('lets nobody of club A change club B\'s start list, or order A\'s stage by B\'s results', async () => {
  const before = await bState();
  const secrets = secretsOf(b, new Set());
  const stage = `/race-control/stages/${b.ids.stages}`;
  const attacks: [string, string, unknown][] = [
    ['PATCH', `/items/stages/${b.ids.stages}`, { status: 'open' }],
    ['PATCH', `/items/stages/${b.ids.stages}`, { status: 'closed' }],
    ['PATCH', `/items/stages/${b.ids.stages}`, { start_interval_seconds: 120 }],
    ['PATCH', '/items/stages', { keys: [b.ids.stages, a.ids.stages], data: { status: 'open' } }],
    ['POST', `${stage}/reseed`, { keep_overrides: false }],
    ['POST', `${stage}/starts/move`, { entry_id: b.ids.entries, position: 1 }],
    ['POST', `${stage}/starts/late`, { entry_id: b.ids.entries, start_at: '2026-06-08T07:30:00Z' }],
    // B's entry moved on A's own stage: A may change A's list, but B's entry is not on it.
    ['POST', `/race-control/stages/${a.ids.stages}/starts/move`, { entry_id: b.ids.entries, position: 1 }],
    ['POST', `/race-control/stages/${a.ids.stages}/starts/late`, { entry_id: b.ids.entries, start_at: '2026-06-08T07:30:00Z' }],
    // A's stage ordered by B's results would read B's stage_results.
    ['PATCH', `/items/stages/${a.ids.stages}`, { start_order_strategy: 'previous_stage_clean_result', start_order_input_stage_id: b.ids.stages }],
  ];
  const callers: [string, string | null][] = [['anonymous', null]];
  for (const role of ORG_ROLES) callers.push([role, await tokenOf(a.people[role].email, a.people[role].password)]);
  for (const [who, token] of callers) {
    for (const [method, path, body] of attacks) {
      const res = await call(token, method, path, body);
      ledger.write(who, `${method} ${path} ${JSON.stringify(body)}`, res);
      ledger.read(who, `${method} ${path} (answer)`, res, secrets);
    }
  }
  console.log(ledger.leaks.join('\n'));
  expect(ledger.leaks).toEqual([]);
  expect(await bState()).toBe(before);
});
