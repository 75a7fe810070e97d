import { describe, expect, it } from 'vitest';
import { buildNotation, dateInVietnam, formatCode, formatNumber, seriesOf, yearInVietnam } from './numbering.js';

describe('numbering rules', () => {
  it('writes numbers below 10 with a leading zero', () => {
    expect(formatNumber(5)).toBe('05');
    expect(formatNumber(10)).toBe('10');
    expect(formatCode(5, 'QĐ-UBND')).toBe('05/QĐ-UBND');
  });
  it('builds notations for typed documents and công văn', () => {
    expect(buildNotation('QĐ', 'UBND')).toBe('QĐ-UBND');
    expect(buildNotation('BC', 'VP')).toBe('BC-VP');
    expect(buildNotation('CV', 'UBND', 'KT')).toBe('UBND-KT');
    expect(buildNotation('CV', 'VP', 'TH')).toBe('VP-TH');
  });
  it('takes the year and date in Vietnam time across the new year', () => {
    expect(yearInVietnam(new Date('2025-12-31T16:59:59Z'))).toBe(2025);
    expect(yearInVietnam(new Date('2025-12-31T17:00:00Z'))).toBe(2026);
    expect(dateInVietnam(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
  });
  it('separates legal normative and secret series', () => {
    expect(seriesOf({ type: 'QĐ' })).toBe('normal');
    expect(seriesOf({ type: 'QĐ', legalNormative: true })).toBe('legal:QĐ');
    expect(seriesOf({ type: 'CV', secrecy: 1 })).toBe('secret');
  });
});
