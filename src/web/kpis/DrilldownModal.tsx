// The members behind one KPI of one period, 50 at a time: whose points (biggest first), who joined
// (all depths, or the frontline), who attended a training (offline, online, and who wants to develop).
import { Badge, Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../ui/links.tsx';
import { LoadError, PageLoading } from '../ui/PageStates.tsx';
import { type Drilldown, drilldownQuery, type Grain, type Kpi } from './api.ts';
import { useDay, usePeriodLabel, usePoints } from './parts.tsx';

const FILTERS: Record<Kpi, string[]> = {
  points: [],
  newMembers: ['all', 'frontline'],
  training: ['all', 'offline', 'online'],
};

function Page({ params }: { params: Parameters<typeof drilldownQuery>[0] }) {
  const query = useQuery(drilldownQuery(params));
  const { t } = useTranslation('kpis');
  if (query.isPending) return <PageLoading />;
  if (query.isError)
    return (
      <LoadError
        title={t(`drill.${params.kpi}`)}
        error={query.error}
        retrying={query.isFetching}
        onRetry={() => void query.refetch()}
      />
    );
  return <Rows page={query.data} params={params} />;
}

function Rows({ page, params }: { page: Drilldown; params: Parameters<typeof drilldownQuery>[0] }) {
  const { t } = useTranslation('kpis');
  const points = usePoints();
  const day = useDay();
  const [more, setMore] = useState(false);
  if (page.total === 0 && params.offset === 0) return <Text c="dimmed">{t('drill.empty')}</Text>;
  return (
    <Stack gap={0}>
      {params.offset === 0 && (
        <Text size="sm" c="dimmed" mb="xs" data-testid="drill-count">
          {t('drill.count', { count: page.total })}
        </Text>
      )}
      {page.rows.map((row) => (
        <Group
          key={row.member.id}
          justify="space-between"
          wrap="nowrap"
          py={6}
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
          data-testid="drill-row"
        >
          <Stack gap={0} style={{ minWidth: 0 }}>
            <AnchorLink
              to="/structure/members/$id"
              params={{ id: row.member.id }}
              fw={600}
              size="sm"
              truncate
            >
              {row.member.name}
            </AnchorLink>
            <Text size="xs" c="dimmed" truncate>
              {[
                row.level > 0 ? t('drill.level', { level: row.level }) : null,
                row.sponsorName && row.level > 0 ? t('drill.under', { name: row.sponsorName }) : null,
                params.kpi === 'newMembers' ? t('drill.joined', { date: day(row.member.joinedOn) }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
          <Group gap={4} wrap="nowrap">
            {row.points !== undefined && (
              <Badge variant="light" color="teal">
                {points(row.points)}
              </Badge>
            )}
            {row.trainedOffline && (
              <Badge variant="light" color="orange">
                {t('drill.offline')}
              </Badge>
            )}
            {row.trainedOnline && (
              <Badge variant="light" color="yellow">
                {t('drill.online')}
              </Badge>
            )}
            {row.interestedInDevelopment && (
              <Badge variant="dot" color="grape" title={t('drill.interested')}>
                {t('drill.interested')}
              </Badge>
            )}
          </Group>
        </Group>
      ))}
      {page.nextOffset !== null &&
        (more ? (
          <Page params={{ ...params, offset: page.nextOffset }} />
        ) : (
          <Button variant="subtle" mt="xs" onClick={() => setMore(true)}>
            {t('drill.more')}
          </Button>
        ))}
    </Stack>
  );
}

export function DrilldownModal({
  kpi,
  memberId,
  grain,
  day,
  period,
  onClose,
}: {
  kpi: Kpi | null;
  memberId?: string;
  grain: Grain;
  day: string;
  period: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('kpis');
  const label = usePeriodLabel();
  const [filter, setFilter] = useState('all');
  const filters = kpi ? FILTERS[kpi] : [];
  return (
    <Modal
      opened={kpi !== null}
      onClose={() => {
        setFilter('all');
        onClose();
      }}
      title={kpi ? `${t(`drill.${kpi}`)} · ${label(grain, period)}` : ''}
      fullScreen={typeof window !== 'undefined' && window.innerWidth < 576}
      closeButtonProps={{ 'aria-label': t('drill.close') }}
    >
      {kpi && (
        <Stack gap="sm">
          {filters.length > 0 && (
            <SegmentedControl
              size="xs"
              value={filter}
              onChange={setFilter}
              data={filters.map((f) => ({ value: f, label: t(`drill.${f}`) }))}
            />
          )}
          <Page
            params={{
              kpi,
              grain,
              day,
              offset: 0,
              ...(memberId ? { memberId } : {}),
              ...(filter !== 'all' ? { filter } : {}),
            }}
          />
        </Stack>
      )}
    </Modal>
  );
}
