// The registration wizard's draft: what a registrar has entered so far in one pass (one "run").
// The same shape is saved as a server-side draft, sent to the submit endpoint, and checked by the
// same rules on both sides, so a plain API call cannot do what the wizard forbids.
import type { VehicleKind } from '../eligibility';

export type Discipline = 'rally' | 'time-trial' | 'regatta' | 'trail-run' | 'hike';
export type RacingRole = 'pilot' | 'co-pilot' | 'navigator' | 'mechanic' | 'rider' | 'runner' | 'hiker';
export type TrackerPurpose = 'primary' | 'backup' | 'panic';
export type EntryStatus = 'draft' | 'registered' | 'confirmed' | 'started' | 'finished' | 'retired' | 'disqualified' | 'withdrawn';

/** The wizard's steps, in order; errors name one of them so the wizard can open it. */
export const STEPS = ['vehicle', 'class', 'crew', 'trackers', 'number', 'review'] as const;
export type Step = (typeof STEPS)[number];

/** An existing vehicle (`id`) or a new one described by its fields. */
export interface DraftVehicle {
  id?: string | null;
  kind: VehicleKind;
  make: string;
  model: string;
  year?: number | null;
  cc?: number | null;
  cylinders?: number | null;
  drive?: '2wd' | '4wd' | null;
  vin?: string | null;
  plate?: string | null;
}

/** An existing person (`id`) or a new one. */
export interface DraftPerson {
  id?: string | null;
  first_name: string;
  last_name: string;
  email?: string | null;
  phone?: string | null;
  birth_date?: string | null;
  nationality?: string | null;
  sex?: 'female' | 'male' | null;
  licence_number?: string | null;
  blood_type?: string | null;
  emergency_contact?: string | null;
}

export interface DraftCrewMember {
  /** The wizard's own handle for this member (a tracker names who wears it by it). */
  key: string;
  role: RacingRole;
  person: DraftPerson;
}

/** An existing tracker (`id`) or a new one; a panic device names the crew member wearing it. */
export interface DraftTracker {
  id?: string | null;
  imei: string;
  model: string;
  purpose: TrackerPurpose;
  worn_by?: string | null;
}

export interface RegistrationDraft {
  /** One wizard run: a double click or a retried submit of the same run makes one entry. */
  run_id: string;
  event_id: string;
  /** Set when the run edits an existing entry. */
  entry_id?: string | null;
  vehicle: DraftVehicle | null;
  class_id: string | null;
  crew: DraftCrewMember[];
  trackers: DraftTracker[];
  race_number: number | null;
  notes?: string | null;
}

/** A problem addressed to a step and field (`crew.1.person.birth_date`), in the sport's words. */
export interface StepError {
  step: Step;
  field: string;
  message: string;
  /** A warning lets the registrar go on (a probable duplicate person); an error does not. */
  warning?: boolean;
}

export function emptyDraft(run_id: string, event_id: string): RegistrationDraft {
  return { run_id, event_id, entry_id: null, vehicle: null, class_id: null, crew: [], trackers: [], race_number: null, notes: null };
}

export function personName(p: Pick<DraftPerson, 'first_name' | 'last_name'>): string {
  return `${p.first_name ?? ''} ${p.last_name ?? ''}`.trim();
}

/** The first step that has a blocking error: the one the wizard opens after a refusal. */
export function firstFailingStep(errors: StepError[]): Step | null {
  const blocking = new Set(errors.filter((e) => !e.warning).map((e) => e.step));
  return STEPS.find((s) => blocking.has(s)) ?? null;
}
