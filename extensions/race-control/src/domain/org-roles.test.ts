import { describe, expect, it } from 'vitest';
import { orgRoleOf } from './org-roles';

describe('the org role of a Directus role', () => {
  it('is its name in kebab case', () => {
    expect(['Org admin', 'Race director', 'Registrar', 'Participant'].map(orgRoleOf)).toEqual(['org-admin', 'race-director', 'registrar', 'participant']);
  });

  it('is none for the administrator or any role of another name', () => {
    expect(orgRoleOf('Administrator')).toBeNull();
    expect(orgRoleOf('Spectator')).toBeNull();
  });
});
