import { describe, expect, it } from 'vitest';
import { canonicalJson, firstBrokenRow, GENESIS_HASH, rowHash, type StoredAuditRow } from './chain.js';

function chain(n: number): StoredAuditRow[] {
  const rows: StoredAuditRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const c = {
      at: `2026-01-0${i}T00:00:00.000Z`,
      actorId: null,
      actorName: 'admin',
      action: 'update',
      entity: 'unit',
      entityId: String(i),
      before: { name: `A${i}` },
      after: { name: `B${i}`, n: i },
    };
    const hash = rowHash(prev, c);
    rows.push({ ...c, id: i, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit chain', () => {
  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
  it('writes what the earlier map/filter/join form wrote, on generated values', () => {
    const earlier = (v: unknown): string => {
      if (v === null || v === undefined) return 'null';
      if (Array.isArray(v)) return `[${v.map(earlier).join(',')}]`;
      if (v instanceof Date) return JSON.stringify(v.toISOString());
      if (typeof v === 'object') {
        const o = v as Record<string, unknown>;
        const keys = Object.keys(o)
          .filter((k) => o[k] !== undefined)
          .sort();
        return `{${keys.map((k) => `${JSON.stringify(k)}:${earlier(o[k])}`).join(',')}}`;
      }
      return JSON.stringify(v);
    };
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const leaves = [0, -1.5, 1e21, true, false, '', 'Đỗ "Văn" Hải\n', null, undefined, new Date(Date.UTC(2026, 0, 6))];
    const keys = ['', 'a', 'B', 'b', 'đ', 'z"q', '10', '2', 'route'];
    const gen = (depth: number): unknown => {
      const r = next() % 10;
      if (depth > 3 || r < 4) return leaves[next() % leaves.length];
      if (r < 6) return Array.from({ length: next() % 4 }, () => gen(depth + 1));
      return Object.fromEntries(
        Array.from({ length: next() % 6 }, () => [keys[next() % keys.length]!, gen(depth + 1)]),
      );
    };
    for (let i = 0; i < 2000; i++) {
      const v = gen(0);
      expect(canonicalJson(v)).toBe(earlier(v));
    }
  });
  it('accepts an intact chain', () => {
    expect(firstBrokenRow(chain(5))).toBeNull();
  });
  it('names the first row whose content was changed', () => {
    const rows = chain(5);
    rows[2]!.after = { name: 'tampered', n: 3 };
    expect(firstBrokenRow(rows)).toBe(3);
  });
  it('names the row after a deleted one', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(firstBrokenRow(rows)).toBe(3);
  });
});
