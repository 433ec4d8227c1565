import { describe, expect, it } from 'vitest';
import { readCourseFile, toGeoJson, toKml, toOpenRallyGpx, toPlainGpx, type CourseFile, type ExportCourse } from './index';
import * as f from './fixtures';

const course = (): ExportCourse => {
  const c = readCourseFile(f.openRallyV103, { fileName: 'ss1.gpx', toleranceMeters: 0 });
  return { name: 'Stage 1', routes: c.routes, waypoints: c.waypoints, speedZones: c.speedZones };
};

/** What "the same course" means: kinds, radii, speeds, km, segments, and geometry within 1e-7°. */
function expectSameCourse(back: Pick<CourseFile, 'routes' | 'waypoints' | 'speedZones'>, original: ExportCourse): void {
  expect(back.routes.map((r) => [r.name, r.type, r.targetDurationSeconds])).toEqual(original.routes.map((r) => [r.name, r.type, r.targetDurationSeconds]));
  back.routes.forEach((r, i) => {
    expect(r.coordinates).toHaveLength(original.routes[i]!.coordinates.length);
    r.coordinates.forEach((p, k) => {
      expect(Math.abs(p[0] - original.routes[i]!.coordinates[k]![0])).toBeLessThanOrEqual(1e-7);
      expect(Math.abs(p[1] - original.routes[i]!.coordinates[k]![1])).toBeLessThanOrEqual(1e-7);
    });
  });
  const wp = (c: Pick<CourseFile, 'waypoints'>) => c.waypoints.map((w) => ({ ...w, location: w.location.map((v) => Math.round(v * 1e7)) }));
  expect(wp(back)).toEqual(wp(original));
  expect(back.speedZones.map((z) => [z.name, z.speedLimitKmh, z.route, z.area])).toEqual(original.speedZones.map((z) => [z.name, z.speedLimitKmh, z.route, z.area]));
}

describe('export → import gives back the same course', () => {
  it('OpenRally GPX', () => {
    const original = course();
    const back = readCourseFile(toOpenRallyGpx(original), { fileName: 'back.gpx' });
    expect(back.format).toBe('openrally');
    expect(back.toleranceMeters).toBe(0);
    expectSameCourse(back, original);
    expect(back.notes.filter((n) => n.level === 'warning')).toEqual([expect.objectContaining({ text: expect.stringMatching(/^WPP 5: roadbook km/) })]);
  });

  it('GeoJSON', () => {
    const original = course();
    expectSameCourse(readCourseFile(toGeoJson(original), { fileName: 'back.geojson' }), original);
  });

  it('KML', () => {
    const original = course();
    expectSameCourse(readCourseFile(toKml(original), { fileName: 'back.kml' }), original);
  });
});

describe('OpenRally GPX follows the published schema (v1.0.3)', () => {
  const gpx = toOpenRallyGpx(course());

  it('declares GPX 1.1 and the v1.0.3 namespace, metric units and the total distance', () => {
    expect(gpx).toMatch(/<gpx version="1.1" creator="race-control" xmlns="http:\/\/www.topografix.com\/GPX\/1\/1" xmlns:openrally="http:\/\/www.openrally.org\/xmlschemas\/GpxExtensions\/v1.0.3"/);
    expect(gpx).toMatch(/<metadata>[\s\S]*<openrally:units>metric<\/openrally:units><openrally:distance>[\d.]+<\/openrally:distance>/);
  });

  it('writes kinds as the schema\'s elements with open and clear attributes, a distance on every wpt', () => {
    expect(gpx).toMatch(/<openrally:wpm open="800" clear="90"\/>/);
    expect(gpx).toMatch(/<openrally:dss clear="200"\/>/);
    expect(gpx).toMatch(/<openrally:dz\/><openrally:speed>50<\/openrally:speed>/);
    expect(gpx).toMatch(/<openrally:fz\/>/);
    expect(gpx).toMatch(/<openrally:neutralization>900<\/openrally:neutralization>/);
    expect(gpx).toMatch(/<openrally:fn\/>/);
    const wpts = gpx.match(/<wpt [\s\S]*?<\/wpt>/g)!;
    expect(wpts.every((w) => /<openrally:distance>/.test(w))).toBe(true);
    // Only names the schema has in its namespace.
    const names = new Set([...gpx.matchAll(/<openrally:(\w+)/g)].map((m) => m[1]));
    expect([...names].every((n) => ['units', 'distance', 'wpm', 'wpv', 'wps', 'wpc', 'wpp', 'dss', 'ass', 'dz', 'fz', 'speed', 'neutralization', 'fn', 'show_coordinates'].includes(n!))).toBe(true);
  });

  it('orders wpts before trks, as GPX 1.1 requires', () => {
    expect(gpx.lastIndexOf('<wpt')).toBeLessThan(gpx.indexOf('<trk>'));
  });
});

describe('plain GPX for any GPS', () => {
  it('has no extensions, kinds as type, radii and km in the description', () => {
    const gpx = toPlainGpx(course());
    expect(gpx).not.toMatch(/extensions|openrally/);
    expect(gpx).toMatch(/<desc>clear 90 m, open 800 m, km 1.65<\/desc>\s*<type>WPM<\/type>/);
    expect(gpx).toMatch(/<type>DZ<\/type>/);
    const back = readCourseFile(gpx, { fileName: 'plain.gpx' });
    expect(back.waypoints.filter((w) => w.kind === 'WPM')).toHaveLength(1);
  });
});
