import { describe, expect, it } from 'vitest';
import { parseQuery, toTsQuery } from './search.js';

describe('search query parsing', () => {
  it('recognises a số/ký hiệu and normalises its number', () => {
    expect(parseQuery('1677/NQ-UBTVQH15')).toEqual({ code: '1677/nq-ubtvqh15', words: [] });
    expect(parseQuery(' 5/QĐ-UBND ')).toEqual({ code: '05/qd-ubnd', words: [] });
  });
  it('folds words for diacritic-insensitive full text', () => {
    expect(parseQuery('Phân luồng văn bản')).toEqual({ code: null, words: ['phan', 'luong', 'van', 'ban'] });
    expect(toTsQuery(['phan', 'luong'])).toBe('phan & luong:*');
  });
  it('leaves out syllables found in nearly every subject, unless nothing else is left', () => {
    expect(parseQuery('V/v đề nghị giao đất tại xã Bình Sơn').words).toEqual(['giao', 'dat', 'binh', 'son']);
    expect(parseQuery('về việc').words).toEqual(['ve', 'viec']);
    expect(toTsQuery([])).toBeNull();
  });
});
