import { useMemo } from 'react';
import { Badge, Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { useSummaryVocab } from './labels';
import { describeActions, describeCondition } from './summary';

interface Row {
  order: number;
  rule: Rule;
  condition: string;
  actions: string[];
}

/** A policy's rules in evaluation order, each with its condition and actions in words. */
export function RulesTable({
  rules,
  testId,
  problemIds,
}: {
  rules: readonly Rule[];
  testId: string;
  /** Rules named by the server's problems, highlighted. */
  problemIds?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const vocab = useSummaryVocab();
  const rows = useMemo<Row[]>(
    () =>
      rules.map((rule, i) => ({
        order: i + 1,
        rule,
        condition: describeCondition(rule?.when, vocab),
        actions: describeActions(rule?.then, vocab),
      })),
    [rules, vocab],
  );
  const columns = useMemo<Column<Row>[]>(
    () => [
      { key: 'order', header: t('policy.order'), value: (r) => r.order, width: 56, align: 'right' },
      {
        key: 'id',
        header: t('policy.id'),
        value: (r) => r.rule?.id,
        render: (r) => <Code data-testid="rule-id">{String(r.rule?.id ?? '')}</Code>,
        width: 170,
      },
      {
        key: 'name',
        header: t('policy.name'),
        value: (r) => r.rule?.name,
        render: (r) => (
          <Stack gap={2}>
            <Text size="sm">{r.rule?.name}</Text>
            {r.rule?.enabled === false && (
              <Badge size="xs" color="gray" variant="outline">
                {t('policy.disabled')}
              </Badge>
            )}
          </Stack>
        ),
      },
      { key: 'condition', header: t('policy.condition'), value: (r) => r.condition },
      {
        key: 'actions',
        header: t('policy.actions'),
        value: (r) => r.actions.join('; '),
        render: (r) => (
          <Stack gap={0}>
            {r.actions.map((a, i) => (
              <Text size="sm" key={i}>
                {a}
              </Text>
            ))}
          </Stack>
        ),
      },
      {
        key: 'stop',
        header: t('policy.stop'),
        value: (r) => (r.rule?.stop ? t('policy.stopYes') : ''),
        render: (r) =>
          r.rule?.stop ? (
            <Badge size="sm" color="red" variant="light">
              {t('policy.stopYes')}
            </Badge>
          ) : null,
        width: 80,
        align: 'center',
      },
    ],
    [t],
  );
  return (
    <DataTable
      testId={testId}
      rows={rows}
      columns={columns}
      rowKey={(r) => `${r.order}-${String(r.rule?.id)}`}
      countLabel={(count) => t('policy.rulesCount', { count })}
      filterPlaceholder={t('policy.rulesFilter')}
      exportName={t('policy.rulesFile')}
      sheetName={t('policy.rulesSheet')}
      exportTitle={t('policy.rulesSheet')}
      rowClassName={(r) => (problemIds?.has(String(r.rule?.id)) ? 'dh-row-problem' : undefined)}
      rowAttributes={(r) => ({ 'data-rule-id': String(r.rule?.id ?? '') })}
      minWidth={900}
    />
  );
}
