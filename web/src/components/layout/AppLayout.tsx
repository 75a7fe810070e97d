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

type NavEntry = { to: string; label: string; testId: string; active: boolean; end?: boolean };

export function AppLayout() {
  const { t } = useTranslation();
  const tw = useWorkT();
  const user = useUser();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isActive = (to: string) => location.pathname === to || location.pathname.startsWith(`${to}/`);
  const allowed = <L extends { permission: string | null }>(links: readonly L[]) =>
    links.filter((l) => l.permission === null || can(user, l.permission));
  const entry = (l: { to: string; testId: string }, label: string): NavEntry => ({
    to: l.to,
    label,
    testId: l.testId,
    active: isActive(l.to),
  });
  // Documents and routing are hidden when none of their pages is allowed; work and organization always show.
  const navGroups: { label: string; testId: string; hideEmpty: boolean; links: NavEntry[] }[] = [
    {
      label: tw('workNav.group'),
      testId: 'nav-work',
      hideEmpty: false,
      links: allowed(workLinks).map((l) => ({
        ...entry(l, tw(l.label)),
        // "Nhiệm vụ" stays unlit on its import sub-page, which has its own link.
        active: l.to === paths.tasks ? isActive(l.to) && !isActive(paths.taskImport) : isActive(l.to),
        end: l.to === paths.tasks,
      })),
    },
    {
      label: t('docs.nav'),
      testId: 'nav-documents',
      hideEmpty: true,
      links: allowed(documentLinks).map((l) => entry(l, t(l.label))),
    },
    {
      label: t('routingNav.group'),
      testId: 'nav-routing',
      hideEmpty: true,
      links: allowed(routingLinks).map((l) => entry(l, t(l.label))),
    },
    {
      label: t('nav.organization'),
      testId: 'nav-org',
      hideEmpty: false,
      links: allowed(orgLinks).map((l) => entry(l, t(l.label))),
    },
  ];

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
          {navGroups.map(
            (g) =>
              (g.links.length > 0 || !g.hideEmpty) && (
                <NavLink
                  key={g.testId}
                  label={g.label}
                  defaultOpened
                  childrenOffset={16}
                  fw={600}
                  data-testid={g.testId}
                >
                  {g.links.map((l) => (
                    <NavLink
                      key={l.to}
                      component={RouterNavLink}
                      to={l.to}
                      label={l.label}
                      active={l.active}
                      end={l.end}
                      onClick={close}
                      data-testid={l.testId}
                    />
                  ))}
                </NavLink>
              ),
          )}
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
