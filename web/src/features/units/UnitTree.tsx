import { useEffect, useRef } from 'react';
import { ActionIcon, Box, Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitNode } from './buildTree';

interface TreeProps {
  nodes: readonly UnitNode[];
  expanded: ReadonlySet<string>;
  selectedId: string | null;
  onToggle: (id: string) => void;
  onSelect: (id: string) => void;
}

export function UnitTree(props: TreeProps) {
  const { t } = useTranslation();
  return (
    <Box
      component="ul"
      role="tree"
      aria-label={t('units.tree')}
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      data-testid="unit-tree"
    >
      {props.nodes.map((n) => (
        <UnitTreeItem key={n.unit.id} node={n} depth={0} {...props} />
      ))}
    </Box>
  );
}

function UnitTreeItem({ node, depth, ...props }: TreeProps & { node: UnitNode; depth: number }) {
  const { t } = useTranslation();
  const { unit, children } = node;
  const hasChildren = children.length > 0;
  const open = props.expanded.has(unit.id);
  const selected = props.selectedId === unit.id;
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) ref.current?.firstElementChild?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <li
      ref={ref}
      role="treeitem"
      aria-expanded={hasChildren ? open : undefined}
      aria-selected={selected}
      data-testid="unit-tree-item"
      data-unit-id={unit.id}
      data-unit-code={unit.code}
    >
      <Group gap={4} wrap="nowrap" pl={depth * 18} py={2} className="dh-tree-row" data-selected={selected}>
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            size="sm"
            color="gray"
            onClick={() => props.onToggle(unit.id)}
            aria-label={open ? t('units.collapseAll') : t('units.expandAll')}
            data-testid="unit-tree-toggle"
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </ActionIcon>
        ) : (
          <Box w={22} />
        )}
        <UnstyledButton
          onClick={() => props.onSelect(unit.id)}
          style={{ flex: 1, minWidth: 0 }}
          title={unit.name}
          data-testid="unit-tree-label"
        >
          <Text size="sm" fw={selected ? 600 : 400} c={unit.active ? undefined : 'dimmed'} truncate>
            {unit.name}
            {hasChildren && (
              <Text span size="xs" c="dimmed">
                {' '}
                ({children.length})
              </Text>
            )}
          </Text>
        </UnstyledButton>
      </Group>
      {hasChildren && open && (
        <Box component="ul" role="group" m={0} p={0} style={{ listStyle: 'none' }}>
          {children.map((c) => (
            <UnitTreeItem key={c.unit.id} node={c} depth={depth + 1} {...props} />
          ))}
        </Box>
      )}
    </li>
  );
}
