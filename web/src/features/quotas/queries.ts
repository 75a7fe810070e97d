import { useQuery } from '@tanstack/react-query';
import { quotasApi } from '../../api/endpoints';

export const quotaKeys = {
  all: ['quotas'] as const,
  list: (year: number) => ['quotas', year] as const,
};

export function useQuotas(year: number) {
  return useQuery({
    queryKey: quotaKeys.list(year),
    queryFn: () => quotasApi.list(year),
    placeholderData: (prev) => prev,
  });
}

export const approvedTotal = (q: { approvedCivil: number; approvedPublic: number }) =>
  q.approvedCivil + q.approvedPublic;
export const actualTotal = (q: { actualCivil: number; actualPublic: number }) => q.actualCivil + q.actualPublic;
