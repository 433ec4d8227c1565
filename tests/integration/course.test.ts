// The server's authority over the course, from plain API calls as a race director of a fresh club
// (not through our screen): bad geometry is refused with PostGIS's reason and place, the wrong
// geometry type and coordinates out of range with words, and a stage whose special has no ASS
// cannot be published until it does.
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/api.ts';
import { call, tokenOf } from '../support/boundary.ts';
import { type Club, makeClub } from '../support/clubs.ts';
import { withPg } from '../support/stack.ts';

let club: Club;
let director: string;

const bowTie = { type: 'Polygon', coordinates: [[[19.5, 41.5], [19.6, 41.6], [19.6, 41.5], [19.5, 41.6], [19.5, 41.5]]] };
const errorOf = (text: string) => JSON.parse(text).errors[0] as { message: string; extensions: { code: string; at?: [number, number]; rule?: string } };

beforeAll(async () => {
  club = await makeClub(await signIn(), 'Course', false);
  director = await tokenOf(club.people['race-director'].email, club.people['race-director'].password);
}, 120_000);

describe('geometry refused for every client', () => {
  it('a bow-tie geofence: PostGIS reason and place, nothing stored', async () => {
    const res = await call(director, 'POST', '/items/geofences', { event_id: club.ids.events, name: 'Bow tie', kind: 'checkpoint', area: bowTie });
    expect(res.status).toBe(400);
    const e = errorOf(res.text);
    expect(e.message).toBe('The geofence outline crosses itself at 41.55000° N 19.55000° E (PostGIS: Self-intersection); redraw it as a simple shape');
    expect(e.extensions).toMatchObject({ code: 'INVALID_PAYLOAD', at: [19.55, 41.55], rule: 'geofences_area_geometry' });
    const n = await withPg('directus', async (c) => (await c.query(`SELECT count(*)::int AS n FROM geofences WHERE event_id = $1 AND name = 'Bow tie'`, [club.ids.events])).rows[0].n);
    expect(n).toBe(0);
  });

  it('a bow-tie speed zone on update, the stored zone unchanged', async () => {
    const res = await call(director, 'PATCH', `/items/speed_limit_zones/${club.ids.speed_limit_zones}`, { area: bowTie });
    expect(res.status).toBe(400);
    expect(errorOf(res.text).message).toMatch(/^The zone outline crosses itself at 41\.55000° N 19\.55000° E/);
    const valid = await withPg('directus', async (c) => (await c.query('SELECT ST_IsValid(area) AS v FROM speed_limit_zones WHERE id = $1', [club.ids.speed_limit_zones])).rows[0].v);
    expect(valid).toBe(true);
  });

  it('the wrong geometry type and coordinates out of range', async () => {
    const asPolygon = await call(director, 'PATCH', `/items/waypoints/${club.ids.waypoints}`, { location: bowTie });
    expect(errorOf(asPolygon.text).message).toBe('The waypoint location must be a Point, not a Polygon');
    const far = await call(director, 'PATCH', `/items/segments/${club.ids.segments}`, { route: { type: 'LineString', coordinates: [[19.8, 41.3], [219.9, 41.4]] } });
    expect(far.status).toBe(400);
    expect(errorOf(far.text).message).toMatch(/out of range \(219\.9, 41\.4\): longitude must be within ±180°/);
  });

  it('a valid change goes through', async () => {
    const res = await call(director, 'PATCH', `/items/geofences/${club.ids.geofences}`, { area: { type: 'Polygon', coordinates: [[[19.8, 41.3], [19.81, 41.3], [19.81, 41.31], [19.8, 41.3]]] } });
    expect(res.status).toBe(200);
  });
});

describe('publishing a stage with course errors', () => {
  it('a special without an ASS cannot be published, and says why; with one it can', async () => {
    const stage = JSON.parse((await call(director, 'POST', '/items/stages', { event_id: club.ids.events, name: 'Publish test', sort_order: 9, status: 'draft' })).text).data;
    const route = { type: 'LineString', coordinates: [[20, 42], [20.05, 42], [20.1, 42]] };
    const segment = JSON.parse((await call(director, 'POST', '/items/segments', {
      stage_id: stage.id, sort_order: 1, type: 'special-stage', name: 'SS9', route,
      waypoints: [{ sort_order: 1, kind: 'DSS', name: 'DSS', location: { type: 'Point', coordinates: [20, 42] }, tolerance_meters: 200 }],
    })).text).data;
    const refused = await call(director, 'PATCH', `/items/stages/${stage.id}`, { status: 'published' });
    expect(refused.status).toBe(400);
    expect(errorOf(refused.text).message).toBe('"Publish test" cannot be published: its course has 1 error: SS9 needs exactly one ASS (it has 0). Fix them in the course editor first.');
    const status = await withPg('directus', async (c) => (await c.query('SELECT status FROM stages WHERE id = $1', [stage.id])).rows[0].status);
    expect(status).toBe('draft');
    const ass = await call(director, 'POST', '/items/waypoints', { segment_id: segment.id, sort_order: 2, kind: 'ASS', name: 'ASS', location: { type: 'Point', coordinates: [20.1, 42] }, tolerance_meters: 200 });
    expect(ass.status).toBe(200);
    expect((await call(director, 'PATCH', `/items/stages/${stage.id}`, { status: 'published' })).status).toBe(200);
  });
});
