// "Copy crew from a previous entry": the same people, with the roles this vehicle allows. A pilot
// who comes back on a motorbike is its rider; people beyond what the vehicle carries are left out
// (and named), so the registrar sees who did not fit.
import type { VehicleKind } from '../eligibility';
import { crewRule } from './crew-roles';
import type { Discipline, DraftCrewMember, DraftPerson, RacingRole } from './draft';
import { personName } from './draft';

export interface PreviousMember {
  role: RacingRole;
  person: DraftPerson & { id: string };
}

export function copyCrew(previous: PreviousMember[], discipline: Discipline, kind: VehicleKind | null | undefined): { crew: DraftCrewMember[]; left_out: string[] } {
  const rule = crewRule(discipline, kind);
  const crew: DraftCrewMember[] = [];
  const left_out: string[] = [];
  const free = () => rule.required.find((r) => !crew.some((m) => m.role === r)) ?? rule.allowed.find((r) => !rule.required.includes(r));
  for (const m of previous) {
    const keeps = rule.allowed.includes(m.role) && !(rule.required.includes(m.role) && crew.some((c) => c.role === m.role));
    const role = keeps ? m.role : free();
    if (crew.length >= rule.max || !role) {
      left_out.push(personName(m.person));
      continue;
    }
    crew.push({ key: `copy-${m.person.id}`, role, person: { ...m.person } });
  }
  return { crew, left_out };
}
