// For sponsors: who in my frontline (or whole downline) did this week's analysis, with their numbers.
// What they wrote stays theirs.
import { Badge, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../ui/links.tsx';
import { LoadError, PageLoading } from '../ui/PageStates.tsx';
import { Section } from '../ui/Section.tsx';
import { teamQuery } from './api.ts';
import { usePoints } from './parts.tsx';
import { STATUS_COLOR } from './ReviewHistory.tsx';

function TeamPage({
  scope,
  today,
  offset,
}: {
  scope: 'frontline' | 'downline';
  today: string;
  offset: number;
}) {
  const { t } = useTranslation('kpis');
  const points = usePoints();
  const [more, setMore] = useState(false);
  const query = useQuery(teamQuery({ scope, today, offset }));
  if (query.isPending) return <PageLoading />;
  if (query.isError)
    return (
      <LoadError
        title={t('review.team')}
        error={query.error}
        retrying={query.isFetching}
        onRetry={() => void query.refetch()}
      />
    );
  const page = query.data;
  if (page.total === 0) return <Text c="dimmed">{t('review.teamEmpty')}</Text>;
  return (
    <Stack gap={0}>
      {page.rows.map((row) => (
        <Group
          key={row.member.id}
          justify="space-between"
          wrap="nowrap"
          py={8}
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
          data-testid="team-review-row"
          data-status={row.status}
        >
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="nowrap">
              {scope === 'downline' && (
                <Text size="xs" c="dimmed">
                  {t('review.levelShort', { level: row.member.level })}
                </Text>
              )}
              <AnchorLink
                to="/kpis"
                search={{ memberId: row.member.id, grain: 'week' }}
                fw={600}
                size="sm"
                style={{ overflowWrap: 'anywhere' }}
              >
                {row.member.name}
              </AnchorLink>
            </Group>
            <Text size="xs" c="dimmed">
              {t('review.teamNumbers', {
                points: points(row.numbers.structurePoints),
                newMembers: row.numbers.newMembers,
                trained: row.numbers.trained,
              })}
              {row.missedLast ? ` · ${t('review.missedLastShort')}` : ''}
            </Text>
          </Stack>
          <Badge variant="light" color={STATUS_COLOR[row.status]} style={{ flexShrink: 0 }}>
            {t(`review.status.${row.status}`)}
          </Badge>
        </Group>
      ))}
      {page.nextOffset !== null &&
        (more ? (
          <TeamPage scope={scope} today={today} offset={page.nextOffset} />
        ) : (
          <Button variant="subtle" mt="xs" onClick={() => setMore(true)}>
            {t('review.more')}
          </Button>
        ))}
    </Stack>
  );
}

export function TeamReviews({ today }: { today: string }) {
  const { t } = useTranslation('kpis');
  const [scope, setScope] = useState<'frontline' | 'downline'>('frontline');
  return (
    <Section title={t('review.team')} description={t('review.teamHint')} padding="md" testId="team-reviews">
      <Stack gap="sm">
        <SegmentedControl
          size="xs"
          value={scope}
          onChange={(v) => setScope(v as 'frontline' | 'downline')}
          data={(['frontline', 'downline'] as const).map((s) => ({
            value: s,
            label: t(`review.scope.${s}`),
          }))}
        />
        <TeamPage key={scope} scope={scope} today={today} offset={0} />
      </Stack>
    </Section>
  );
}
