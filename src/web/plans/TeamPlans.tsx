// For sponsors: who in my frontline (or whole downline) plans — this week's plan (items reached of all,
// or none), the streak of days planned in advance and the share of the last four weeks' days. A name
// opens that member's plans. Phone first.
import { Badge, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFlame } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { LoadError, PageLoading } from '../ui/PageStates.tsx';
import { Section } from '../ui/Section.tsx';
import { type TeamRow, teamQuery } from './api.ts';

type Scope = 'frontline' | 'downline';

/** Green when every item of the week is reached, blue when some are, grey for none or no plan. */
const weekColor = (week: TeamRow['week']) =>
  !week || week.reached === 0 ? 'gray' : week.reached >= week.items ? 'green' : 'blue';

function Row({ row, scope }: { row: TeamRow; scope: Scope }) {
  const { t } = useTranslation('plans');
  const format = useFormat();
  const { habit, week } = row;
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      py={8}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="team-plan-row"
    >
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          {scope === 'downline' && (
            <Text size="xs" c="dimmed">
              {t('team.levelShort', { level: row.member.level })}
            </Text>
          )}
          <AnchorLink
            to="/plans"
            search={{ memberId: row.member.id }}
            fw={600}
            size="sm"
            style={{ overflowWrap: 'anywhere' }}
          >
            {row.member.name}
          </AnchorLink>
        </Group>
        <Text size="xs" c="dimmed">
          {t('team.days', { value: format.number(habit.daysInAdvance), of: format.number(habit.days) })}
        </Text>
      </Stack>
      <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
        {habit.streak > 0 && (
          <Badge
            color="orange"
            variant="light"
            leftSection={<IconFlame size={12} />}
            aria-label={t('team.streak')}
          >
            {format.number(habit.streak)}
          </Badge>
        )}
        <Badge variant="light" color={weekColor(week)} data-testid="team-plan-week">
          {week
            ? t('team.week', { reached: format.number(week.reached), items: format.number(week.items) })
            : t('team.noWeek')}
        </Badge>
      </Group>
    </Group>
  );
}

function TeamPage({ scope, offset }: { scope: Scope; offset: number }) {
  const { t } = useTranslation('plans');
  const [more, setMore] = useState(false);
  const query = useQuery(teamQuery({ scope, offset }));
  if (query.isPending) return <PageLoading />;
  if (query.isError)
    return (
      <LoadError
        title={t('team.title')}
        error={query.error}
        retrying={query.isFetching}
        onRetry={() => void query.refetch()}
      />
    );
  const page = query.data;
  if (page.total === 0) return <Text c="dimmed">{t('team.empty')}</Text>;
  return (
    <Stack gap={0}>
      {page.rows.map((row) => (
        <Row key={row.member.id} row={row} scope={scope} />
      ))}
      {page.nextOffset !== null &&
        (more ? (
          <TeamPage scope={scope} offset={page.nextOffset} />
        ) : (
          <Button variant="subtle" mt="xs" onClick={() => setMore(true)} data-testid="team-plans-more">
            {t('team.more')}
          </Button>
        ))}
    </Stack>
  );
}

export default function TeamPlans() {
  const { t } = useTranslation('plans');
  const [scope, setScope] = useState<Scope>('frontline');
  return (
    <Stack maw={760} gap="md">
      <Stack gap={4}>
        <AnchorLink to="/plans" size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} />
            {t('title')}
          </Group>
        </AnchorLink>
        <Title order={1} size="h2">
          {t('team.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('team.intro')}
        </Text>
      </Stack>
      <Section title={t(`team.scope.${scope}`)} padding="md" testId="team-plans">
        <Stack gap="sm">
          <SegmentedControl
            size="xs"
            value={scope}
            onChange={(v) => setScope(v as Scope)}
            data={(['frontline', 'downline'] as const).map((s) => ({
              value: s,
              label: t(`team.scope.${s}`),
            }))}
          />
          <TeamPage key={scope} scope={scope} offset={0} />
        </Stack>
      </Section>
    </Stack>
  );
}
