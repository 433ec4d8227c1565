// Answers of the GPS review API (docs/gps-api.md) for the component tests: stage 1 with three
// trackers, and one device's day with a spike, a no-fix run and a clock jump.
import { encodeTrack } from '../../../domain/gps/track-codec';
import { REASON_CODES } from '../../../domain/gps/reasons';
import type { QueueDeviceAnswer, SuspectAnswer, TrackDeviceAnswer } from './composables/gps-api-types';

export const STAGE = { id: 's1', name: 'Stage 1 Shkodër – Kukës', status: 'closed', sort_order: 1, starts_at: '2026-06-07T05:00:00.000Z', event_id: { id: 'ev', name: 'Rally Albania 2026' } };
export const IMEI = '352092110000016';
export const T0 = Date.parse('2026-06-07T05:00:00.000Z');
export const iso = (i: number) => new Date(T0 + i * 1000).toISOString();

const device = (imei: string, race: number, entry: string, open: number, extra: Partial<QueueDeviceAnswer> = {}): QueueDeviceAnswer => ({
  device_id: imei, entry_id: entry, race_number: race, class_code: 'M-1', vehicle_kind: 'moto', purpose: 'primary', points: 1000, suspects: open ? 2 : 0,
  open_points: open, faulty_points: 0, by_reason: open ? { spike: 1, 'no-fix': 1 } : {}, impact: 0, penalties: 0, last_fix: null, ...extra,
});

export const QUEUE = {
  stage_id: 's1', state: 'ready', computed_at: '2026-06-07T20:00:00.000Z', retry_after_ms: 0,
  devices: [
    device(IMEI, 12, 'e12', 7, { last_fix: { ts: '2026-06-07T10:15:00.000Z', satellites: 11, power_mv: 12850, battery_mv: null } }),
    device('352092110000024', 12, 'e12', 0, { purpose: 'backup' }),
    device('352092110000032', 301, 'e301', 3, { class_code: 'C-1', by_reason: { 'clock-jump': 1 } }),
  ],
};

export const ENTRIES = [
  { id: 'e12', crew: [{ role: 'rider', user_id: { first_name: 'Arben', last_name: 'Hoxha' } }] },
  { id: 'e301', crew: [{ role: 'co-pilot', user_id: { first_name: 'Ana', last_name: 'Leka' } }, { role: 'pilot', user_id: { first_name: 'Besnik', last_name: 'Leka' } }] },
];

/** 600 points a second apart at 60 km/h; a spike at 100, no fix at 200–204, a clock jump at 400. */
export function trackAnswer(): TrackDeviceAnswer {
  const n = 600;
  const a = (f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));
  const reasons = a((i) => (i === 100 ? 32 : i >= 200 && i <= 204 ? 1 : i === 400 ? 256 : 0));
  return {
    device_id: IMEI, entry_id: 'e12', race_number: 12, purpose: 'primary', total: n,
    ts: a((i) => T0 + i * 1000), lat: a(() => 42.05), lon: a((i) => 19.5 + i * 0.0002), speed: a((i) => (i === 100 ? 61 : 60)),
    flags: a((i) => (reasons[i] ? 2 : 0)), reasons,
  };
}

export const SUSPECTS: SuspectAnswer[] = [
  { device_id: IMEI, reason: 'no-fix', from: iso(200), to: iso(204), count: 5, faulty: 0, evidence: { satellites: 0, repeated_s: 5 }, impact: { score: 1, waypoints: [], speed_zones: [], penalties: [] } },
  { device_id: IMEI, reason: 'spike', from: iso(100), to: iso(100), count: 1, faulty: 0, evidence: { implied_kmh: 412, reported_kmh: 61, max_kmh: 170, jump_m: 1500 },
    impact: { score: 6, waypoints: [], speed_zones: [{ id: 'z1', name: 'Fushë-Arrëz', speed_limit_kmh: 50 }], penalties: [{ id: 'p1', type: 'speeding', seconds: 120, window_start: iso(90), window_end: iso(110) }] } },
  { device_id: IMEI, reason: 'clock-jump', from: iso(400), to: iso(400), count: 1, faulty: 0, evidence: { clock_shift_s: 86400 }, impact: { score: 0, waypoints: [], speed_zones: [], penalties: [] } },
];

export const ZONES = [{ name: 'Fushë-Arrëz', speed_limit_kmh: 50, area: { type: 'Polygon', coordinates: [[[19.519, 42.0], [19.522, 42.0], [19.522, 42.1], [19.519, 42.1], [19.519, 42.0]]] } }];

/** The entry's backup tracker (same entry e12): the same road half a second behind, a spike at 150. */
export const BACKUP = '352092110000024';
export function backupAnswer(): TrackDeviceAnswer {
  const a = trackAnswer();
  const reasons = a.reasons.map((_, i) => (i === 150 ? 32 : 0));
  return { ...a, device_id: BACKUP, purpose: 'backup', ts: a.ts.map((t) => t + 500), lat: a.lat.map(() => 42.0502), speed: a.speed.map((_, i) => (i === 150 ? 190 : 55)), reasons, flags: reasons.map((r) => (r ? 2 : 0)) };
}
export const BACKUP_SUSPECTS: SuspectAnswer[] = [
  { device_id: BACKUP, reason: 'spike', from: new Date(T0 + 150_500).toISOString(), to: new Date(T0 + 150_500).toISOString(), count: 1, faulty: 0,
    evidence: { implied_kmh: 380, reported_kmh: 190, max_kmh: 170, jump_m: 900 }, impact: { score: 0, waypoints: [], speed_zones: [], penalties: [] } },
];

/** Days as the RCT1 answer the SDK hands back raw (a Response): one tracker's, or an entry's. */
export function trackResponse(...answers: TrackDeviceAnswer[]) {
  const days = answers.length ? answers : [trackAnswer()];
  const bytes = encodeTrack(
    { from: iso(-3600), to: iso(80000), thinned: false, every: 1, reasons: REASON_CODES, devices: days.map((t) => ({ device_id: t.device_id, entry_id: t.entry_id, race_number: t.race_number, purpose: t.purpose, total: t.total })) },
    days.map((t) => ({ ts: Float64Array.from(t.ts), lat: Float64Array.from(t.lat), lon: Float64Array.from(t.lon), speed: Float32Array.from(t.speed), satellites: new Uint8Array(t.ts.length).fill(9), flags: Uint8Array.from(t.flags), reasons: Uint16Array.from(t.reasons) })),
  );
  return { ok: true, status: 200, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
}
