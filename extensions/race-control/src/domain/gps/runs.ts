// Points → suspects: consecutive points of one device that share a reason become one run, the unit
// a marshal reviews and flags (one range, one stream message).
import type { Fix, Detection } from './detect.ts';
import type { Evidence, Impact, Suspect } from './suspect.ts';
import { REASON_CODES } from './reasons.ts';

export const NO_IMPACT: Impact = { score: 0, waypoints: [], speed_zones: [], penalties: [] };

/** Keeps the strongest number of each kind of evidence over a run. */
function merge(a: Evidence, b: Evidence | undefined): Evidence {
  if (!b) return a;
  const out: Evidence = { ...a };
  for (const [k, v] of Object.entries(b) as [keyof Evidence, number | string][]) {
    const old = out[k];
    if (typeof v === 'number' && typeof old === 'number') (out as Record<string, unknown>)[k] = k === 'satellites' ? Math.min(old, v) : Math.max(old, v);
    else if (old === undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

export function suspectRuns(deviceId: string, fixes: readonly Fix[], d: Detection): Suspect[] {
  const out: Suspect[] = [];
  REASON_CODES.forEach((code, bit) => {
    const m = 1 << bit;
    for (let i = 0; i < fixes.length; i++) {
      if (!(d.reasons[i]! & m)) continue;
      let j = i;
      let ev: Evidence = {};
      let faulty = 0;
      while (j < fixes.length && d.reasons[j]! & m) {
        ev = merge(ev, d.evidence.get(j));
        if (fixes[j]!.faulty) faulty++;
        j++;
      }
      out.push({ device_id: deviceId, reason: code, from: new Date(fixes[i]!.ts).toISOString(), to: new Date(fixes[j - 1]!.ts).toISOString(), count: j - i, faulty, evidence: ev, impact: NO_IMPACT });
      i = j - 1;
    }
  });
  return out.sort((a, b) => a.from.localeCompare(b.from));
}
