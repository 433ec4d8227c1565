// Track points without a DOM tree: a 100k-point track is 300k elements (trkpt, ele, time) that
// txml would build as objects only for us to read two attributes. The trkseg bodies are cut out
// and scanned here; the rest of the file (metadata, waypoints, names) is small and goes to txml,
// with a placeholder where each trkseg was.
export interface ScannedTrack {
  /** The file with every trkseg body replaced by `<trkseg data-scan="k"/>`. */
  light: string;
  /** Per trkseg, in file order: [lat, lon] attribute texts, null where missing. */
  pieces: [string | null, string | null][][];
}

const TRKSEG = /<((?:[\w.-]+:)?)trkseg\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1trkseg\s*>)/g;
const TRKPT = /<(?:[\w.-]+:)?trkpt\b([^>]*)>/g;
const LAT = /\blat\s*=\s*["']([^"']*)["']/;
const LON = /\blon\s*=\s*["']([^"']*)["']/;

export function scanTracks(text: string): ScannedTrack {
  const pieces: [string | null, string | null][][] = [];
  const light = text.replace(TRKSEG, (_whole, prefix: string, body: string | undefined) => {
    const points: [string | null, string | null][] = [];
    if (body) for (const m of body.matchAll(TRKPT)) points.push([LAT.exec(m[1]!)?.[1] ?? null, LON.exec(m[1]!)?.[1] ?? null]);
    pieces.push(points);
    return `<${prefix}trkseg data-scan="${pieces.length - 1}"/>`;
  });
  return { light, pieces };
}
