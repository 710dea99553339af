import { Text, type TextProps } from '@mantine/core';
import { useFormat } from '../../ui/format.ts';

/** One number of the import with its label above: the preview's counts, the result's totals. */
export function Figure({
  label,
  value,
  size,
  color,
  testId,
}: {
  label: string;
  value: number;
  size?: TextProps['size'];
  color?: string;
  testId?: string;
}) {
  const format = useFormat();
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size={size} fw={700} c={color} data-testid={testId}>
        {format.number(value)}
      </Text>
    </div>
  );
}
