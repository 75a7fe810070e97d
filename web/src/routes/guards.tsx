import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { can, useSession } from '../features/auth/session';
import { FullPageLoader } from '../components/FullPageLoader';
import { QueryError } from '../components/QueryError';
import { ForbiddenPage } from './NotFoundPage';
import { paths } from './paths';

export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageLoader />;
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    return <Navigate to={paths.login} replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}

export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const session = useSession();
  if (!can(session.data?.user, permission)) return <ForbiddenPage />;
  return <>{children}</>;
}
