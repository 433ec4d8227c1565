// Checks a registration draft step by step with the rules of the sport. The wizard runs it as the
// registrar types (with what it has loaded); the submit endpoint runs it again with what the
// database holds under lock, so both give the same words, addressed to the same step and field.
import { eligibilityProblems, type EligibilityRules } from '../eligibility';
import { checkImei } from '../imei';
import { crewRoleProblems, forbidsVehicle, needsVehicle } from './crew-roles';
import { type DraftPerson, type Discipline, personName, type RegistrationDraft, type StepError } from './draft';
import { probableDuplicates, type PersonLike } from './duplicates';
import { raceNumberProblem } from './race-number';

export interface ClassInfo {
  id: string;
  code: string;
  name: string;
  eligibility: EligibilityRules | null;
  race_number_from: number | null;
  race_number_to: number | null;
}

export interface RegistrationContext {
  event: { id: string; discipline: Discipline; starts_at: string };
  classes: ClassInfo[];
  /** Race number → the entry holding it ("#212, Bardhi/Hoxha"), without the entry being edited. */
  numbersTaken: Map<number, string>;
  /** IMEI → the other entry of this event carrying it. */
  trackersTaken: Map<string, string>;
  /** People the registrar can see, for the duplicate warning. */
  knownPeople?: (PersonLike & { email?: string | null })[];
}

/** Personal fields the event needs of every crew member: the medical team and the licence check. */
export function requiredPersonalFields(discipline: Discipline): (keyof DraftPerson)[] {
  return needsVehicle(discipline) ? ['birth_date', 'licence_number', 'blood_type', 'emergency_contact'] : ['birth_date', 'emergency_contact'];
}

const FIELD_WORDS: Partial<Record<keyof DraftPerson, string>> = {
  first_name: 'first name', last_name: 'last name', birth_date: 'birth date', licence_number: 'licence number',
  blood_type: 'blood type', emergency_contact: 'emergency contact',
};

const err = (step: StepError['step'], field: string, message: string, warning = false): StepError => (warning ? { step, field, message, warning } : { step, field, message });

export function vehicleErrors(draft: RegistrationDraft, discipline: Discipline): StepError[] {
  const v = draft.vehicle;
  if (!v) return needsVehicle(discipline) ? [err('vehicle', 'vehicle', `a ${discipline} entry needs a vehicle: find one in the club's catalogue or create it`)] : [];
  if (forbidsVehicle(discipline)) return [err('vehicle', 'vehicle', `a ${discipline} entry is on foot: it has no vehicle`)];
  const out: StepError[] = [];
  if (!v.kind) out.push(err('vehicle', 'vehicle.kind', 'choose the kind of vehicle'));
  if (!v.make?.trim()) out.push(err('vehicle', 'vehicle.make', 'the make is missing'));
  if (!v.model?.trim()) out.push(err('vehicle', 'vehicle.model', 'the model is missing'));
  if (v.cc != null && (!Number.isInteger(v.cc) || v.cc <= 0)) out.push(err('vehicle', 'vehicle.cc', 'the engine size is a whole number of cc'));
  return out;
}

export function classErrors(draft: RegistrationDraft, ctx: RegistrationContext): StepError[] {
  if (!draft.class_id) return [err('class', 'class_id', 'choose a class')];
  const cls = ctx.classes.find((c) => c.id === draft.class_id);
  if (!cls) return [err('class', 'class_id', 'this class is not one of the event\'s')];
  const problems = eligibilityProblems(cls.eligibility, draft.vehicle, draft.crew.map((m) => ({ ...m.person, name: personName(m.person) })), ctx.event.starts_at);
  return problems.length ? [err('class', 'class_id', `not eligible for ${cls.code} ${cls.name}: ${problems.join('; ')}`)] : [];
}

export function crewErrors(draft: RegistrationDraft, ctx: RegistrationContext): StepError[] {
  const out = crewRoleProblems(ctx.event.discipline, draft.vehicle?.kind, draft.crew.map((m) => m.role)).map((p) => err('crew', 'crew', p));
  const seen = new Set<string>();
  draft.crew.forEach((m, i) => {
    const p = m.person;
    const at = `crew.${i}.person`;
    const who = personName(p) || `crew member ${i + 1}`;
    for (const f of ['first_name', 'last_name', ...requiredPersonalFields(ctx.event.discipline)] as (keyof DraftPerson)[]) {
      if (!String(p[f] ?? '').trim()) out.push(err('crew', `${at}.${f}`, `the ${FIELD_WORDS[f] ?? f} of ${who} is missing`));
    }
    if (p.birth_date && !/^\d{4}-\d{2}-\d{2}/.test(p.birth_date)) out.push(err('crew', `${at}.birth_date`, `the birth date of ${who} is a date (YYYY-MM-DD)`));
    if (p.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(p.email)) out.push(err('crew', `${at}.email`, `the e-mail of ${who} is not an address`));
    const identity = p.id ?? `new:${personName(p).toLowerCase()}|${p.birth_date ?? ''}`;
    if (seen.has(identity)) out.push(err('crew', `${at}`, `${who} is in the crew twice`));
    seen.add(identity);
    if (!p.id && ctx.knownPeople) {
      const twins = probableDuplicates(p, ctx.knownPeople);
      if (twins.length) out.push(err('crew', `${at}`, `${who} may already be registered (${twins.map((t) => `${personName({ first_name: t.first_name ?? '', last_name: t.last_name ?? '' })}, born ${t.birth_date}`).join('; ')}): pick the existing person rather than creating a second one`, true));
    }
  });
  return out;
}

export function trackerErrors(draft: RegistrationDraft, ctx: RegistrationContext): StepError[] {
  const out: StepError[] = [];
  if (needsVehicle(ctx.event.discipline) && !draft.trackers.some((t) => t.purpose === 'primary')) {
    out.push(err('trackers', 'trackers', 'the entry needs a primary tracker on the vehicle'));
  }
  const keys = new Set(draft.crew.map((m) => m.key));
  const imeis = new Set<string>();
  draft.trackers.forEach((t, i) => {
    const at = `trackers.${i}`;
    const check = checkImei(t.imei ?? '');
    if (!t.imei) out.push(err('trackers', `${at}.imei`, `type the IMEI of tracker ${i + 1} (15 digits, on its label) or remove it`));
    else if (!check.ok) out.push(err('trackers', `${at}.imei`, check.reason));
    else if (imeis.has(t.imei)) out.push(err('trackers', `${at}.imei`, `tracker ${t.imei} is on this entry twice`));
    imeis.add(t.imei);
    const holder = ctx.trackersTaken.get(t.imei);
    if (holder) out.push(err('trackers', `${at}.imei`, `tracker ${t.imei} is already on ${holder}: take it off that entry first`));
    if (!t.model?.trim()) out.push(err('trackers', `${at}.model`, `the model of tracker ${t.imei} is missing (e.g. FMB920)`));
    if (t.purpose === 'panic' && !t.worn_by) out.push(err('trackers', `${at}.worn_by`, `the panic device ${t.imei} must be assigned to the crew member who wears it`));
    if (t.worn_by && !keys.has(t.worn_by)) out.push(err('trackers', `${at}.worn_by`, `tracker ${t.imei} is assigned to somebody who is not in the crew`));
  });
  return out;
}

export function numberErrors(draft: RegistrationDraft, ctx: RegistrationContext): StepError[] {
  const cls = ctx.classes.find((c) => c.id === draft.class_id) ?? null;
  const problem = raceNumberProblem(draft.race_number, cls, ctx.numbersTaken);
  return problem ? [err('number', 'race_number', problem)] : [];
}

/** Every problem of the draft, in step order. Warnings (`warning: true`) do not block a submit. */
export function validateDraft(draft: RegistrationDraft, ctx: RegistrationContext): StepError[] {
  return [...vehicleErrors(draft, ctx.event.discipline), ...classErrors(draft, ctx), ...crewErrors(draft, ctx), ...trackerErrors(draft, ctx), ...numberErrors(draft, ctx)];
}

/** Classes in the order the wizard shows them: eligible first, each with its reasons. */
export function classChoices(draft: RegistrationDraft, ctx: RegistrationContext): (ClassInfo & { eligible: boolean; reasons: string[] })[] {
  const crew = draft.crew.map((m) => ({ ...m.person, name: personName(m.person) }));
  return ctx.classes
    .map((c) => {
      const reasons = eligibilityProblems(c.eligibility, draft.vehicle, crew, ctx.event.starts_at);
      return { ...c, eligible: reasons.length === 0, reasons };
    })
    .sort((a, b) => Number(b.eligible) - Number(a.eligible));
}
