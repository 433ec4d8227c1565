import { describe, expect, it } from 'vitest';
import { CourseFileRefusal, MAX_FILE_BYTES, readCourseFile } from './index';
import * as f from './fixtures';
import type { CourseFile } from './types';

const read = (text: string, toleranceMeters?: number) => readCourseFile(text, { fileName: 'ss1.gpx', ...(toleranceMeters === undefined ? {} : { toleranceMeters }) });
const byName = (c: CourseFile, name: string) => c.waypoints.find((w) => w.name === name)!;
const notes = (c: CourseFile) => c.notes.map((n) => n.text).join('\n');

describe('OpenRally v1.0.3 roadbook', () => {
  const c = read(f.openRallyV103);

  it('reads the track as one route, its two trkseg pieces joined, a point with no latitude skipped', () => {
    expect(c.format).toBe('openrally');
    const special = c.routes.find((r) => r.name === 'SS1')!;
    expect(special.coordinates.length).toBeGreaterThan(40);
    expect(c.skipped.trackPoints).toBe(1);
    expect(notes(c)).toMatch(/2 pieces \(trkseg\) joined/);
  });

  it('maps every kind element to its kind with the file radii, and the kind default where the file has none', () => {
    expect(c.waypoints.map((w) => w.kind)).toEqual(['DSS', 'WPM', 'WPV', 'WPS', 'WPC', 'WPP', 'WPC', 'ASS']);
    expect(byName(c, 'WPM 1')).toMatchObject({ toleranceMeters: 90, openRadiusMeters: 800, roadbookKm: 1.65 });
    expect(byName(c, 'DSS Pukë')).toMatchObject({ toleranceMeters: 200, openRadiusMeters: null });
    expect(byName(c, 'WPV 2')).toMatchObject({ toleranceMeters: 200, showCoordinates: true });
    expect(byName(c, 'ASS Qerret')).toMatchObject({ toleranceMeters: 200, openRadiusMeters: 1000 });
    expect(notes(c)).toMatch(/No clear radius in the file for 1 DSS: the kind's default was taken \(DSS 200 m\)/);
    expect(notes(c)).toMatch(/No open radius in the file for 1 WPS: the kind's default was taken \(WPS 1000 m\)/);
  });

  it('takes a checkpoint as a control (WPC) with a note, and names an unnamed waypoint by kind', () => {
    expect(byName(c, 'CP Qerret')).toMatchObject({ kind: 'WPC', toleranceMeters: 150 });
    expect(notes(c)).toMatch(/"checkpoint": a checkpoint is a control: taken as WPC/);
    expect(byName(c, 'WPS 4')).toBeDefined();
    expect(notes(c)).toMatch(/1 waypoint had no name/);
  });

  it('skips plain roadbook boxes and keeps no drawing', () => {
    expect(c.skipped.roadbookBoxes).toBe(1);
    expect(JSON.stringify(c)).not.toMatch(/base64/);
  });

  it('turns the DZ/FZ pair into a 50 km/h corridor along the route', () => {
    expect(c.speedZones).toHaveLength(1);
    const z = c.speedZones[0]!;
    expect(z).toMatchObject({ name: 'DZ Pukë', speedLimitKmh: 50, route: 0 });
    expect(z.area[0]).toEqual(z.area[z.area.length - 1]);
    expect(z.area.length).toBeGreaterThan(8);
  });

  it('turns a neutralization and its FN into a neutralization segment of 900 s along the route', () => {
    const n = c.routes.find((r) => r.type === 'neutralization')!;
    expect(n).toMatchObject({ name: 'Neutralization Qerret', targetDurationSeconds: 900 });
    expect(n.coordinates.length).toBeGreaterThanOrEqual(2);
  });

  it('warns where the roadbook km and the position along the route disagree', () => {
    expect(c.notes.filter((n) => n.level === 'warning').map((n) => n.text)).toEqual([expect.stringMatching(/^WPP 5: roadbook km 6\.40, but 4\.\d\d km along "SS1"/)]);
  });

  it('rounds to 7 decimals', () => {
    for (const w of c.waypoints) for (const v of w.location) expect(Math.round(v * 1e7) / 1e7).toBe(v);
  });
});

describe('quirks real files have', () => {
  it('reads a BOM and CRLF line endings', () => {
    const c = read(`\uFEFF${f.openRallyV103.replace(/\n/g, '\r\n')}`);
    expect(c.waypoints).toHaveLength(8);
    expect(c.speedZones).toHaveLength(1);
  });

  it('matches the namespace URI, not the prefix: v0.1 with `or:`, legacy names, speed as dz text', () => {
    const c = read(f.openRallyV01);
    expect(c.waypoints.map((w) => w.kind)).toEqual(['DSS', 'WPM', 'ASS']);
    expect(c.speedZones.map((z) => z.speedLimitKmh)).toEqual([40]);
    expect(notes(c)).toMatch(/Cafe has a speed \(65 km\/h\) but no DZ\/FZ/);
  });

  it('converts statute units (spelt "statue" as in the XSD): miles, mph, yards', () => {
    const c = read(f.openRallyStatute);
    expect(c.waypoints[0]).toMatchObject({ toleranceMeters: 91, openRadiusMeters: 800, roadbookKm: 1.1 });
    expect(c.speedZones[0]!.speedLimitKmh).toBe(48);
    expect(notes(c)).toMatch(/Statute units/);
  });

  it('draws the route through the waypoints of a roadbook with no track', () => {
    const c = read(f.roadbookOnly);
    expect(c.routes).toHaveLength(1);
    expect(c.routes[0]!.coordinates).toHaveLength(4);
    expect(c.skipped.roadbookBoxes).toBe(2);
    expect(notes(c)).toMatch(/No track in the file/);
  });

  it('reads GPX 1.0 with bounds, a route and kinds from type, symbol or name', () => {
    const c = read(f.plainGpx10);
    expect(c.format).toBe('gpx');
    expect(c.routes[0]!.name).toBe('Recce');
    expect(c.waypoints.map((w) => [w.name, w.kind])).toEqual([['W1', 'WPM'], ['Fuel', 'WPV'], ['Waypoint eclipse', 'WPE']]);
    expect(notes(c)).toMatch(/unknown kind "Gas Station" taken as WPV/);
  });

  it('reads track points under a prefixed GPX namespace, and an empty trkseg, without a DOM tree for them', () => {
    const c = read(`<g:gpx xmlns:g="http://www.topografix.com/GPX/1/1"><g:trk><g:name>P</g:name><g:trkseg/><g:trkseg>
      <g:trkpt lon='19.9' lat='42.05'><g:ele>1</g:ele></g:trkpt><g:trkpt lat="42.06" lon="19.91"/></g:trkseg></g:trk></g:gpx>`, 0);
    expect(c.routes).toEqual([expect.objectContaining({ name: 'P', coordinates: [[19.9, 42.05], [19.91, 42.06]] })]);
  });

  it('reads tracks with and without elevation and time alike', () => {
    const c = read(f.openRallyV103, 0);
    expect(c.routes[0]!.coordinates.every((p) => p.length === 2)).toBe(true);
  });
});

describe('KML and GeoJSON', () => {
  it('reads KML placemarks: a line, a waypoint with ExtendedData, a speed zone; skips an area without a speed', () => {
    const c = readCourseFile(f.kml, { fileName: 'recce.kml' });
    expect(c.format).toBe('kml');
    expect(c.routes.map((r) => r.name)).toEqual(['SS2']);
    expect(c.waypoints[0]).toMatchObject({ kind: 'WPS', toleranceMeters: 30, name: 'WPS bridge', route: 0 });
    expect(c.speedZones).toEqual([expect.objectContaining({ name: 'Village 30', speedLimitKmh: 30 })]);
    expect(notes(c)).toMatch(/"Parking" has no speed limit/);
  });

  it('reads GeoJSON and maps an unknown kind to the nearest known with a note', () => {
    const c = readCourseFile(f.geojson, { fileName: 'course.geojson' });
    expect(c.routes[0]).toMatchObject({ name: 'Liaison', type: 'liaison' });
    expect(c.waypoints.map((w) => w.kind)).toEqual(['WPM', 'WPV']);
    expect(notes(c)).toMatch(/kind "masked waypoint" taken as WPM/);
    expect(notes(c)).toMatch(/unknown kind "XYZ" taken as WPV/);
  });
});

describe('simplification', () => {
  it('keeps the route within the tolerance, and the user can turn it off', () => {
    const line = f.track(2000, [19.9, 42.05], 0.00001);
    const gpx = `<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>${line.map(([lon, lat]) => `<trkpt lat="${lat}" lon="${lon}"/>`).join('')}</trkseg></trk></gpx>`;
    const simple = read(gpx);
    expect(simple.toleranceMeters).toBe(1);
    expect(simple.routes[0]!.coordinates.length).toBeLessThan(1000);
    expect(simple.skipped.simplifiedPoints).toBe(2000 - simple.routes[0]!.coordinates.length);
    expect(read(gpx, 0).routes[0]!.coordinates).toHaveLength(2000);
  });
});

describe('refusals a race director can act on', () => {
  const refusal = (text: string, bytes?: number) => {
    try {
      readCourseFile(text, { fileName: 'bad.gpx', ...(bytes ? { bytes } : {}) });
    } catch (e) {
      if (e instanceof CourseFileRefusal) return { code: e.code, message: e.message };
      throw e;
    }
    throw new Error('not refused');
  };

  it('an empty file', () => expect(refusal(' \r\n')).toEqual({ code: 'empty', message: expect.stringMatching(/"bad.gpx" is empty/) }));
  it('a file that is neither XML nor JSON', () => expect(refusal('lat,lon\n42,19')).toMatchObject({ code: 'not-a-course-file', message: expect.stringMatching(/neither XML nor JSON/) }));
  it('broken XML', () => expect(refusal('<gpx><trk></gpx>')).toMatchObject({ code: 'not-a-course-file', message: expect.stringMatching(/XML is broken/) }));
  it('XML of another kind', () => expect(refusal('<html><body/></html>')).toMatchObject({ code: 'not-a-course-file', message: expect.stringMatching(/<html>/) }));
  it('JSON that is not GeoJSON', () => expect(refusal('{"rows": []}')).toMatchObject({ code: 'not-a-course-file' }));
  it('a file with no usable geometry', () => expect(refusal('<gpx xmlns="http://www.topografix.com/GPX/1/1"><metadata><name>x</name></metadata><wpt><name>no coords</name></wpt></gpx>')).toMatchObject({ code: 'no-geometry' }));
  it('a file over the size limit, stated', () => expect(refusal('<gpx/>', MAX_FILE_BYTES + 1)).toMatchObject({ code: 'too-large', message: expect.stringMatching(/limited to 30 MB/) }));
  it('coordinates out of range, naming the point', () => {
    expect(refusal('<gpx><wpt lat="123.4" lon="19.5"><name>WPM 3</name></wpt></gpx>')).toMatchObject({ code: 'out-of-range', message: expect.stringMatching(/Waypoint "WPM 3" has latitude 123.4/) });
    expect(refusal('{"type":"LineString","coordinates":[[19,42],[200,42]]}')).toMatchObject({ code: 'out-of-range' });
  });
});
