// The course module is in the module bar only for those who may read the course.
import { describe, expect, it, vi } from 'vitest';
import { createSdkMock, sdkModule } from '../../test-utils/sdk-mock';

vi.mock('@directus/extensions-sdk', () => sdkModule(createSdkMock()));
const { default: courseModule } = (await import('./index')) as unknown as { default: { preRegisterCheck: (user: unknown, permissions: unknown) => boolean } };

describe('course module registration', () => {
  it('is registered for admins and for roles that may read segments, not for others', () => {
    const check = courseModule.preRegisterCheck;
    expect(check({ admin_access: true }, {})).toBe(true);
    expect(check({ admin_access: false }, { segments: { read: { access: 'full' } }, waypoints: { read: { access: 'full' } } })).toBe(true);
    expect(check({ admin_access: false }, { entries: { read: { access: 'full' }, create: { access: 'full' } } })).toBe(false);
    expect(check({ admin_access: false }, { segments: { read: { access: 'partial' } } })).toBe(true);
    expect(check({ admin_access: false }, { segments: { read: { access: 'none' } } })).toBe(false);
    expect(check({ admin_access: false }, { segments: { update: { access: 'full' } } })).toBe(false);
    expect(check({ admin_access: false }, undefined)).toBe(false);
  });
});
