import { Navigate, Route, Routes } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { AppLayout } from '../components/layout/AppLayout';
import { UnitTreePage } from '../features/units/UnitTreePage';
import { CommunesPage } from '../features/communes/CommunesPage';
import { PeoplePage } from '../features/people/PeoplePage';
import { AssignmentsPage } from '../features/assignments/AssignmentsPage';
import { QuotasPage } from '../features/quotas/QuotasPage';
import { AuditPage } from '../features/audit/AuditPage';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth, RequirePermission } from './guards';
import { paths } from './paths';

export function AppRoutes() {
  return (
    <Routes>
      <Route path={paths.login} element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to={paths.units} replace />} />
        <Route
          path={paths.units}
          element={
            <RequirePermission permission="org.read">
              <UnitTreePage />
            </RequirePermission>
          }
        />
        <Route
          path={paths.communes}
          element={
            <RequirePermission permission="org.read">
              <CommunesPage />
            </RequirePermission>
          }
        />
        <Route
          path={paths.people}
          element={
            <RequirePermission permission="people.read">
              <PeoplePage />
            </RequirePermission>
          }
        />
        <Route
          path={paths.assignments}
          element={
            <RequirePermission permission="org.read">
              <AssignmentsPage />
            </RequirePermission>
          }
        />
        <Route
          path={paths.quotas}
          element={
            <RequirePermission permission="quotas.read">
              <QuotasPage />
            </RequirePermission>
          }
        />
        <Route
          path={paths.audit}
          element={
            <RequirePermission permission="audit.read">
              <AuditPage />
            </RequirePermission>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
