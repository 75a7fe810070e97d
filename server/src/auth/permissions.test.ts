import { describe, expect, it } from 'vitest';
import { can, ownUnitOnly, permissionsOf } from './permissions.js';

describe('permissions', () => {
  it('gives admin every permission and a clerk no admin ones', () => {
    expect(can(['admin'], 'users.write')).toBe(true);
    expect(can(['clerk'], 'users.write')).toBe(false);
    expect(can(['clerk'], 'org.read')).toBe(true);
  });
  it('unions the permissions of several roles', () => {
    expect(permissionsOf(['clerk', 'chairman'])).toContain('audit.read');
    expect(permissionsOf([])).toEqual([]);
  });
  it('scopes agency and commune users to their unit unless they also hold a province role', () => {
    expect(ownUnitOnly(['commune_user'])).toBe(true);
    expect(ownUnitOnly(['agency_user'])).toBe(true);
    expect(ownUnitOnly(['agency_user', 'admin'])).toBe(false);
    expect(ownUnitOnly(['clerk'])).toBe(false);
  });
});
