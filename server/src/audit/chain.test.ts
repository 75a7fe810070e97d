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
