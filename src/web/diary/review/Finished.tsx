// The end of the review: the streak of evenings reviewed, and the way on to tomorrow or back to the day.
import { Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFlame } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import type { DayPage } from '../api.ts';

export function Finished({ page, tomorrow }: { page: DayPage; tomorrow: string }) {
  const { t } = useTranslation('diary');
  const format = useFormat();
  return (
    <Card withBorder padding="lg" data-testid="review-finished">
      <Stack align="center" gap="xs" ta="center">
        <ThemeIcon size={64} radius="xl" color="orange" variant="light">
          <IconFlame size={36} />
        </ThemeIcon>
        <Title order={2} size="h3">
          {t('review.finished.title')}
        </Title>
        <Group gap={6} align="baseline" justify="center">
          <Text fz={40} fw={800} lh={1} data-testid="review-streak">
            {format.number(page.streak)}
          </Text>
          <Text c="dimmed">{t('review.finished.streak', { count: page.streak })}</Text>
        </Group>
        <Text size="sm" c="dimmed" maw={420}>
          {t('review.finished.body')}
        </Text>
        <Group gap="xs" justify="center" mt="sm">
          <Button
            renderRoot={(props) => <Link {...props} to="/diary" search={{ day: tomorrow }} />}
            data-testid="see-tomorrow"
          >
            {t('review.finished.tomorrow')}
          </Button>
          <Button
            variant="default"
            renderRoot={(props) => <Link {...props} to="/diary" search={{ day: page.day }} />}
          >
            {t('review.finished.back')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
