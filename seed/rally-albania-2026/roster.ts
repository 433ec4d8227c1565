// The 132 entries of Rally Albania 2026: vehicle, class, crew and trackers, deterministic, each
// entry eligible for its class (tests/unit/seed-roster.test.ts checks it with domain/eligibility).
import { fakerEN as f } from '@faker-js/faker';
import { luhnCheckDigit } from '../../extensions/race-control/src/domain/imei.ts';
import { CLASSES } from './event.ts';
import { type PersonNeeds, type PersonSeed, person } from './people.ts';
import { ENTRIES_PER_CLASS, MODELS_BY_CLASS, type VehicleModel } from './vehicles.ts';

export type RacingRole = 'pilot' | 'co-pilot' | 'navigator' | 'mechanic' | 'rider';
export type EntryStatus = 'registered' | 'confirmed' | 'started' | 'retired' | 'withdrawn';

export interface TrackerSeed {
  imei: string;
  model: 'FMB920' | 'FMB003';
  serial_number: string;
  sim_iccid: string;
  purpose: 'primary' | 'backup' | 'panic';
  /** Index in the crew of the person wearing it (panic buttons only). */
  wornBy: number | null;
}

export interface EntrySeed {
  race_number: number;
  class_code: string;
  status: EntryStatus;
  vehicle: VehicleModel & { year: number; vin: string; plate: string };
  crew: { person: PersonSeed; role: RacingRole }[];
  trackers: TrackerSeed[];
}

// Type allocation codes: the first 8 digits of an IMEI name the device model.
const TAC = { FMB920: '35209211', FMB003: '86369504' };

function tracker(model: 'FMB920' | 'FMB003', serial: number, purpose: TrackerSeed['purpose'], wornBy: number | null): TrackerSeed {
  const body = `${TAC[model]}${String(serial).padStart(6, '0')}`;
  return {
    imei: body + luhnCheckDigit(body),
    model,
    serial_number: `${model}-${String(serial).padStart(6, '0')}`,
    sim_iccid: `8935501${String(serial).padStart(12, '0')}`,
    purpose,
    wornBy,
  };
}

function needsFor(classCode: string): PersonNeeds {
  if (classCode === 'M-7') return { bornFrom: 1956, bornTo: 1975 };
  if (classCode === 'M-5' || classCode === 'M-6') return { bornFrom: 1962, bornTo: 1985 };
  if (classCode === 'M-8' || classCode === 'Q-3') return { sex: 'female', bornFrom: 1978, bornTo: 2004 };
  return { bornFrom: 1966, bornTo: 2005 };
}

function crewRoles(kind: VehicleModel['kind']): RacingRole[] {
  if (kind === 'moto' || kind === 'quad') return ['rider'];
  if (kind === 'truck') return ['pilot', 'co-pilot', 'mechanic'];
  return ['pilot', 'co-pilot'];
}

export function rallyAlbaniaRoster(): EntrySeed[] {
  f.seed(2026);
  const entries: EntrySeed[] = [];
  let personNo = 0;
  let serial = 1;
  for (const cls of CLASSES) {
    const models = MODELS_BY_CLASS[cls.code]!;
    for (let i = 0; i < ENTRIES_PER_CLASS[cls.code]!; i++) {
      const race_number = cls.race_number_from + i;
      // #301 is the Land Cruiser of the product's own examples.
      const model = race_number === 301 ? models[0]! : models[(i * 7 + race_number) % models.length]!;
      const needs = needsFor(cls.code);
      const crew = crewRoles(model.kind).map((role, k) => ({ person: person(++personNo, k === 0 ? needs : { bornFrom: 1966, bornTo: 2005 }), role }));
      const trackers = [tracker('FMB920', serial++, 'primary', null)];
      const fourWheels = model.kind === 'car' || model.kind === 'truck' || model.kind === 'ssv';
      if (fourWheels || race_number % 3 === 0) trackers.push(tracker('FMB920', serial++, 'backup', null));
      if (!fourWheels || race_number % 2 === 0) trackers.push(tracker('FMB003', serial++, 'panic', 0));
      const roll = (race_number * 37) % 100;
      entries.push({
        race_number,
        class_code: cls.code,
        status: roll < 2 ? 'withdrawn' : roll < 5 ? 'retired' : 'started',
        vehicle: {
          ...model,
          year: 2012 + ((race_number * 5) % 14),
          vin: `RA26${model.kind.toUpperCase()}${String(race_number).padStart(5, '0')}`,
          plate: `${f.string.alpha({ length: 2, casing: 'upper' })} ${f.string.numeric(4)} ${f.string.alpha({ length: 2, casing: 'upper' })}`,
        },
        crew,
        trackers,
      });
    }
  }
  return entries;
}
