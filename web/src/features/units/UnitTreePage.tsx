import { useEffect, useMemo, useState } from 'react';
import { Box, Button, Grid, Group, Loader, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { can, useUser } from '../auth/session';
import { ancestorIds, branchIds, buildTree } from './buildTree';
import { useAreas, useFields, useUnits } from './queries';
import { UnitDetails } from './UnitDetails';
import { UnitFormModal } from './UnitFormModal';
import { UnitTree } from './UnitTree';
import type { Unit } from '../../api/types';

type FormTarget = { mode: 'create'; parentId: string | null } | { mode: 'edit'; unit: Unit } | null;

export function UnitTreePage() {
  const { t } = useTranslation();
  const user = useUser();
  const units = useUnits();
  const fields = useFields();
  const areas = useAreas();
  const canEdit = can(user, 'org.write');

  const items = useMemo(() => units.data?.items ?? [], [units.data]);
  const tree = useMemo(() => buildTree(items), [items]);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [form, setForm] = useState<FormTarget>(null);

  // Open the first level once data arrives.
  const [initialised, setInitialised] = useState(false);
  useEffect(() => {
    if (!initialised && tree.length) {
      setExpanded(new Set(tree.map((n) => n.unit.id)));
      setInitialised(true);
    }
  }, [tree, initialised]);

  const selected = items.find((u) => u.id === selectedId);
  const childCount = selected ? items.filter((u) => u.parentId === selected.id).length : 0;

  const toggle = (id: string) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const reveal = (unit: Unit) => {
    setSelectedId(unit.id);
    // `items` may not contain a unit created a moment ago, so walk up from its parent.
    const parents = unit.parentId ? [...ancestorIds(items, unit.parentId), unit.parentId] : [];
    setExpanded((s) => new Set([...s, ...parents]));
  };

  return (
    <>
      <PageHeader title={t('units.title')}>
        {canEdit && (
          <Button onClick={() => setForm({ mode: 'create', parentId: selectedId })} data-testid="unit-create">
            {t('units.create')}
          </Button>
        )}
      </PageHeader>
      {units.isError && <QueryError error={units.error} onRetry={() => void units.refetch()} />}
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="sm">
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{t('units.tree')}</Text>
              <Group gap="xs">
                {units.isFetching && <Loader size="xs" />}
                <Text size="sm" c="dimmed" data-testid="unit-count">
                  {t('units.count', { count: items.length })}
                </Text>
              </Group>
            </Group>
            <Group gap="xs" mb="xs">
              <Button size="compact-xs" variant="subtle" onClick={() => setExpanded(new Set(branchIds(tree)))}>
                {t('units.expandAll')}
              </Button>
              <Button size="compact-xs" variant="subtle" onClick={() => setExpanded(new Set())}>
                {t('units.collapseAll')}
              </Button>
            </Group>
            <Box mah="calc(100vh - 230px)" style={{ overflowY: 'auto', overflowX: 'hidden' }}>
              <UnitTree
                nodes={tree}
                expanded={expanded}
                selectedId={selectedId}
                onToggle={toggle}
                onSelect={setSelectedId}
              />
            </Box>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {selected ? (
            <UnitDetails
              unit={selected}
              parent={items.find((u) => u.id === selected.parentId)}
              childCount={childCount}
              fields={fields.data?.items ?? []}
              canEdit={canEdit}
              onEdit={() => setForm({ mode: 'edit', unit: selected })}
              onCreateChild={() => setForm({ mode: 'create', parentId: selected.id })}
            />
          ) : (
            <Paper withBorder p="md">
              <Text c="dimmed">{t('units.selectHint')}</Text>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
      <UnitFormModal
        opened={form !== null}
        onClose={() => setForm(null)}
        unit={form?.mode === 'edit' ? form.unit : null}
        defaultParentId={form?.mode === 'create' ? form.parentId : null}
        units={items}
        fields={fields.data?.items ?? []}
        areas={areas.data?.items ?? []}
        onSaved={(u) => {
          setForm(null);
          reveal(u);
        }}
      />
    </>
  );
}
