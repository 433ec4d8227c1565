// The course area across the club boundary: the map chunk is library code that anyone may fetch
// (it carries no club data), and the course hook's words about a stage's course or a geometry never
// reach someone of another club: publishing club B's stage or reshaping its course from club A is
// refused by Directus without a word about B's course, and nothing of B changes.
import { beforeAll, expect, it } from 'vitest';
import { signIn } from '../support/api.ts';
import { Ledger, call, secretsOf, tokenOf } from '../support/boundary.ts';
import { type Club, ORG_ROLES, makeClub } from '../support/clubs.ts';
import { withPg } from '../support/stack.ts';

let a: Club;
let b: Club;
const ledger = new Ledger();
const bowTie = { type: 'Polygon', coordinates: [[[19.5, 41.5], [19.6, 41.6], [19.6, 41.5], [19.5, 41.6], [19.5, 41.5]]] };

const bState = () => withPg('directus', async (c) => JSON.stringify([
  (await c.query('SELECT status FROM stages WHERE id = $1', [b.ids.stages])).rows,
  (await c.query('SELECT ST_AsText(area) FROM geofences WHERE id = $1', [b.ids.geofences])).rows,
  (await c.query('SELECT ST_AsText(route) FROM segments WHERE id = $1', [b.ids.segments])).rows,
]));

beforeAll(async () => {
  const admin = await signIn();
  [a, b] = [await makeClub(admin, 'CourseA', false), await makeClub(admin, 'CourseB', false)];
}, 120_000);

it('serves the map chunk to anyone, with no club data in it', async () => {
  const res = await fetch(`${(await import('../support/stack.ts')).baseUrl()}/race-control/assets/map-chunk.js`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/javascript/);
  const text = await res.text();
  for (const secret of secretsOf(b, new Set())) expect(text.includes(secret)).toBe(false);
});

it("lets nobody of club A publish club B's stage or reshape its course, and tells them nothing of it", async () => {
  const before = await bState();
  const secrets = secretsOf(b, new Set());
  const attacks: [string, string, unknown][] = [
    ['PATCH', `/items/stages/${b.ids.stages}`, { status: 'closed' }],
    ['PATCH', `/items/geofences/${b.ids.geofences}`, { area: bowTie }],
    ['PATCH', `/items/speed_limit_zones/${b.ids.speed_limit_zones}`, { area: bowTie }],
    ['PATCH', `/items/segments/${b.ids.segments}`, { route: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }],
    ['PATCH', `/items/waypoints/${b.ids.waypoints}`, { location: { type: 'Point', coordinates: [0, 0] } }],
    ['POST', '/items/waypoints', { segment_id: b.ids.segments, kind: 'ASS', location: { type: 'Point', coordinates: [19.9, 41.4] }, tolerance_meters: 200 }],
  ];
  for (const role of ORG_ROLES) {
    const person = a.people[role];
    const token = await tokenOf(person.email, person.password);
    for (const [method, path, body] of attacks) {
      const res = await call(token, method, path, body);
      ledger.write(`${role} of A`, `${method} ${path}`, res);
      for (const s of secrets) expect(res.text.includes(s)).toBe(false);
      expect(res.text).not.toMatch(/course has|crosses itself|needs exactly one/);
    }
  }
  for (const [method, path, body] of attacks) ledger.write("anonymous", `${method} ${path}`, await call(null, method, path, body));
  expect(await bState()).toBe(before);
  console.log(ledger.summary('course'));
  expect(ledger.leaks).toEqual([]);
});
