// Nothing to show yet: a card with an icon, what will be here, and (where there is one) the way to start.
import { Card, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState({
  icon,
  title,
  body,
  children,
  testId,
}: {
  icon: ReactNode;
  title: string;
  body: string;
  /** The way to start, below the text. */
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <Card withBorder padding="lg" data-testid={testId}>
      <ThemeIcon variant="light" size="xl" radius="xl" mb="sm">
        {icon}
      </ThemeIcon>
      <Title order={2} size="h4" mb={4}>
        {title}
      </Title>
      <Text c="dimmed" mb={children ? 'md' : undefined}>
        {body}
      </Text>
      {children}
    </Card>
  );
}
