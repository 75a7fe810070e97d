import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { handlingApi, tasksApi, type TaskQuery } from './api';

export const taskKeys = {
  all: ['tasks'] as const,
  list: (query: TaskQuery) => ['tasks', 'list', query] as const,
  one: (id: string) => ['tasks', 'one', id] as const,
  handling: (documentId: string) => ['tasks', 'handling', documentId] as const,
};

export function useTasks(query: TaskQuery) {
  return useQuery({
    queryKey: taskKeys.list(query),
    queryFn: () => tasksApi.list(query),
    placeholderData: (prev) => prev,
  });
}

export function useTask(id: string) {
  return useQuery({ queryKey: taskKeys.one(id), queryFn: () => tasksApi.get(id), enabled: !!id });
}

/** The handling chain of an incoming document; null when the server has none for it. */
export function useHandling(documentId: string) {
  return useQuery({
    queryKey: taskKeys.handling(documentId),
    queryFn: async () => {
      try {
        return await handlingApi.get(documentId);
      } catch (e) {
        if (isApiError(e) && e.status === 404) return null;
        throw e;
      }
    },
    enabled: !!documentId,
  });
}
