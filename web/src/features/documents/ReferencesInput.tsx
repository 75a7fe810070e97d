import type { ReactNode } from 'react';
import { Autocomplete, Button, CloseButton, Group, Input, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REFERENCE_KINDS, type ReferenceKind } from '../../api/types';
import { useRoutingLabels } from '../routing/labels';
import { EMPTY_REFERENCE, type ReferenceRow } from './incomingForm';

interface Props {
  value: ReferenceRow[];
  onChange: (rows: ReferenceRow[]) => void;
  issuerOptions: string[];
  label: ReactNode;
  error?: string;
  description?: ReactNode;
  classNames?: { input: string };
}

/** "Văn bản dẫn chiếu": one row per cited document (number, issuer, kind: advice, reply or other). */
export function ReferencesInput({ value, onChange, issuerOptions, label, error, description, classNames }: Props) {
  const { t } = useTranslation();
  const labels = useRoutingLabels();
  const update = (i: number, patch: Partial<ReferenceRow>) =>
    onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const kindOptions = REFERENCE_KINDS.map((k) => ({ value: k, label: labels.referenceKind(k) }));

  return (
    <Input.Wrapper
      label={label}
      description={description ?? t('incoming.referencesHint')}
      error={error}
      data-testid="incoming-references"
    >
      <Stack gap={6} mt={4}>
        {value.map((r, i) => (
          <Group key={i} gap="xs" wrap="nowrap" align="flex-start" data-testid="incoming-reference">
            <TextInput
              aria-label={t('incoming.referenceCode')}
              placeholder={t('incoming.referenceCode')}
              value={r.code}
              onChange={(e) => update(i, { code: e.currentTarget.value })}
              classNames={classNames}
              w={170}
              data-testid="incoming-reference-code"
            />
            <Autocomplete
              aria-label={t('incoming.referenceIssuer')}
              placeholder={t('incoming.referenceIssuer')}
              data={issuerOptions}
              limit={20}
              value={r.issuer}
              onChange={(v) => update(i, { issuer: v })}
              style={{ flex: 1 }}
              data-testid="incoming-reference-issuer"
            />
            <Select
              aria-label={t('incoming.referenceKind')}
              data={kindOptions}
              value={r.kind}
              onChange={(v) => update(i, { kind: (v ?? 'other') as ReferenceKind })}
              allowDeselect={false}
              w={250}
              data-testid="incoming-reference-kind"
            />
            <CloseButton
              mt={6}
              aria-label={t('incoming.removeReference')}
              title={t('incoming.removeReference')}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              data-testid="incoming-reference-remove"
            />
          </Group>
        ))}
        <Group>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => onChange([...value, { ...EMPTY_REFERENCE }])}
            data-testid="incoming-reference-add"
          >
            + {t('incoming.addReference')}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
