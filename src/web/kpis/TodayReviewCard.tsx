// On the Today page from my analysis day until it is written: the week's three numbers and the way in.
// The page passes the analysis from its one request (web/today).
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconReportAnalytics } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TodayPage } from '../today/api.ts';
import { useDay, usePoints } from './parts.tsx';

export function TodayReviewCard({ review: r }: { review: NonNullable<TodayPage['review']> }) {
  const { t } = useTranslation('kpis');
  const day = useDay();
  const points = usePoints();
  return (
    <Card withBorder padding="md" data-testid="today-review">
      <Stack gap="xs">
        <Group gap="xs">
          <IconReportAnalytics size={20} aria-hidden />
          <Title order={2} size="h4">
            {t('review.today.title')}
          </Title>
        </Group>
        <Text size="sm">
          {t('review.today.body', {
            from: day(r.week),
            to: day(r.weekEnd),
            points: points(r.numbers.week.structurePoints),
            newMembers: r.numbers.week.newMembers,
            trained: r.numbers.week.trained,
          })}
        </Text>
        <Group>
          <Button component={Link} to="/kpis/reviews">
            {t('review.today.open')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
