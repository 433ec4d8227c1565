// A course file of a real-world shape, made on the fly: what Rally Navigator writes after a recce
// of a special (a long recorded track, OpenRally waypoints of several kinds, partial radii, a DZ/FZ
// pair, a neutralization, roadbook boxes with base64 tulips, CRLF line ends). Deterministic.
const TULIP = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk'.repeat(40)}`;

/** A winding track eastwards from Pukë, `n` points about 20 m apart (a 1 Hz recce at ~70 km/h). */
export function recceTrack(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const s = i / n;
    out.push([19.9 + s * 0.9 + 0.004 * Math.sin(i / 40), 42.05 + 0.02 * Math.sin(s * 9) + 0.003 * Math.cos(i / 25)]);
  }
  return out;
}

export interface RecceWaypoint { index: number; xml: string }

export function recceGpx(n = 5000, options: { ele?: boolean } = {}): string {
  const pts = recceTrack(n);
  const at = (i: number) => `lat="${pts[i]![1].toFixed(7)}" lon="${pts[i]![0].toFixed(7)}"`;
  const wpt = (i: number, name: string | null, ext: string) =>
    `<wpt ${at(i)}>${name ? `<name>${name}</name>` : ''}<extensions>${ext}</extensions></wpt>`;
  const f = (k: number) => Math.floor((n - 1) * k);
  const wpts = [
    wpt(0, 'DSS Pukë', '<openrally:dss clear="200"/>'),
    wpt(f(0.02), 'Box 1', `<openrally:cap>95</openrally:cap><openrally:tulip><![CDATA[${TULIP}]]></openrally:tulip>`),
    wpt(f(0.05), 'DZ Qerret', '<openrally:dz/><openrally:speed>50</openrally:speed>'),
    wpt(f(0.08), 'FZ Qerret', '<openrally:fz/>'),
    wpt(f(0.12), 'WPM 1', '<openrally:wpm open="800" clear="90"/>'),
    wpt(f(0.2), 'WPV 2', '<openrally:wpv clear="200"/><openrally:show_coordinates/>'),
    wpt(f(0.3), null, '<openrally:wps clear="30"/>'),
    wpt(f(0.4), 'Neutralization Fushë-Arrëz', '<openrally:neutralization>600</openrally:neutralization>'),
    wpt(f(0.45), 'FN Fushë-Arrëz', '<openrally:fn/>'),
    wpt(f(0.5), 'WPE 4', '<openrally:wpe open="1000" clear="90"/>'),
    wpt(f(0.6), 'WPC 5', '<openrally:wpc clear="300"/>'),
    wpt(f(0.7), 'WPN 6', '<openrally:wpn/>'),
    wpt(f(0.8), 'WPP 7', '<openrally:wpp open="300" clear="30"/>'),
    wpt(f(0.9), 'Box 2', `<openrally:notes><![CDATA[${TULIP}]]></openrally:notes>`),
    wpt(n - 1, 'ASS Kukës', '<openrally:ass open="1000" clear="200"/>'),
  ];
  const trkpts = pts.map(([lon, lat], i) => `<trkpt lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}">${options.ele ? `<ele>${400 + (i % 300)}</ele>` : ''}</trkpt>`);
  return [
    '\uFEFF<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="Rally Navigator" xmlns="http://www.topografix.com/GPX/1/1" xmlns:openrally="http://www.openrally.org/xmlschemas/GpxExtensions/v1.0.3">',
    '<metadata><name>Recce SS3</name><extensions><openrally:units>metric</openrally:units></extensions></metadata>',
    ...wpts,
    '<trk><name>SS3 Pukë – Kukës</name><trkseg>',
    ...trkpts.slice(0, f(0.5)),
    '</trkseg><trkseg>',
    ...trkpts.slice(f(0.5)),
    '</trkseg></trk>',
    '</gpx>',
  ].join('\r\n');
}
