// The GPS review API across the club boundary: every role of club A (and an anonymous caller)
// tries to read club B's tracks, suspects, queue and tiles and to flag B's points. A leak is any
// B id or IMEI in a successful answer, a non-empty tile of B's stage, any accepted flag or a server
// error. Inside club A, the viewer and the registrar never see a position either. Afterwards no
// point of B is faulty (checked in SQL).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signIn } from '../support/api.ts';
import { Ledger, call, secretsOf, tokenOf } from '../support/boundary.ts';
import { type Club, ORG_ROLES, makeClub } from '../support/clubs.ts';
import { at, dropRides, imeiOf, loadRide, RIDE_T0 } from '../support/gps.ts';
import { withPg } from '../support/stack.ts';

let a: Club;
let b: Club;
let imeiA: string;
let imeiB: string;
const ledger = new Ledger();

beforeAll(async () => {
  const admin = await signIn();
  [a, b] = [await makeClub(admin, 'GpsEdgeA', false), await makeClub(admin, 'GpsEdgeB', false)];
  [imeiA, imeiB] = [await imeiOf(a.ids.devices!), await imeiOf(b.ids.devices!)];
  await loadRide(imeiA);
  await loadRide(imeiB);
}, 180_000);

afterAll(async () => {
  console.log(ledger.summary('gps'));
  await dropRides([imeiA, imeiB]);
});

/** The tile of (lon, lat) at zoom z. */
function tileOf(lon: number, lat: number, z: number): string {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
  return `${z}/${x}/${y}.mvt`;
}

it('lets nobody of club A read or flag club B\'s positions, and no viewer or registrar see any', async () => {
  const secrets = [...secretsOf(b, new Set()), imeiB];
  const win = `from=${RIDE_T0}&to=${at(599)}`;
  const stage = `/race-control/gps/stages/${b.ids.stages}`;
  const reads = [
    `/race-control/gps/track?device_id=${imeiB}&${win}`,
    `/race-control/gps/track?device_id=${imeiB}&${win}&format=json`,
    `/race-control/gps/track?entry_id=${b.ids.entries}&${win}&format=json`,
    `/race-control/gps/suspects?device_id=${imeiB}&${win}`,
    `/race-control/gps/suspects?device_id=${imeiB}&stage_id=${b.ids.stages}`,
    `/race-control/gps/suspects?device_id=${imeiA}&stage_id=${b.ids.stages}`,
    `${stage}/queue`,
    `${stage}/tiles/${tileOf(19.83, 41.33, 14)}`,
    `${stage}/tiles/${tileOf(19.83, 41.33, 8)}`,
  ];
  const flag = { action: 'flag', device_id: imeiB, reason: 'spike', from: at(0), to: at(599) };
  const writes: [string, unknown][] = [
    ['/race-control/gps/flags', flag],
    ['/race-control/gps/flags', { ...flag, from: undefined, to: undefined, points: [at(300)] }],
    ['/race-control/gps/flags', { ...flag, action: 'unflag', reason: 'not-a-fault' }],
  ];
  const callers: [string, string | null][] = [['anonymous', null]];
  for (const role of ORG_ROLES) callers.push([role, await tokenOf(a.people[role].email, a.people[role].password)]);
  for (const [who, token] of callers) {
    for (const path of reads) {
      const res = await call(token, 'GET', path);
      ledger.read(who, `GET ${path}`, res, secrets);
      // A tile answers 200 with bytes only when it shows something.
      if (path.includes('/tiles/') && res.status === 200 && res.text.length > 0) ledger.leaks.push(`${who} GET ${path}: a tile of B's stage with ${res.text.length} bytes`);
    }
    for (const [path, body] of writes) {
      ledger.write(who, `POST ${path} ${JSON.stringify(body)}`, await call(token, 'POST', path, body));
      ledger.write(who, `POST ${path}/preview`, await call(token, 'POST', `${path}/preview`, body));
    }
    // Own club: only staff and the crew see positions.
    if (who === 'viewer' || who === 'registrar' || who === 'anonymous') {
      for (const path of [`/race-control/gps/track?device_id=${imeiA}&${win}&format=json`, `/race-control/gps/stages/${a.ids.stages}/queue`, `/race-control/gps/suspects?device_id=${imeiA}&${win}`]) {
        const res = await call(token, 'GET', path);
        ledger.attempts.push(`${who} GET ${path}`);
        if (res.status < 400) ledger.leaks.push(`${who} GET ${path}: ${res.status} for a role that never sees positions`);
      }
    }
  }
  console.log(ledger.leaks.join('\n'));
  expect(ledger.leaks).toEqual([]);
  const faulty = await withPg('directus', async (c) => (await c.query('SELECT count(*)::int AS n FROM positions WHERE device_id = $1 AND faulty', [imeiB])).rows[0].n);
  expect(faulty).toBe(0);
});

it('lets club A\'s participant read their own tracker, but not flag it', async () => {
  const token = await tokenOf(a.people.participant.email, a.people.participant.password);
  const own = await call(token, 'GET', `/race-control/gps/track?device_id=${imeiA}&from=${RIDE_T0}&to=${at(599)}&format=json`);
  expect(own.status, own.text).toBe(200);
  expect(JSON.parse(own.text).data.devices[0].ts).toHaveLength(600);
  const flagged = await call(token, 'POST', '/race-control/gps/flags', { action: 'flag', device_id: imeiA, reason: 'spike', points: [at(300)] });
  expect(flagged.status).toBe(403);
});
