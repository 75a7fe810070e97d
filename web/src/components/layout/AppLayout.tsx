import { AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router-dom';
import { can, useUser } from '../../features/auth/session';
import { paths } from '../../routes/paths';
import { NotificationsBell } from '../../features/inbox/NotificationsBell';
import { useWorkT } from '../../i18n/work';
import { LanguageToggle } from './LanguageToggle';
import { UserMenu } from './UserMenu';

const workLinks = [
  { to: paths.inbox, label: 'workNav.inbox', testId: 'nav-inbox', permission: null },
  { to: paths.tasks, label: 'workNav.tasks', testId: 'nav-tasks', permission: 'documents.read' },
  { to: paths.taskImport, label: 'workNav.import', testId: 'nav-task-import', permission: 'tasks.create' },
  { to: paths.dashboard, label: 'workNav.dashboard', testId: 'nav-dashboard', permission: 'documents.read' },
  { to: paths.calendar, label: 'workNav.calendar', testId: 'nav-calendar', permission: 'calendar.read' },
] as const;

const documentLinks = [
  { to: paths.incoming, label: 'docs.incoming', testId: 'nav-incoming', permission: 'documents.read' },
  { to: paths.outgoing, label: 'docs.outgoing', testId: 'nav-outgoing', permission: 'documents.read' },
  { to: paths.registers, label: 'docs.registers', testId: 'nav-registers', permission: 'documents.read' },
] as const;

const routingLinks = [
  { to: paths.routingPolicy, label: 'routingNav.policy', testId: 'nav-routing-policy', permission: 'routing.read' },
  {
    to: paths.routingCatalogue,
    label: 'routingNav.catalogue',
    testId: 'nav-routing-catalogue',
    permission: 'routing.read',
  },
  {
    to: paths.routingCommunes,
    label: 'routingNav.communes',
    testId: 'nav-routing-communes',
    permission: 'routing.read',
  },
] as const;

const orgLinks = [
  { to: paths.units, label: 'nav.units', testId: 'nav-units', permission: 'org.read' },
  { to: paths.communes, label: 'nav.communes', testId: 'nav-communes', permission: 'org.read' },
  { to: paths.people, label: 'nav.people', testId: 'nav-people', permission: 'people.read' },
  { to: paths.assignments, label: 'nav.assignments', testId: 'nav-assignments', permission: 'org.read' },
  { to: paths.quotas, label: 'nav.quotas', testId: 'nav-quotas', permission: 'quotas.read' },
] as const;

export function AppLayout() {
  const { t } = useTranslation();
  const tw = useWorkT();
  const user = useUser();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isActive = (to: string) => location.pathname === to || location.pathname.startsWith(`${to}/`);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <div>
              <Title order={4} lh={1.1}>
                {t('app.name')}
              </Title>
              <Text size="xs" c="dimmed" lh={1.1} visibleFrom="xs">
                {t('app.office')}
              </Text>
            </div>
          </Group>
          <Group gap="md" wrap="nowrap">
            <NotificationsBell />
            <LanguageToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" data-testid="navbar">
        <nav aria-label={t('nav.organization')}>
          <NavLink label={tw('workNav.group')} defaultOpened childrenOffset={16} fw={600} data-testid="nav-work">
            {workLinks
              .filter((l) => l.permission === null || can(user, l.permission))
              .map((l) => (
                <NavLink
                  key={l.to}
                  component={RouterNavLink}
                  to={l.to}
                  label={tw(l.label)}
                  // "Nhiệm vụ" stays unlit on its import sub-page, which has its own link.
                  active={l.to === paths.tasks ? isActive(l.to) && !isActive(paths.taskImport) : isActive(l.to)}
                  end={l.to === paths.tasks}
                  onClick={close}
                  data-testid={l.testId}
                />
              ))}
          </NavLink>
          {documentLinks.some((l) => can(user, l.permission)) && (
            <NavLink label={t('docs.nav')} defaultOpened childrenOffset={16} fw={600} data-testid="nav-documents">
              {documentLinks
                .filter((l) => can(user, l.permission))
                .map((l) => (
                  <NavLink
                    key={l.to}
                    component={RouterNavLink}
                    to={l.to}
                    label={t(l.label)}
                    active={isActive(l.to)}
                    onClick={close}
                    data-testid={l.testId}
                  />
                ))}
            </NavLink>
          )}
          {routingLinks.some((l) => can(user, l.permission)) && (
            <NavLink label={t('routingNav.group')} defaultOpened childrenOffset={16} fw={600} data-testid="nav-routing">
              {routingLinks
                .filter((l) => can(user, l.permission))
                .map((l) => (
                  <NavLink
                    key={l.to}
                    component={RouterNavLink}
                    to={l.to}
                    label={t(l.label)}
                    active={isActive(l.to)}
                    onClick={close}
                    data-testid={l.testId}
                  />
                ))}
            </NavLink>
          )}
          <NavLink label={t('nav.organization')} defaultOpened childrenOffset={16} fw={600} data-testid="nav-org">
            {orgLinks
              .filter((l) => can(user, l.permission))
              .map((l) => (
                <NavLink
                  key={l.to}
                  component={RouterNavLink}
                  to={l.to}
                  label={t(l.label)}
                  active={isActive(l.to)}
                  onClick={close}
                  data-testid={l.testId}
                />
              ))}
          </NavLink>
          {can(user, 'audit.read') && (
            <NavLink
              component={RouterNavLink}
              to={paths.audit}
              label={t('nav.audit')}
              active={isActive(paths.audit)}
              onClick={close}
              fw={600}
              data-testid="nav-audit"
            />
          )}
        </nav>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
