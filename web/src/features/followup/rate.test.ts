import { describe, expect, it } from 'vitest';
import { rateToPercent } from './api';
import { weekday } from '../calendar/api';

describe('follow-up figures', () => {
  it('shows the on-time rate as a whole percentage whether sent as 0..1 or 0..100', () => {
    expect(rateToPercent(1)).toBe(100);
    expect(rateToPercent(0.857)).toBe(86);
    expect(rateToPercent(0)).toBe(0);
    expect(rateToPercent(72.4)).toBe(72);
    expect(rateToPercent(null)).toBeNull();
    expect(rateToPercent(Number.NaN)).toBeNull();
  });
  it('names the weekday of a calendar date without shifting it', () => {
    expect(weekday('2026-02-16')).toBe(1); // Monday, first day of Tết 2026
    expect(weekday('2026-04-26')).toBe(0); // Sunday, Giỗ Tổ Hùng Vương
  });
});
