import { useQuery } from '@tanstack/react-query';
import { routingApi } from '../../api/endpoints';
import { isApiError } from '../../api/client';
import type { IncomingInput } from '../../api/types';

export const routingKeys = {
  all: ['routing'] as const,
  route: (documentId: string) => ['routing', 'route', documentId] as const,
  preview: (input: IncomingInput | null) => ['routing', 'preview', input] as const,
  policy: ['routing', 'policy'] as const,
  versions: ['routing', 'versions'] as const,
  version: (v: number) => ['routing', 'version', v] as const,
  catalogue: ['routing', 'catalogue'] as const,
  communes: (months: number) => ['routing', 'communes', months] as const,
};

/** The stored route of a document; null when it has none (registered before routing existed). */
export function useDocumentRoute(documentId: string, enabled = true) {
  return useQuery({
    queryKey: routingKeys.route(documentId),
    queryFn: async () => {
      try {
        return await routingApi.route(documentId);
      } catch (e) {
        if (isApiError(e) && e.status === 404) return null;
        throw e;
      }
    },
    enabled: enabled && !!documentId,
  });
}

/** The route the registration form would get; `input` null while the form is incomplete. */
export function useRoutePreview(input: IncomingInput | null) {
  return useQuery({
    queryKey: routingKeys.preview(input),
    queryFn: () => routingApi.preview(input!),
    enabled: input !== null,
    placeholderData: (prev) => prev,
    staleTime: 60_000,
    retry: false,
  });
}

export function usePolicy() {
  return useQuery({ queryKey: routingKeys.policy, queryFn: () => routingApi.policy() });
}

export function usePolicyVersions() {
  return useQuery({ queryKey: routingKeys.versions, queryFn: () => routingApi.versions() });
}

export function usePolicyVersion(version: number | null) {
  return useQuery({
    queryKey: routingKeys.version(version ?? 0),
    queryFn: () => routingApi.version(version!),
    enabled: version !== null,
  });
}

export function useCatalogue() {
  return useQuery({ queryKey: routingKeys.catalogue, queryFn: () => routingApi.catalogue() });
}

export function useCommunesOverview(months: number) {
  return useQuery({
    queryKey: routingKeys.communes(months),
    queryFn: () => routingApi.communes(months),
    placeholderData: (prev) => prev,
  });
}
