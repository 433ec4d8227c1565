// Who may see positions and who may flag them, by org role of the event's club (issue 11 § Rights).
// Positions are no Directus collection, so these lists are the rule; config/access mirrors them on
// position_flags (read for readers, create for flaggers), which guards the flag row a second time.
import type { OrgRole } from '../org-roles.ts';

/** Read every tracker of the club's events: tracks, suspects, tiles, the stage queue, relay state. */
export const TRACK_READERS: readonly OrgRole[] = ['org-admin', 'race-director', 'marshal', 'timekeeper'];
/** Flag and unflag points. A timekeeper reads tracks to settle a time but does not judge GPS faults. */
export const FLAGGERS: readonly OrgRole[] = ['org-admin', 'race-director', 'marshal'];
// A participant sees the trackers of their own entry (through entry_crew); registrar and viewer
// never see positions.

export interface Membership {
  organization_id: string;
  role: string;
}

export interface Reach {
  admin: boolean;
  /** Clubs whose trackers the caller may read. */
  readOrgs: string[];
  /** Clubs whose trackers the caller may flag. */
  flagOrgs: string[];
  /** Entries the caller crews: their trackers are readable (not flaggable). */
  crewEntries: string[];
}

export function reachOf(admin: boolean, memberships: readonly Membership[], crewEntries: readonly string[]): Reach {
  const orgs = (roles: readonly OrgRole[]) => [...new Set(memberships.filter((m) => (roles as readonly string[]).includes(m.role)).map((m) => m.organization_id))];
  return { admin, readOrgs: orgs(TRACK_READERS), flagOrgs: orgs(FLAGGERS), crewEntries: [...new Set(crewEntries)] };
}

export const seesAnyTrack = (r: Reach): boolean => r.admin || r.readOrgs.length > 0 || r.crewEntries.length > 0;
export const isStaff = (r: Reach): boolean => r.admin || r.readOrgs.length > 0;
