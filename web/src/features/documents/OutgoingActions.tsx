import { useState, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { outgoingApi } from '../../api/endpoints';
import { SIGNING_FORMS, type Document, type FormatCheck, type SigningForm } from '../../api/types';
import { useErrorMessage } from '../../components/QueryError';
import { formatDateTime } from '../../lib/date';
import { documentPath, outgoingEditPath } from '../../routes/paths';
import { can, useUser } from '../auth/session';
import { NO_FORM } from './incomingForm';
import { docKeys, useVersions } from './queries';
import { usePeople } from '../people/queries';

type Dialog = 'content' | 'format' | 'sign' | 'issue' | 'release' | 'recall' | 'cancel' | 'correct' | null;

/** The outgoing workflow buttons the user may press in the document's current state. */
export function OutgoingActions({ doc }: { doc: Document }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [result, setResult] = useState<ReactNode>(null);
  const s = doc.status;
  const buttons: { key: Exclude<Dialog, null> | 'edit'; label: string; show: boolean; color?: string }[] = [
    { key: 'edit', label: t('outgoing.edit'), show: s === 'draft' && can(user, 'outgoing.draft') },
    { key: 'content', label: t('outgoing.checkContent'), show: s === 'draft' && can(user, 'outgoing.check') },
    { key: 'format', label: t('outgoing.checkFormat'), show: s === 'draft' && can(user, 'documents.read') },
    { key: 'sign', label: t('outgoing.sign'), show: s === 'draft' && can(user, 'outgoing.sign') },
    { key: 'issue', label: t('outgoing.issue'), show: s === 'signed' && can(user, 'outgoing.issue') },
    { key: 'release', label: t('outgoing.release'), show: s === 'issued' && can(user, 'outgoing.issue') },
    {
      key: 'recall',
      label: t('outgoing.recall'),
      show: s === 'released' && can(user, 'outgoing.issue'),
      color: 'orange',
    },
    { key: 'cancel', label: t('outgoing.cancel'), show: s === 'issued' && can(user, 'outgoing.issue'), color: 'red' },
    {
      key: 'correct',
      label: t('outgoing.correct'),
      show: (s === 'issued' || s === 'released') && can(user, 'outgoing.draft'),
      color: 'grape',
    },
  ];
  const shown = buttons.filter((b) => b.show);

  return (
    <Paper withBorder p="sm" data-testid="outgoing-actions">
      <Stack gap="xs">
        <Group gap="xs">
          {doc.status === 'draft' && (
            <>
              <Badge variant="light" color={doc.contentCheckedBy ? 'green' : 'gray'} data-testid="content-check-state">
                {doc.contentCheckedBy ? t('docs.contentChecked') : t('docs.contentPending')}
              </Badge>
              <Badge variant="light" color={doc.formatCheckedBy ? 'green' : 'gray'} data-testid="format-check-state">
                {doc.formatCheckedBy ? t('docs.formatChecked') : t('docs.formatPending')}
              </Badge>
            </>
          )}
        </Group>
        {shown.length > 0 && (
          <Group gap="xs">
            {shown.map((b) => (
              <Button
                key={b.key}
                size="sm"
                variant={b.key === 'edit' ? 'default' : 'light'}
                color={b.color}
                onClick={() => {
                  setResult(null);
                  if (b.key === 'edit') void navigate(outgoingEditPath(doc.id));
                  else setDialog(b.key);
                }}
                data-testid={`action-${b.key}`}
              >
                {b.label}
              </Button>
            ))}
          </Group>
        )}
        {result}
      </Stack>
      <ActionDialogs doc={doc} dialog={dialog} onClose={() => setDialog(null)} onResult={setResult} />
    </Paper>
  );
}

function ActionDialogs({
  doc,
  dialog,
  onClose,
  onResult,
}: {
  doc: Document;
  dialog: Dialog;
  onClose: () => void;
  onResult: (r: ReactNode) => void;
}) {
  const { t } = useTranslation();
  const titles: Record<Exclude<Dialog, null>, string> = {
    content: t('outgoing.checkContent'),
    format: t('outgoing.checkFormat'),
    sign: t('outgoing.signConfirm'),
    issue: t('outgoing.issue'),
    release: t('outgoing.release'),
    recall: t('outgoing.recallTitle'),
    cancel: t('outgoing.cancelTitle'),
    correct: t('outgoing.correctTitle'),
  };
  return (
    <Modal
      opened={dialog !== null}
      onClose={onClose}
      title={dialog ? titles[dialog] : ''}
      size={dialog === 'format' ? 'lg' : 'md'}
      data-testid="action-modal"
    >
      {dialog === 'content' && <ContentCheck doc={doc} onClose={onClose} />}
      {dialog === 'format' && <FormatCheckPanel doc={doc} />}
      {dialog === 'sign' && <SignForm doc={doc} onClose={onClose} />}
      {dialog === 'issue' && <IssueConfirm doc={doc} onClose={onClose} onResult={onResult} />}
      {dialog === 'release' && <ReleaseConfirm doc={doc} onClose={onClose} onResult={onResult} />}
      {(dialog === 'recall' || dialog === 'cancel') && <ReasonForm doc={doc} kind={dialog} onClose={onClose} />}
      {dialog === 'correct' && <CorrectForm doc={doc} onClose={onClose} />}
    </Modal>
  );
}

/** Runs a workflow call, refreshes the document, reports errors inside the dialog. */
function useAction<TArg, TOut>(fn: (arg: TArg) => Promise<TOut>, onDone: (out: TOut) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (out) => {
      await qc.invalidateQueries({ queryKey: docKeys.all });
      onDone(out);
    },
  });
}

function ErrorLine({ error }: { error: unknown }) {
  const errorMessage = useErrorMessage();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" data-testid="action-error">
      {errorMessage(error)}
    </Alert>
  );
}

function Footer({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      {children}
    </Group>
  );
}

function ContentCheck({ doc, onClose }: { doc: Document; onClose: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const act = useAction(
    (approve: boolean) => outgoingApi.checkContent(doc.id, approve, note.trim() || undefined),
    (d) => {
      notifications.show({
        color: d.contentCheckedBy ? 'green' : 'orange',
        message: d.contentCheckedBy ? t('outgoing.contentApproved') : t('outgoing.contentRejected'),
      });
      onClose();
    },
  );
  return (
    <Stack>
      <ErrorLine error={act.error} />
      <Textarea
        label={t('outgoing.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Footer onClose={onClose}>
        <Button color="orange" variant="light" onClick={() => act.mutate(false)} loading={act.isPending}>
          {t('outgoing.reject')}
        </Button>
        <Button color="green" onClick={() => act.mutate(true)} loading={act.isPending} data-testid="content-approve">
          {t('outgoing.approve')}
        </Button>
      </Footer>
    </Stack>
  );
}

function FormatCheckPanel({ doc }: { doc: Document }) {
  const { t, i18n } = useTranslation();
  const [dateLine, setDateLine] = useState('');
  const [check, setCheck] = useState<FormatCheck | null>(null);
  const act = useAction((line: string) => outgoingApi.checkFormat(doc.id, line || undefined), setCheck);
  const en = i18n.language === 'en';
  return (
    <Stack>
      <TextInput
        label={t('outgoing.dateLine')}
        placeholder={t('outgoing.dateLineHint')}
        value={dateLine}
        onChange={(e) => setDateLine(e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button onClick={() => act.mutate(dateLine.trim())} loading={act.isPending} data-testid="format-run">
          {t('outgoing.runCheck')}
        </Button>
      </Group>
      <ErrorLine error={act.error} />
      {check && check.ok && (
        <Alert color="green" data-testid="format-ok">
          {t('outgoing.formatOk')} {check.recorded ? t('outgoing.formatRecorded') : ''}
        </Alert>
      )}
      {check && !check.ok && (
        <Alert color="orange" title={t('outgoing.violations', { count: check.violations.length })}>
          <List size="sm" spacing="xs" data-testid="format-violations">
            {check.violations.map((v, i) => (
              <List.Item key={`${v.code}-${i}`} data-testid="format-violation" data-code={v.code}>
                <Text size="sm">{en ? v.messageEn : v.message}</Text>
                {v.citation && (
                  <Text size="xs" c="dimmed">
                    {t('outgoing.citation')}: {v.citation}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

function SignForm({ doc, onClose }: { doc: Document; onClose: () => void }) {
  const { t } = useTranslation();
  const initial = doc.signer.form === null ? 'KT.' : doc.signer.form || NO_FORM;
  const [form, setForm] = useState<string>(initial);
  const act = useAction(
    (f: SigningForm) => outgoingApi.sign(doc.id, f),
    () => {
      notifications.show({ color: 'green', message: t('outgoing.signed') });
      onClose();
    },
  );
  return (
    <Stack>
      <ErrorLine error={act.error} />
      <Radio.Group label={t('outgoing.signForm')} value={form} onChange={setForm} data-testid="sign-form">
        <Stack gap={6} mt={4}>
          {SIGNING_FORMS.map((f) => (
            <Radio
              key={f || NO_FORM}
              value={f || NO_FORM}
              label={f || t('docs.signingFormNone')}
              data-testid={`sign-form-${f ? f.replace('.', '') : 'none'}`}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Footer onClose={onClose}>
        <Button
          onClick={() => act.mutate((form === NO_FORM ? '' : form) as SigningForm)}
          loading={act.isPending}
          data-testid="sign-confirm"
        >
          {t('outgoing.sign')}
        </Button>
      </Footer>
    </Stack>
  );
}

function IssueConfirm({
  doc,
  onClose,
  onResult,
}: {
  doc: Document;
  onClose: () => void;
  onResult: (r: ReactNode) => void;
}) {
  const { t } = useTranslation();
  const act = useAction(
    () => outgoingApi.issue(doc.id),
    (d) => {
      const message = t('outgoing.issued', { code: d.code ?? '' });
      notifications.show({ color: 'green', message });
      onResult(
        <Alert color="green" data-testid="issued-code">
          {message}
        </Alert>,
      );
      onClose();
    },
  );
  return (
    <Stack>
      <ErrorLine error={act.error} />
      <Text size="sm">{t('outgoing.issueConfirm')}</Text>
      <Footer onClose={onClose}>
        <Button onClick={() => act.mutate(undefined)} loading={act.isPending} data-testid="issue-confirm">
          {t('outgoing.issue')}
        </Button>
      </Footer>
    </Stack>
  );
}

function ReleaseConfirm({
  doc,
  onClose,
  onResult,
}: {
  doc: Document;
  onClose: () => void;
  onResult: (r: ReactNode) => void;
}) {
  const { t } = useTranslation();
  const act = useAction(
    () => outgoingApi.release(doc.id),
    (r) => {
      const names = new Map(doc.recipients.filter((x) => x.unitId).map((x) => [x.unitId!, x.name]));
      notifications.show({ color: 'green', message: t('outgoing.released', { count: r.delivered.length }) });
      onResult(
        <Alert color="green" title={t('outgoing.released', { count: r.delivered.length })} data-testid="released">
          {r.delivered.length > 0 && (
            <List size="sm">
              {r.delivered.map((d) => (
                <List.Item key={d.incomingId}>
                  {names.get(d.unitId) ?? d.unitId} — {t('docs.arrivalNumber')} {d.arrivalNumber}{' '}
                  <Anchor component={Link} to={documentPath(d.incomingId)} size="sm">
                    {t('docs.open')}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </Alert>,
      );
      onClose();
    },
  );
  return (
    <Stack>
      <ErrorLine error={act.error} />
      <Text size="sm">{t('outgoing.releaseConfirm')}</Text>
      <Footer onClose={onClose}>
        <Button onClick={() => act.mutate(undefined)} loading={act.isPending} data-testid="release-confirm">
          {t('outgoing.release')}
        </Button>
      </Footer>
    </Stack>
  );
}

function ReasonForm({ doc, kind, onClose }: { doc: Document; kind: 'recall' | 'cancel'; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const act = useAction(
    (r: string) => (kind === 'recall' ? outgoingApi.recall(doc.id, r) : outgoingApi.cancel(doc.id, r)),
    () => {
      notifications.show({
        color: 'green',
        message: kind === 'recall' ? t('outgoing.recalled') : t('outgoing.cancelled'),
      });
      onClose();
    },
  );
  return (
    <Stack>
      <ErrorLine error={act.error} />
      <Textarea
        label={t('outgoing.reason')}
        withAsterisk
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setMissing(false);
        }}
        error={missing ? t('validation.required', { field: t('outgoing.reason').toLowerCase() }) : undefined}
        data-testid="action-reason"
      />
      <Footer onClose={onClose}>
        <Button
          color={kind === 'recall' ? 'orange' : 'red'}
          onClick={() => (reason.trim() ? act.mutate(reason.trim()) : setMissing(true))}
          loading={act.isPending}
          data-testid="reason-confirm"
        >
          {kind === 'recall' ? t('outgoing.recall') : t('outgoing.cancel')}
        </Button>
      </Footer>
    </Stack>
  );
}

function CorrectForm({ doc, onClose }: { doc: Document; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState<'format' | 'content'>('format');
  const act = useAction(
    (k: 'format' | 'content') => outgoingApi.correct(doc.id, k),
    (d) => {
      notifications.show({ color: 'green', message: t('outgoing.correctionCreated') });
      onClose();
      void navigate(documentPath(d.id));
    },
  );
  return (
    <Stack>
      <ErrorLine error={act.error} />
      <Select
        data={[
          { value: 'format', label: t('outgoing.correctFormat') },
          { value: 'content', label: t('outgoing.correctContent') },
        ]}
        value={kind}
        onChange={(v) => setKind((v as 'format' | 'content') ?? 'format')}
        allowDeselect={false}
        data-testid="correct-kind"
      />
      <Footer onClose={onClose}>
        <Button onClick={() => act.mutate(kind)} loading={act.isPending} data-testid="correct-confirm">
          {t('outgoing.confirm')}
        </Button>
      </Footer>
    </Stack>
  );
}

export function OutgoingVersions({ id }: { id: string }) {
  const { t } = useTranslation();
  const versions = useVersions(id, true);
  const people = usePeople(null);
  const items = versions.data?.items ?? [];
  const who = (userId: string | null) =>
    userId ? (people.data?.items.find((p) => p.id === userId)?.fullName ?? userId) : '';
  if (!items.length) return null;
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('outgoing.versions')}
      </Title>
      <Table striped withTableBorder data-testid="document-versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{t('outgoing.versionCol')}</Table.Th>
            <Table.Th>{t('docs.subject')}</Table.Th>
            <Table.Th w={150}>{t('docs.traceTime')}</Table.Th>
            <Table.Th>{t('outgoing.versionBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>{v.subject}</Table.Td>
              <Table.Td>{formatDateTime(v.createdAt).slice(0, 16)}</Table.Td>
              <Table.Td>{who(v.createdBy)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
