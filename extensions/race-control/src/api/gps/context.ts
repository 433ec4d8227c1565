// What impact ranking needs of an event, read once per computation: waypoint circles and speed
// zones of every stage, and the computed penalties of the entries concerned.
import type { Knex } from 'knex';
import { bboxOf, type ImpactContext, type PenaltyWindow } from '../../domain/gps/impact';

export interface EventPlaces {
  waypoints: ImpactContext['waypoints'];
  zones: ImpactContext['zones'];
}

export async function eventPlaces(db: Knex, eventId: string): Promise<EventPlaces> {
  const [w, z] = await Promise.all([
    db.raw(`SELECT w.id, w.name, w.kind::text AS kind, ST_Y(w.location) AS lat, ST_X(w.location) AS lon,
                   coalesce(w.open_radius_meters, w.tolerance_meters)::float8 AS radius
            FROM waypoints w JOIN segments s ON s.id = w.segment_id JOIN stages st ON st.id = s.stage_id WHERE st.event_id = ?`, [eventId]),
    db.raw(`SELECT z.id, z.name, z.speed_limit_kmh::float8 AS speed_limit_kmh, ST_AsGeoJSON(z.area) AS geo
            FROM speed_limit_zones z JOIN segments s ON s.id = z.segment_id JOIN stages st ON st.id = s.stage_id WHERE st.event_id = ?`, [eventId]),
  ]);
  const zones = (z.rows as { id: string; name: string | null; speed_limit_kmh: number; geo: string }[]).map((r) => {
    const rings = (JSON.parse(r.geo) as { coordinates: number[][][] }).coordinates;
    return { id: r.id, name: r.name, speed_limit_kmh: r.speed_limit_kmh, rings, bbox: bboxOf(rings) };
  });
  return { waypoints: w.rows, zones };
}

export async function penaltiesOf(db: Knex, entryIds: string[]): Promise<Map<string, PenaltyWindow[]>> {
  const { rows } = await db.raw(`SELECT id, entry_id, type::text AS type, seconds::float8 AS seconds, window_start, window_end FROM entry_penalties WHERE entry_id = ANY(?::uuid[]) AND window_start IS NOT NULL`, [entryIds]);
  const out = new Map<string, PenaltyWindow[]>();
  for (const r of rows as Record<string, unknown>[]) {
    const list = out.get(String(r.entry_id)) ?? [];
    list.push({ id: String(r.id), type: (r.type as string) ?? null, seconds: (r.seconds as number) ?? null, window_start: new Date(r.window_start as string).toISOString(), window_end: r.window_end ? new Date(r.window_end as string).toISOString() : null });
    out.set(String(r.entry_id), list);
  }
  return out;
}
