import { describe, expect, it } from 'vitest';
import { addDays, isValidIsoDate, todayInVietnam } from '../calendar/civil-date.js';
import { planAssignmentChange } from './assignments.js';
import { isOverQuota } from './quotas.js';

describe('assignment periods', () => {
  const open = { id: 'a', validFrom: '2026-01-01', validTo: null };
  it('closes the open period the day before the new one', () => {
    expect(planAssignmentChange(open, '2026-03-01')).toEqual({
      kind: 'close-and-insert',
      closeId: 'a',
      closeTo: '2026-02-28',
    });
  });
  it('replaces a period changed on its own first day and refuses to rewrite earlier history', () => {
    expect(planAssignmentChange(open, '2026-01-01')).toEqual({ kind: 'replace', replaceId: 'a' });
    expect(planAssignmentChange(open, '2025-12-31')).toEqual({ kind: 'reject', currentFrom: '2026-01-01' });
    expect(planAssignmentChange(undefined, '2025-12-31')).toEqual({ kind: 'insert' });
  });
  it('handles month and leap-year edges', () => {
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
  it('validates calendar dates strictly', () => {
    expect(isValidIsoDate('2026-02-30')).toBe(false);
    expect(isValidIsoDate('2026-2-3')).toBe(false);
    expect(isValidIsoDate('2026-02-28')).toBe(true);
  });
  it('takes today in Vietnam time, not UTC', () => {
    expect(todayInVietnam(new Date('2026-01-05T18:30:00Z'))).toBe('2026-01-06');
  });
});

describe('staffing quota', () => {
  it('flags a unit over either quota, without offsetting one against the other', () => {
    expect(isOverQuota({ approvedCivil: 10, approvedPublic: 5, actualCivil: 10, actualPublic: 5 })).toBe(false);
    expect(isOverQuota({ approvedCivil: 10, approvedPublic: 5, actualCivil: 11, actualPublic: 0 })).toBe(true);
    expect(isOverQuota({ approvedCivil: 10, approvedPublic: 5, actualCivil: 0, actualPublic: 6 })).toBe(true);
  });
});
