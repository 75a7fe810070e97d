import { useState } from 'react';
import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useWorkT } from '../../i18n/work';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../lib/date';
import { inboxApi, inboxKeys, useNotifications, type AppNotification } from './api';
import { itemLink } from './InboxPage';

function BellIcon() {
  return (
    <svg
      width={20}
      height={20}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      aria-hidden="true"
    >
      <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The bell in the header: unread count, the latest notifications, mark as read (one or all). */
export function NotificationsBell() {
  const t = useWorkT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const list = useNotifications();
  const items = list.data?.items ?? [];
  const unread = list.data?.unread ?? items.filter((n) => !n.read).length;

  const markRead = useMutation({
    mutationFn: (ids: (number | string)[]) => Promise.all(ids.map((id) => inboxApi.markRead(id))),
    onMutate: (ids) => {
      qc.setQueryData(inboxKeys.notifications, (old: typeof list.data) =>
        old
          ? {
              ...old,
              items: old.items.map((n) => (ids.includes(n.id) ? { ...n, read: true } : n)),
              unread: undefined,
            }
          : old,
      );
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: inboxKeys.notifications }),
  });

  const open = (n: AppNotification) => {
    if (!n.read) markRead.mutate([n.id]);
    const to = itemLink(n);
    setOpened(false);
    if (to) void navigate(to);
  };

  // The bell stays quiet (no badge, no error) on a server without notifications.
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={16}
          color="red"
          disabled={!unread}
          offset={4}
          data-testid="notifications-unread"
          data-count={unread}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={t('notif.title')}
            data-testid="notifications-bell"
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs" data-testid="notifications-panel">
        <Group justify="space-between" mb="xs">
          <Text fw={600} size="sm">
            {t('notif.title')}
          </Text>
          {unread > 0 && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => markRead.mutate(items.filter((n) => !n.read).map((n) => n.id))}
              data-testid="notifications-read-all"
            >
              {t('notif.readAll')}
            </Button>
          )}
        </Group>
        {list.isError && (
          <Text size="sm" c="dimmed">
            {t('notif.unavailable')}
          </Text>
        )}
        {list.data && !items.length && (
          <Text size="sm" c="dimmed" py="sm" ta="center">
            {t('notif.empty')}
          </Text>
        )}
        <ScrollArea.Autosize mah={400}>
          <Stack gap={4}>
            {items.map((n) => (
              <UnstyledButton
                key={n.id}
                onClick={() => open(n)}
                p={6}
                style={{
                  borderRadius: 4,
                  background: n.read ? undefined : 'var(--mantine-color-blue-0)',
                }}
                data-testid="notification-item"
                data-read={String(n.read)}
              >
                <Text size="sm" fw={n.read ? 400 : 600} lineClamp={2}>
                  {n.title}
                </Text>
                {n.body && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {n.body}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {formatDateTime(n.at).slice(0, 16)}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
