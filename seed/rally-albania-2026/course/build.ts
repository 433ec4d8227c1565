// Geometry builders for the drawn course. The tracks are not surveyed: they are drawn between real
// towns and villages with a seeded wiggle, so every run draws the same line and the seed, its tests
// and the database always agree. All distances are kilometres unless a name says metres.
import { bearing, destination, distance, length, lineString, truncate } from '@turf/turf';
import type { LineString, Position } from 'geojson';
// The shapes the editor measures and draws with (one implementation of each, in domain/).
import { circleArea, corridor, PRECISION, pointAtKm, round, routeKm } from '../../../extensions/race-control/src/domain/course/shapes.ts';

export { circleArea, corridor, pointAtKm, round, routeKm };

export interface Place { name: string; at: Position }

/** Written lat, lon (the order gazetteers and maps print), stored lon, lat (GeoJSON). */
export function place(name: string, lat: number, lon: number): Place {
  return { name, at: [round(lon, PRECISION), round(lat, PRECISION)] };
}


// mulberry32: a tiny seeded generator, so the drawing never depends on Math.random.
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// FNV-1a. Each leg is seeded by its own end names, so redrawing one leg (moving a village) leaves
// every other leg, and the waypoints measured along it, where they were.
function hash(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const TAPER_KM = 1;

interface Wave { amplitude: number; wavelength: number; phase: number; drift: number; driftPhase: number }

function legWaves(legKm: number, rand: () => number): Wave[] {
  return [
    // Valley-scale bends: a track follows the valley floor, not the chord between two villages.
    { amplitude: Math.min(0.9, 0.1 * legKm), wavelength: 5 + 3 * rand(), phase: 2 * Math.PI * rand(), drift: 0, driftPhase: 0 },
    // Slope-scale bends, their spacing drifting so the line does not read as a sine wave. The
    // tightest bend radius (λ²/4π²A at the shortest drifted λ, ≈ 70 m) stays above the 40 m
    // speed-zone corridor, so a buffered slice never folds over itself.
    { amplitude: 0.4 + 0.15 * rand(), wavelength: 1.5 + 0.7 * rand(), phase: 2 * Math.PI * rand(), drift: 1, driftPhase: 2 * Math.PI * rand() },
  ];
}

const DRIFT_WAVELENGTH_KM = 7;

function sideways(w: Wave, s: number): number {
  const drift = w.drift * Math.sin((2 * Math.PI * s) / DRIFT_WAVELENGTH_KM + w.driftPhase);
  return w.amplitude * Math.sin((2 * Math.PI * s) / w.wavelength + w.phase + drift);
}

/** Points from `from` (included) towards `to` (excluded), offset sideways from the chord. */
function drawLeg(from: Place, to: Place, seed: number, stepKm: number): Position[] {
  const legKm = distance(from.at, to.at);
  const heading = bearing(from.at, to.at);
  const waves = legWaves(legKm, seededRandom(hash(`${from.name}>${to.name}`, seed)));
  const steps = Math.max(1, Math.ceil(legKm / stepKm));
  const points: Position[] = [from.at];
  for (let i = 1; i < steps; i++) {
    const s = (i / steps) * legKm;
    // The taper pins the wiggle to zero at both villages, so legs meet exactly at their anchors,
    // and lets it grow within the first kilometre, so short legs still wind.
    const taper = Math.sin((Math.PI / 2) * Math.min(1, s / TAPER_KM, (legKm - s) / TAPER_KM));
    const offset = taper * waves.reduce((sum, w) => sum + sideways(w, s), 0);
    const onChord = destination(from.at, s, heading).geometry.coordinates;
    points.push(destination(onChord, Math.abs(offset), heading + (offset >= 0 ? 90 : -90)).geometry.coordinates);
  }
  return points;
}

export interface DrawnRoute { route: LineString; kmAt: (placeName: string) => number }

/**
 * A winding track through `places` in order. `stepKm` is the spacing along the chords; the drawn
 * line is longer, so its points land every 200–500 m as a recorded track would.
 */
export function drawRoute(places: readonly Place[], seed: number, stepKm = 0.15): DrawnRoute {
  const coordinates: Position[] = [];
  const anchorIndex = new Map<string, number>();
  places.forEach((p, i) => {
    anchorIndex.set(p.name, coordinates.length);
    const next = places[i + 1];
    if (next) coordinates.push(...drawLeg(p, next, seed, stepKm));
    else coordinates.push(p.at);
  });
  const route = truncate(lineString(coordinates), { precision: PRECISION }).geometry;
  return {
    route,
    kmAt(placeName) {
      const index = anchorIndex.get(placeName);
      if (index === undefined) throw new Error(`no place "${placeName}" on this route; check the spelling in the stage plan`);
      return index === 0 ? 0 : length(lineString(route.coordinates.slice(0, index + 1)));
    },
  };
}
