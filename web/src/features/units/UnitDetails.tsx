import type { ReactNode } from 'react';
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Field, Unit } from '../../api/types';

interface Props {
  unit: Unit;
  parent: Unit | undefined;
  childCount: number;
  fields: readonly Field[];
  canEdit: boolean;
  onEdit: () => void;
  onCreateChild: () => void;
}

export function UnitDetails({ unit, parent, childCount, fields, canEdit, onEdit, onCreateChild }: Props) {
  const { t, i18n } = useTranslation();
  const fieldName = (code: string) => {
    const f = fields.find((x) => x.code === code);
    if (!f) return code;
    return i18n.language === 'en' && f.nameEn ? f.nameEn : f.name;
  };
  const none = (
    <Text span c="dimmed">
      {t('units.none')}
    </Text>
  );
  const rows: [string, ReactNode][] = [
    [t('units.code'), unit.code],
    [t('units.shortName'), unit.shortName || none],
    [t('units.level'), t(`level.${unit.level}`)],
    [t('units.type'), unit.type || none],
    [t('units.parent'), parent?.name ?? none],
    [t('units.area'), unit.areaName ?? unit.areaCode ?? none],
    [t('units.orgId'), unit.orgId || none],
    [
      t('units.fields'),
      unit.fieldCodes.length ? (
        <Group gap={4}>
          {unit.fieldCodes.map((c) => (
            <Badge key={c} variant="light" size="sm">
              {fieldName(c)}
            </Badge>
          ))}
        </Group>
      ) : (
        none
      ),
    ],
    [t('units.children'), String(childCount)],
    [t('common.status'), unit.active ? t('common.active') : t('common.inactive')],
  ];

  return (
    <Paper withBorder p="md" data-testid="unit-details">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text size="xs" c="dimmed" tt="uppercase">
              {t('units.details')}
            </Text>
            <Title order={3} data-testid="unit-details-name">
              {unit.name}
            </Title>
          </div>
          {canEdit && (
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={onCreateChild} data-testid="unit-create-child">
                {t('units.createChild')}
              </Button>
              <Button size="xs" onClick={onEdit} data-testid="unit-edit">
                {t('common.edit')}
              </Button>
            </Group>
          )}
        </Group>
        <Table variant="vertical" withTableBorder layout="fixed">
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={180}>{label}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
