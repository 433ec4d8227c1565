// Small course files written by hand from the facts in notes/openrally.md (the real exports are
// not ours to ship): the shapes and quirks roadbook tools and GPS units produce.

/** A straight-ish special stage near Pukë: one point every ~110 m going east along 42.05° N. */
export const track = (n: number, from: [number, number] = [19.9, 42.05], stepLon = 0.00134): [number, number][] =>
  Array.from({ length: n }, (_, i) => [from[0] + i * stepLon, from[1] + 0.0004 * Math.sin(i / 3)]);

const trkpts = (pts: [number, number][], ele = false) =>
  pts.map(([lon, lat], i) => `<trkpt lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}">${ele ? `<ele>${300 + i}</ele><time>2026-05-01T08:${String(i % 60).padStart(2, '0')}:00Z</time>` : ''}</trkpt>`).join('\n');

const pts = track(60);
const at = (i: number) => `lat="${pts[i]![1].toFixed(7)}" lon="${pts[i]![0].toFixed(7)}"`;

/** OpenRally v1.0.3 as Rally Navigator writes it: units, a track in two pieces, kinds with partial radii. */
export const openRallyV103 = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Rally Navigator" xmlns="http://www.topografix.com/GPX/1/1" xmlns:openrally="http://www.openrally.org/xmlschemas/GpxExtensions/v1.0.3">
  <metadata><name>SS1 Pukë</name><extensions><openrally:units>metric</openrally:units><openrally:distance>7.2</openrally:distance></extensions></metadata>
  <wpt ${at(0)}><name>DSS Pukë</name><extensions><openrally:distance>0</openrally:distance><openrally:dss/></extensions></wpt>
  <wpt ${at(3)}><name>Box 2</name><extensions><openrally:distance>0.33</openrally:distance><openrally:cap>90</openrally:cap><openrally:tulip><![CDATA[data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==]]></openrally:tulip></extensions></wpt>
  <wpt ${at(5)}><name>DZ Pukë</name><extensions><openrally:distance>0.55</openrally:distance><openrally:dz/><openrally:speed>50</openrally:speed></extensions></wpt>
  <wpt ${at(12)}><name>FZ Pukë</name><extensions><openrally:distance>1.32</openrally:distance><openrally:fz/></extensions></wpt>
  <wpt ${at(15)}><name>WPM 1</name><extensions><openrally:distance>1.65</openrally:distance><openrally:wpm open="800" clear="90"/></extensions></wpt>
  <wpt ${at(20)}><name>WPV 2</name><extensions><openrally:distance>2.2</openrally:distance><openrally:wpv clear="200"/><openrally:show_coordinates/></extensions></wpt>
  <wpt ${at(25)}><name>Neutralization Qerret</name><extensions><openrally:distance>2.75</openrally:distance><openrally:neutralization>900</openrally:neutralization></extensions></wpt>
  <wpt ${at(28)}><name>FN Qerret</name><extensions><openrally:distance>3.08</openrally:distance><openrally:fn/></extensions></wpt>
  <wpt ${at(32)}><extensions><openrally:distance>3.52</openrally:distance><openrally:wps clear="30"/></extensions></wpt>
  <wpt ${at(36)}><name>CP Qerret</name><extensions><openrally:distance>3.96</openrally:distance><openrally:checkpoint clear="150"/></extensions></wpt>
  <wpt ${at(40)}><name>WPP 5</name><extensions><openrally:distance>6.4</openrally:distance><openrally:wpp open="300" clear="30"/></extensions></wpt>
  <wpt ${at(45)}><name>WPC 6</name><extensions><openrally:distance>4.95</openrally:distance><openrally:wpc clear="300"/></extensions></wpt>
  <wpt ${at(59)}><name>ASS Qerret</name><extensions><openrally:distance>6.49</openrally:distance><openrally:ass open="1000" clear="200"/></extensions></wpt>
  <trk><name>SS1</name>
    <trkseg>
${trkpts(pts.slice(0, 30))}
    </trkseg>
    <trkseg>
<trkpt lon="19.95"></trkpt>
${trkpts(pts.slice(30), true)}
    </trkseg>
  </trk>
</gpx>
`;

/** The same kind of file from the Tulip era: namespace v0.1, prefix `or`, speed as the dz's text and kph attribute, legacy names. */
export const openRallyV01 = `<?xml version="1.0"?>
<gpx version="1.1" creator="Tulip" xmlns="http://www.topografix.com/GPX/1/1" xmlns:or="http://www.openrally.org/xmlschemas/GpxExtensions/v0.1">
  <wpt ${at(0)}><name>Start</name><extensions><or:startspecialstage/></extensions></wpt>
  <wpt ${at(5)}><name>Village</name><extensions><or:dz>40</or:dz></extensions></wpt>
  <wpt ${at(10)}><name>Village end</name><extensions><or:endofzone/></extensions></wpt>
  <wpt ${at(20)}><name>Cafe</name><extensions><or:speed kph="65"/></extensions></wpt>
  <wpt ${at(30)}><name>Hidden</name><extensions><or:waypointmasked/></extensions></wpt>
  <wpt ${at(59)}><name>Finish</name><extensions><or:finishspecialstage/></extensions></wpt>
  <trk><trkseg>
${trkpts(pts)}
  </trkseg></trk>
</gpx>
`;

/** Statute units, spelt as the XSD's enumeration has it ("statue"): miles, mph and yards. */
export const openRallyStatute = `<?xml version="1.0"?>
<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1" xmlns:openrally="http://www.openrally.org/xmlschemas/GpxExtensions/v1.0.2">
  <metadata><extensions><openrally:units>statue</openrally:units></extensions></metadata>
  <wpt ${at(10)}><name>WPM yards</name><extensions><openrally:distance>0.6835</openrally:distance><openrally:wpm open="875" clear="100"/></extensions></wpt>
  <wpt ${at(20)}><name>DZ mph</name><extensions><openrally:dz/><openrally:speed>30</openrally:speed></extensions></wpt>
  <wpt ${at(25)}><name>FZ mph</name><extensions><openrally:fz/></extensions></wpt>
  <trk><trkseg>
${trkpts(pts)}
  </trkseg></trk>
</gpx>
`;

/** A roadbook with no track at all: the line comes from the waypoints' order. */
export const roadbookOnly = `<?xml version="1.0"?>
<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1" xmlns:openrally="http://www.openrally.org/xmlschemas/GpxExtensions/v1.0.3">
  <wpt ${at(0)}><name>DSS</name><extensions><openrally:dss clear="200"/></extensions></wpt>
  <wpt ${at(10)}><name>box</name><extensions><openrally:distance>1.1</openrally:distance></extensions></wpt>
  <wpt ${at(20)}><name>box</name><extensions><openrally:distance>2.2</openrally:distance></extensions></wpt>
  <wpt ${at(30)}><name>ASS</name><extensions><openrally:ass clear="200"/></extensions></wpt>
</gpx>
`;

/** GPX 1.0 from a handheld GPS: bounds under gpx, a route, &#13; in comments, kinds in type and sym. */
export const plainGpx10 = `<?xml version="1.0" encoding="ISO-8859-1"?>
<gpx version="1.0" creator="eTrex" xmlns="http://www.topografix.com/GPX/1/0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">
  <bounds minlat="42.0" minlon="19.9" maxlat="42.1" maxlon="20.0"/>
  <wpt ${at(10)}><name>W1</name><cmt>left at the fork&#13;&#10;then right</cmt><type>WPM</type></wpt>
  <wpt ${at(20)}><name>Fuel</name><sym>Gas Station</sym></wpt>
  <wpt ${at(30)}><name>Waypoint eclipse</name></wpt>
  <rte><name>Recce</name>
${pts.slice(0, 40).map(([lon, lat]) => `<rtept lat="${lat}" lon="${lon}"><ele>400</ele></rtept>`).join('\n')}
  </rte>
</gpx>
`;

export const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
  <Document><name>Recce</name>
    <Folder><name>Course</name>
      <Placemark><name>SS2</name><LineString><coordinates>${pts.slice(0, 30).map(([lon, lat]) => `${lon},${lat},0`).join(' ')}</coordinates></LineString></Placemark>
      <Placemark><name>WPS bridge</name><ExtendedData><Data name="kind"><value>WPS</value></Data><Data name="tolerance_meters"><value>30</value></Data></ExtendedData><Point><coordinates>${pts[12]![0]},${pts[12]![1]},0</coordinates></Point></Placemark>
      <Placemark><name>Village 30</name><ExtendedData><Data name="speed_limit_kmh"><value>30</value></Data></ExtendedData><Polygon><outerBoundaryIs><LinearRing><coordinates>19.91,42.049 19.92,42.049 19.92,42.051 19.91,42.051 19.91,42.049</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
      <Placemark><name>Parking</name><Polygon><outerBoundaryIs><LinearRing><coordinates>19.93,42.049 19.94,42.049 19.94,42.051 19.93,42.049</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
    </Folder>
  </Document>
</kml>
`;

export const geojson = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: 'Liaison', type: 'liaison' }, geometry: { type: 'LineString', coordinates: pts.slice(0, 20) } },
    { type: 'Feature', properties: { name: 'Masked', kind: 'masked waypoint', clear: 90 }, geometry: { type: 'Point', coordinates: pts[5] } },
    { type: 'Feature', properties: { name: 'Mystery', kind: 'XYZ' }, geometry: { type: 'Point', coordinates: pts[8] } },
    { type: 'Feature', properties: { name: 'Nowhere' }, geometry: null },
  ],
});
