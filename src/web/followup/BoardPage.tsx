// The sponsor's follow-up board: everyone who joined my frontline (or my whole downline) in the last 90
// days, the ones who need me first — progress, overdue steps, days without contact — with one tap to log
// that I was in touch and one to open their follow-up. Phone first.
import { Badge, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconChevronRight, IconStairsUp, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useRelativeDay } from '../contacts/parts.tsx';
import { useToday } from '../contacts/useToday.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { LoadError, PageLoading } from '../ui/PageStates.tsx';
import { type BoardRow, type BoardScope, boardQuery } from './api.ts';
import { ContactGap, StepProgress, useLocalized } from './parts.tsx';
import { TouchpointButton } from './TouchpointButton.tsx';

const route = getRouteApi('/app/followup');

function MemberCard({ row, today, scope }: { row: BoardRow; today: string; scope: BoardScope }) {
  const { t } = useTranslation('followup');
  const text = useLocalized();
  const format = useFormat();
  const relative = useRelativeDay();
  const { member } = row;
  const overdue = row.steps.filter((s) => s.overdue);
  // The next open step that is not late yet: what the sponsor prepares for.
  const next = row.steps
    .filter((s) => !s.done && !s.overdue)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  const urgent = overdue.length > 0 || row.flagged;

  return (
    <Card
      withBorder
      padding="sm"
      data-testid="followup-row"
      data-overdue={overdue.length}
      data-flagged={row.flagged}
      style={urgent ? { borderLeft: '4px solid var(--mantine-color-red-6)' } : undefined}
    >
      <Stack gap={8} h="100%">
        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <AnchorLink
              to="/followup/$id"
              params={{ id: member.id }}
              fw={700}
              c="inherit"
              style={{ overflowWrap: 'anywhere' }}
              data-testid="followup-row-name"
            >
              {member.name}
            </AnchorLink>
            <Text size="xs" c="dimmed">
              {[
                t('board.joined', { when: relative(member.joinedOn, today) }),
                member.city,
                scope === 'downline' && row.level > 1 && member.sponsor
                  ? t('board.sponsoredBy', { name: member.sponsor.name })
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </div>
          {scope === 'downline' && (
            <Badge size="sm" variant="outline" color="gray" style={{ flexShrink: 0 }}>
              {t('board.level', { level: row.level })}
            </Badge>
          )}
        </Group>

        <StepProgress done={row.done} total={row.total} size="xs" />

        {overdue.length > 0 && (
          <Stack gap={2} data-testid="overdue-steps">
            <Group gap={4} wrap="nowrap">
              <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" style={{ flexShrink: 0 }} />
              <Text size="xs" c="red.7" fw={700}>
                {t('board.overdue', { count: overdue.length, formatted: format.number(overdue.length) })}
              </Text>
            </Group>
            {overdue.map((step) => (
              <Text key={step.key} size="sm" c="red.7" pl={18} data-testid="overdue-step">
                {text(step.title)}
              </Text>
            ))}
          </Stack>
        )}
        {next && (
          <Text size="xs" c="dimmed" data-testid="next-step">
            {t('board.next', { title: text(next.title), when: relative(next.dueOn, today) })}
          </Text>
        )}
        {row.done === row.total && (
          <Text size="xs" c="teal.8" fw={600}>
            {t('board.allDone')}
          </Text>
        )}

        <Group justify="space-between" gap="xs" wrap="wrap" mt="auto">
          <ContactGap
            lastTouchpointOn={row.lastTouchpointOn}
            daysWithoutContact={row.daysWithoutContact}
            flagged={row.flagged}
            today={today}
          />
          <Group gap={6} wrap="nowrap" ml="auto">
            <TouchpointButton memberId={member.id} name={member.name} />
            <Button
              size="compact-sm"
              variant="default"
              rightSection={<IconChevronRight size={14} />}
              renderRoot={(props) => <Link {...props} to="/followup/$id" params={{ id: member.id }} />}
              aria-label={t('board.openAria', { name: member.name })}
              data-testid="open-followup"
            >
              {t('board.open')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}

function EmptyBoard({ scope }: { scope: BoardScope }) {
  const { t } = useTranslation('followup');
  return (
    <EmptyState
      icon={<IconStairsUp />}
      title={t(scope === 'downline' ? 'board.empty.downlineTitle' : 'board.empty.title')}
      body={t('board.empty.body')}
      testId="followup-empty"
    >
      <Group>
        <Button
          variant="light"
          leftSection={<IconUserPlus size={18} />}
          renderRoot={(props) => <Link {...props} to="/structure" search={{ view: 'invitations' }} />}
        >
          {t('board.empty.invite')}
        </Button>
      </Group>
    </EmptyState>
  );
}

export default function BoardPage() {
  const { t } = useTranslation(['followup', 'common']);
  const format = useFormat();
  const today = useToday();
  const navigate = useNavigate();
  const scope: BoardScope = route.useSearch().scope ?? 'frontline';
  const board = useQuery({ ...boardQuery(scope, today), placeholderData: keepPreviousData });
  const data = board.data;
  const needYou = data?.rows.filter((r) => r.overdue > 0 || r.flagged).length ?? 0;

  return (
    <Stack gap="sm" maw={960}>
      <div>
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('board.intro')}
        </Text>
      </div>

      <SegmentedControl<BoardScope>
        value={scope}
        onChange={(value) =>
          void navigate({
            to: '/followup',
            search: value === 'downline' ? { scope: 'downline' } : {},
            replace: true,
          })
        }
        aria-label={t('board.scope.label')}
        data={[
          { value: 'frontline', label: t('board.scope.frontline') },
          { value: 'downline', label: t('board.scope.downline') },
        ]}
        data-testid="followup-scope"
        style={{ alignSelf: 'flex-start' }}
      />

      {board.isError && (
        <LoadError
          title={t('loadError')}
          error={board.error}
          retrying={board.isFetching}
          onRetry={() => void board.refetch()}
        />
      )}

      {!data && board.isPending && <PageLoading />}

      {data && data.rows.length === 0 && <EmptyBoard scope={scope} />}

      {data && data.rows.length > 0 && (
        <>
          <Group gap="xs" data-testid="followup-summary">
            <Badge variant="light" color="blue">
              {t('board.members', { count: data.rows.length, formatted: format.number(data.rows.length) })}
            </Badge>
            {needYou > 0 && (
              <Badge variant="light" color="red">
                {t('board.needYou', { count: needYou, formatted: format.number(needYou) })}
              </Badge>
            )}
          </Group>
          <SimpleGrid
            cols={{ base: 1, md: 2 }}
            spacing="sm"
            data-testid="followup-board"
            style={{ opacity: board.isPlaceholderData ? 0.6 : 1 }}
          >
            {data.rows.map((row) => (
              <MemberCard key={row.member.id} row={row} today={data.today} scope={scope} />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
