import { useQuery } from '@tanstack/react-query';
import { assignmentsApi } from '../../api/endpoints';

export const assignmentKeys = {
  all: ['assignments'] as const,
  list: (date: string) => ['assignments', 'list', date] as const,
  history: (leaderId: string) => ['assignments', 'history', leaderId] as const,
};

export function useAssignments(date: string) {
  return useQuery({
    queryKey: assignmentKeys.list(date),
    queryFn: () => assignmentsApi.list(date || undefined),
    placeholderData: (prev) => prev,
  });
}

export function useAssignmentHistory(leaderId: string | null) {
  return useQuery({
    queryKey: assignmentKeys.history(leaderId ?? ''),
    queryFn: () => assignmentsApi.history(leaderId ?? ''),
    enabled: !!leaderId,
  });
}
