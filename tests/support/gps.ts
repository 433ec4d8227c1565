// GPS review tests: a club's own tracker gets a short 1 Hz ride (~50 km/h north-east) loaded
// straight into positions, with a spike where asked; the rows go again in `dropRides`.
import { Redis } from 'ioredis';
import { stackEnv, withPg } from './stack.ts';

export const RIDE_T0 = '2026-06-07T06:00:00.000Z';

export const imeiOf = (deviceId: string): Promise<string> =>
  withPg('directus', async (c) => (await c.query('SELECT imei FROM devices WHERE id = $1', [deviceId])).rows[0].imei as string);

/** `n` points from RIDE_T0, one a second; the point `spikeAt` is ~1.1 km off (an implied ~4,000 km/h). */
export async function loadRide(imei: string, n = 600, spikeAt = 300): Promise<void> {
  await withPg('directus', (c) => c.query(
    `INSERT INTO positions (device_id, ts, latitude, longitude, altitude, angle, speed, satellites, priority, attributes, codec)
     SELECT $1, $2::timestamptz + k * interval '1 second', 41.3 + k * 0.0001 + CASE WHEN k = $4 THEN 0.01 ELSE 0 END, 19.8 + k * 0.0001,
            100, 40, 50, 10, 0, '{"182": 10}'::jsonb, '8E'
     FROM generate_series(0, $3 - 1) k ON CONFLICT DO NOTHING`, [imei, RIDE_T0, n, spikeAt]));
}

export const dropRides = (imeis: string[]) => withPg('directus', (c) => c.query('DELETE FROM positions WHERE device_id = ANY($1)', [imeis]));

export const at = (k: number): string => new Date(Date.parse(RIDE_T0) + k * 1000).toISOString();

export function redis(): Redis {
  return new Redis(Number(stackEnv().REDIS_PORT), '127.0.0.1', { maxRetriesPerRequest: 1 });
}

/** The stream entries whose `id` field is `id`, waiting up to `ms` for the first. */
export async function messagesWithId(r: Redis, stream: string, id: string, ms = 20_000): Promise<Record<string, string>[]> {
  const until = Date.now() + ms;
  for (;;) {
    const entries = await r.xrange(stream, '-', '+');
    const found = entries.map(([, kv]) => Object.fromEntries(kv.flatMap((_, i) => (i % 2 ? [] : [[kv[i]!, kv[i + 1]!]])))).filter((m) => m.id === id);
    if (found.length || Date.now() > until) return found;
    await new Promise((r) => setTimeout(r, 500));
  }
}
