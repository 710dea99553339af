// The KPI page: the three numbers of the business for me (or a member of my downline) and the whole
// structure, month by month or week by week — this period against the one before, a 12-period trend,
// the frontline legs, and who is behind each number. Phone first.
import { ActionIcon, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconReceipt, IconReportAnalytics } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodOf, shiftPeriod } from '../../core/kpis/periods.ts';
import { useToday } from '../contacts/useToday.ts';
import { LoadError, PageLoading } from '../ui/PageStates.tsx';
import { dashboardQuery, type Grain, type Kpi } from './api.ts';
import { DrilldownModal } from './DrilldownModal.tsx';
import { KpiCards } from './KpiCards.tsx';
import { Legs } from './Legs.tsx';
import { usePeriodLabel } from './parts.tsx';
import { TrendChart } from './TrendChart.tsx';

const route = getRouteApi('/app/kpis');

export default function KpisPage() {
  const { t } = useTranslation('kpis');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const today = useToday();
  const label = usePeriodLabel();
  const grain: Grain = search.grain ?? 'month';
  const day = search.day ?? today;
  const [drill, setDrill] = useState<Kpi | null>(null);
  const query = useQuery({
    ...dashboardQuery({ ...(search.memberId ? { memberId: search.memberId } : {}), grain, day }),
    placeholderData: keepPreviousData,
  });

  const period = periodOf(grain, day);
  const isCurrent = period === periodOf(grain, today);
  const go = (next: { grain?: Grain; day?: string }) =>
    void navigate({
      search: (prev) => {
        const g = next.grain ?? prev.grain ?? 'month';
        const d = next.day ?? prev.day;
        return {
          ...(prev.memberId ? { memberId: prev.memberId } : {}),
          ...(g === 'week' ? { grain: 'week' as const } : {}),
          ...(d && d !== today ? { day: d } : {}),
        };
      },
    });
  const step = (steps: number) => go({ day: shiftPeriod(grain, period, steps) });

  if (query.isPending) return <PageLoading />;
  if (query.isError)
    return (
      <LoadError
        title={t('title')}
        error={query.error}
        retrying={query.isFetching}
        onRetry={() => void query.refetch()}
      />
    );
  const d = query.data;
  const now = d.trend.at(-1)!;
  const before = d.trend.at(-2);

  return (
    <Stack maw={960} gap="md">
      <div>
        <Title order={1} size="h2" data-testid="kpis-title">
          {d.member.isMe ? t('title') : t('titleOf', { name: d.member.name })}
        </Title>
        <Text c="dimmed" size="sm">
          {t('intro')}
        </Text>
      </div>
      <Group gap="xs">
        <Button
          component={Link}
          to="/orders"
          variant="light"
          size="compact-md"
          leftSection={<IconReceipt size={16} />}
        >
          {t('links.orders')}
        </Button>
        <Button
          component={Link}
          to="/kpis/reviews"
          variant="light"
          size="compact-md"
          leftSection={<IconReportAnalytics size={16} />}
        >
          {t('links.reviews')}
        </Button>
        {!d.member.isMe && (
          <Button component={Link} to="/kpis" variant="subtle" size="compact-md">
            {t('links.myNumbers')}
          </Button>
        )}
      </Group>
      <SegmentedControl
        value={grain}
        onChange={(g) => go({ grain: g as Grain })}
        data={(['month', 'week'] as const).map((g) => ({ value: g, label: t(`grain.${g}`) }))}
      />
      <Group justify="space-between" wrap="nowrap">
        <ActionIcon variant="subtle" size="lg" onClick={() => step(-1)} aria-label={t('previous')}>
          <IconChevronLeft />
        </ActionIcon>
        <Stack gap={0} align="center">
          <Text fw={600} data-testid="kpis-period">
            {label(grain, d.period)}
          </Text>
          {!isCurrent && (
            <Button variant="subtle" size="compact-xs" onClick={() => go({ day: today })}>
              {t('thisPeriod')}
            </Button>
          )}
        </Stack>
        <ActionIcon
          variant="subtle"
          size="lg"
          onClick={() => step(1)}
          disabled={isCurrent}
          aria-label={t('next')}
        >
          <IconChevronRight />
        </ActionIcon>
      </Group>
      <KpiCards now={now} before={before} onDrill={setDrill} />
      <TrendChart grain={grain} trend={d.trend} />
      <Legs dashboard={d} grain={grain} day={search.day} />
      <DrilldownModal
        kpi={drill}
        {...(search.memberId ? { memberId: search.memberId } : {})}
        grain={grain}
        day={day}
        period={d.period}
        onClose={() => setDrill(null)}
      />
    </Stack>
  );
}
