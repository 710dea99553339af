// A day already reviewed: its summary and streak, the way on to tomorrow, and the choice to review again.
import { Badge, Button, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconFlame } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import type { DayPage } from '../api.ts';

export function AlreadyReviewed({
  page,
  tomorrow,
  onAgain,
}: {
  page: DayPage;
  tomorrow: string;
  onAgain: () => void;
}) {
  const { t } = useTranslation('diary');
  const format = useFormat();
  return (
    <Card withBorder padding="lg" data-testid="review-already">
      <Stack gap="xs">
        <Group gap="xs">
          <ThemeIcon color="teal" variant="light" radius="xl">
            <IconCheck size={16} />
          </ThemeIcon>
          <Text fw={600}>{t('review.already')}</Text>
          {page.streak > 0 && (
            <Badge color="orange" variant="light" leftSection={<IconFlame size={14} />}>
              {t('streak.short', { count: page.streak, formatted: format.number(page.streak) })}
            </Badge>
          )}
        </Group>
        {page.review?.summary && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {page.review.summary}
          </Text>
        )}
        <Group gap="xs" mt="xs">
          <Button renderRoot={(props) => <Link {...props} to="/diary" search={{ day: tomorrow }} />}>
            {t('review.finished.tomorrow')}
          </Button>
          <Button variant="default" onClick={onAgain}>
            {t('review.again')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
