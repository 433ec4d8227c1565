// Reading positions for the detectors: one device, one bounded window, in ts order, only the
// columns they need (hdop is Teltonika IO 182, tenths). Numbers come back as JS numbers, not strings.
import type { Knex } from 'knex';
import type { Fix } from '../../domain/gps/detect';

export async function readFixes(db: Knex, deviceId: string, from: Date, to: Date): Promise<Fix[]> {
  const { rows } = await db.raw(
    `SELECT (extract(epoch FROM ts) * 1000)::float8 AS ts, latitude AS lat, longitude AS lon, coalesce(speed, 0)::float8 AS speed,
            satellites::int AS satellites, ((attributes->>'182')::float8 / 10) AS hdop, faulty
     FROM positions WHERE device_id = ? AND ts BETWEEN ? AND ? ORDER BY ts`,
    [deviceId, from.toISOString(), to.toISOString()],
  );
  return rows as Fix[];
}
