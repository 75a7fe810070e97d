import { useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Modal, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { documentsApi } from '../../api/endpoints';
import { useErrorMessage } from '../../components/QueryError';
import { documentPath } from '../../routes/paths';
import { FileDrop } from './FileDrop';
import { docKeys } from './queries';

type Result =
  | { state: 'pending' }
  | { state: 'running' }
  | { state: 'ok'; id: string; arrivalNumber: number | null }
  | { state: 'error'; message: string };

interface Item {
  file: File;
  result: Result;
}

/** Uploads the chosen files one by one; each gets its own result, a failure does not stop the rest. */
export function BulkImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const [items, setItems] = useState<Item[]>([]);
  const [running, setRunning] = useState(false);
  const cancelled = useRef(false);

  const done = items.filter((i) => i.result.state === 'ok' || i.result.state === 'error').length;
  const ok = items.filter((i) => i.result.state === 'ok').length;
  const failed = items.filter((i) => i.result.state === 'error').length;
  const finished = items.length > 0 && done === items.length && !running;

  const setResult = (index: number, result: Result) =>
    setItems((list) => list.map((it, i) => (i === index ? { ...it, result } : it)));

  const start = async () => {
    setRunning(true);
    cancelled.current = false;
    for (let i = 0; i < items.length; i++) {
      if (cancelled.current) break;
      const item = items[i]!;
      if (item.result.state === 'ok') continue;
      setResult(i, { state: 'running' });
      try {
        const doc = await documentsApi.upload(item.file);
        setResult(i, { state: 'ok', id: doc.id, arrivalNumber: doc.arrivalNumber });
      } catch (e) {
        setResult(i, { state: 'error', message: errorMessage(e) });
      }
    }
    setRunning(false);
    await qc.invalidateQueries({ queryKey: docKeys.all });
  };

  const close = () => {
    cancelled.current = true;
    if (!running) setItems([]);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('incoming.bulkTitle')} size="xl" data-testid="bulk-modal">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('incoming.bulkHint')}
        </Text>
        <FileDrop
          testId="bulk-drop"
          multiple
          disabled={running}
          buttonLabel={t('incoming.bulkChoose')}
          onFiles={(files) => setItems(files.map((file) => ({ file, result: { state: 'pending' } })))}
        />
        {items.length > 0 && (
          <>
            <Group justify="space-between">
              <Text size="sm">{t('incoming.bulkFiles', { count: items.length })}</Text>
              <Text size="sm" fw={600} data-testid="bulk-progress-text">
                {t('incoming.bulkProgress', { done, total: items.length })}
              </Text>
            </Group>
            <Progress
              value={(done / items.length) * 100}
              animated={running}
              color={failed ? 'orange' : 'green'}
              data-testid="bulk-progress"
            />
            <ScrollArea.Autosize mah={360}>
              <Table striped withTableBorder data-testid="bulk-results">
                <Table.Tbody>
                  {items.map((it, i) => (
                    <Table.Tr key={`${it.file.name}-${i}`} data-testid="bulk-row" data-state={it.result.state}>
                      <Table.Td>
                        <Text size="sm">{it.file.name}</Text>
                      </Table.Td>
                      <Table.Td>
                        <BulkResult result={it.result} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
        {finished && (
          <Alert color={failed ? 'orange' : 'green'} data-testid="bulk-done">
            {t('incoming.bulkDone', { ok, failed })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.close')}
          </Button>
          <Button
            onClick={() => void start()}
            loading={running}
            disabled={!items.length || finished}
            data-testid="bulk-start"
          >
            {t('incoming.bulkStart')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function BulkResult({ result }: { result: Result }) {
  const { t } = useTranslation();
  switch (result.state) {
    case 'pending':
      return (
        <Badge variant="outline" color="gray">
          {t('incoming.bulkPending')}
        </Badge>
      );
    case 'running':
      return <Badge variant="light">{t('incoming.bulkRunning')}</Badge>;
    case 'ok':
      return (
        <Anchor component={Link} to={documentPath(result.id)} size="sm" c="green" fw={600}>
          {t('incoming.bulkOk', { n: result.arrivalNumber ?? '' })}
        </Anchor>
      );
    case 'error':
      return (
        <Text size="sm" c="red" data-testid="bulk-error">
          {result.message}
        </Text>
      );
  }
}
