// Participants with the personal data the classes and the medical team need. Names come from
// faker's locale of each nationality (Albanian from a short list: faker has no Albanian locale).
import { type Faker, fakerCS_CZ, fakerDE, fakerDE_AT, fakerEN, fakerEN_GB, fakerFR, fakerHR, fakerHU, fakerIT, fakerNL, fakerPL, fakerSL_SI } from '@faker-js/faker';

export interface PersonSeed {
  email: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  sex: 'female' | 'male';
  nationality: string;
  phone: string;
  licence_number: string;
  blood_type: string;
  emergency_contact: string;
}

const ALBANIAN = {
  male: ['Ardit', 'Besnik', 'Dritan', 'Erion', 'Gentian', 'Ilir', 'Klodian', 'Luan', 'Olsi', 'Sokol'],
  female: ['Anila', 'Blerina', 'Elira', 'Jonida', 'Mirela', 'Teuta'],
  last: ['Hoxha', 'Shehu', 'Dervishi', 'Kola', 'Leka', 'Marku', 'Gjoka', 'Basha', 'Cela', 'Duka', 'Prenga'],
};

const NATIONS: { code: string; dial: string; faker: Faker | null }[] = [
  { code: 'AL', dial: '+355', faker: null }, { code: 'IT', dial: '+39', faker: fakerIT }, { code: 'DE', dial: '+49', faker: fakerDE },
  { code: 'AT', dial: '+43', faker: fakerDE_AT }, { code: 'CZ', dial: '+420', faker: fakerCS_CZ }, { code: 'PL', dial: '+48', faker: fakerPL },
  { code: 'NL', dial: '+31', faker: fakerNL }, { code: 'FR', dial: '+33', faker: fakerFR }, { code: 'GB', dial: '+44', faker: fakerEN_GB },
  { code: 'SI', dial: '+386', faker: fakerSL_SI }, { code: 'HR', dial: '+385', faker: fakerHR }, { code: 'HU', dial: '+36', faker: fakerHU },
];

const BLOOD = ['O+', 'O+', 'O+', 'A+', 'A+', 'A+', 'B+', 'AB+', 'O-', 'A-', 'B-', 'AB-'];

export interface PersonNeeds {
  sex?: 'female' | 'male';
  /** Birth year bounds (inclusive). */
  bornFrom: number;
  bornTo: number;
}

const ascii = (s: string) => s.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();

/** Person number `n` of the roster: the same n always gives the same person. */
export function person(n: number, needs: PersonNeeds): PersonSeed {
  fakerEN.seed(2026_0000 + n);
  const f = fakerEN;
  const nation = n % 3 === 0 ? NATIONS[0]! : f.helpers.arrayElement(NATIONS);
  const sex = needs.sex ?? (f.number.int(9) === 0 ? 'female' : 'male');
  let first: string;
  let last: string;
  if (nation.faker) {
    nation.faker.seed(2026_0000 + n);
    first = nation.faker.person.firstName(sex);
    last = nation.faker.person.lastName(sex);
  } else {
    first = f.helpers.arrayElement(ALBANIAN[sex]);
    last = f.helpers.arrayElement(ALBANIAN.last);
  }
  const year = f.number.int({ min: needs.bornFrom, max: needs.bornTo });
  const birth = `${year}-${String(f.number.int({ min: 1, max: 12 })).padStart(2, '0')}-${String(f.number.int({ min: 1, max: 28 })).padStart(2, '0')}`;
  const digits = () => String(f.number.int({ min: 100_000_000, max: 999_999_999 }));
  return {
    email: `${ascii(first)}.${ascii(last)}.${n}@riders.example.org`,
    first_name: first,
    last_name: last,
    birth_date: birth,
    sex,
    nationality: nation.code,
    phone: `${nation.dial} ${digits()}`,
    licence_number: `${nation.code}-26-${String(10_000 + n)}`,
    blood_type: f.helpers.arrayElement(BLOOD),
    emergency_contact: `${f.person.firstName()} ${last}, ${nation.dial} ${digits()}`,
  };
}
