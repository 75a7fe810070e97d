import { Navigate, Route, Routes } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { AppLayout } from '../components/layout/AppLayout';
import { UnitTreePage } from '../features/units/UnitTreePage';
import { CommunesPage } from '../features/communes/CommunesPage';
import { PeoplePage } from '../features/people/PeoplePage';
import { AssignmentsPage } from '../features/assignments/AssignmentsPage';
import { QuotasPage } from '../features/quotas/QuotasPage';
import { AuditPage } from '../features/audit/AuditPage';
import { DocumentListPage } from '../features/documents/DocumentListPage';
import { DocumentPage } from '../features/documents/DocumentPage';
import { DraftFormPage } from '../features/documents/DraftFormPage';
import { IncomingRegisterPage } from '../features/documents/IncomingRegisterPage';
import { RegistersPage } from '../features/documents/RegistersPage';
import { PolicyPage } from '../features/routing/PolicyPage';
import { CataloguePage } from '../features/routing/CataloguePage';
import { CommunesOverviewPage } from '../features/routing/CommunesOverviewPage';
import { InboxPage } from '../features/inbox/InboxPage';
import { TasksPage } from '../features/tasks/TasksPage';
import { TaskPage } from '../features/tasks/TaskPage';
import { ImportConclusionsPage } from '../features/tasks/ImportConclusionsPage';
import { DashboardPage } from '../features/followup/DashboardPage';
import { CalendarPage } from '../features/calendar/CalendarPage';
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
        <Route index element={<Navigate to={paths.inbox} replace />} />
        <Route path={paths.inbox} element={<InboxPage />} />
        <Route
          path={paths.tasks}
          element={
            <RequirePermission permission="documents.read">
              <TasksPage />
            </RequirePermission>
          }
        />
        <Route
          path={paths.taskImport}
          element={
            <RequirePermission permission="tasks.create">
              <ImportConclusionsPage />
            </RequirePermission>
          }
        />
        <Route
          path={paths.task}
          element={
            <RequirePermission permission="documents.read">
              <TaskPage />
            </RequirePermission>
          }
        />
        <Route
          path={paths.dashboard}
          element={
            <RequirePermission permission="documents.read">
              <DashboardPage />
            </RequirePermission>
          }
        />
        <Route
          path={paths.calendar}
          element={
            <RequirePermission permission="calendar.read">
              <CalendarPage />
            </RequirePermission>
          }
        />
        <Route
          path={paths.incoming}
          element={
            <RequirePermission permission="documents.read">
              <DocumentListPage key="in" direction="in" />
            </RequirePermission>
          }
        />
        <Route
          path={paths.incomingNew}
          element={
            <RequirePermission permission="incoming.register">
              <IncomingRegisterPage />
            </RequirePermission>
          }
        />
        <Route
          path={paths.outgoing}
          element={
            <RequirePermission permission="documents.read">
              <DocumentListPage key="out" direction="out" />
            </RequirePermission>
          }
        />
        <Route
          path={paths.outgoingNew}
          element={
            <RequirePermission permission="outgoing.draft">
              <DraftFormPage key="new" />
            </RequirePermission>
          }
        />
        <Route
          path={paths.outgoingEdit}
          element={
            <RequirePermission permission="outgoing.draft">
              <DraftFormPage key="edit" />
            </RequirePermission>
          }
        />
        <Route
          path={paths.document}
          element={
            <RequirePermission permission="documents.read">
              <DocumentPage />
            </RequirePermission>
          }
        />
        <Route
          path={paths.registers}
          element={
            <RequirePermission permission="documents.read">
              <RegistersPage />
            </RequirePermission>
          }
        />
        <Route
          path={paths.routingPolicy}
          element={
            <RequirePermission permission="routing.read">
              <PolicyPage />
            </RequirePermission>
          }
        />
        <Route
          path={paths.routingCatalogue}
          element={
            <RequirePermission permission="routing.read">
              <CataloguePage />
            </RequirePermission>
          }
        />
        <Route
          path={paths.routingCommunes}
          element={
            <RequirePermission permission="routing.read">
              <CommunesOverviewPage />
            </RequirePermission>
          }
        />
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
