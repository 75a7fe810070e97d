import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { documentsApi } from '../../api/endpoints';
import { isApiError } from '../../api/client';
import type { DocumentWithTrace, TraceRow } from '../../api/types';
import { FullPageLoader } from '../../components/FullPageLoader';
import { QueryError } from '../../components/QueryError';
import { formatDate, formatDateTime } from '../../lib/date';
import { documentPath, paths } from '../../routes/paths';
import { useFields, useUnits } from '../units/queries';
import { SecrecyBadge, StatusBadge, UrgencyBadge } from './badges';
import { FilePreview } from './FilePreview';
import { fileSize, signerText, useDocLabels } from './labels';
import { OutgoingActions, OutgoingVersions } from './OutgoingActions';
import { useDocTypes, useDocument } from './queries';
import { RouteCard } from '../routing/RouteCard';
import { HandlingCard } from '../tasks/HandlingCard';

export function DocumentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const doc = useDocument(id);
  const location = useLocation();
  const navigate = useNavigate();
  // The "registered, số đến N" message is shown once: a reload does not bring it back.
  const [flash] = useState(() => (location.state as { flash?: string } | null)?.flash);
  useEffect(() => {
    if (location.state) void navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);

  if (doc.isPending) return <FullPageLoader />;
  if (doc.isError) {
    const missing = isApiError(doc.error) && (doc.error.status === 404 || doc.error.status === 400);
    return (
      <Stack align="flex-start" data-testid="document-missing">
        {missing ? (
          <Text>{t('docs.notFound')}</Text>
        ) : (
          <QueryError error={doc.error} onRetry={() => void doc.refetch()} />
        )}
        <Button component={Link} to={paths.incoming} variant="light">
          {t('docs.backToList')}
        </Button>
      </Stack>
    );
  }
  return <DocumentView doc={doc.data} flash={flash} />;
}

function DocumentView({ doc, flash }: { doc: DocumentWithTrace; flash?: string }) {
  const { t, i18n } = useTranslation();
  const labels = useDocLabels();
  const types = useDocTypes();
  const fields = useFields();
  const units = useUnits();
  const incoming = doc.direction === 'in';

  const typeLabel = useMemo(() => {
    const x = types.data?.items.find((y) => y.code === doc.type);
    return x ? labels.typeName(x) : doc.typeName;
  }, [types.data, doc, labels]);
  const fieldLabel = (code: string) => {
    const f = fields.data?.items.find((x) => x.code === code);
    return f ? (i18n.language === 'en' && f.nameEn ? f.nameEn : f.name) : code;
  };
  const unitName = (unitId: string | null) => (unitId ? units.data?.items.find((u) => u.id === unitId)?.name : null);

  const title = doc.code
    ? `${typeLabel} ${doc.code}`
    : incoming
      ? t('docs.incomingTitle', { n: doc.arrivalNumber ?? '' })
      : t('docs.draftTitle', { type: typeLabel.toLowerCase() });

  const rows: [string, ReactNode, string][] = [];
  const add = (label: string, value: ReactNode, testId: string) => {
    if (value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && !value.length))
      rows.push([label, value, testId]);
  };
  if (incoming) {
    add(t('docs.arrivalNumber'), doc.arrivalNumber, 'arrivalNumber');
    add(t('docs.arrivalDate'), formatDate(doc.arrivalDate), 'arrivalDate');
  }
  add(t('docs.code'), doc.code, 'code');
  add(t('docs.issuer'), doc.issuer.name, 'issuer');
  if (!incoming) add(t('docs.draftingUnit'), unitName(doc.draftingUnitId), 'draftingUnit');
  add(t('docs.issuedDate'), formatDate(doc.issuedDate), 'issuedDate');
  add(t('docs.type'), typeLabel, 'type');
  add(t('docs.subject'), doc.subject, 'subject');
  add(t('docs.signer'), signerText(doc.signer), 'signer');
  add(t('docs.urgency'), <UrgencyBadge value={doc.urgency} />, 'urgency');
  add(t('docs.secrecy'), <SecrecyBadge value={doc.secrecy} />, 'secrecy');
  add(t('docs.pages'), doc.pages, 'pages');
  add(
    t('docs.recipients'),
    doc.recipients.length ? (
      <Stack gap={2}>
        {doc.recipients.map((r, i) => (
          <Text size="sm" key={`${r.name}-${i}`}>
            {r.name}
            {r.unitId && (
              <Badge size="xs" variant="light" ml={6}>
                ✓
              </Badge>
            )}
          </Text>
        ))}
      </Stack>
    ) : null,
    'recipients',
  );
  add(t('docs.dueDate'), formatDate(doc.dueDate), 'dueDate');
  add(
    t('docs.fields'),
    doc.fields.length ? (
      <Group gap={4}>
        {doc.fields.map((f) => (
          <Badge key={f} variant="light" size="sm">
            {fieldLabel(f)}
          </Badge>
        ))}
      </Group>
    ) : null,
    'fields',
  );
  add(t('docs.referencedCodes'), doc.referencedCodes.join('; '), 'referencedCodes');
  if (doc.legalNormative) add(t('docs.legalNormative'), t('docs.yes'), 'legalNormative');
  add(t('docs.source'), labels.source(doc.source), 'source');
  add(t('docs.duplicateOf'), doc.duplicateOf ? <DocLink id={doc.duplicateOf} /> : null, 'duplicateOf');
  add(t('docs.sourceDocument'), doc.sourceDocumentId ? <DocLink id={doc.sourceDocumentId} /> : null, 'sourceDocument');
  add(t('docs.corrects'), doc.correctsId ? <DocLink id={doc.correctsId} /> : null, 'corrects');
  if (!incoming) add(t('docs.version'), doc.version, 'version');
  add(t('docs.createdAt'), formatDateTime(doc.createdAt), 'createdAt');

  return (
    <Stack gap="md" data-testid="document-page" data-document-id={doc.id} data-status={doc.status}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Anchor component={Link} to={incoming ? paths.incoming : paths.outgoing} size="sm">
            ← {incoming ? t('docs.incoming') : t('docs.outgoing')}
          </Anchor>
          <Title order={2} data-testid="page-title">
            {title}
          </Title>
          <Group gap="xs">
            <StatusBadge status={doc.status} />
            <UrgencyBadge value={doc.urgency} hideNormal />
            <SecrecyBadge value={doc.secrecy} hideNormal />
          </Group>
        </Stack>
      </Group>
      {flash && (
        <Alert color="green" data-testid="document-flash">
          {flash}
        </Alert>
      )}
      {!incoming && <OutgoingActions doc={doc} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Table variant="vertical" withTableBorder layout="fixed" data-testid="document-meta">
                <Table.Tbody>
                  {rows.map(([label, value, testId]) => (
                    <Table.Tr key={testId}>
                      <Table.Th w={180}>{label}</Table.Th>
                      <Table.Td data-testid={`meta-${testId}`}>{value}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            {doc.body && (
              <Paper withBorder p="md">
                <Title order={4} mb="xs">
                  {t('docs.body')}
                </Title>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="document-body">
                  {doc.body}
                </Text>
              </Paper>
            )}
            <Trace rows={doc.trace} />
            {!incoming && <OutgoingVersions id={doc.id} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="md">
            {incoming && <RouteCard documentId={doc.id} />}
            {incoming && <HandlingCard documentId={doc.id} />}
            <Files doc={doc} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function DocLink({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={documentPath(id)} size="sm">
      {t('docs.open')}
    </Anchor>
  );
}

function Files({ doc }: { doc: DocumentWithTrace }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string | null>(null);
  const current = doc.files.find((f) => f.sha256 === selected) ?? doc.files[0];
  return (
    <Paper withBorder p="md" data-testid="document-files">
      <Title order={4} mb="xs">
        {t('docs.files')}
      </Title>
      {!doc.files.length && (
        <Text size="sm" c="dimmed">
          {t('docs.noFiles')}
        </Text>
      )}
      <Stack gap={4} mb="sm">
        {doc.files.map((f) => (
          <Group key={f.sha256} justify="space-between" wrap="nowrap" data-testid="document-file">
            <Text size="sm" truncate fw={f.sha256 === current?.sha256 ? 600 : undefined}>
              {f.name}{' '}
              <Text span size="xs" c="dimmed">
                ({fileSize(f.size)})
              </Text>
            </Text>
            <Group gap="xs" wrap="nowrap">
              {doc.files.length > 1 && (
                <Button size="compact-xs" variant="subtle" onClick={() => setSelected(f.sha256)}>
                  {t('docs.preview')}
                </Button>
              )}
              <Button
                size="compact-xs"
                variant="light"
                component="a"
                href={documentsApi.fileUrl(doc.id, f.sha256, true)}
                download={f.name}
                data-testid="document-file-download"
              >
                {t('docs.download')}
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
      {doc.files.length > 1 && current && (
        <SegmentedControl
          size="xs"
          mb="xs"
          value={current.sha256}
          onChange={setSelected}
          data={doc.files.map((f) => ({ value: f.sha256, label: f.name.slice(0, 30) }))}
        />
      )}
      {current && (
        <FilePreview url={documentsApi.fileUrl(doc.id, current.sha256)} mime={current.mime} name={current.name} />
      )}
    </Paper>
  );
}

/** What a trace row adds: the number given, the reason of a recall, the checker's note. */
function traceNote(action: string, detail: unknown): string {
  if (!detail || typeof detail !== 'object') return '';
  const d = detail as Record<string, unknown>;
  const keys =
    action === 'issue' || action === 'cancel-number' ? ['code', 'reason'] : ['instruction', 'reason', 'note'];
  return keys
    .map((k) => d[k])
    .filter((v): v is string => typeof v === 'string' && !!v)
    .join(' — ');
}

function Trace({ rows }: { rows: TraceRow[] }) {
  const { t } = useTranslation();
  const labels = useDocLabels();
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('docs.trace')}
      </Title>
      {!rows.length ? (
        <Text size="sm" c="dimmed">
          {t('docs.noTrace')}
        </Text>
      ) : (
        <Table striped withTableBorder data-testid="document-trace">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('docs.traceTime')}</Table.Th>
              <Table.Th>{t('docs.traceActor')}</Table.Th>
              <Table.Th>{t('docs.traceAction')}</Table.Th>
              <Table.Th>{t('docs.traceDetail')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={`${r.at}-${i}`} data-testid="trace-row" data-action={r.action}>
                <Table.Td>{formatDateTime(r.at).slice(0, 16)}</Table.Td>
                <Table.Td>{r.actorName}</Table.Td>
                <Table.Td>{labels.action(r.action)}</Table.Td>
                <Table.Td>{traceNote(r.action, r.detail)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
