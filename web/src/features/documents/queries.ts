import { useQuery } from '@tanstack/react-query';
import { documentsApi, outgoingApi } from '../../api/endpoints';
import { isApiError } from '../../api/client';
import type { Direction, DocumentQuery } from '../../api/types';

export const docKeys = {
  all: ['documents'] as const,
  list: (direction: Direction, query: DocumentQuery) => ['documents', 'list', direction, query] as const,
  one: (id: string) => ['documents', 'one', id] as const,
  versions: (id: string) => ['documents', 'versions', id] as const,
  register: (direction: Direction, year: number) => ['documents', 'register', direction, year] as const,
};

export function useDocTypes() {
  return useQuery({ queryKey: ['documentTypes'], queryFn: () => documentsApi.types(), staleTime: Infinity });
}

export function useDocumentList(direction: Direction, query: DocumentQuery) {
  return useQuery({
    queryKey: docKeys.list(direction, query),
    queryFn: () => documentsApi.list(direction, query),
    placeholderData: (prev) => prev,
  });
}

export function useDocument(id: string) {
  return useQuery({ queryKey: docKeys.one(id), queryFn: () => documentsApi.get(id), enabled: !!id });
}

export function useVersions(id: string, enabled: boolean) {
  return useQuery({ queryKey: docKeys.versions(id), queryFn: () => outgoingApi.versions(id), enabled });
}

/** OCR availability; a server without the endpoint counts as unknown (null), not as an error. */
export function useOcrStatus() {
  return useQuery({
    queryKey: ['ocrStatus'],
    queryFn: async () => {
      try {
        return await documentsApi.ocrStatus();
      } catch (e) {
        if (isApiError(e) && e.status === 404) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}
