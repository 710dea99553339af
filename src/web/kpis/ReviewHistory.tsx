// My last 12 analysis weeks: done (with what I wrote), missed, or still open.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { periodEnd } from '../../core/kpis/periods.ts';
import { LoadError, PageLoading } from '../ui/PageStates.tsx';
import { Section } from '../ui/Section.tsx';
import { reviewHistoryQuery } from './api.ts';
import { useDay, usePoints } from './parts.tsx';

export const STATUS_COLOR = { done: 'teal', missed: 'red', open: 'orange', upcoming: 'gray' } as const;

export function ReviewHistory({ today, memberId }: { today: string; memberId?: string }) {
  const { t } = useTranslation('kpis');
  const day = useDay();
  const points = usePoints();
  const query = useQuery(reviewHistoryQuery(today, memberId));
  return (
    <Section title={t('review.history')} padding="md" testId="review-history">
      {query.isPending ? (
        <PageLoading />
      ) : query.isError ? (
        <LoadError
          title={t('review.history')}
          error={query.error}
          retrying={query.isFetching}
          onRetry={() => void query.refetch()}
        />
      ) : query.data.weeks.length === 0 ? (
        <Text c="dimmed">{t('review.historyEmpty')}</Text>
      ) : (
        <Stack gap={0}>
          {query.data.weeks.map((w) => (
            <Stack
              key={w.week}
              gap={2}
              py={8}
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              data-testid="review-history-week"
              data-status={w.status}
            >
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {day(w.week)} – {day(periodEnd('week', w.week))}
                </Text>
                <Badge variant="light" color={STATUS_COLOR[w.status]} style={{ flexShrink: 0 }}>
                  {t(`review.status.${w.status}`)}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {t('review.teamNumbers', {
                  points: points(w.numbers.structurePoints),
                  newMembers: w.numbers.newMembers,
                  trained: w.numbers.trained,
                })}
              </Text>
              {w.corrections && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {w.corrections}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </Section>
  );
}
