import { Avatar, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLogout, useUser } from '../../features/auth/session';
import { paths } from '../../routes/paths';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  const last = parts[parts.length - 1] ?? '';
  return last.slice(0, 1).toUpperCase() || '?';
}

export function UserMenu() {
  const { t } = useTranslation();
  const user = useUser();
  const logout = useLogout();
  const navigate = useNavigate();

  const onLogout = () => {
    logout.mutate(undefined, {
      onSettled: () => {
        notifications.show({ message: t('auth.loggedOut') });
        void navigate(paths.login, { replace: true });
      },
    });
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('auth.userMenu')} data-testid="user-menu">
          <Group gap="xs" wrap="nowrap">
            <Avatar radius="xl" size="sm" color="blue">
              {initials(user.fullName)}
            </Avatar>
            <Box visibleFrom="sm">
              <Text size="sm" fw={500} lh={1.2} data-testid="user-name">
                {user.fullName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {user.position}
              </Text>
            </Box>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.fullName} ({user.username}){user.unitName ? ` — ${user.unitName}` : ''}
        </Menu.Label>
        <Menu.Item color="red" onClick={onLogout} data-testid="logout">
          {t('auth.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
