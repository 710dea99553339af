// The review's heading: back to the diary, the title and the day under review.
import { Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowLeft, IconMoonStars } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../ui/links.tsx';

export function ReviewHeader({ day, today, dayLabel }: { day: string; today: string; dayLabel: string }) {
  const { t } = useTranslation('diary');
  return (
    <Stack gap={4}>
      <AnchorLink to="/diary" search={{ day: day === today ? undefined : day }} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          {t('title')}
        </Group>
      </AnchorLink>
      <Group gap="xs" wrap="nowrap">
        <ThemeIcon color="indigo" variant="light" radius="xl" size="lg">
          <IconMoonStars size={20} />
        </ThemeIcon>
        <div style={{ minWidth: 0 }}>
          <Title order={1} size="h2">
            {t('review.title')}
          </Title>
          <Text size="sm" c="dimmed" data-testid="review-day">
            {dayLabel}
          </Text>
        </div>
      </Group>
    </Stack>
  );
}
