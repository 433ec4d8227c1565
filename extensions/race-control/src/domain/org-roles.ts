// The org roles of domain.md (organization_users.role). Each has a Directus role of the same name
// in config/access ("Race director" is race-director), which is how the seed, the access hook and
// the tests find one from the other.
export const ORG_ROLES = ['org-admin', 'race-director', 'registrar', 'marshal', 'timekeeper', 'viewer', 'participant'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

/** The org role a Directus role stands for, by its name; null for any other role. */
export function orgRoleOf(directusRoleName: string): OrgRole | null {
  const key = directusRoleName.trim().toLowerCase().replace(/\s+/g, '-');
  return (ORG_ROLES as readonly string[]).includes(key) ? (key as OrgRole) : null;
}
