// One part of a settings-like page in its own card: a heading, a line on what it is for, and its fields.
import { Card, type MantineSpacing, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function Section({
  title,
  description,
  children,
  padding = 'lg',
  testId,
  id,
}: {
  title: string;
  description?: string;
  children: ReactNode;
  padding?: MantineSpacing;
  testId?: string;
  /** An anchor, so a link elsewhere can lead straight here. */
  id?: string;
}) {
  return (
    <Card withBorder padding={padding} data-testid={testId} id={id}>
      <Title order={2} size="h4" mb={description ? 4 : 'sm'}>
        {title}
      </Title>
      {description && (
        <Text c="dimmed" size="sm" mb="sm">
          {description}
        </Text>
      )}
      {children}
    </Card>
  );
}
