import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../imei';
import {
  classChoices, copyCrew, crewRoleProblems, emptyDraft, firstFailingStep, foldName, isProbableDuplicate, nextFreeNumber, raceNumberProblem,
  type RegistrationContext, type RegistrationDraft, validateDraft,
} from './index';

const imei = (body: string) => body + luhnCheckDigit(body);
const GOOD = imei('35669808123456');
const PANIC = imei('35669808123457');

const ctx = (over: Partial<RegistrationContext> = {}): RegistrationContext => ({
  event: { id: 'ev', discipline: 'rally', starts_at: '2026-06-06T06:00:00Z' },
  classes: [
    { id: 'm1', code: 'M-1', name: 'MOTO under 450cc', eligibility: { kind: ['moto'], cc_max: 449 }, race_number_from: 1, race_number_to: 39 },
    { id: 'm7', code: 'M-7', name: 'MOTO Veteran', eligibility: { kind: ['moto'], age_min: 50 }, race_number_from: 170, race_number_to: 189 },
    { id: 'c2', code: 'C-2', name: 'CAR Series production', eligibility: { kind: ['car'] }, race_number_from: 300, race_number_to: 329 },
  ],
  numbersTaken: new Map([[300, '#300, Bardhi/Hoxha']]),
  trackersTaken: new Map(),
  ...over,
});

const person = (first_name: string, last_name: string, birth_date = '1980-04-02') => ({
  first_name, last_name, birth_date, licence_number: 'AL-1', blood_type: 'O+', emergency_contact: '+355 69 000 0000',
});

function carDraft(): RegistrationDraft {
  return {
    ...emptyDraft('run-1', 'ev'),
    vehicle: { kind: 'car', make: 'Toyota', model: 'Hilux', cc: 2800 },
    class_id: 'c2',
    crew: [{ key: 'a', role: 'pilot', person: person('Ardit', 'Bardhi') }, { key: 'b', role: 'co-pilot', person: person('Erion', 'Hoxha') }],
    trackers: [{ imei: GOOD, model: 'FMB920', purpose: 'primary' }, { imei: PANIC, model: 'FMB003', purpose: 'panic', worn_by: 'b' }],
    race_number: 301,
  };
}

describe('a whole draft', () => {
  it('accepts a car crew with a pilot, a co-pilot and a panic device worn by the co-pilot', () => {
    expect(validateDraft(carDraft(), ctx())).toEqual([]);
  });

  it('addresses each refusal to its step and field', () => {
    const d = carDraft();
    d.crew = d.crew.slice(0, 1);
    d.trackers[0]!.imei = GOOD.slice(0, 14) + ((Number(GOOD[14]) + 1) % 10);
    d.trackers[1]!.worn_by = 'b';
    d.race_number = 300;
    const errors = validateDraft(d, ctx());
    expect(errors.map((e) => `${e.step}:${e.field}`)).toEqual(['crew:crew', 'trackers:trackers.0.imei', 'trackers:trackers.1.worn_by', 'number:race_number']);
    expect(errors[0]!.message).toBe('a car needs a co-pilot');
    expect(errors[3]!.message).toContain('#300, Bardhi/Hoxha');
    expect(firstFailingStep(errors)).toBe('crew');
  });

  it('names the entry a tracker is already on', () => {
    const errors = validateDraft(carDraft(), ctx({ trackersTaken: new Map([[GOOD, '#212, Bardhi/Hoxha']]) }));
    expect(errors).toEqual([{ step: 'trackers', field: 'trackers.0.imei', message: `tracker ${GOOD} is already on #212, Bardhi/Hoxha: take it off that entry first` }]);
  });

  it('asks for the IMEI of a tracker row left empty, by its place in the list', () => {
    const d = carDraft();
    d.trackers[1]!.imei = '';
    expect(validateDraft(d, ctx()).filter((e) => e.field === 'trackers.1.imei').map((e) => e.message))
      .toEqual(['type the IMEI of tracker 2 (15 digits, on its label) or remove it']);
  });

  it('refuses a number outside the class range and an ineligible class', () => {
    const d = { ...carDraft(), class_id: 'm1', race_number: 12 };
    const errors = validateDraft(d, ctx());
    expect(errors.map((e) => e.step)).toEqual(['class']);
    expect(errors[0]!.message).toBe('not eligible for M-1 MOTO under 450cc: this class is for moto, not car; the engine is 2800 cc, the class ends at 449 cc');
    expect(validateDraft({ ...carDraft(), race_number: 12 }, ctx())[0]!.message).toBe('race number 12 is outside the range of class C-2 (300 to 329)');
  });

  it('needs a vehicle for a rally and refuses one on foot', () => {
    expect(validateDraft({ ...carDraft(), vehicle: null }, ctx())[0]).toMatchObject({ step: 'vehicle', field: 'vehicle' });
    const trail = ctx({ event: { id: 'ev', discipline: 'trail-run', starts_at: '2026-06-06' } });
    expect(validateDraft({ ...carDraft(), class_id: null }, trail)[0]).toMatchObject({ step: 'vehicle', message: 'a trail-run entry is on foot: it has no vehicle' });
  });

  it('warns of a probable duplicate person without blocking', () => {
    const known = [{ id: 'p1', first_name: 'Érion', last_name: 'HOXHA', birth_date: '1980-02-04' }];
    const errors = validateDraft(carDraft(), ctx({ knownPeople: known }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ step: 'crew', field: 'crew.1.person', warning: true });
    expect(firstFailingStep(errors)).toBeNull();
  });

  it('asks for the personal fields a rally needs', () => {
    const d = carDraft();
    d.crew[1]!.person.blood_type = '';
    expect(validateDraft(d, ctx())).toEqual([{ step: 'crew', field: 'crew.1.person.blood_type', message: 'the blood type of Erion Hoxha is missing' }]);
  });
});

describe('crew roles', () => {
  it('a motorbike has one rider; a car a pilot and a co-pilot', () => {
    expect(crewRoleProblems('rally', 'moto', ['rider'])).toEqual([]);
    expect(crewRoleProblems('rally', 'moto', ['rider', 'rider'])).toEqual(['a motorbike has one rider, not 2', 'a motorbike has at most 1 crew member, not 2']);
    expect(crewRoleProblems('rally', 'car', ['pilot', 'co-pilot', 'navigator'])).toEqual([]);
    expect(crewRoleProblems('rally', 'car', ['pilot', 'rider'])).toEqual(['a car needs a co-pilot', 'a car has no rider (allowed: pilot, co-pilot, navigator)']);
    expect(crewRoleProblems('trail-run', null, ['runner'])).toEqual([]);
  });
});

describe('probable duplicates', () => {
  it('folds diacritics and case, and swaps day and month', () => {
    expect(foldName('Ërgys ', ' HOXHÁ')).toBe('ergys hoxha');
    const a = { first_name: 'Ergys', last_name: 'Hoxha', birth_date: '1985-03-07' };
    expect(isProbableDuplicate(a, { first_name: 'Ërgys', last_name: 'Hoxhá', birth_date: '1985-03-07' })).toBe(true);
    expect(isProbableDuplicate(a, { first_name: 'Ergys', last_name: 'Hoxha', birth_date: '1985-07-03' })).toBe(true);
    expect(isProbableDuplicate(a, { first_name: 'Ergys', last_name: 'Hoxha', birth_date: '1986-03-07' })).toBe(false);
    expect(isProbableDuplicate(a, { first_name: 'Ergys', last_name: 'Shehu', birth_date: '1985-03-07' })).toBe(false);
  });
});

describe('race numbers', () => {
  it('suggests the lowest free number of the range', () => {
    const range = { code: 'C-2', race_number_from: 300, race_number_to: 302 };
    expect(nextFreeNumber(range, [300, 302])).toBe(301);
    expect(nextFreeNumber(range, [300, 301, 302])).toBeNull();
    expect(raceNumberProblem(303, range, new Map())).toBe('race number 303 is outside the range of class C-2 (300 to 302)');
    expect(raceNumberProblem(null, range, new Map())).toBe('choose a race number');
  });
});

describe('class choices', () => {
  it('lists eligible classes first, with the reasons of the others', () => {
    const d = { ...carDraft(), vehicle: { kind: 'moto' as const, make: 'KTM', model: '450', cc: 449 }, crew: [{ key: 'a', role: 'rider' as const, person: person('Luan', 'Kola', '1970-01-01') }] };
    const choices = classChoices(d, ctx());
    expect(choices.map((c) => [c.code, c.eligible])).toEqual([['M-1', true], ['M-7', true], ['C-2', false]]);
    expect(choices[2]!.reasons).toEqual(['this class is for car, not moto']);
  });
});

describe('copy crew', () => {
  const pilot = { role: 'pilot' as const, person: { id: 'a', first_name: 'Ardit', last_name: 'Bardhi' } };
  const copilot = { role: 'co-pilot' as const, person: { id: 'b', first_name: 'Erion', last_name: 'Hoxha' } };
  it('keeps a car crew\'s roles in a car', () => {
    expect(copyCrew([pilot, copilot], 'rally', 'car').crew.map((m) => [m.person.id, m.role])).toEqual([['a', 'pilot'], ['b', 'co-pilot']]);
  });
  it('makes the first of them the rider of a motorbike and names who is left out', () => {
    const copied = copyCrew([pilot, copilot], 'rally', 'moto');
    expect(copied.crew.map((m) => [m.person.id, m.role])).toEqual([['a', 'rider']]);
    expect(copied.left_out).toEqual(['Erion Hoxha']);
  });
  it('gives a rider coming to a car the pilot seat', () => {
    expect(copyCrew([{ ...pilot, role: 'rider' }], 'rally', 'car').crew[0]!.role).toBe('pilot');
  });
});
