// npm run gps:detect-eval: the suspect detectors (extensions/race-control/src/domain/gps) against the
// ground truth of the faults the seed injects into stage 1. Rows are generated here exactly as the
// seed loads them (no stack needed). Prints recall and precision per fault kind and overall, by
// point: recall = faulty rows found suspect (any reason) / faulty rows; precision (per reason) =
// rows given that reason that are faulty / rows given that reason. SAMPLE=k keeps every k-th entry.
import { rallyAlbaniaCourse } from '../seed/rally-albania-2026/course/index.ts';
import { rallyAlbaniaRoster } from '../seed/rally-albania-2026/roster.ts';
import { stageOnePlans } from '../seed/rally-albania-2026/tracks.ts';
import { generateTrack, injectedFaults } from '../seed/tracks/index.ts';
import { detectEntry, type DeviceTrack } from '../extensions/race-control/src/domain/gps/entry.ts';
import { REASON_CODES, reasonsOf } from '../extensions/race-control/src/domain/gps/reasons.ts';
import type { Fix } from '../extensions/race-control/src/domain/gps/detect.ts';

const sample = Number(process.env.SAMPLE ?? 1);
const roster = rallyAlbaniaRoster().filter((_, i) => i % sample === 0);
const plans = stageOnePlans(roster, rallyAlbaniaCourse());
const kindOf = new Map(roster.flatMap((e) => e.trackers.map((t) => [t.imei, e.vehicle.kind] as const)));
const entryOf = new Map(roster.flatMap((e) => e.trackers.map((t) => [t.imei, e.race_number] as const)));

type Tally = { truth: number; found: number; rightReason: number; given: number; givenTrue: number; faults: number; faultsFound: number };
const tally = new Map<string, Tally>(['overall', ...REASON_CODES].map((k) => [k, { truth: 0, found: 0, rightReason: 0, given: 0, givenTrue: 0, faults: 0, faultsFound: 0 }]));
const t = (k: string) => tally.get(k)!;

const started = Date.now();
const byEntry = new Map<number, typeof plans>();
for (const p of plans) byEntry.set(entryOf.get(p.imei)!, [...(byEntry.get(entryOf.get(p.imei)!) ?? []), p]);
for (const group of byEntry.values()) {
  const tracks: DeviceTrack[] = group.map((plan) => {
    const fixes: Fix[] = [];
    for (const r of generateTrack(plan)) fixes.push({ ts: r.ts.getTime(), lat: r.latitude, lon: r.longitude, speed: r.speed, satellites: r.satellites, hdop: r.attributes['182'] !== undefined ? r.attributes['182'] / 10 : null, faulty: false });
    fixes.sort((a, b) => a.ts - b.ts);
    return { device_id: plan.imei, vehicle_kind: kindOf.get(plan.imei) ?? null, fixes };
  });
  const detections = detectEntry(tracks);
  group.forEach((plan, d) => {
    const { fixes } = tracks[d]!;
    const reasons = detections[d]!.reasons;
    const truthKind = new Map<number, string>();
    const faults = injectedFaults(plan);
    for (const f of faults) for (const fx of fixes) if (fx.ts >= Date.parse(f.from) && fx.ts <= Date.parse(f.to)) truthKind.set(fx.ts, f.kind);
    for (const f of faults) {
      const rows = fixes.map((fx, i) => [fx, i] as const).filter(([fx]) => fx.ts >= Date.parse(f.from) && fx.ts <= Date.parse(f.to));
      const hit = rows.filter(([, i]) => reasons[i]).length;
      for (const k of ['overall', f.kind]) {
        t(k).faults++;
        if (hit * 2 >= rows.length) t(k).faultsFound++;
      }
    }
    fixes.forEach((fx, i) => {
      const kind = truthKind.get(fx.ts);
      const given = reasonsOf(reasons[i]!);
      if (kind) {
        for (const k of ['overall', kind]) {
          t(k).truth++;
          if (given.length) t(k).found++;
          if (given.includes(kind as never)) t(k).rightReason++;
        }
      }
      if (given.length) {
        t('overall').given++;
        if (kind) t('overall').givenTrue++;
      }
      for (const g of given) {
        t(g).given++;
        if (kind) t(g).givenTrue++;
      }
    });
  });
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
console.log(`suspect detection vs seed ground truth: ${plans.length} trackers, ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log('kind                 faulty rows  recall  right-reason  faults found(≥½)  given  precision');
for (const [k, v] of tally) {
  console.log(`${k.padEnd(20)} ${String(v.truth).padStart(11)}  ${pct(v.found, v.truth).padStart(6)}  ${pct(v.rightReason, v.truth).padStart(12)}  ${pct(v.faultsFound, v.faults).padStart(16)}  ${String(v.given).padStart(5)}  ${pct(v.givenTrue, v.given).padStart(9)}`);
}
const o = t('overall');
const short = REASON_CODES.filter((k) => t(k).truth && (t(k).found / t(k).truth < 0.95 || (t(k).given && t(k).givenTrue / t(k).given < 0.9)));
console.log(`overall recall ${pct(o.found, o.truth)} (goal ≥ 95%), precision ${pct(o.givenTrue, o.given)} (goal ≥ 90%); short of a goal: ${short.join(', ') || 'none'}`);
