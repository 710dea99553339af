// The plans on the Today page: today's day plan with its progress (or the way to plan the day), one line
// on this week's plan, and the way to the plans page. The page passes the plans from its one request
// (web/today); the day is offered for planning only on days of membership.
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconFlame, IconTargetArrow } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PlanProgress } from '../plans/PlanProgress.tsx';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import type { TodayPage } from './api.ts';

export function TodayPlanCard({ plans: o }: { plans: TodayPage['plans'] }) {
  const { t } = useTranslation('plans');
  const format = useFormat();
  const day = o.current.day;
  const week = o.current.week;

  return (
    <Card withBorder padding="md" data-testid="today-plan">
      <Group gap="xs" wrap="wrap" mb="xs" justify="space-between">
        <Group gap="xs" wrap="nowrap">
          <IconTargetArrow size={20} stroke={1.6} />
          <Title order={2} size="h4">
            {t('today.title')}
          </Title>
        </Group>
        {o.habit.streak > 0 && (
          <Badge color="orange" variant="light" leftSection={<IconFlame size={14} />}>
            {t('habit.streak', { count: o.habit.streak, formatted: format.number(o.habit.streak) })}
          </Badge>
        )}
      </Group>
      <Stack gap="sm">
        {day ? (
          <PlanProgress plan={day} canTick={o.canEdit} compact />
        ) : o.canPlanDay ? (
          <Group gap="xs" justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">
              {t('today.noDay')}
            </Text>
            <Button
              size="compact-sm"
              renderRoot={(props) => <Link {...props} to="/plans" search={{ level: 'day' }} />}
              data-testid="today-plan-day"
            >
              {t('today.planDay')}
            </Button>
          </Group>
        ) : null}
        <Text size="sm" data-testid="today-plan-week">
          {week
            ? t('today.week', {
                count: week.items.length,
                reached: format.number(week.reached),
                formatted: format.number(week.items.length),
              })
            : t('today.noWeek')}
        </Text>
        <AnchorLink to="/plans" size="sm" fw={600}>
          {t('today.open')}
        </AnchorLink>
      </Stack>
    </Card>
  );
}
