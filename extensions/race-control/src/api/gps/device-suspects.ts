// GET /race-control/gps/suspects: one tracker's suspects, computed now (fresh after a flag), over
// a stage day or a window, with what each touches (impact, penalties a flag would re-evaluate).
import { checkWindow, stageDay } from '../../domain/gps/window';
import type { Reach } from '../../domain/gps/rights';
import { eventPlaces } from './context';
import { bad, notFound } from './errors';
import { stageOf } from './queue';
import { deviceOnEntry, devicesOfEntry, requireImei, type GpsContext } from './reach';
import { reviewEntry } from './suspects';

export async function deviceSuspects(context: GpsContext, reach: Reach, q: Record<string, unknown>) {
  const imei = requireImei(q.device_id);
  let window: { from: Date; to: Date };
  let device;
  if (q.stage_id !== undefined) {
    if (!/^[0-9a-f-]{36}$/i.test(String(q.stage_id))) throw bad(`stage_id must be a stage's id (a UUID); got "${String(q.stage_id)}".`);
    const stage = await stageOf(context.database, String(q.stage_id));
    device = await deviceOnEntry(context.database, reach, imei, stage?.starts_at ? new Date(stage.starts_at) : null);
    if (!stage?.starts_at || stage.event_id !== device.event_id) throw notFound(`No stage ${String(q.stage_id)} with a start time in the event of tracker ${imei}.`);
    window = stageDay(stage.starts_at);
  } else {
    const w = checkWindow(q.from, q.to);
    if (!w.ok) throw bad(w.reason);
    window = w;
    device = await deviceOnEntry(context.database, reach, imei, window.from);
  }
  // The whole entry is read so the cross-check can compare its trackers.
  const mates = await devicesOfEntry(context.database, reach, device.entry_id);
  const reviews = await reviewEntry(context.database, mates, window.from, window.to, await eventPlaces(context.database, device.event_id));
  return reviews.find((r) => r.device_id === imei)?.suspects ?? [];
}
