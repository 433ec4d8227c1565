import { describe, expect, it } from 'vitest';
import { courseProblems, defaultTargets, planImport, readCourseFile, summarize, type ExistingSegment } from './index';
import * as f from './fixtures';

const course = readCourseFile(f.openRallyV103, { fileName: 'ss1.gpx' });
const stage: ExistingSegment[] = [
  { id: 'l1', name: 'Liaison Shkodër – Drisht', type: 'liaison', waypoints: 0, speedZones: 2 },
  { id: 'ss', name: 'SS1 Drisht – Kolsh', type: 'special-stage', waypoints: 25, speedZones: 3 },
];

describe('import plan and its preview words', () => {
  it('adds every route as a new segment in add mode', () => {
    const plan = planImport(course, stage, 'add');
    expect(plan.targets).toEqual([null, null]);
    expect(summarize(course, plan)).toMatch(/^adds 2 routes, 8 waypoints, 1 speed zone; skips 1 track point with no coordinates, 1 roadbook box with no waypoint kind/);
  });

  it('replaces the segment of the same name, else the only one of the same type, and says what goes', () => {
    const named = { ...course, routes: [{ ...course.routes[0]!, name: 'SS1 Drisht – Kolsh' }] };
    expect(defaultTargets(named, stage, 'replace')).toEqual(['ss']);
    const typed = { ...course, routes: [{ ...course.routes[0]!, type: 'liaison' as const }] };
    expect(defaultTargets(typed, stage, 'replace')).toEqual(['l1']);
    const plan = planImport(course, stage, 'replace', ['ss', null]);
    expect(summarize(course, plan)).toMatch(/adds 1 route, 8 waypoints, 1 speed zone; replaces the route of SS1 Drisht – Kolsh, 25 waypoints, 5 speed zones; skips/);
  });

  it('refuses a segment of another stage, or two routes into one segment', () => {
    expect(() => planImport(course, stage, 'replace', ['elsewhere'])).toThrow(/not on this stage/);
    expect(() => planImport(course, stage, 'replace', ['ss', 'ss'])).toThrow(/same segment/);
  });
});

describe('course checks before a save', () => {
  it('passes a good course', () => expect(courseProblems(course)).toEqual([]));

  it('names a self-crossing zone, a one-point route and radii the wrong way round', () => {
    const bowTie: [number, number][] = [[19, 42], [19.01, 42.01], [19.01, 42], [19, 42.01], [19, 42]];
    const problems = courseProblems({
      routes: [{ name: 'Stub', type: null, coordinates: [[19, 42]], targetDurationSeconds: null }],
      waypoints: [{ ...course.waypoints[0]!, name: 'WPM 9', toleranceMeters: 90, openRadiusMeters: 50 }],
      speedZones: [{ name: 'Village', speedLimitKmh: 30, area: bowTie, route: null }],
    });
    expect(problems).toEqual([
      'Route "Stub" has 1 point: a route needs at least two.',
      'WPM 9: the open radius (50 m) is smaller than the clear radius (90 m).',
      expect.stringMatching(/^Speed zone "Village" crosses itself near 42\.0/),
    ]);
  });
});
