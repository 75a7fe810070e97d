import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../api/endpoints';
import { isApiError, setCsrfToken } from '../../api/client';
import type { Session, User } from '../../api/types';

export const SESSION_KEY = ['session'] as const;

async function loadSession(): Promise<Session | null> {
  try {
    const session = await authApi.me();
    setCsrfToken(session.csrfToken);
    return session;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** The current session: undefined while loading, null when signed out. */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: loadSession, staleTime: Infinity, retry: false });
}

/** The signed-in user; only call below <RequireAuth>. */
export function useUser(): User {
  const { data } = useSession();
  if (!data) throw new Error('useUser() outside an authenticated route');
  return data.user;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { username: string; password: string }) => authApi.login(v.username, v.password),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      qc.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await authApi.logout();
      } catch (e) {
        if (!(isApiError(e) && e.status === 401)) throw e;
      }
    },
    onSettled: () => {
      setCsrfToken(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      qc.setQueryData(SESSION_KEY, null);
    },
  });
}

export function can(user: User | null | undefined, permission: string): boolean {
  if (!user) return false;
  return user.permissions.includes(permission) || user.roles.includes('admin');
}
