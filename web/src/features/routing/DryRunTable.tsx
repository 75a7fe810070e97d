import { useMemo } from 'react';
import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DryRunItem, DryRunResult, RouteBrief } from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { formatDate } from '../../lib/date';
import { documentPath } from '../../routes/paths';
import { flowColor, useRoutingLabels } from './labels';

type Part = 'flow' | 'leader' | 'leadAgency' | 'deadline';

// Flow names are long: badges wrap rather than cut them.
const WHOLE = { label: { overflow: 'visible', whiteSpace: 'normal' }, root: { height: 'auto' } } as const;

/** The documents a draft would route differently, each part as "before → after". */
export function DryRunTable({ result }: { result: DryRunResult }) {
  const { t } = useTranslation();
  const labels = useRoutingLabels();

  const columns = useMemo<Column<DryRunItem>[]>(() => {
    const text = (b: RouteBrief, p: Part): string => {
      if (p === 'flow') return labels.flow(b.flow);
      if (p === 'deadline') return b.deadline ? formatDate(b.deadline) : '—';
      return b[p]?.name ?? '—';
    };
    const pair = (p: Part) => (r: DryRunItem) => `${text(r.before, p)} → ${text(r.after, p)}`;
    const changedCell = (p: Part, r: DryRunItem) => {
      const changed = r.changes.includes(p);
      if (!changed)
        return (
          <Text size="sm" c="dimmed">
            {text(r.after, p)}
          </Text>
        );
      if (p === 'flow')
        return (
          <Group gap={4} wrap="wrap">
            <Badge size="sm" variant="outline" color={flowColor(r.before.flow)} styles={WHOLE}>
              {text(r.before, p)}
            </Badge>
            →
            <Badge
              size="sm"
              variant="filled"
              color={flowColor(r.after.flow)}
              styles={WHOLE}
              data-testid="dry-run-after-flow"
            >
              {text(r.after, p)}
            </Badge>
          </Group>
        );
      return (
        <Text size="sm">
          <Text span td="line-through" c="dimmed">
            {text(r.before, p)}
          </Text>{' '}
          → <b>{text(r.after, p)}</b>
        </Text>
      );
    };
    return [
      {
        key: 'arrival',
        header: t('policy.dryRunCol.arrival'),
        value: (r) => r.arrivalNumber,
        width: 80,
        align: 'right',
      },
      {
        key: 'subject',
        header: t('policy.dryRunCol.subject'),
        value: (r) => [r.code, r.subject].filter(Boolean).join(' — '),
        render: (r) => (
          <Anchor component={Link} to={documentPath(r.documentId)} size="sm">
            {r.code ? <b>{r.code} </b> : null}
            {r.subject}
          </Anchor>
        ),
      },
      {
        key: 'changes',
        header: t('policy.dryRunCol.changes'),
        value: (r) => r.changes.map(labels.part).join(', '),
        render: (r) => (
          <Group gap={4}>
            {r.changes.map((c) => (
              <Badge key={c} size="xs" variant="light" color="grape">
                {labels.part(c)}
              </Badge>
            ))}
          </Group>
        ),
      },
      { key: 'flow', header: t('policy.dryRunCol.flow'), value: pair('flow'), render: (r) => changedCell('flow', r) },
      {
        key: 'leader',
        header: t('policy.dryRunCol.leader'),
        value: pair('leader'),
        render: (r) => changedCell('leader', r),
      },
      {
        key: 'leadAgency',
        header: t('policy.dryRunCol.leadAgency'),
        value: pair('leadAgency'),
        render: (r) => changedCell('leadAgency', r),
      },
      {
        key: 'deadline',
        header: t('policy.dryRunCol.deadline'),
        value: pair('deadline'),
        render: (r) => changedCell('deadline', r),
        width: 150,
      },
    ];
  }, [t, labels]);

  return (
    <DataTable
      testId="dry-run-table"
      rows={result.items}
      columns={columns}
      rowKey={(r) => r.documentId}
      countLabel={(count) => t('policy.dryRunCount', { count })}
      exportName={t('policy.dryRunFile')}
      sheetName={t('policy.dryRunSheet')}
      exportTitle={t('policy.dryRunSummary', { checked: result.checked, changed: result.changed })}
      minWidth={1100}
    />
  );
}
