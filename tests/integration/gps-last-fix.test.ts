// The stage queue tells each device's last fix: the newest good position with satellites (the
// seconds after it without a fix do not count), its satellites and power from the attributes,
// checked against the positions table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/api.ts';
import { call, tokenOf } from '../support/boundary.ts';
import { type Club, makeClub } from '../support/clubs.ts';
import { at, dropRides, imeiOf, loadRide } from '../support/gps.ts';
import { withPg } from '../support/stack.ts';

let a: Club;
let imei: string;
let marshal: string;

const rows = (sql: string, params: unknown[] = []) => withPg('directus', async (c) => (await c.query(sql, params)).rows);

beforeAll(async () => {
  const admin = await signIn();
  a = await makeClub(admin, 'GpsLastFix', false);
  imei = await imeiOf(a.ids.devices!);
  await loadRide(imei, 120, 60);
  // The last 20 s without a fix; the last good one carries power (IO 66) and battery (IO 67).
  await rows(`UPDATE positions SET satellites = 0 WHERE device_id = $1 AND ts > $2`, [imei, at(99)]);
  await rows(`UPDATE positions SET satellites = 7, attributes = attributes || '{"66": 12850, "67": 4100}'::jsonb WHERE device_id = $1 AND ts = $2`, [imei, at(99)]);
  marshal = await tokenOf(a.people.marshal.email, a.people.marshal.password);
}, 180_000);

afterAll(async () => {
  await dropRides([imei]);
});

describe('the queue\'s last fix', () => {
  it('gives each device its newest good fix with satellites, power and battery, as the positions hold them', async () => {
    let answer: { state: string; devices: { device_id: string; last_fix: unknown }[] } | null = null;
    for (let i = 0; i < 60; i++) {
      const res = await call(marshal, 'GET', `/race-control/gps/stages/${a.ids.stages}/queue`);
      expect(res.status, res.text).toBe(200);
      answer = JSON.parse(res.text).data;
      if (answer!.state === 'ready') break;
      await new Promise((r) => setTimeout(r, 2000));
    }
    expect(answer!.state).toBe('ready');
    const [expected] = await rows(`SELECT ts, satellites, (attributes->>'66')::int AS power, (attributes->>'67')::int AS battery FROM positions
      WHERE device_id = $1 AND satellites > 0 AND NOT faulty ORDER BY ts DESC LIMIT 1`, [imei]);
    expect(expected.ts).toEqual(new Date(at(99)));
    const device = answer!.devices.find((d) => d.device_id === imei);
    expect(device?.last_fix).toEqual({ ts: new Date(expected.ts).toISOString(), satellites: expected.satellites, power_mv: expected.power, battery_mv: expected.battery });
    expect(device?.last_fix).toEqual({ ts: at(99), satellites: 7, power_mv: 12850, battery_mv: 4100 });
  }, 180_000);
});
