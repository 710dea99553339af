import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AreaKey } from './areas.ts';

/** The honest state of an area that is not built yet: what it will do, nothing fake. */
export function ComingSoon({ area }: { area: Exclude<AreaKey, 'today'> }) {
  const { t } = useTranslation();
  const name = t(`nav.${area}`);
  return (
    <Stack maw={720} gap="md">
      <Group gap="sm">
        <Title order={1} size="h2">
          {name}
        </Title>
        <Badge variant="light">{t('coming.badge')}</Badge>
      </Group>
      <Card withBorder padding="lg" data-testid="coming-soon">
        <Title order={2} size="h4" mb="xs">
          {t('coming.title', { area: name })}
        </Title>
        <Text c="dimmed" mb="sm">
          {t('coming.body')}
        </Text>
        <Text>{t(`coming.${area}`)}</Text>
      </Card>
    </Stack>
  );
}
