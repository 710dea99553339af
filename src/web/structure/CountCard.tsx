import { Card, Text } from '@mantine/core';
import { useFormat } from '../ui/format.ts';

export function CountCard({ label, value, testId }: { label: string; value: number; testId?: string }) {
  const format = useFormat();
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {format.number(value)}
      </Text>
    </Card>
  );
}
