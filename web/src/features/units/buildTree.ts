import type { Unit, UnitLevel } from '../../api/types';
import { viCollator } from '../../lib/text';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

const LEVEL_RANK: Record<UnitLevel, number> = { province: 0, office: 1, department: 2, agency: 3, commune: 4 };

function compareUnits(a: Unit, b: Unit): number {
  return (
    (LEVEL_RANK[a.level] ?? 9) - (LEVEL_RANK[b.level] ?? 9) ||
    viCollator.compare(a.code, b.code) ||
    viCollator.compare(a.name, b.name)
  );
}

/** Builds a forest from a flat unit list by parentId; units whose parent is missing become roots. */
export function buildTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const u of units) nodes.set(u.id, { unit: u, children: [] });
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parentId = node.unit.parentId;
    const parent = parentId && parentId !== node.unit.id ? nodes.get(parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sortDeep = (list: UnitNode[]) => {
    list.sort((a, b) => compareUnits(a.unit, b.unit));
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return roots;
}

/** Ids of every node that has children (to expand all). */
export function branchIds(roots: readonly UnitNode[]): string[] {
  const out: string[] = [];
  const walk = (list: readonly UnitNode[]) => {
    for (const n of list) {
      if (n.children.length) {
        out.push(n.unit.id);
        walk(n.children);
      }
    }
  };
  walk(roots);
  return out;
}

/** Ids from the root down to (excluding) the given unit. */
export function ancestorIds(units: readonly Unit[], id: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: string[] = [];
  let cur = byId.get(id)?.parentId ?? null;
  const seen = new Set<string>();
  while (cur && !seen.has(cur)) {
    seen.add(cur);
    out.unshift(cur);
    cur = byId.get(cur)?.parentId ?? null;
  }
  return out;
}
