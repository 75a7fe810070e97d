import { useQuery } from '@tanstack/react-query';
import { peopleApi } from '../../api/endpoints';

export const peopleKeys = {
  all: ['people'] as const,
  list: (unitId: string | null) => ['people', unitId ?? 'all'] as const,
};

export function usePeople(unitId: string | null) {
  return useQuery({
    queryKey: peopleKeys.list(unitId),
    queryFn: () => peopleApi.list(unitId ? { unitId } : {}),
    placeholderData: (prev) => prev,
  });
}
