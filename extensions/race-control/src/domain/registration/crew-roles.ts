// Who may be in a crew, by discipline and vehicle kind: a car needs a pilot and a co-pilot, a
// motorbike or quad has one rider, a trail-runner runs alone. The wizard offers only these roles
// and the submit refuses anything else.
import type { VehicleKind } from '../eligibility';
import type { Discipline, RacingRole } from './draft';

export interface CrewRule {
  /** Roles that may appear in the crew. */
  allowed: RacingRole[];
  /** Roles that must appear exactly once. */
  required: RacingRole[];
  max: number;
}

const MOTORISED: Discipline[] = ['rally', 'time-trial'];

export function needsVehicle(discipline: Discipline): boolean {
  return MOTORISED.includes(discipline);
}

/** On foot, or on a boat we do not catalogue: no vehicle on the entry. */
export function forbidsVehicle(discipline: Discipline): boolean {
  return discipline === 'trail-run' || discipline === 'hike';
}

export function crewRule(discipline: Discipline, kind: VehicleKind | null | undefined): CrewRule {
  if (discipline === 'trail-run') return { allowed: ['runner'], required: ['runner'], max: 1 };
  if (discipline === 'hike') return { allowed: ['hiker'], required: ['hiker'], max: 1 };
  if (discipline === 'regatta') return { allowed: ['pilot', 'co-pilot', 'navigator', 'mechanic'], required: ['pilot'], max: 6 };
  switch (kind) {
    case 'moto':
    case 'quad':
      return { allowed: ['rider'], required: ['rider'], max: 1 };
    case 'car':
    case 'ssv':
      return { allowed: ['pilot', 'co-pilot', 'navigator'], required: ['pilot', 'co-pilot'], max: 3 };
    case 'truck':
      return { allowed: ['pilot', 'co-pilot', 'navigator', 'mechanic'], required: ['pilot', 'co-pilot'], max: 4 };
    default:
      return { allowed: [], required: [], max: 0 };
  }
}

const KIND_WORDS: Record<VehicleKind, string> = { moto: 'a motorbike', quad: 'a quad', car: 'a car', ssv: 'an SSV', truck: 'a truck' };

/** Every way the crew's roles break the rule, in words. */
export function crewRoleProblems(discipline: Discipline, kind: VehicleKind | null | undefined, roles: RacingRole[]): string[] {
  const rule = crewRule(discipline, kind);
  const what = kind && !forbidsVehicle(discipline) ? KIND_WORDS[kind] : `a ${discipline} entry`;
  const problems: string[] = [];
  if (rule.max === 0) return ['choose the vehicle first: the crew depends on its kind'];
  for (const role of rule.required) {
    const n = roles.filter((r) => r === role).length;
    if (n === 0) problems.push(`${what} needs a ${role}`);
    if (n > 1) problems.push(`${what} has one ${role}, not ${n}`);
  }
  for (const role of new Set(roles)) if (!rule.allowed.includes(role)) problems.push(`${what} has no ${role} (allowed: ${rule.allowed.join(', ')})`);
  if (roles.length > rule.max) problems.push(`${what} has at most ${rule.max} crew member${rule.max === 1 ? '' : 's'}, not ${roles.length}`);
  return problems;
}

/** The order crews are named in (start lists, "Bardhi/Hoxha"): the one at the controls first. */
export const SEAT_ORDER: RacingRole[] = ['pilot', 'rider', 'runner', 'hiker', 'co-pilot', 'navigator', 'mechanic'];

export function bySeat<T extends { role: string }>(crew: T[]): T[] {
  return [...crew].sort((a, b) => SEAT_ORDER.indexOf(a.role as RacingRole) - SEAT_ORDER.indexOf(b.role as RacingRole));
}
