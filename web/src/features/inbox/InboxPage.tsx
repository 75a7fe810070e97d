import { useMemo, useState } from 'react';
import { Anchor, Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useWorkT } from '../../i18n/work';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../lib/date';
import { documentPath, taskPath } from '../../routes/paths';
import { useUser } from '../auth/session';
import { DEADLINE_COLOR } from '../tasks/labels';
import { useInbox, type InboxCounts, type InboxItem } from './api';
import '../tasks/tasks.css';

type CardKey = keyof InboxCounts;

const CARDS: { key: CardKey; color: string }[] = [
  { key: 'overdue', color: 'red' },
  { key: 'near', color: 'orange' },
  { key: 'open', color: 'blue' },
  { key: 'toPresent', color: 'grape' },
  { key: 'toInstruct', color: 'indigo' },
];

const KIND_OF_CARD: Partial<Record<CardKey, string[]>> = {
  open: ['task'],
  toPresent: ['to_present'],
  toInstruct: ['to_instruct'],
};

/** Does an item belong to the list a stat card stands for? */
function inCard(item: InboxItem, card: CardKey): boolean {
  if (card === 'overdue') return item.color === 'red';
  if (card === 'near') return item.color === 'orange';
  return (KIND_OF_CARD[card] ?? []).includes(item.kind);
}

export const itemLink = (x: { taskId?: string | null; documentId?: string | null }) =>
  x.taskId ? taskPath(x.taskId) : x.documentId ? documentPath(x.documentId) : null;

/** "Việc cần làm": the caller's counts and items, coloured by deadline. The landing page of every role. */
export function InboxPage() {
  const t = useWorkT();
  const user = useUser();
  const inbox = useInbox();
  const [card, setCard] = useState<CardKey | null>(null);
  const items = useMemo(() => (inbox.data?.items ?? []).filter((x) => !card || inCard(x, card)), [inbox.data, card]);

  return (
    <>
      <PageHeader title={t('inbox.title')}>{inbox.isFetching && <Loader size="xs" />}</PageHeader>
      <Text size="sm" c="dimmed" mb="md">
        {t('inbox.greeting', { name: user.fullName })}
      </Text>
      {inbox.isError && <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />}
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" mb="md" data-testid="inbox-counts">
        {CARDS.map((c) => {
          const n = inbox.data?.counts[c.key] ?? 0;
          const active = card === c.key;
          return (
            <UnstyledButton
              key={c.key}
              onClick={() => setCard(active ? null : c.key)}
              aria-pressed={active}
              data-testid={`inbox-count-${c.key}`}
              data-count={n}
            >
              <Paper
                withBorder
                p="md"
                style={{
                  borderTop: `4px solid var(--mantine-color-${c.color}-6)`,
                  outline: active ? `2px solid var(--mantine-color-${c.color}-4)` : undefined,
                }}
              >
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t(`inbox.counts.${c.key}`)}
                </Text>
                <Text
                  fz={32}
                  fw={700}
                  c={n > 0 && (c.key === 'overdue' || c.key === 'near') ? `${c.color}.7` : undefined}
                >
                  {inbox.data ? n : '–'}
                </Text>
              </Paper>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
      <Paper withBorder p="sm" data-testid="inbox-list">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{card ? t(`inbox.counts.${card}`) : t('inbox.all')}</Text>
          <Text size="sm" c="dimmed" data-testid="inbox-list-count">
            {t('inbox.itemCount', { count: items.length })}
          </Text>
        </Group>
        {inbox.data && !items.length && (
          <Text size="sm" c="dimmed" ta="center" py="lg" data-testid="inbox-empty">
            {t('inbox.empty')}
          </Text>
        )}
        <Stack gap={6}>
          {items.map((x) => (
            <InboxRow key={`${x.kind}-${x.id}`} item={x} />
          ))}
        </Stack>
      </Paper>
    </>
  );
}

function InboxRow({ item }: { item: InboxItem }) {
  const t = useWorkT();
  const color = DEADLINE_COLOR[item.color] ?? 'gray';
  const to = itemLink(item);
  const kindKey = ['task', 'to_present', 'to_instruct', 'document'].includes(item.kind)
    ? (item.kind as 'task' | 'to_present' | 'to_instruct' | 'document')
    : null;
  return (
    <Paper
      withBorder
      p="xs"
      className="dh-inbox-item"
      style={{ ['--dh-inbox-color' as string]: `var(--mantine-color-${color}-6)` }}
      data-testid="inbox-item"
      data-kind={item.kind}
      data-color={item.color}
      data-task-id={item.taskId ?? undefined}
      data-document-id={item.documentId ?? undefined}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Badge size="xs" variant="light" color="gray">
              {kindKey ? t(`inbox.kind.${kindKey}`) : item.kind}
            </Badge>
            {to ? (
              <Anchor component={Link} to={to} size="sm" fw={500} lineClamp={2} data-testid="inbox-item-link">
                {item.title}
              </Anchor>
            ) : (
              <Text size="sm" fw={500} lineClamp={2}>
                {item.title}
              </Text>
            )}
          </Group>
          {item.subtitle && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {item.subtitle}
            </Text>
          )}
        </Stack>
        <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
          {item.deadline ? (
            <>
              <Text size="xs" c="dimmed">
                {t('task.deadline')}
              </Text>
              <Text
                size="sm"
                fw={600}
                c={color === 'gray' || color === 'green' ? undefined : `${color}.7`}
                data-testid="inbox-item-deadline"
              >
                {formatDate(item.deadline)}
              </Text>
            </>
          ) : (
            <Text size="xs" c="dimmed">
              {t('task.noDeadline')}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
