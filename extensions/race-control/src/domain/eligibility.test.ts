import { describe, expect, it } from 'vitest';
import { ageOn, eligibilityProblems } from './eligibility';

const FIRST_DAY = '2026-06-06';
const rider = (birth_date: string, sex: 'female' | 'male' = 'male') => ({ name: 'Ardit Hoxha', birth_date, sex });

describe('age on the first day', () => {
  it('counts a birthday on the first day, not the day after', () => {
    expect(ageOn('1976-06-06', FIRST_DAY)).toBe(50);
    expect(ageOn('1976-06-07', FIRST_DAY)).toBe(49);
  });
});

describe('class eligibility', () => {
  const m2 = { kind: ['moto' as const], cc_min: 450, cc_max: 600 };

  it('accepts a fitting entry', () => {
    expect(eligibilityProblems(m2, { kind: 'moto', cc: 450 }, [rider('1990-01-01')], FIRST_DAY)).toEqual([]);
  });

  it('explains a wrong vehicle kind and engine size', () => {
    expect(eligibilityProblems(m2, { kind: 'quad', cc: 700 }, [], FIRST_DAY)).toEqual([
      'this class is for moto, not quad',
      'the engine is 700 cc, the class ends at 600 cc',
    ]);
  });

  it('checks cylinders and drive', () => {
    expect(eligibilityProblems({ cylinders: 2 }, { kind: 'moto', cylinders: 1 }, [], FIRST_DAY)).toEqual(['the class is for 2-cylinder engines, the vehicle has 1 cylinders']);
    expect(eligibilityProblems({ drive: '4wd' }, { kind: 'quad', drive: '2wd' }, [], FIRST_DAY)).toEqual(['the class is for 4WD, the vehicle is 2WD']);
  });

  it('checks age and sex of every crew member', () => {
    const veteran = { kind: ['moto' as const], age_min: 50 };
    expect(eligibilityProblems(veteran, { kind: 'moto' }, [rider('1976-06-07')], FIRST_DAY)).toEqual(['Ardit Hoxha is 49 on the first day, the class starts at 50']);
    expect(eligibilityProblems({ sex: 'female' }, { kind: 'moto' }, [rider('1990-01-01', 'male')], FIRST_DAY)).toEqual(['Ardit Hoxha is not registered as female']);
    expect(eligibilityProblems(veteran, { kind: 'moto' }, [{ name: 'X' }], FIRST_DAY)).toEqual(['the birth date of X is unknown']);
  });

  it('has nothing to say without rules', () => {
    expect(eligibilityProblems(null, null, [], FIRST_DAY)).toEqual([]);
  });
});
