import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, setCsrfToken } from './client';

export function createQueryClient(): QueryClient {
  // Session expired while using the app: drop it so the router sends the user to the login page.
  const dropSession = (error: unknown) => {
    if (isApiError(error) && error.status === 401 && error.code !== 'INVALID_CREDENTIALS') {
      setCsrfToken(null);
      client.setQueryData(['session'], null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] !== 'session') dropSession(error);
      },
    }),
    mutationCache: new MutationCache({ onError: dropSession }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}
