// The server's word on a course object's geometry, for every client (our editor, the stock forms,
// any API call): the right type and coordinates in range (domain checks, the same the browser runs),
// then PostGIS's own validity with its reason and place (ST_IsValidDetail), which is what the
// database check and the processor rely on.
import type { Knex } from 'knex';
import { describePosition, geometryProblems, type ExpectedType } from '../../domain/course/geometry';
import { CourseRefusal } from './errors';

/** The geometry field of each course collection, its type and how a refusal names it. */
export const COURSE_GEOMETRY: Record<string, { field: string; type: ExpectedType; what: string }> = {
  geofences: { field: 'area', type: 'Polygon', what: 'The geofence outline' },
  speed_limit_zones: { field: 'area', type: 'Polygon', what: 'The zone outline' },
  segments: { field: 'route', type: 'LineString', what: 'The segment route' },
  waypoints: { field: 'location', type: 'Point', what: 'The waypoint location' },
};

function parse(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value; // WKT or the like: PostGIS below says whether it reads it
  }
}

export async function refuseBadGeometry(database: Knex, collection: string, payload: Record<string, unknown>): Promise<void> {
  const spec = COURSE_GEOMETRY[collection];
  if (!spec || !(spec.field in payload) || payload[spec.field] === null) return;
  const value = parse(payload[spec.field]);
  const rule = `${collection}_${spec.field}_geometry`;
  if (typeof value === 'object' && value && 'type' in value) {
    // Type and range first: PostGIS would accept a Point where a Polygon belongs, and 200° E.
    const [problem] = geometryProblems(value as GeoJSON.Geometry, spec.type, spec.what).filter((p) => p.code !== 'self_intersection');
    if (problem) throw new CourseRefusal({ rule, reason: problem.message, ...(problem.at ? { at: problem.at as [number, number] } : {}) });
  }
  let detail: { valid: boolean; reason: string | null; x: number | null; y: number | null } | undefined;
  try {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const { rows } = await database.raw(
      `SELECT (d).valid, (d).reason, ST_X((d).location) AS x, ST_Y((d).location) AS y
         FROM (SELECT ST_IsValidDetail(${typeof value === 'string' && !value.trim().startsWith('{') ? 'ST_GeomFromText(?)' : 'ST_GeomFromGeoJSON(?)'}) AS d) t`, [text]);
    detail = rows[0];
  } catch {
    throw new CourseRefusal({ rule, reason: `${spec.what} is not a geometry PostGIS can read: send GeoJSON such as {"type": "${spec.type}", "coordinates": [...]}` });
  }
  if (!detail || detail.valid) return;
  const at: [number, number] | undefined = detail.x !== null && detail.y !== null ? [Number(detail.x), Number(detail.y)] : undefined;
  const reason = detail.reason ?? 'invalid geometry';
  // "crosses itself" is what a race director understands of PostGIS's "Self-intersection".
  const words = /self-intersection|ring self/i.test(reason) ? 'crosses itself' : `is not valid (${reason})`;
  throw new CourseRefusal({
    rule,
    reason: `${spec.what} ${words}${at ? ` at ${describePosition(at)}` : ''} (PostGIS: ${reason}); redraw it as a simple shape`,
    ...(at ? { at } : {}),
  });
}
