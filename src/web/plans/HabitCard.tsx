// The planning habit: days in a row planned in advance (the evening before), how many of the last four
// weeks' days and of the last twelve weeks had a plan, and whether tomorrow is planned yet.
import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendarCheck, IconFlame } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../core/kpis/periods.ts';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import type { Habit } from './api.ts';

/** One share of the habit as a sentence ("12 of the last 28 days planned in advance") and a bar. */
function Share({ value, of, label, testId }: { value: number; of: number; label: string; testId: string }) {
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm">{label}</Text>
      <Progress value={of ? (value / of) * 100 : 0} color="teal" size="sm" radius="xl" aria-label={label} />
    </Stack>
  );
}

export function HabitCard({
  habit,
  today,
  canEdit,
}: {
  habit: Habit;
  /** The member's today (the server's, in their time zone). */
  today: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation('plans');
  const format = useFormat();
  return (
    <Card withBorder padding="md" data-testid="habit-card">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <IconCalendarCheck size={20} aria-hidden />
            <Title order={2} size="h4">
              {t('habit.title')}
            </Title>
          </Group>
          {habit.streak > 0 && (
            <Badge
              color="orange"
              variant="light"
              leftSection={<IconFlame size={14} />}
              data-testid="habit-streak"
            >
              {t('habit.streak', { count: habit.streak, formatted: format.number(habit.streak) })}
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Share
            value={habit.daysInAdvance}
            of={habit.days}
            label={t('habit.days', {
              count: habit.days,
              value: format.number(habit.daysInAdvance),
              of: format.number(habit.days),
            })}
            testId="habit-days"
          />
          <Share
            value={habit.weeksPlanned}
            of={habit.weeks}
            label={t('habit.weeks', {
              count: habit.weeks,
              value: format.number(habit.weeksPlanned),
              of: format.number(habit.weeks),
            })}
            testId="habit-weeks"
          />
        </SimpleGrid>
        <Group gap="xs" wrap="wrap" data-testid="habit-tomorrow" data-planned={habit.tomorrowPlanned}>
          <Text size="sm" c={habit.tomorrowPlanned ? 'teal.8' : undefined}>
            {habit.tomorrowPlanned ? t('habit.tomorrowPlanned') : t('habit.tomorrowOpen')}
          </Text>
          {canEdit && !habit.tomorrowPlanned && (
            <AnchorLink to="/plans" search={{ level: 'day', start: addDays(today, 1) }} size="sm" fw={600}>
              {t('habit.planTomorrow')}
            </AnchorLink>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
