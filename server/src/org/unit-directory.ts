import type { Queryable } from '../platform/db.js';
import { foldVietnamese } from '../platform/text.js';
import { unitNameKey } from './unit-names.js';

export interface UnitEntry {
  id: string;
  name: string;
  code: string;
  level: string;
  areaCode: string | null;
}

/**
 * The units by code and by name key, read once and kept for `ttlMs`. Registration resolves
 * issuers here instead of querying per document; a unit created or renamed on another instance
 * is seen within the TTL (and the routing generation check recomputes routes meanwhile).
 */
export function createUnitDirectory(ttlMs = 30_000) {
  let loaded: { at: number; byCode: Map<string, UnitEntry>; byKey: Map<string, UnitEntry>; suffix: string } | null =
    null;

  async function load(q: Queryable) {
    if (loaded && Date.now() - loaded.at < ttlMs) return loaded;
    const units = await q.query<UnitEntry>(
      'SELECT id, name, code, level, area_code AS "areaCode" FROM units WHERE active',
    );
    const province = units.find((x) => x.level === 'province');
    const suffix = province ? foldVietnamese(province.name).replace(/^uy ban nhan dan /, '') : '';
    loaded = {
      at: Date.now(),
      suffix,
      byCode: new Map(units.map((u) => [u.code, u])),
      byKey: new Map(units.map((u) => [unitNameKey(u.name, suffix), u])),
    };
    return loaded;
  }

  return {
    async byCode(q: Queryable, code: string): Promise<UnitEntry | null> {
      const hit = (await load(q)).byCode.get(code);
      if (hit) return hit;
      // An unknown code may be a unit created a moment ago: look once more before refusing.
      loaded = null;
      return (await load(q)).byCode.get(code) ?? null;
    },
    /** The unit a free-text name designates, however it is written ("UBND xã …", "… tỉnh Quảng Ngãi"). */
    async byName(q: Queryable, name: string): Promise<UnitEntry | null> {
      const d = await load(q);
      return d.byKey.get(unitNameKey(name, d.suffix)) ?? null;
    },
    invalidate() {
      loaded = null;
    },
  };
}

export type UnitDirectory = ReturnType<typeof createUnitDirectory>;
