// Stage 1, Sunday 7 June 2026: Shkodër – Kukës. The special climbs the Kir valley from Drisht into
// the Shosh and Temal highlands, drops to Pukë and Fushë-Arrëz on the old Shkodër–Kukës road, then
// runs north to the Drin below the Fierzë dam and east along the southern shore of Lake Fierzë to
// Kolsh, across the water from Kukës. Coordinates are village centres to a few hundred metres,
// from memory of the map, not from a survey: good enough for a seed, not for a roadbook.
import { assembleStage, place } from './assemble.ts';
import type { StagePlan } from './assemble.ts';
import type { CourseStage } from './types.ts';

const shkoder = place('Shkodër', 42.0683, 19.5126);
const drisht = place('Drisht', 42.123, 19.6006);
const kolsh = place('Kolsh', 42.07, 20.37);

export const stage1Plan: StagePlan = {
  key: 's1',
  sortOrder: 1,
  name: 'Shkodër – Kukës',
  date: '2026-06-07',
  firstStart: '07:00',
  seed: 2026_06_07,
  liaisonIn: [shkoder, place('Mes', 42.1065, 19.5575), drisht],
  special: [
    drisht,
    place('Prekal', 42.1195, 19.687),
    place('Kir', 42.162, 19.705),
    place('Shosh', 42.215, 19.748),
    place('Dushman', 42.185, 19.775),
    place('Toplanë', 42.178, 19.812),
    place('Temal', 42.148, 19.842),
    place('Qelëz', 42.1, 19.862),
    place('Pukë', 42.0442, 19.8967),
    place('Qerret', 42.07, 19.955),
    place('Fushë-Arrëz', 42.0625, 20.0167),
    place('Qafë Mali', 42.115, 20.066),
    place('Iballë', 42.18, 20.002),
    place('Fierzë', 42.248, 20.035),
    place('Bushtricë', 42.155, 20.195),
    place('Surroj', 42.12, 20.3),
    place('Tërthore', 42.045, 20.32),
    kolsh,
  ],
  liaisonOut: [kolsh, place('Kukës', 42.077, 20.421)],
  controls: [
    { key: 'cp1', kind: 'passage-control', name: 'CP1 Temal', at: 'Temal' },
    { key: 'cp2', kind: 'passage-control', name: 'CP2 Fushë-Arrëz', at: 'Fushë-Arrëz' },
    // The refuel sits just past the town's speed zone so tankers do not block the DZ–FZ corridor.
    { key: 'refuel1', kind: 'refuel', name: 'Refuel Fushë-Arrëz', at: 'Fushë-Arrëz', offsetKm: 1.5 },
    { key: 'cp3', kind: 'passage-control', name: 'CP3 Bushtricë', at: 'Bushtricë' },
  ],
  waypoints: [
    { kind: 'WPS', at: 'Drisht', offsetKm: 2, label: 'Kalaja e Drishtit' },
    { kind: 'WPM', at: 'Prekal', offsetKm: 1 },
    { kind: 'WPV', at: 'Kir', offsetKm: -1.5, label: 'Lugina e Kirit' },
    { kind: 'WPN', at: 'Kir', offsetKm: 3 },
    { kind: 'WPE', at: 'Shosh' },
    { kind: 'WPM', at: 'Dushman', offsetKm: 1 },
    { kind: 'WPP', at: 'Toplanë' },
    { kind: 'WPC', at: 'Temal' },
    { kind: 'WPS', at: 'Qelëz', offsetKm: 1.5 },
    { kind: 'WPV', at: 'Pukë', offsetKm: -2 },
    { kind: 'WPM', at: 'Qerret' },
    { kind: 'WPC', at: 'Fushë-Arrëz' },
    { kind: 'WPN', at: 'Qafë Mali' },
    { kind: 'WPE', at: 'Iballë', offsetKm: -2 },
    { kind: 'WPS', at: 'Iballë', offsetKm: 2, label: 'Ura e Drinit' },
    { kind: 'WPV', at: 'Fierzë' },
    { kind: 'WPM', at: 'Fierzë', offsetKm: 8, label: 'Liqeni i Fierzës' },
    { kind: 'WPN', at: 'Bushtricë', offsetKm: -4 },
    { kind: 'WPC', at: 'Bushtricë' },
    { kind: 'WPE', at: 'Surroj', offsetKm: -2 },
    { kind: 'WPP', at: 'Surroj', offsetKm: 1 },
    { kind: 'WPM', at: 'Tërthore' },
    { kind: 'WPS', at: 'Kolsh', offsetKm: -3 },
  ],
  zones: [
    { leg: 'liaisonIn', at: 'Shkodër', beforeKm: 0, afterKm: 2, speedLimitKmh: 50 },
    { leg: 'liaisonIn', at: 'Mes', beforeKm: 0.6, afterKm: 0.6, speedLimitKmh: 30 },
    { leg: 'special', at: 'Pukë', beforeKm: 1, afterKm: 1, speedLimitKmh: 50 },
    { leg: 'special', at: 'Fushë-Arrëz', beforeKm: 0.8, afterKm: 0.8, speedLimitKmh: 50 },
    { leg: 'special', at: 'Kir', beforeKm: 0.5, afterKm: 0.5, speedLimitKmh: 30 },
    { leg: 'liaisonOut', at: 'Kukës', beforeKm: 1.5, afterKm: 0, speedLimitKmh: 50 },
  ],
  // Riders cross the Drin on the bridge below the dam; the dam crest itself is closed to the race.
  forbidden: { name: 'Diga e Fierzës', lat: 42.2625, lon: 20.044, radiusMeters: 300 },
};

export function stage1(): CourseStage {
  return assembleStage(stage1Plan);
}
