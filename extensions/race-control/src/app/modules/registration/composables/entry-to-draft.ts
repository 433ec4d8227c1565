// An existing entry as a wizard draft, for editing it through the same wizard and the same submit.
import { bySeat, type DraftPerson, type RacingRole, type RegistrationDraft, type TrackerPurpose } from '../../../../domain/registration';

export const PERSON_FIELDS = ['id', 'first_name', 'last_name', 'email', 'phone', 'birth_date', 'nationality', 'sex', 'licence_number', 'blood_type', 'emergency_contact'];

export const ENTRY_EDIT_FIELDS = [
  'id', 'event_id', 'race_number', 'class_id', 'notes', 'status',
  'vehicle_id.id', 'vehicle_id.kind', 'vehicle_id.make', 'vehicle_id.model', 'vehicle_id.year', 'vehicle_id.cc', 'vehicle_id.cylinders', 'vehicle_id.drive', 'vehicle_id.vin', 'vehicle_id.plate',
  'crew.role', ...PERSON_FIELDS.map((f) => `crew.user_id.${f}`),
  'devices.purpose', 'devices.assigned_user_id', 'devices.device_id.id', 'devices.device_id.imei', 'devices.device_id.model',
];

export interface EntryForEdit {
  id: string;
  race_number: number | null;
  class_id: string | null;
  notes: string | null;
  vehicle_id: RegistrationDraft['vehicle'];
  crew: { role: RacingRole; user_id: DraftPerson & { id: string } }[];
  devices: { purpose: TrackerPurpose | null; assigned_user_id: string | null; device_id: { id: string; imei: string; model: string } }[];
}

export function draftFromEntry(entry: EntryForEdit, runId: string): Partial<RegistrationDraft> {
  return {
    run_id: runId,
    entry_id: entry.id,
    vehicle: entry.vehicle_id ? { ...entry.vehicle_id } : null,
    class_id: entry.class_id,
    race_number: entry.race_number,
    notes: entry.notes,
    crew: bySeat(entry.crew ?? []).map((c) => ({ key: c.user_id.id, role: c.role, person: { ...c.user_id } })),
    trackers: (entry.devices ?? []).map((d) => ({ id: d.device_id.id, imei: d.device_id.imei, model: d.device_id.model, purpose: d.purpose ?? 'primary', worn_by: d.assigned_user_id })),
  };
}
