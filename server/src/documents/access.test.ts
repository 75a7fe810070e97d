import { describe, expect, it } from 'vitest';
import { canSee, visibleSql } from './access.js';

const doc = { secrecy: 0, registerUnitId: 'ubnd', issuerUnitId: 'stc' };

describe('document visibility', () => {
  it('hides secret documents from people not cleared for their level', () => {
    const clerk = { id: '1', username: 'v', roles: ['clerk'], clearance: 1, orgUnitId: 'ubnd' };
    expect(canSee(clerk, { ...doc, secrecy: 1 })).toBe(true);
    expect(canSee(clerk, { ...doc, secrecy: 2 })).toBe(false);
  });
  it('limits agency and commune users to their own organisation', () => {
    const agency = { id: '2', username: 'a', roles: ['agency_user'], clearance: 0, orgUnitId: 'stc' };
    expect(canSee(agency, doc)).toBe(true);
    expect(canSee(agency, { ...doc, issuerUnitId: 'sxd' })).toBe(false);
  });
  it('expresses the same rule in SQL', () => {
    const p: unknown[] = [];
    expect(visibleSql({ id: '2', username: 'a', roles: ['commune_user'], clearance: 0, orgUnitId: 'x' }, p)).toBe(
      'd.secrecy <= $1 AND (d.register_unit_id = $2 OR d.issuer_unit_id = $2)',
    );
    expect(p).toEqual([0, 'x']);
  });
});
