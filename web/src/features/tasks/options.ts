import { useMemo } from 'react';
import type { ComboboxData } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person, UnitLevel } from '../../api/types';
import { usePeople } from '../people/queries';
import { useUnits } from '../units/queries';

const LEVEL_ORDER: UnitLevel[] = ['department', 'office', 'agency', 'province', 'commune'];

/** Active units grouped by level (Office departments first, then agencies, then communes) for selects. */
export function useUnitOptions(levels: UnitLevel[] = LEVEL_ORDER) {
  const { t } = useTranslation();
  const units = useUnits();
  const key = levels.join(',');
  const data = useMemo<ComboboxData>(() => {
    const items = units.data?.items ?? [];
    return key
      .split(',')
      .map((level) => ({
        group: t(`level.${level as UnitLevel}`),
        items: items
          .filter((u) => u.active && u.level === level)
          .map((u) => ({ value: u.id, label: u.name }))
          .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
      }))
      .filter((g) => g.items.length > 0);
  }, [units.data, key, t]);
  const nameOf = (id: string | null | undefined) => (id && units.data?.items.find((u) => u.id === id)?.name) || '';
  return { data, loading: units.isPending, nameOf, units: units.data?.items ?? [] };
}

export const LEADER_ROLES = ['chairman', 'vice_chairman'];

const isLeader = (p: Person) => p.roles.some((r) => LEADER_ROLES.includes(r));

/** People as select options "Name — position"; `leadersOnly` keeps the Chairman and Vice Chairmen. */
export function usePeopleOptions(unitId: string | null, leadersOnly = false) {
  const people = usePeople(unitId);
  const data = useMemo(
    () =>
      (people.data?.items ?? [])
        .filter((p) => p.active && (!leadersOnly || isLeader(p)))
        .map((p) => ({ value: p.id, label: `${p.fullName} — ${p.position}` })),
    [people.data, leadersOnly],
  );
  return { data, loading: people.isPending, people: people.data?.items ?? [] };
}
