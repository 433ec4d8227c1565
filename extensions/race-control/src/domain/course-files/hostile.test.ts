// Real-world and hostile files nobody promised us: each is read or refused with words a race
// director can act on, and a refusal happens before anything could be written.
import { describe, expect, it } from 'vitest';
import { CourseFileRefusal, decodeCourseBytes, readCourseFile } from './index';

const read = (text: string, fileName = 'f.gpx') => readCourseFile(text, { fileName });
const refusal = (text: string, fileName = 'f.gpx'): CourseFileRefusal => {
  try { read(text, fileName); } catch (e) { if (e instanceof CourseFileRefusal) return e; throw e; }
  throw new Error('not refused');
};
const gpx = (body: string) => `<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">${body}</gpx>`;
const trk = (pts: string) => gpx(`<trk><name>SS1</name><trkseg>${pts}</trkseg></trk>`);
const pt = (lat: string, lon: string) => `<trkpt lat="${lat}" lon="${lon}"/>`;
const good = pt('42.05', '19.9') + pt('42.06', '19.91') + pt('42.07', '19.93');

describe('XML declarations and nesting', () => {
  it('refuses a billion-laughs DOCTYPE without expanding it', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>` +
      `<gpx version="1.1"><wpt lat="42" lon="19"><name>&lol3;</name></wpt></gpx>`;
    const r = refusal(lol);
    expect(r.code).toBe('not-a-course-file');
    expect(r.message).toMatch(/declares entities \(DOCTYPE\).*Export the course again/);
  });

  it('reads a file whose plain DOCTYPE declares nothing', () => {
    expect(read(`<?xml version="1.0"?><!DOCTYPE gpx>${trk(good).replace(/^<\?xml[^>]*>/, '')}`).routes).toHaveLength(1);
  });

  it('refuses elements nested thousands deep, naming the limit', () => {
    const deep = gpx(`${'<extensions>'.repeat(5000)}${'</extensions>'.repeat(5000)}${`<trk><trkseg>${good}</trkseg></trk>`}`);
    const r = refusal(deep);
    expect(r.message).toMatch(/nested more than 100 deep/);
  });
});

describe('GPX track points', () => {
  it('skips points whose lat/lon are missing, NaN or 1e999, and counts them', () => {
    const c = read(trk(good + '<trkpt lon="19.95"/>' + pt('NaN', '19.96') + pt('1e999', '19.97') + pt('', '19.98')));
    expect(c.routes[0]!.coordinates).toHaveLength(3);
    expect(c.skipped.trackPoints).toBe(4);
  });

  it('refuses a point with latitude and longitude swapped beyond 90°, saying they may be swapped', () => {
    const r = refusal(trk(good + pt('119.9', '42.05')));
    expect(r.code).toBe('out-of-range');
    expect(r.message).toMatch(/latitude 119\.9.*swapped/);
  });
});

describe('KML', () => {
  it('reads a MultiGeometry of a line and a point, and a gx:Track', () => {
    const kml = `<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2"><Document>
      <Placemark><name>SS1</name><MultiGeometry><LineString><coordinates>19.9,42.05 19.91,42.06 19.93,42.07</coordinates></LineString><Point><coordinates>19.91,42.06</coordinates></Point></MultiGeometry></Placemark>
      <Placemark><name>Recce</name><gx:Track><when>2026-06-07T06:00:00Z</when><gx:coord>19.9 42.05 400</gx:coord><gx:coord>19.92 42.06 410</gx:coord></gx:Track></Placemark>
    </Document></kml>`;
    const c = read(kml, 'f.kml');
    expect(c.routes.map((r) => r.name)).toEqual(['SS1', 'Recce']);
    expect(c.routes[1]!.coordinates).toEqual([[19.9, 42.05], [19.92, 42.06]]);
    expect(c.waypoints).toHaveLength(1);
  });
});

describe('GeoJSON', () => {
  const line = { type: 'LineString', coordinates: [[19.9, 42.05, 400, 1700000000], [19.91, 42.06, 410, 1700000001], [19.93, 42.07, 420]] };
  it('skips features with null geometry with a note, reads GeometryCollection and 3D/4D positions', () => {
    const fc = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { name: 'empty' }, geometry: null },
      { type: 'Feature', properties: { name: 'SS1' }, geometry: { type: 'GeometryCollection', geometries: [line, { type: 'Point', coordinates: [19.91, 42.06, 5] }] } },
    ] };
    const c = read(JSON.stringify(fc), 'f.geojson');
    expect(c.routes[0]!.coordinates).toEqual([[19.9, 42.05], [19.91, 42.06], [19.93, 42.07]]);
    expect(c.waypoints).toHaveLength(1);
    expect(c.notes.map((n) => n.text).join('\n')).toMatch(/feature 1 "empty" has no geometry: skipped/);
  });

  it('reads a bare Geometry instead of a Feature', () => {
    expect(read(JSON.stringify(line), 'f.geojson').routes).toHaveLength(1);
  });
});

describe('encodings and blank files', () => {
  it('refuses a file of only whitespace as empty', () => {
    expect(refusal(' \r\n\t \n').code).toBe('empty');
  });

  it('decodes UTF-16 with a BOM (both byte orders) and UTF-8 with a BOM', () => {
    const text = trk(good).replace('SS1', 'SS1 Pukë');
    const le = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    const be = new Uint8Array([0xfe, 0xff, ...[...text].flatMap((ch) => [ch.charCodeAt(0) >> 8, ch.charCodeAt(0) & 0xff])]);
    const u8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    for (const bytes of [le, be, u8]) expect(read(decodeCourseBytes(bytes)).routes[0]!.name).toBe('SS1 Pukë');
  });
});

describe('names with markup', () => {
  it('keeps a name with HTML/script as plain text, entities and CDATA decoded once', () => {
    const c = read(gpx(`<wpt lat="42.05" lon="19.9"><name>&lt;img src=x onerror=alert(1)&gt;</name><type>WPV</type></wpt><wpt lat="42.06" lon="19.91"><name><![CDATA[<script>alert(2)</script>]]></name><type>WPV</type></wpt>`));
    expect(c.waypoints.map((w) => w.name)).toEqual(['<img src=x onerror=alert(1)>', '<script>alert(2)</script>']);
  });
});
