// What a sponsor may see of a downline member's diary: counts per week (events, tasks done, evenings
// reviewed) and the streak — never the entries themselves.
import { Badge, Box, Card, Group, SimpleGrid, Text, Title, Tooltip } from '@mantine/core';
import { IconFlame } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDay } from '../contacts/parts.tsx';
import { useToday } from '../contacts/useToday.ts';
import { useFormat } from '../ui/format.ts';
import { type Activity, activityQuery } from './api.ts';

const WEEKS = 4;
type Measure = 'events' | 'tasksDone' | 'reviews';

/** One number over the weeks: the total, and a small bar per week, oldest first. */
function Measure({ weeks, measure }: { weeks: Activity['weeks']; measure: Measure }) {
  const { t } = useTranslation('diary');
  const format = useFormat();
  const day = useDay();
  const total = weeks.reduce((sum, w) => sum + w[measure], 0);
  // Reviews are at most one an evening: their bars are out of seven.
  const max = measure === 'reviews' ? 7 : Math.max(1, ...weeks.map((w) => w[measure]));
  return (
    <div data-testid={`activity-${measure}`}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" lh={1.2} mih={30}>
        {t(`activity.${measure}`)}
      </Text>
      <Text fw={700} size="lg">
        {format.number(total)}
      </Text>
      <Group gap={3} align="flex-end" h={24} wrap="nowrap">
        {weeks.map((w, i) => {
          const label = `${i === weeks.length - 1 ? t('activity.thisWeek') : t('activity.weekOf', { date: day(w.week, { day: 'numeric', month: 'short' }) })}: ${format.number(w[measure])}`;
          return (
            <Tooltip key={w.week} label={label} openDelay={200}>
              <Box
                aria-label={label}
                role="img"
                w={12}
                h={Math.max(3, Math.round((w[measure] / max) * 24))}
                bg={w[measure] ? 'teal.6' : 'gray.3'}
                style={{ borderRadius: 2 }}
              />
            </Tooltip>
          );
        })}
      </Group>
    </div>
  );
}

export function DiaryActivityCard({ memberId }: { memberId: string }) {
  const { t } = useTranslation('diary');
  const format = useFormat();
  const today = useToday();
  const activity = useQuery(activityQuery(memberId, today, WEEKS));
  // Not visible to me (or not there): say nothing rather than show an error on someone else's page.
  if (!activity.data) return null;
  const { weeks, streak } = activity.data;

  return (
    <Card withBorder padding="md" data-testid="member-diary-activity">
      <Group justify="space-between" gap="xs" mb={4}>
        <Title order={2} size="h5">
          {t('activity.title')}
        </Title>
        <Badge
          color={streak > 0 ? 'orange' : 'gray'}
          variant="light"
          leftSection={<IconFlame size={14} />}
          data-testid="member-diary-streak"
        >
          {t('streak.short', { count: streak, formatted: format.number(streak) })}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('activity.private', { weeks: WEEKS })}
      </Text>
      <SimpleGrid cols={3} spacing="xs">
        <Measure weeks={weeks} measure="events" />
        <Measure weeks={weeks} measure="tasksDone" />
        <Measure weeks={weeks} measure="reviews" />
      </SimpleGrid>
    </Card>
  );
}
