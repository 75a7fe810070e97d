import { describe, expect, it } from 'vitest';
import { addDays, formatDate, formatDateTime, todayIso } from './date';

describe('dates', () => {
  it('shows calendar dates as dd/MM/yyyy without shifting them', () => {
    expect(formatDate('2026-01-06')).toBe('06/01/2026');
    expect(formatDate(null)).toBe('');
  });
  it('converts timestamps to Asia/Ho_Chi_Minh', () => {
    // 17:30 UTC on 5 Jan is 00:30 on 6 Jan in Vietnam (UTC+7).
    expect(formatDate('2026-01-05T17:30:00Z')).toBe('06/01/2026');
    expect(formatDateTime('2026-01-05T17:30:05Z')).toBe('06/01/2026 00:30:05');
    expect(todayIso(new Date('2026-01-05T17:30:00Z'))).toBe('2026-01-06');
  });
  it('adds days across months', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
