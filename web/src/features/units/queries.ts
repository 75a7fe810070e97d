import { useQuery } from '@tanstack/react-query';
import { orgApi } from '../../api/endpoints';
import type { UnitLevel } from '../../api/types';

export const unitKeys = {
  all: ['units'] as const,
  list: (level?: UnitLevel) => ['units', level ?? 'all'] as const,
};

export function useUnits(level?: UnitLevel) {
  return useQuery({ queryKey: unitKeys.list(level), queryFn: () => orgApi.units(level ? { level } : {}) });
}

export function useFields() {
  return useQuery({ queryKey: ['fields'], queryFn: () => orgApi.fields(), staleTime: 5 * 60_000 });
}

export function useAreas() {
  return useQuery({ queryKey: ['areas'], queryFn: () => orgApi.areas(), staleTime: 5 * 60_000 });
}
