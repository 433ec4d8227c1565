// The vehicle and the trackers of a draft: existing ones must be registered with the club; a new
// tracker whose IMEI the club already has is that tracker (the registrar typed it rather than
// picking it); one another club has is refused, as the submit could not claim it.
import type { RegistrationDraft, StepError } from '../../domain/registration';
import { type As, readableIds } from './services';

export async function vehicleCatalogueErrors(caller: As, draft: RegistrationDraft): Promise<StepError[]> {
  const id = draft.vehicle?.id;
  if (!id || (await readableIds(caller.items('vehicles'), [id])).has(id)) return [];
  return [{ step: 'vehicle', field: 'vehicle', message: 'This vehicle is not registered with your club: register it with your club first' }];
}

/** Resolves typed IMEIs to the club's trackers (mutating `draft.trackers[i].id`); errors for the rest. */
export async function trackerCatalogueErrors(caller: As, draft: RegistrationDraft): Promise<StepError[]> {
  const errors: StepError[] = [];
  const imeis = draft.trackers.map((t) => t.imei).filter(Boolean);
  if (imeis.length === 0) return errors;
  const { rows } = await caller.knex.raw('SELECT id, imei FROM devices WHERE imei = ANY(?)', [imeis]);
  const byImei = new Map<string, string>(rows.map((r: { id: string; imei: string }) => [r.imei, r.id]));
  const visible = await readableIds(caller.items('devices'), [...byImei.values()]);
  for (const [i, t] of draft.trackers.entries()) {
    const existing = byImei.get(t.imei);
    if (t.id && t.id !== existing) errors.push({ step: 'trackers', field: `trackers.${i}.imei`, message: `Tracker ${t.imei} is not the tracker picked from the catalogue; pick it again` });
    else if (existing && visible.has(existing)) t.id = existing;
    else if (existing) errors.push({ step: 'trackers', field: `trackers.${i}.imei`, message: `Tracker ${t.imei} belongs to another club: it cannot go on this entry` });
  }
  return errors;
}
