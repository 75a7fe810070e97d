import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  List,
  Loader,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { routingApi } from '../../api/endpoints';
import type {
  DryRunResult,
  Policy,
  PolicyProblem,
  PolicyState,
  PolicyVersion,
  PolicyVersionInfo,
  Rule,
} from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { FullPageLoader } from '../../components/FullPageLoader';
import { PageHeader } from '../../components/PageHeader';
import { QueryError, useErrorMessage } from '../../components/QueryError';
import { formatDateTime } from '../../lib/date';
import { can, useUser } from '../auth/session';
import { AddRuleModal } from './AddRuleModal';
import { DryRunTable } from './DryRunTable';
import { useRoutingLabels } from './labels';
import { routingKeys, usePolicy, usePolicyVersion, usePolicyVersions } from './queries';
import { insertRule, parsePolicy, policyText, samePolicy } from './ruleBuilder';
import { RulesTable } from './RulesTable';

const STATUS_COLOR: Record<string, string> = { draft: 'yellow', published: 'green', superseded: 'gray' };

export function PolicyPage() {
  const { t } = useTranslation();
  const user = useUser();
  const policy = usePolicy();
  const admin = can(user, 'routing.admin');
  const [tab, setTab] = useState<string | null>('live');

  if (policy.isPending) return <FullPageLoader />;
  if (policy.isError) return <QueryError error={policy.error} onRetry={() => void policy.refetch()} />;
  const { live, draft } = policy.data;

  return (
    <>
      <PageHeader title={t('policy.title')}>
        {live && (
          <Badge size="lg" color="green" variant="light" data-testid="policy-live-version">
            {t('policy.liveVersion', { v: live.version })}
          </Badge>
        )}
        {draft && (
          <Badge size="lg" color="yellow" variant="light" data-testid="policy-draft-version">
            {t('policy.draftVersion', { v: draft.version })}
          </Badge>
        )}
      </PageHeader>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List mb="md">
          <Tabs.Tab value="live" data-testid="policy-tab-live">
            {t('policy.live')}
          </Tabs.Tab>
          <Tabs.Tab value="draft" data-testid="policy-tab-draft">
            {admin ? `${t('policy.draft')} · ${t('policy.editor')}` : t('policy.draft')}
          </Tabs.Tab>
          <Tabs.Tab value="versions" data-testid="policy-tab-versions">
            {t('policy.versions')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="live">
          {live ? <PolicyView version={live} testId="live-rules" /> : <Text c="dimmed">{t('policy.noLive')}</Text>}
        </Tabs.Panel>
        <Tabs.Panel value="draft">
          {admin ? (
            <DraftEditor live={live} draft={draft} onPublished={() => setTab('live')} />
          ) : draft ? (
            <PolicyView version={draft} testId="draft-rules" />
          ) : (
            <Text c="dimmed" data-testid="policy-no-draft">
              {t('policy.noDraft')}
            </Text>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="versions">
          <Versions />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

/** One version's rules and keywords, read-only. */
function PolicyView({ version, testId }: { version: PolicyVersion; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {[
          version.note,
          version.publishedAt
            ? `${t('policy.publishedAt')}: ${formatDateTime(version.publishedAt)}`
            : `${t('policy.createdAt')}: ${formatDateTime(version.createdAt)}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <RulesTable rules={version.policy?.rules ?? []} testId={testId} />
      <Keywords keywords={version.policy?.keywords ?? {}} />
    </Stack>
  );
}

function Keywords({ keywords }: { keywords: Policy['keywords'] }) {
  const { t } = useTranslation();
  const labels = useRoutingLabels();
  const entries = Object.entries(keywords);
  if (!entries.length) return null;
  return (
    <Paper withBorder p="sm">
      <Title order={5} mb="xs">
        {t('policy.keywords')}
      </Title>
      <Table withTableBorder striped verticalSpacing={4}>
        <Table.Tbody>
          {entries.map(([field, words]) => (
            <Table.Tr key={field}>
              <Table.Th w={260}>{labels.field(field)}</Table.Th>
              <Table.Td>{Array.isArray(words) ? words.join(', ') : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** The administrator's editor: JSON plus "Thêm quy tắc", then save, dry run and publish. */
function DraftEditor({
  live,
  draft,
  onPublished,
}: {
  live: PolicyVersion | null;
  draft: PolicyVersion | null;
  onPublished: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const [text, setText] = useState(() => policyText((draft ?? live)?.policy));
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<PolicyProblem[] | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [lastN, setLastN] = useState<number | string>(200);
  const [dryRun, setDryRun] = useState<DryRunResult | null>(null);
  const [confirming, setConfirming] = useState(false);

  const parsed = useMemo(() => parsePolicy(text), [text]);
  const editorRules: Rule[] = parsed.ok ? parsed.policy.rules : [];
  const dirty = !draft || !samePolicy(text, draft.policy);
  const problemIds = useMemo(
    () => new Set((problems ?? []).map((p) => p.ruleId).filter((x): x is string => !!x)),
    [problems],
  );
  // A new draft (another tab, a publish) invalidates an old dry run.
  useEffect(() => setDryRun(null), [draft?.version, draft?.createdAt]);

  const refresh = () => qc.invalidateQueries({ queryKey: routingKeys.all });

  const save = useMutation({
    mutationFn: (p: Policy) => routingApi.saveDraft(p, note.trim() || undefined),
    onSuccess: async (v) => {
      setProblems(null);
      setSaveError(null);
      setDryRun(null);
      qc.setQueryData<PolicyState>(routingKeys.policy, (old) => (old ? { ...old, draft: v } : old));
      setText(policyText(v.policy));
      notifications.show({ color: 'green', message: t('policy.draftSaved', { v: v.version }) });
      await refresh();
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'POLICY_INVALID' && Array.isArray(e.body.problems)) {
        setProblems(e.body.problems as PolicyProblem[]);
        setSaveError(null);
      } else {
        setProblems(null);
        setSaveError(errorMessage(e));
      }
    },
  });

  const run = useMutation({
    mutationFn: () => routingApi.dryRun(Math.max(1, Math.min(2000, Number(lastN) || 200))),
    onSuccess: setDryRun,
  });

  const publish = useMutation({
    mutationFn: () => routingApi.publish(),
    onSuccess: async (v) => {
      setConfirming(false);
      setDryRun(null);
      setText(policyText(v.policy));
      setNote('');
      notifications.show({ color: 'green', message: t('policy.published', { v: v.version }) });
      await refresh();
      onPublished();
    },
    onError: (e) => {
      setConfirming(false);
      if (isApiError(e) && e.code === 'POLICY_INVALID' && Array.isArray(e.body.problems)) {
        setProblems(e.body.problems as PolicyProblem[]);
      }
    },
  });

  const onInsert = (rule: Rule, position: number) => {
    if (!parsed.ok) return;
    setText(policyText(insertRule(parsed.policy, rule, position)));
    setAdding(false);
    notifications.show({ color: 'blue', message: t('ruleForm.inserted', { id: rule.id }) });
  };

  const jsonError = parsed.ok
    ? null
    : parsed.error === 'syntax'
      ? t('policy.jsonInvalid', { message: parsed.message })
      : t('policy.jsonShape');

  return (
    <Stack gap="md" data-testid="policy-editor">
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs" wrap="wrap">
          <Title order={4}>{t('policy.editor')}</Title>
          <Group gap="xs">
            {draft && (
              <Button size="xs" variant="subtle" onClick={() => setText(policyText(draft.policy))}>
                {t('policy.fromDraft')}
              </Button>
            )}
            {live && (
              <Button size="xs" variant="subtle" onClick={() => setText(policyText(live.policy))}>
                {t('policy.fromLive')}
              </Button>
            )}
            <Button
              size="xs"
              onClick={() => setAdding(true)}
              disabled={!parsed.ok}
              title={parsed.ok ? undefined : t('ruleForm.fixJson')}
              data-testid="policy-add-rule"
            >
              + {t('ruleForm.add')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed" mb="xs">
          {t('policy.editorHint')}
        </Text>
        {draft ? (
          <Text size="xs" c="dimmed" mb="xs" data-testid="policy-draft-info">
            {t('policy.draftVersion', { v: draft.version })} ·{' '}
            {t('policy.draftSavedAt', { at: formatDateTime(draft.createdAt) })}
            {draft.note ? ` · ${draft.note}` : ''}
          </Text>
        ) : (
          <Text size="xs" c="dimmed" mb="xs">
            {t('policy.noDraft')}
          </Text>
        )}
        <Textarea
          className="dh-json"
          label={t('policy.json')}
          autosize
          minRows={12}
          maxRows={28}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={jsonError}
          data-testid="policy-json"
        />
        <Group mt="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('policy.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 260 }}
            data-testid="policy-note"
          />
          <Button
            onClick={() => parsed.ok && save.mutate(parsed.policy)}
            disabled={!parsed.ok}
            loading={save.isPending}
            data-testid="policy-save-draft"
          >
            {t('policy.saveDraft')}
          </Button>
        </Group>
        {saveError && (
          <Alert color="red" mt="sm" role="alert" data-testid="policy-save-error">
            {saveError}
          </Alert>
        )}
        {problems && (
          <Alert
            color="red"
            mt="sm"
            role="alert"
            title={t('policy.problems', { count: problems.length })}
            data-testid="policy-problems"
          >
            <List size="sm" spacing={4}>
              {problems.map((p, i) => (
                <List.Item key={i} data-testid="policy-problem" data-rule={p.ruleId ?? ''} data-code={p.code}>
                  {p.ruleId && <Code mr={6}>{p.ruleId}</Code>}
                  {p.message}{' '}
                  <Text span size="xs" c="dimmed">
                    ({t('policy.problemPath')}: {p.path})
                  </Text>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Paper>

      <Paper withBorder p="md">
        <Title order={5} mb="xs">
          {t('policy.editorRules')}
        </Title>
        <RulesTable rules={editorRules} testId="editor-rules" problemIds={problemIds} />
      </Paper>

      <Paper withBorder p="md" data-testid="policy-actions">
        <Group align="flex-end" wrap="wrap">
          <NumberInput
            label={t('policy.lastN')}
            min={1}
            max={2000}
            allowDecimal={false}
            allowNegative={false}
            value={lastN}
            onChange={setLastN}
            w={200}
            data-testid="policy-last-n"
          />
          <Button
            variant="light"
            onClick={() => run.mutate()}
            loading={run.isPending}
            disabled={dirty}
            data-testid="policy-dry-run"
          >
            {t('policy.dryRun')}
          </Button>
          <Button
            color="green"
            onClick={() => setConfirming(true)}
            disabled={dirty}
            loading={publish.isPending}
            data-testid="policy-publish"
          >
            {t('policy.publish')}
          </Button>
        </Group>
        {dirty && (
          <Text size="sm" c="orange.8" mt="xs" data-testid="policy-unsaved">
            {draft ? t('policy.unsaved') : t('policy.needDraft')}
          </Text>
        )}
        {run.isError && (
          <Alert color="red" mt="sm" role="alert">
            {errorMessage(run.error)}
          </Alert>
        )}
        {publish.isError && !problems && (
          <Alert color="red" mt="sm" role="alert" data-testid="policy-publish-error">
            {errorMessage(publish.error)}
          </Alert>
        )}
        {dryRun && (
          <Stack
            gap="sm"
            mt="md"
            data-testid="dry-run-result"
            data-checked={dryRun.checked}
            data-changed={dryRun.changed}
          >
            <Alert color={dryRun.changed ? 'blue' : 'gray'} data-testid="dry-run-summary">
              {t('policy.dryRunSummary', { checked: dryRun.checked, changed: dryRun.changed })}
              {!dryRun.changed && ` ${t('policy.dryRunNone')}`}
            </Alert>
            {dryRun.items.length > 0 && <DryRunTable result={dryRun} />}
          </Stack>
        )}
      </Paper>

      <AddRuleModal opened={adding} onClose={() => setAdding(false)} rules={editorRules} onInsert={onInsert} />
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('policy.publishTitle')}
        data-testid="policy-publish-modal"
      >
        <Stack>
          <Text size="sm">{t('policy.publishConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="green"
              onClick={() => publish.mutate()}
              loading={publish.isPending}
              data-testid="policy-publish-confirm"
            >
              {t('policy.publish')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Versions() {
  const { t } = useTranslation();
  const versions = usePolicyVersions();
  const [viewing, setViewing] = useState<number | null>(null);
  const columns = useMemo<Column<PolicyVersionInfo>[]>(
    () => [
      { key: 'version', header: t('policy.version'), value: (v) => v.version, width: 100, align: 'right' },
      {
        key: 'status',
        header: t('policy.status'),
        value: (v) => statusName(t, v.status),
        render: (v) => (
          <Badge color={STATUS_COLOR[v.status] ?? 'gray'} variant="light">
            {statusName(t, v.status)}
          </Badge>
        ),
        width: 150,
      },
      { key: 'note', header: t('policy.versionNote'), value: (v) => v.note },
      { key: 'createdAt', header: t('policy.createdAt'), value: (v) => formatDateTime(v.createdAt), width: 180 },
      {
        key: 'publishedAt',
        header: t('policy.publishedAt'),
        value: (v) => formatDateTime(v.publishedAt),
        width: 180,
      },
      {
        key: 'view',
        header: '',
        value: () => '',
        sortable: false,
        exportable: false,
        render: (v) => (
          <Button size="compact-xs" variant="light" onClick={() => setViewing(v.version)} data-testid="version-view">
            {t('policy.view')}
          </Button>
        ),
        width: 80,
      },
    ],
    [t],
  );
  return (
    <>
      {versions.isError && <QueryError error={versions.error} onRetry={() => void versions.refetch()} />}
      <DataTable
        testId="policy-versions"
        rows={versions.data?.items ?? []}
        columns={columns}
        rowKey={(v) => String(v.version)}
        loading={versions.isFetching}
        countLabel={(count) => t('policy.versionsCount', { count })}
        exportName={t('policy.versionsFile')}
        sheetName={t('policy.versionsSheet')}
        exportTitle={t('policy.versions')}
      />
      <Modal
        opened={viewing !== null}
        onClose={() => setViewing(null)}
        title={viewing !== null ? t('policy.versionTitle', { v: viewing }) : ''}
        size="90%"
        data-testid="version-modal"
      >
        {viewing !== null && <VersionView version={viewing} />}
      </Modal>
    </>
  );
}

function VersionView({ version }: { version: number }) {
  const v = usePolicyVersion(version);
  if (v.isPending) return <Loader size="sm" />;
  if (v.isError) return <QueryError error={v.error} onRetry={() => void v.refetch()} />;
  return <PolicyView version={v.data} testId="version-rules" />;
}

function statusName(t: ReturnType<typeof useTranslation>['t'], status: string): string {
  return status === 'draft' || status === 'published' || status === 'superseded'
    ? t(`policy.statusName.${status}`)
    : status;
}
