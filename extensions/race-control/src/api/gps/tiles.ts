// Vector tiles of a stage (ST_AsMVT): every tracker's line at low zoom, its points with flags and
// suspect reasons at high zoom. Both start from gps_track_chunks (5-minute pieces of each track with
// a GIST index), so a tile reads only the trackers and minutes it covers; a tile outside the stage's
// area finds no piece and is an empty answer.
import type { Knex } from 'knex';

export const POINTS_FROM_ZOOM = 13;
export const TILE_MEDIA_TYPE = 'application/vnd.mapbox-vector-tile';

export function tileParams(z: unknown, x: unknown, y: unknown): { z: number; x: number; y: number } | string {
  const [zn, xn, yn] = [Number(z), Number(x), Number(String(y).replace(/\.mvt$/, ''))];
  if (![zn, xn, yn].every(Number.isInteger) || zn < 0 || zn > 22) return `A tile is /{z}/{x}/{y}.mvt with whole numbers, z from 0 to 22 (got ${z}/${x}/${y}).`;
  const n = 2 ** zn;
  if (xn < 0 || yn < 0 || xn >= n || yn >= n) return `Tile ${zn}/${xn}/${yn} does not exist: at zoom ${zn}, x and y run from 0 to ${n - 1}.`;
  return { z: zn, x: xn, y: yn };
}

const LINES = `
  WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS env), b4 AS (SELECT env, ST_Transform(env, 4326) AS env4326 FROM b)
  SELECT ST_AsMVT(t, 'tracks', 4096, 'geom') AS tile FROM (
    SELECT c.device_id, e.race_number, r.entry_id,
           ST_AsMVTGeom(ST_Transform(ST_Simplify(ST_LineMerge(ST_Collect(c.line ORDER BY c.ts_from)), ?), 3857), b4.env, 4096, 64) AS geom
    FROM gps_track_chunks c CROSS JOIN b4
    LEFT JOIN gps_device_reviews r ON r.stage_id = c.stage_id AND r.device_id = c.device_id
    LEFT JOIN entries e ON e.id = r.entry_id
    WHERE c.stage_id = ? AND c.line && b4.env4326
    GROUP BY c.device_id, e.race_number, r.entry_id, b4.env
  ) t WHERE geom IS NOT NULL`;

const POINTS = `
  WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS env), b4 AS (SELECT env, ST_Transform(env, 4326) AS env4326 FROM b),
  pieces AS (SELECT DISTINCT c.device_id, c.ts_from, c.ts_to FROM gps_track_chunks c, b4 WHERE c.stage_id = ? AND c.line && b4.env4326)
  SELECT ST_AsMVT(t, 'points', 4096, 'geom') AS tile FROM (
    SELECT p.device_id, e.race_number, to_char(p.ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ts, p.speed, p.satellites, p.faulty,
           coalesce(s.reasons, '') AS reasons, s.reasons IS NOT NULL AS suspect,
           ST_AsMVTGeom(ST_Transform(ST_SetSRID(ST_MakePoint(p.longitude, p.latitude), 4326), 3857), b4.env, 4096, 64) AS geom
    FROM pieces c CROSS JOIN b4
    JOIN positions p ON p.device_id = c.device_id AND p.ts BETWEEN c.ts_from AND c.ts_to
    LEFT JOIN gps_device_reviews r ON r.stage_id = ? AND r.device_id = p.device_id
    LEFT JOIN entries e ON e.id = r.entry_id
    LEFT JOIN LATERAL (SELECT string_agg(DISTINCT g.reason, ',') AS reasons FROM gps_suspects g
                       WHERE g.stage_id = ? AND g.device_id = p.device_id AND p.ts BETWEEN g.ts_from AND g.ts_to) s ON true
    WHERE p.latitude BETWEEN -85 AND 85 AND p.longitude BETWEEN -180 AND 180
      AND ST_SetSRID(ST_MakePoint(p.longitude, p.latitude), 4326) && b4.env4326
  ) t WHERE geom IS NOT NULL`;

export async function stageTile(db: Knex, stageId: string, z: number, x: number, y: number): Promise<Buffer> {
  // Half a pixel of the tile's 4096 grid, in degrees: simplifying below it changes nothing drawn.
  const tolerance = 360 / 2 ** z / 4096 / 2;
  const { rows } = z >= POINTS_FROM_ZOOM
    ? await db.raw(POINTS, [z, x, y, stageId, stageId, stageId])
    : await db.raw(LINES, [z, x, y, tolerance, stageId]);
  return (rows[0]?.tile as Buffer | undefined) ?? Buffer.alloc(0);
}
