import { Badge, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../../api/types';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../lib/date';
import { useAssignmentHistory } from './queries';

export function AssignmentHistoryModal({
  leader,
  onClose,
}: {
  leader: Assignment['leader'] | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const history = useAssignmentHistory(leader?.id ?? null);
  const items = [...(history.data?.items ?? [])].sort((a, b) => b.validFrom.localeCompare(a.validFrom));

  return (
    <Modal
      opened={leader !== null}
      onClose={onClose}
      title={leader ? t('assignments.historyTitle', { name: leader.fullName }) : ''}
      size="xl"
      data-testid="assignment-history-modal"
    >
      {history.isPending && leader ? <Loader size="sm" /> : null}
      {history.isError && <QueryError error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && (
        <Table.ScrollContainer minWidth={700}>
          <Table striped withTableBorder data-testid="assignment-history-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assignments.validFrom')}</Table.Th>
                <Table.Th>{t('assignments.validTo')}</Table.Th>
                <Table.Th>{t('assignments.fields')}</Table.Th>
                <Table.Th>{t('assignments.areas')}</Table.Th>
                <Table.Th>{t('assignments.agencies')}</Table.Th>
                <Table.Th>{t('assignments.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed" ta="center">
                      {t('common.noData')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {items.map((a) => (
                <Table.Tr key={a.id} data-testid="assignment-history-row">
                  <Table.Td>{formatDate(a.validFrom)}</Table.Td>
                  <Table.Td>
                    {a.validTo ? (
                      formatDate(a.validTo)
                    ) : (
                      <Badge color="green" variant="light" size="sm">
                        {t('assignments.current')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {a.fields.map((f) => (
                        <Text key={f.code} size="sm">
                          {f.name}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {a.areas.map((x) => (
                        <Text key={x.code} size="sm">
                          {x.name}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {a.agencies.map((x) => (
                        <Text key={x.id} size="sm">
                          {x.shortName || x.name}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>{a.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Modal>
  );
}
