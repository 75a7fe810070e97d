import { useEffect, useMemo, useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  CloseButton,
  Group,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Text,
  TextInput,
  type ComboboxItem,
  type SelectProps,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { documentsApi } from '../../api/endpoints';
import {
  INCOMING_STATUSES,
  OUTGOING_STATUSES,
  URGENCIES,
  type Direction,
  type Document,
  type DocumentQuery,
} from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../lib/date';
import { paramUpdater } from '../../lib/searchParams';
import { documentPath, paths } from '../../routes/paths';
import { can, useUser } from '../auth/session';
import { useFields } from '../units/queries';
import { SecrecyBadge, StatusBadge, UrgencyBadge } from './badges';
import { BulkImportModal } from './BulkImportModal';
import { signerText, useDocLabels } from './labels';
import { useDocTypes, useDocumentList } from './queries';

const PAGE_SIZES = ['20', '50', '100', '200'];
const EXPORT_MAX = 5000;
type Sort = NonNullable<DocumentQuery['sort']>;

/** The list's query from the address bar, so filters survive opening a document and coming back. */
function queryFromParams(p: URLSearchParams): DocumentQuery {
  const num = (k: string) => {
    const v = p.get(k);
    return v !== null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;
  };
  const str = (k: string) => p.get(k) || undefined;
  const sort = str('sort');
  return {
    q: str('q'),
    from: str('from'),
    to: str('to'),
    type: str('type'),
    field: str('field'),
    status: str('status'),
    urgency: num('urgency'),
    sort: sort === 'oldest' || sort === 'relevance' || sort === 'newest' ? sort : undefined,
    page: num('page') ?? 1,
    pageSize: num('pageSize') ?? 50,
  };
}

/** Puts the facet count on the right of each option. */
function withCounts(counts: Record<string, number> | undefined): SelectProps['renderOption'] {
  return ({ option }: { option: ComboboxItem }) => (
    <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
      <span>{option.label}</span>
      <Badge size="xs" variant="light" color={counts?.[option.value] ? 'blue' : 'gray'} data-testid="facet-count">
        {counts?.[option.value] ?? 0}
      </Badge>
    </Group>
  );
}

/** Options with hits first (most hits first), then the rest in their usual order. */
function byCount<T extends { value: string }>(options: T[], counts: Record<string, number> | undefined): T[] {
  const c = (o: T) => counts?.[o.value] ?? 0;
  return options
    .map((o, i) => ({ o, i }))
    .sort((a, b) => c(b.o) - c(a.o) || a.i - b.i)
    .map((x) => x.o);
}

export function DocumentListPage({ direction }: { direction: Direction }) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const labels = useDocLabels();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);
  const [search, setSearch] = useState(query.q ?? '');
  const [debounced] = useDebouncedValue(search, 350);
  const [bulkOpen, setBulkOpen] = useState(false);
  const types = useDocTypes();
  const fields = useFields();
  const list = useDocumentList(direction, query);
  const facets = list.data?.facets;
  const incoming = direction === 'in';

  const update = paramUpdater(setParams);

  // Server-side search: the box updates the address (and so the query) after a pause in typing.
  useEffect(() => {
    if ((debounced.trim() || undefined) !== query.q) update({ q: debounced.trim() });
  }, [debounced]);

  const typeName = useMemo(() => {
    const m = new Map((types.data?.items ?? []).map((x) => [x.code, labels.typeName(x)]));
    return (d: Document) => (i18n.language === 'en' ? (m.get(d.type) ?? d.typeName) : d.typeName);
  }, [types.data, labels, i18n.language]);

  const typeOptions = byCount(
    (types.data?.items ?? []).map((x) => ({ value: x.code, label: labels.typeName(x) })),
    facets?.type,
  );
  const fieldOptions = byCount(
    (fields.data?.items ?? []).map((f) => ({
      value: f.code,
      label: i18n.language === 'en' && f.nameEn ? f.nameEn : f.name,
    })),
    facets?.field,
  );
  const urgencyOptions = URGENCIES.map((u) => ({ value: String(u), label: labels.urgency(u) }));
  const statusOptions = (incoming ? INCOMING_STATUSES : OUTGOING_STATUSES).map((s) => ({
    value: s,
    label: labels.status(s),
  }));
  const fieldName = useMemo(() => {
    const m = new Map((fields.data?.items ?? []).map((f) => [f.code, f.name]));
    return (code: string) => m.get(code) ?? code;
  }, [fields.data]);

  const columns = useMemo<Column<Document>[]>(() => {
    const code: Column<Document> = {
      key: 'code',
      header: t('docs.code'),
      value: (d) => d.code,
      render: (d) => (
        <Anchor component={Link} to={documentPath(d.id)} size="sm" fw={500} data-testid="doc-link">
          {d.code ?? '—'}
        </Anchor>
      ),
      width: 120,
    };
    const subject: Column<Document> = {
      key: 'subject',
      header: t('docs.subject'),
      value: (d) => d.subject,
      render: (d) => (
        <Text size="sm" lineClamp={3} miw={220} data-testid="doc-subject">
          {d.subject}
        </Text>
      ),
    };
    const type: Column<Document> = { key: 'type', header: t('docs.typeShort'), value: typeName, width: 90 };
    const urgency: Column<Document> = {
      key: 'urgency',
      header: t('docs.urgency'),
      value: (d) => labels.urgency(d.urgency),
      render: (d) => <UrgencyBadge value={d.urgency} />,
      width: 105,
    };
    const secrecy: Column<Document> = {
      key: 'secrecy',
      header: t('docs.secrecy'),
      value: (d) => labels.secrecy(d.secrecy),
      render: (d) => <SecrecyBadge value={d.secrecy} />,
      width: 85,
    };
    const status: Column<Document> = {
      key: 'status',
      header: t('docs.status'),
      value: (d) => labels.status(d.status),
      render: (d) => <StatusBadge status={d.status} />,
      width: 115,
    };
    const issuedDate: Column<Document> = {
      key: 'issuedDate',
      header: t('docs.issuedDate'),
      value: (d) => d.issuedDate,
      render: (d) => formatDate(d.issuedDate),
      width: 95,
    };
    const fieldsCol: Column<Document> = {
      key: 'fields',
      header: t('docs.fields'),
      value: (d) => d.fields.map(fieldName).join(', '),
      hidden: true,
    };
    if (incoming) {
      return [
        {
          key: 'arrivalNumber',
          header: t('docs.arrivalNumber'),
          value: (d) => d.arrivalNumber,
          align: 'right',
          width: 60,
          render: (d) => (
            <Text size="sm" fw={600} data-testid="doc-arrival-number">
              {d.arrivalNumber}
            </Text>
          ),
        },
        {
          key: 'arrivalDate',
          header: t('docs.arrivalDate'),
          value: (d) => d.arrivalDate,
          render: (d) => formatDate(d.arrivalDate),
          width: 95,
        },
        code,
        { key: 'issuer', header: t('docs.issuer'), value: (d) => d.issuer.name, width: 140 },
        issuedDate,
        type,
        subject,
        urgency,
        secrecy,
        status,
        fieldsCol,
      ];
    }
    return [
      code,
      issuedDate,
      type,
      subject,
      { key: 'signer', header: t('docs.signer'), value: (d) => signerText(d.signer) },
      urgency,
      secrecy,
      status,
      fieldsCol,
    ];
  }, [t, incoming, typeName, labels, fieldName]);

  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  // Never show fewer results than the rows on screen, whatever the total says.
  const shownUpTo = (page - 1) * pageSize + (list.data?.items.length ?? 0);
  const total = Math.max(list.data?.total ?? 0, shownUpTo);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total ? (page - 1) * pageSize + 1 : 0;
  const last = Math.min(total, page * pageSize);

  const exportAll = async (): Promise<Document[]> => {
    if (total > EXPORT_MAX)
      notifications.show({ color: 'yellow', message: t('docs.exportAllTooMany', { max: EXPORT_MAX }) });
    const out: Document[] = [];
    for (let p = 1; out.length < Math.min(total, EXPORT_MAX); p++) {
      const r = await documentsApi.list(direction, { ...query, page: p, pageSize: 200 });
      out.push(...r.items);
      if (r.items.length < 200) break;
    }
    return out.slice(0, EXPORT_MAX);
  };

  const hasFilters = ['q', 'from', 'to', 'type', 'field', 'status', 'urgency'].some((k) => params.get(k));
  const title = incoming ? t('docs.incoming') : t('docs.outgoing');

  return (
    <>
      <PageHeader title={title}>
        {incoming && can(user, 'incoming.register') && (
          <>
            <Button variant="light" onClick={() => setBulkOpen(true)} data-testid="incoming-bulk">
              {t('incoming.bulk')}
            </Button>
            <Button component={Link} to={paths.incomingNew} data-testid="incoming-register">
              {t('incoming.register')}
            </Button>
          </>
        )}
        {!incoming && can(user, 'outgoing.draft') && (
          <Button component={Link} to={paths.outgoingNew} data-testid="outgoing-new">
            {t('outgoing.draft')}
          </Button>
        )}
      </PageHeader>
      <Paper withBorder p="sm" mb="sm" data-testid="doc-filters">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
          <TextInput
            label={t('docs.searchLabel')}
            placeholder={t('docs.search')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') update({ q: search.trim() });
            }}
            rightSection={search ? <CloseButton size="sm" onClick={() => setSearch('')} /> : null}
            data-testid="doc-search"
            style={{ gridColumn: 'span 2' }}
          />
          <DateField
            label={t('docs.from')}
            value={query.from ?? ''}
            onChange={(v) => update({ from: v })}
            data-testid="doc-from"
          />
          <DateField
            label={t('docs.to')}
            value={query.to ?? ''}
            onChange={(v) => update({ to: v })}
            data-testid="doc-to"
          />
          <Select
            label={t('docs.type')}
            placeholder={t('docs.allTypes')}
            data={typeOptions}
            value={query.type ?? null}
            onChange={(v) => update({ type: v })}
            renderOption={withCounts(facets?.type)}
            searchable
            clearable
            data-testid="doc-type-filter"
          />
          <Select
            label={t('docs.field')}
            placeholder={t('docs.allFields')}
            data={fieldOptions}
            value={query.field ?? null}
            onChange={(v) => update({ field: v })}
            renderOption={withCounts(facets?.field)}
            searchable
            clearable
            data-testid="doc-field-filter"
          />
          <Select
            label={t('docs.urgency')}
            placeholder={t('docs.allUrgencies')}
            data={urgencyOptions}
            value={query.urgency === undefined ? null : String(query.urgency)}
            onChange={(v) => update({ urgency: v })}
            renderOption={withCounts(facets?.urgency)}
            clearable
            data-testid="doc-urgency-filter"
          />
          <Select
            label={t('docs.status')}
            placeholder={t('docs.allStatuses')}
            data={statusOptions}
            value={query.status ?? null}
            onChange={(v) => update({ status: v })}
            renderOption={withCounts(facets?.status)}
            clearable
            data-testid="doc-status-filter"
          />
        </SimpleGrid>
        <Group justify="space-between" mt="sm">
          <Select
            label={t('docs.sort')}
            data={[
              { value: 'newest', label: t('docs.sortNewest') },
              { value: 'oldest', label: t('docs.sortOldest') },
              { value: 'relevance', label: t('docs.sortRelevance') },
            ]}
            value={query.sort ?? (query.q ? 'relevance' : 'newest')}
            onChange={(v) => update({ sort: v as Sort | null })}
            allowDeselect={false}
            w={200}
            data-testid="doc-sort"
          />
          {hasFilters && (
            <Button
              variant="subtle"
              onClick={() => {
                setSearch('');
                setParams(new URLSearchParams(), { replace: true });
              }}
              data-testid="doc-reset"
            >
              {t('docs.resetFilters')}
            </Button>
          )}
        </Group>
      </Paper>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <DataTable
        testId={incoming ? 'incoming-table' : 'outgoing-table'}
        rows={list.data?.items ?? []}
        columns={columns}
        rowKey={(d) => d.id}
        loading={list.isFetching}
        showFilter={false}
        countLabel={(count) => t('docs.count', { count })}
        countText={t(
          list.data?.totalEstimated
            ? 'docs.pageInfoEstimate'
            : list.data?.totalExact === false
              ? 'docs.pageInfoApprox'
              : 'docs.pageInfo',
          {
            from: first,
            to: last,
            total,
          },
        )}
        exportName={`${t('docs.file')}-${incoming ? 'den' : 'di'}`}
        sheetName={incoming ? t('docs.sheetIn') : t('docs.sheetOut')}
        exportTitle={title}
        exportRows={exportAll}
        minWidth={incoming ? 1100 : 950}
        rowClassName={(d) => (d.urgency > 0 ? 'dh-row-urgent' : undefined)}
        rowAttributes={(d) => ({
          'data-urgency': String(d.urgency),
          title: d.urgency > 0 ? `${t('docs.urgentRow')}: ${labels.urgency(d.urgency)}` : undefined,
        })}
        onRowClick={(d) => void navigate(documentPath(d.id))}
      />
      <Group justify="space-between" mt="sm">
        <Select
          aria-label={t('docs.pageSize')}
          data={PAGE_SIZES}
          value={String(pageSize)}
          onChange={(v) => update({ pageSize: v })}
          allowDeselect={false}
          w={90}
          data-testid="doc-page-size"
        />
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={(p) => update({ page: p }, false)}
          data-testid="doc-pagination"
        />
      </Group>
      {incoming && <BulkImportModal opened={bulkOpen} onClose={() => setBulkOpen(false)} />}
    </>
  );
}
