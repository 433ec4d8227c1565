import { describe, expect, it } from 'vitest';
import { checkCourse, errorsOf } from './checks.ts';
import { BOW_TIE, ROUTE, square, validCourse, waypoint } from './fixtures.ts';
import type { Course } from './model.ts';

const codes = (c: Course) => checkCourse(c).map((p) => `${p.severity}:${p.code}`);

describe('course checks', () => {
  it('the valid course has no problem', () => {
    expect(checkCourse(validCourse())).toEqual([]);
  });
  it('a bow-tie geofence is an error with its place', () => {
    const c = validCourse();
    c.geofences[0]!.area = BOW_TIE;
    expect(checkCourse(c).find((p) => p.code === 'self_intersection')).toMatchObject({ severity: 'error', at: [19.55, 41.55], ref: { collection: 'geofences', id: 'start' } });
  });
  it('a special without ASS, or with two DSS, is an error on the segment', () => {
    const c = validCourse();
    c.waypoints = c.waypoints.filter((w) => w.kind !== 'ASS');
    expect(checkCourse(c).find((p) => p.code === 'ass_count')).toMatchObject({ severity: 'error', message: 'SS1 needs exactly one ASS (it has 0)', ref: { collection: 'segments', id: 'ss' } });
    const d = validCourse();
    d.waypoints.push(waypoint('dss2', 5, 'DSS', 6, 200));
    expect(codes(d)).toContain('error:dss_count');
  });
  it('DSS not first, ASS not last, and a DSS on a liaison', () => {
    const c = validCourse();
    c.waypoints.find((w) => w.id === 'dss')!.sort_order = 3.5;
    c.waypoints.find((w) => w.id === 'ass')!.sort_order = 0;
    expect(codes(c)).toEqual(expect.arrayContaining(['error:dss_not_first', 'error:ass_not_last', 'error:out_of_order']));
    const l = validCourse();
    l.segments[0]!.type = 'liaison';
    expect(codes(l)).toContain('error:dss_ass_off_special');
  });
  it('waypoints out of order along the route', () => {
    const c = validCourse();
    c.waypoints.find((w) => w.id === 'w1')!.sort_order = 3;
    c.waypoints.find((w) => w.id === 'w2')!.sort_order = 2;
    expect(checkCourse(c).find((p) => p.code === 'out_of_order')?.message).toMatch(/^WPM 2 comes before WPV 3 along the route \(km 2.00 < 5.00\)/);
  });
  it('a waypoint beyond its clear radius from the route', () => {
    const c = validCourse();
    c.waypoints[1]!.location = { type: 'Point', coordinates: [20.024, 42.005] }; // ~555 m north
    expect(checkCourse(c).find((p) => p.code === 'off_route')).toMatchObject({ severity: 'error', message: expect.stringMatching(/is 55\d m from the route, beyond its 90 m clear radius/) });
  });
  it('consecutive clear radii that overlap are a warning', () => {
    const c = validCourse();
    c.waypoints.splice(2, 0, waypoint('w1b', 2.5, 'WPV', 2.2, 200));
    expect(codes(c)).toContain('warning:clear_radii_overlap');
    expect(errorsOf(checkCourse(c))).toEqual([]);
  });
  it('the first waypoint too close after the DSS', () => {
    const c = validCourse();
    c.waypoints[1] = waypoint('w1', 2, 'WPM', 0.15, 90, 800);
    expect(checkCourse(c).find((p) => p.code === 'too_close_to_dss')?.message).toMatch(/needs at least 190 m \(100 m plus its clear radius\)/);
  });
  it('the route passing back through an open radius', () => {
    const c = validCourse();
    // Out 4 km and back along a parallel 300 m north: the way back passes the WPM's 800 m open radius.
    const out = ROUTE.coordinates.slice(0, 50);
    const back = [...out].reverse().map(([x]) => [x!, 42.003]);
    c.segments[0]!.route = { type: 'LineString', coordinates: [...out, ...back] };
    c.waypoints = [waypoint('dss', 1, 'DSS', 0, 200), waypoint('w1', 2, 'WPM', 2, 90, 800)];
    c.speedZones = [];
    c.segments[0]!.exit_geofence_id = null;
    expect(codes(c)).toContain('warning:route_reenters_open_radius');
  });
  it('radii and speed limits outside sane bounds', () => {
    const c = validCourse();
    c.waypoints[1]!.tolerance_meters = 2;
    c.waypoints[2]!.open_radius_meters = 50000;
    c.speedZones[0]!.speed_limit_kmh = 300;
    expect(codes(c)).toEqual(expect.arrayContaining(['error:clear_radius_bounds', 'error:open_radius_bounds', 'error:speed_limit_bounds']));
    const d = validCourse();
    d.waypoints[1]!.open_radius_meters = 50;
    expect(codes(d)).toContain('error:open_radius_below_clear');
  });
  it('speed zones off the route, and overlapping zones', () => {
    const c = validCourse();
    c.speedZones.push({ id: 'z2', segment_id: 'ss', name: 'Elsewhere', area: square(20.05, 42.1, 0.002), speed_limit_kmh: 30 });
    c.speedZones.push({ id: 'z3', segment_id: 'ss', name: 'Overlap', area: square(20.037, 42, 0.003), speed_limit_kmh: 30 });
    expect(codes(c)).toEqual(expect.arrayContaining(['error:zone_not_on_route', 'error:zones_overlap']));
  });
  it('an entry or exit geofence that does not touch the route, or is not in the event', () => {
    const c = validCourse();
    c.geofences[1]!.area = square(20.1, 42.2, 0.01);
    expect(checkCourse(c).find((p) => p.code === 'geofence_off_route')?.message).toBe('ASS fence, the exit of SS1, does not touch its route: no crossing could end it');
    const d = validCourse();
    d.segments[0]!.entry_geofence_id = 'gone';
    expect(codes(d)).toContain('error:geofence_missing');
  });
});
