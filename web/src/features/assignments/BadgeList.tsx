import { Badge, Group, Text } from '@mantine/core';

export function BadgeList({
  items,
  color,
  testId,
}: {
  items: { key: string; label: string }[];
  color: string;
  testId: string;
}) {
  if (!items.length) return <Text c="dimmed">—</Text>;
  return (
    <Group gap={4} data-testid={testId}>
      {items.map((i) => (
        <Badge key={i.key} variant="light" color={color} size="sm" tt="none" data-testid={`${testId}-badge`}>
          {i.label}
        </Badge>
      ))}
    </Group>
  );
}
