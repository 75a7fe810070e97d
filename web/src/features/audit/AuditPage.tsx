import { useMemo, useState } from 'react';
import { Alert, Button, Code, Select, Stack, Text, Tooltip } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { auditApi } from '../../api/endpoints';
import type { AuditRow } from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError, useErrorMessage } from '../../components/QueryError';
import { formatDateTime } from '../../lib/date';

const str = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v));
const timeOf = (r: AuditRow) => str(r.at ?? r.createdAt ?? r.ts ?? r['time'] ?? r['timestamp']);
const actorOf = (r: AuditRow) => str(r.actorName ?? r.actorUsername ?? r.username ?? r['actor'] ?? r.actorId);
const SHOWN = new Set([
  'id',
  'at',
  'createdAt',
  'ts',
  'time',
  'timestamp',
  'actorId',
  'actorName',
  'actorUsername',
  'username',
  'actor',
  'action',
  'entity',
  'entityId',
  'hash',
  'prevHash',
]);

/** Everything the server sent that has no column of its own. */
function detailsOf(r: AuditRow): string {
  const rest = Object.fromEntries(Object.entries(r).filter(([k]) => !SHOWN.has(k)));
  return Object.keys(rest).length ? JSON.stringify(rest) : '';
}

const LIMITS = ['50', '100', '200', '500', '1000'];

export function AuditPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [limit, setLimit] = useState('200');
  const audit = useQuery({
    queryKey: ['audit', limit],
    queryFn: () => auditApi.list({ limit: Number(limit) }),
    placeholderData: (prev) => prev,
  });
  const verify = useMutation({ mutationFn: () => auditApi.verify() });

  const columns = useMemo<Column<AuditRow>[]>(
    () => [
      { key: 'id', header: '#', value: (r) => (typeof r.id === 'number' ? r.id : str(r.id)), width: 70 },
      { key: 'time', header: t('audit.time'), value: timeOf, render: (r) => formatDateTime(timeOf(r)), width: 170 },
      { key: 'actor', header: t('audit.actor'), value: actorOf },
      {
        key: 'action',
        header: t('audit.action'),
        value: (r) => str(r.action),
        render: (r) => <Code>{str(r.action)}</Code>,
      },
      { key: 'entity', header: t('audit.entity'), value: (r) => str(r.entity) },
      { key: 'entityId', header: t('audit.entityId'), value: (r) => str(r.entityId) },
      {
        key: 'details',
        header: t('audit.details'),
        value: detailsOf,
        sortable: false,
        render: (r) => {
          const d = detailsOf(r);
          return d ? (
            <Tooltip
              label={
                <Text size="xs" style={{ whiteSpace: 'pre-wrap', maxWidth: 480 }}>
                  {d}
                </Text>
              }
              withinPortal
              multiline
            >
              <Text size="xs" c="dimmed" lineClamp={1} maw={320} ff="monospace">
                {d}
              </Text>
            </Tooltip>
          ) : null;
        },
      },
    ],
    [t],
  );

  return (
    <>
      <PageHeader title={t('audit.title')}>
        <Button onClick={() => verify.mutate()} loading={verify.isPending} variant="light" data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      </PageHeader>
      <Stack>
        {verify.data && (
          <Alert
            color={verify.data.ok ? 'green' : 'red'}
            role="status"
            data-testid="audit-verify-result"
            data-ok={verify.data.ok}
          >
            {verify.data.ok
              ? t('audit.verifyOk', { count: verify.data.checked })
              : t('audit.verifyBroken', { id: str(verify.data.firstBrokenId), count: verify.data.checked })}
          </Alert>
        )}
        {verify.isError && (
          <Alert color="red" role="alert">
            {errorMessage(verify.error)}
          </Alert>
        )}
        {audit.isError && <QueryError error={audit.error} onRetry={() => void audit.refetch()} />}
        <DataTable
          testId="audit-table"
          rows={audit.data?.items ?? []}
          columns={columns}
          rowKey={(r) => str(r.id)}
          loading={audit.isFetching}
          initialSort={{ key: 'id', dir: 'desc' }}
          countLabel={(count) => t('audit.count', { count })}
          filterPlaceholder={t('audit.filter')}
          exportName={t('audit.file')}
          sheetName={t('audit.sheet')}
          exportTitle={t('audit.title')}
          minWidth={1000}
          toolbar={
            <Select
              label={t('audit.limit')}
              data={LIMITS}
              value={limit}
              onChange={(v) => v && setLimit(v)}
              allowDeselect={false}
              w={110}
              data-testid="audit-limit"
            />
          }
        />
      </Stack>
    </>
  );
}
