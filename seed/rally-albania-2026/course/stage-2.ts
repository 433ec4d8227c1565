// Stage 2, Monday 8 June 2026: Kukës – Peshkopi. The special drops from Shtiqën to Bicaj and Kalis
// on the Black Drin, climbs to the Gora plateau at Shishtavec, follows the foot of Korab south by
// Radomirë and Kala e Dodës, crosses the Drin into the Lurë mountains (skirting the park's lakes)
// and comes back east to Kastriot above Peshkopi. It keeps a few kilometres inside the Kosovo and
// North Macedonia borders, which run along the ridges east of Shishtavec and Radomirë.
// Coordinates are village centres to a few hundred metres, from memory of the map, not a survey.
import { assembleStage, place } from './assemble.ts';
import type { StagePlan } from './assemble.ts';
import type { CourseStage } from './types.ts';

const shtiqen = place('Shtiqën', 42.035, 20.462);
const kastriot = place('Kastriot', 41.738, 20.39);

export const stage2Plan: StagePlan = {
  key: 's2',
  sortOrder: 2,
  name: 'Kukës – Peshkopi',
  date: '2026-06-08',
  firstStart: '07:00',
  seed: 2026_06_08,
  liaisonIn: [place('Kukës', 42.077, 20.421), shtiqen],
  special: [
    shtiqen,
    place('Bicaj', 42.0, 20.418),
    place('Kalis', 41.925, 20.375),
    place('Ujëmisht', 41.93, 20.47),
    place('Orgjost', 41.965, 20.525),
    place('Shishtavec', 41.983, 20.585),
    place('Novosej', 41.948, 20.58),
    place('Topojan', 41.93, 20.545),
    place('Radomirë', 41.864, 20.525),
    place('Dodë', 41.845, 20.5),
    place('Kala e Dodës', 41.83, 20.47),
    place('Fushë-Çidhën', 41.785, 20.43),
    place('Zall-Dardhë', 41.83, 20.335),
    place('Fushë-Lurë', 41.835, 20.225),
    place('Lurë', 41.775, 20.215),
    place('Selishtë', 41.745, 20.26),
    place('Arras', 41.76, 20.3),
    place('Muhurr', 41.705, 20.315),
    kastriot,
  ],
  liaisonOut: [kastriot, place('Peshkopi', 41.685, 20.4289)],
  controls: [
    { key: 'cp1', kind: 'passage-control', name: 'CP1 Shishtavec', at: 'Shishtavec' },
    { key: 'cp2', kind: 'passage-control', name: 'CP2 Fushë-Çidhën', at: 'Fushë-Çidhën' },
    { key: 'refuel1', kind: 'refuel', name: 'Refuel Fushë-Çidhën', at: 'Fushë-Çidhën', offsetKm: 0.8 },
    { key: 'cp3', kind: 'passage-control', name: 'CP3 Muhurr', at: 'Muhurr' },
  ],
  waypoints: [
    { kind: 'WPM', at: 'Shtiqën', offsetKm: 3 },
    { kind: 'WPV', at: 'Bicaj' },
    { kind: 'WPS', at: 'Bicaj', offsetKm: 3, label: 'Ura e Drinit të Zi' },
    { kind: 'WPN', at: 'Kalis' },
    { kind: 'WPE', at: 'Ujëmisht', offsetKm: -3 },
    { kind: 'WPM', at: 'Ujëmisht', offsetKm: 1 },
    { kind: 'WPP', at: 'Orgjost' },
    { kind: 'WPC', at: 'Shishtavec' },
    { kind: 'WPM', at: 'Novosej' },
    { kind: 'WPN', at: 'Topojan' },
    { kind: 'WPS', at: 'Radomirë', offsetKm: -2, label: 'Qafa e Radomirës' },
    { kind: 'WPV', at: 'Radomirë', label: 'Radomirë (Korab)' },
    { kind: 'WPE', at: 'Kala e Dodës', offsetKm: 1.5 },
    { kind: 'WPC', at: 'Fushë-Çidhën' },
    { kind: 'WPP', at: 'Zall-Dardhë' },
    { kind: 'WPM', at: 'Fushë-Lurë', offsetKm: -3 },
    { kind: 'WPV', at: 'Lurë' },
    { kind: 'WPN', at: 'Selishtë' },
    { kind: 'WPS', at: 'Arras', offsetKm: 1 },
    { kind: 'WPE', at: 'Muhurr', offsetKm: -2 },
    { kind: 'WPC', at: 'Muhurr' },
    { kind: 'WPM', at: 'Kastriot', offsetKm: -3 },
  ],
  zones: [
    { leg: 'liaisonIn', at: 'Kukës', beforeKm: 0, afterKm: 1.5, speedLimitKmh: 50 },
    { leg: 'special', at: 'Shishtavec', beforeKm: 0.6, afterKm: 0.6, speedLimitKmh: 30 },
    { leg: 'special', at: 'Kala e Dodës', beforeKm: 0.6, afterKm: 0.6, speedLimitKmh: 30 },
    { leg: 'special', at: 'Fushë-Çidhën', beforeKm: 0.5, afterKm: 0.5, speedLimitKmh: 50 },
    { leg: 'liaisonOut', at: 'Peshkopi', beforeKm: 1.5, afterKm: 0, speedLimitKmh: 50 },
  ],
  // The glacial lakes of Lura National Park lie just north of the track: protected, closed to the race.
  forbidden: { name: 'Liqenet e Lurës', lat: 41.806, lon: 20.192, radiusMeters: 500 },
};

export function stage2(): CourseStage {
  return assembleStage(stage2Plan);
}
