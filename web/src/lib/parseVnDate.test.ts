import { describe, expect, it } from 'vitest';
import { parseVnDate } from './date';

describe('parseVnDate', () => {
  it('reads dd/MM/yyyy and ISO', () => {
    expect(parseVnDate('06/01/2026')).toBe('2026-01-06');
    expect(parseVnDate('6/1/2026')).toBe('2026-01-06');
    expect(parseVnDate('2026-01-06')).toBe('2026-01-06');
  });
  it('rejects impossible dates', () => {
    expect(parseVnDate('30/02/2026')).toBeNull();
    expect(parseVnDate('01/13/2026')).toBeNull();
    expect(parseVnDate('hôm nay')).toBeNull();
  });
});
