import { describe, expect, it } from 'vitest';
import type { Unit, UnitLevel } from '../../api/types';
import { ancestorIds, branchIds, buildTree } from './buildTree';

const unit = (id: string, level: UnitLevel, parentId: string | null, code = id): Unit => ({
  id,
  code,
  name: id,
  shortName: null,
  level,
  type: null,
  parentId,
  orgId: null,
  areaCode: null,
  areaName: null,
  fieldCodes: [],
  active: true,
});

const units = [
  unit('c2', 'commune', 'p', '21548'),
  unit('a', 'agency', 'p'),
  unit('c1', 'commune', 'p', '21025'),
  unit('d', 'department', 'o'),
  unit('o', 'office', 'p'),
  unit('p', 'province', null),
  unit('orphan', 'agency', 'missing'),
];

describe('buildTree', () => {
  const tree = buildTree(units);
  it('nests by parentId and keeps orphans as roots', () => {
    expect(tree.map((n) => n.unit.id)).toEqual(['p', 'orphan']);
    expect(tree[0]!.children.map((n) => n.unit.id)).toEqual(['o', 'a', 'c1', 'c2']);
    expect(tree[0]!.children[0]!.children.map((n) => n.unit.id)).toEqual(['d']);
  });
  it('lists branches and ancestors', () => {
    expect(branchIds(tree).sort()).toEqual(['o', 'p']);
    expect(ancestorIds(units, 'd')).toEqual(['p', 'o']);
    expect(ancestorIds(units, 'p')).toEqual([]);
  });
});
