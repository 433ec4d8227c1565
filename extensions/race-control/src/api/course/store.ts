// Reads a stage's course as the domain model (GeoJSON geometries), for the publishing check and the
// readiness counts. Raw SQL is used only after the caller was shown to see the stage.
import type { Knex } from 'knex';
import type { Course } from '../../domain/course/model';
import { NEAR_DEGREES } from '../../domain/course/stage-scope';

export async function readCourse(database: Knex, stageId: string): Promise<{ course: Course; stage: { id: string; name: string; status: string | null; event_id: string } } | null> {
  const stage = await database('stages').select('id', 'name', 'status', 'event_id').where({ id: stageId }).first();
  if (!stage) return null;
  const { rows: segments } = await database.raw(
    `SELECT id, sort_order, type, name, ST_AsGeoJSON(route)::json AS route, entry_geofence_id, exit_geofence_id FROM segments WHERE stage_id = ?`, [stageId]);
  const ids = segments.map((s: { id: string }) => s.id);
  const { rows: waypoints } = await database.raw(
    `SELECT id, segment_id, sort_order, kind, name, ST_AsGeoJSON(location)::json AS location, tolerance_meters, open_radius_meters, roadbook_km
       FROM waypoints WHERE segment_id = ANY(?)`, [ids]);
  const { rows: speedZones } = await database.raw(
    `SELECT id, segment_id, name, ST_AsGeoJSON(area)::json AS area, speed_limit_kmh FROM speed_limit_zones WHERE segment_id = ANY(?)`, [ids]);
  // The stage's geofences: those its segments name, and any of the event near its routes (the
  // editor shows the same set), so a stage is not held back by another day's fence.
  const named = segments.flatMap((s: { entry_geofence_id: string | null; exit_geofence_id: string | null }) => [s.entry_geofence_id, s.exit_geofence_id]).filter(Boolean);
  const { rows: geofences } = await database.raw(
    `SELECT id, event_id, name, kind, ST_AsGeoJSON(area)::json AS area, closes_at FROM geofences
      WHERE event_id = ? AND (id = ANY(?) OR area && (SELECT ST_Expand(ST_Extent(route)::geometry, ${NEAR_DEGREES}) FROM segments WHERE stage_id = ?))`,
    [stage.event_id, named, stageId]);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    stage,
    course: {
      segments,
      waypoints: waypoints.map((w: Record<string, unknown>) => ({ ...w, tolerance_meters: Number(w.tolerance_meters), open_radius_meters: num(w.open_radius_meters), roadbook_km: num(w.roadbook_km) })),
      speedZones: speedZones.map((z: Record<string, unknown>) => ({ ...z, speed_limit_kmh: Number(z.speed_limit_kmh) })),
      geofences,
    } as Course,
  };
}
