import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface UnitFollowup {
  unitId: string;
  name: string;
  open: number;
  overdue: number;
  nearDue: number;
  doneOnTime: number;
  doneLate: number;
  /** 0..1 (or a percentage; see rateToPercent); null when nothing is done yet. */
  onTimeRate: number | null;
}

export interface LeaderFollowup extends Partial<Omit<UnitFollowup, 'unitId'>> {
  leaderId?: string;
  id?: string;
  name: string;
}

export interface FollowupOverview {
  byUnit: UnitFollowup[];
  byLeader: LeaderFollowup[];
  trend: { month: string; onTimeRate: number | null; done: number }[];
  workloadByDepartment: { unitId: string; name: string; open: number }[];
  months?: number;
}

export const followupApi = {
  overview: (months: number) => api.get<FollowupOverview>('/api/followup/overview', { months }),
};

export function useFollowupOverview(months: number) {
  return useQuery({
    queryKey: ['followup', 'overview', months],
    queryFn: () => followupApi.overview(months),
    placeholderData: (prev) => prev,
  });
}

/** The on-time rate as a whole percentage: the server may send 0..1 or 0..100. */
export function rateToPercent(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null;
  return Math.round(rate <= 1 ? rate * 100 : rate);
}
