// Class eligibility: whether an entry's vehicle and crew meet a class's rules (classes.eligibility).
// Ages count on the event's first day, as the regulations define age classes.

export type VehicleKind = 'moto' | 'quad' | 'car' | 'ssv' | 'truck';

export interface EligibilityRules {
  kind?: VehicleKind[];
  cc_min?: number;
  cc_max?: number;
  cylinders?: number;
  drive?: '2wd' | '4wd';
  age_min?: number;
  age_max?: number;
  sex?: 'female' | 'male';
}

export interface EligibilityVehicle {
  kind: VehicleKind;
  cc?: number | null;
  cylinders?: number | null;
  drive?: '2wd' | '4wd' | null;
}

export interface EligibilityPerson {
  name: string;
  birth_date?: string | null;
  sex?: 'female' | 'male' | null;
}

/** Whole years between a birth date and a day, both YYYY-MM-DD. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Every reason the entry does not fit the class, in words; empty when it fits. */
export function eligibilityProblems(
  rules: EligibilityRules | null | undefined,
  vehicle: EligibilityVehicle | null,
  crew: EligibilityPerson[],
  eventFirstDay: string,
): string[] {
  if (!rules) return [];
  const problems: string[] = [];
  if (rules.kind?.length) {
    if (!vehicle) problems.push(`this class needs a vehicle (${rules.kind.join(' or ')})`);
    else if (!rules.kind.includes(vehicle.kind)) problems.push(`this class is for ${rules.kind.join(' or ')}, not ${vehicle.kind}`);
  }
  if (vehicle && (rules.cc_min !== undefined || rules.cc_max !== undefined)) {
    if (vehicle.cc == null) problems.push('the engine size (cc) of the vehicle is unknown');
    else if (rules.cc_min !== undefined && vehicle.cc < rules.cc_min) problems.push(`the engine is ${vehicle.cc} cc, the class starts at ${rules.cc_min} cc`);
    else if (rules.cc_max !== undefined && vehicle.cc > rules.cc_max) problems.push(`the engine is ${vehicle.cc} cc, the class ends at ${rules.cc_max} cc`);
  }
  if (vehicle && rules.cylinders !== undefined && vehicle.cylinders !== rules.cylinders) {
    problems.push(`the class is for ${rules.cylinders}-cylinder engines, the vehicle has ${vehicle.cylinders ?? 'an unknown number of'} cylinders`);
  }
  if (vehicle && rules.drive && vehicle.drive !== rules.drive) {
    problems.push(`the class is for ${rules.drive.toUpperCase()}, the vehicle is ${vehicle.drive ? vehicle.drive.toUpperCase() : 'of unknown drive'}`);
  }
  for (const person of crew) {
    if (rules.sex && person.sex !== rules.sex) problems.push(`${person.name} is not registered as ${rules.sex}`);
    if (rules.age_min !== undefined || rules.age_max !== undefined) {
      if (!person.birth_date) {
        problems.push(`the birth date of ${person.name} is unknown`);
        continue;
      }
      const age = ageOn(person.birth_date, eventFirstDay);
      if (rules.age_min !== undefined && age < rules.age_min) problems.push(`${person.name} is ${age} on the first day, the class starts at ${rules.age_min}`);
      if (rules.age_max !== undefined && age > rules.age_max) problems.push(`${person.name} is ${age} on the first day, the class ends at ${rules.age_max}`);
    }
  }
  return problems;
}
