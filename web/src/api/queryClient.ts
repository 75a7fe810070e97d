import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, setCsrfToken } from './client';

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // Session expired while using the app: drop it so the router sends the user to the login page.
        if (isApiError(error) && error.status === 401 && query.queryKey[0] !== 'session') {
          setCsrfToken(null);
          client.setQueryData(['session'], null);
        }
      },
    }),
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
