// The plans page: the annual goal, the planning habit, and the cascade below it — 3 months, month, week,
// day — one period at a time, each plan with its progress from real activity. My own plans I write here;
// my downline's (`?memberId=`) I read. Phone first.
import { ActionIcon, Button, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconUsers } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_LEVELS, type PlanLevel } from '../../core/plans/fields.ts';
import { periodAt, planPeriod, shiftPlanPeriod } from '../../core/plans/periods.ts';
import { useToday } from '../contacts/useToday.ts';
import { LoadError, PageLoading } from '../ui/PageStates.tsx';
import { overviewQuery, planQuery } from './api.ts';
import { GoalCard } from './GoalCard.tsx';
import { HabitCard } from './HabitCard.tsx';
import { PlanCard } from './PlanCard.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { usePeriodLabel } from './parts.tsx';

const route = getRouteApi('/app/plans');

export default function PlansPage() {
  const { t } = useTranslation('plans');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const today = useToday();
  const label = usePeriodLabel();
  const [editing, setEditing] = useState(false);
  const { memberId } = search;
  const queryClient = useQueryClient();
  const overview = useQuery(overviewQuery(queryClient, memberId));

  const level: PlanLevel = search.level ?? 'week';
  // A 3-month plan may start in any month: the one running today is where its level opens.
  const running3 = overview.data?.current.three_months;
  const currentStart = (lvl: PlanLevel) =>
    lvl === 'three_months' && running3 ? running3.start : periodAt(lvl, today).start;
  const start = search.start ?? currentStart(level);
  const { end } = planPeriod(level, start);
  const isCurrent = start <= today && today <= end;
  // The running 3-month plan's start comes with the overview, and so does this week's page.
  const waiting = overview.isPending && !search.start && (level === 'three_months' || level === 'week');
  const plan = useQuery({
    ...planQuery(level, start, memberId),
    enabled: !waiting,
    placeholderData: keepPreviousData,
  });

  const go = (next: { level?: PlanLevel; start?: string }) =>
    void navigate({
      search: () => {
        const l = next.level ?? level;
        return {
          ...(memberId ? { memberId } : {}),
          ...(l !== 'week' ? { level: l } : {}),
          ...(next.start && next.start !== currentStart(l) ? { start: next.start } : {}),
        };
      },
    });
  // Another level keeps to the days on screen: today if they hold it, else their first day.
  const switchLevel = (l: PlanLevel) =>
    go({ level: l, start: isCurrent ? undefined : periodAt(l, start).start });

  if (overview.isPending) return <PageLoading />;
  if (overview.isError)
    return (
      <LoadError
        title={t('title')}
        error={overview.error}
        retrying={overview.isFetching}
        onRetry={() => void overview.refetch()}
      />
    );
  const o = overview.data;
  const own = !memberId;

  return (
    <Stack maw={960} gap="md">
      <div>
        <Title order={1} size="h2" data-testid="plans-title">
          {own ? t('title') : t('titleOf', { name: o.member.name })}
        </Title>
        <Text c="dimmed" size="sm">
          {own ? t('intro') : t('introOther')}
        </Text>
      </div>
      <Group gap="xs">
        {own ? (
          <Button
            component={Link}
            to="/plans/team"
            variant="light"
            size="compact-md"
            leftSection={<IconUsers size={16} />}
            data-testid="plans-team-link"
          >
            {t('links.team')}
          </Button>
        ) : (
          <Button component={Link} to="/plans" variant="subtle" size="compact-md">
            {t('links.mine')}
          </Button>
        )}
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <GoalCard memberId={memberId} />
        <HabitCard habit={o.habit} today={o.today} canEdit={o.canEdit} />
      </SimpleGrid>

      <SegmentedControl
        value={level}
        onChange={(v) => switchLevel(v as PlanLevel)}
        data={PLAN_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
        data-testid="plans-level"
      />
      <Group justify="space-between" wrap="nowrap">
        <ActionIcon
          variant="subtle"
          size="lg"
          onClick={() => go({ start: shiftPlanPeriod(level, start, -1) })}
          aria-label={t('previous')}
        >
          <IconChevronLeft />
        </ActionIcon>
        <Stack gap={0} align="center">
          <Text fw={600} ta="center" data-testid="plans-period">
            {label(level, start)}
          </Text>
          {!isCurrent && (
            <Button variant="subtle" size="compact-xs" onClick={() => go({})}>
              {t('thisPeriod')}
            </Button>
          )}
        </Stack>
        <ActionIcon
          variant="subtle"
          size="lg"
          onClick={() => go({ start: shiftPlanPeriod(level, start, 1) })}
          aria-label={t('next')}
        >
          <IconChevronRight />
        </ActionIcon>
      </Group>

      {plan.isError ? (
        <LoadError
          title={t(`planName.${level}`)}
          error={plan.error}
          retrying={plan.isFetching}
          onRetry={() => void plan.refetch()}
        />
      ) : !plan.data ? (
        <PageLoading />
      ) : (
        // While another period loads the last one stays, dimmed, and cannot be edited.
        <div style={plan.isPlaceholderData ? { opacity: 0.6, pointerEvents: 'none' } : undefined}>
          <PlanCard page={plan.data} memberId={memberId} onEdit={() => setEditing(true)} />
          {plan.data.canEdit && !plan.isPlaceholderData && (
            <PlanEditor page={plan.data} opened={editing} onClose={() => setEditing(false)} />
          )}
        </div>
      )}
    </Stack>
  );
}
