// The diary on the Today page: today's agenda, the open tasks (a tap marks one done), quick capture, and
// in the evening the way into the evening review.
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconFlame, IconMoonStars, IconNotebook } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useToday } from '../contacts/useToday.ts';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { dayQuery, onCalendar } from './api.ts';
import { EntryCard } from './EntryCards.tsx';
import { byStart, MeetingLine } from './MeetingCard.tsx';
import { EntryLine } from './WeekView.tsx';

const SHOWN = 5;

export function TodayDiaryCard() {
  const { t } = useTranslation('diary');
  const format = useFormat();
  const today = useToday();
  const page = useQuery(dayQuery(today));
  const data = page.data;
  // My events and the meetings I am invited to (and still go to), by start.
  const events = byStart(
    data?.entries.filter((e) => e.kind === 'event') ?? [],
    data?.meetings.filter(onCalendar) ?? [],
  );
  const open = data?.entries.filter((e) => e.kind === 'task' && e.state === 'open') ?? [];
  const evening = new Date().getHours() >= 17;

  return (
    <Card withBorder padding="md" data-testid="today-diary">
      <Group gap="xs" wrap="wrap" mb="xs" justify="space-between">
        <Group gap="xs" wrap="nowrap">
          <IconNotebook size={20} stroke={1.6} />
          <Title order={2} size="h4">
            {t('today.title')}
          </Title>
        </Group>
        {data && data.streak > 0 && (
          <Badge color="orange" variant="light" leftSection={<IconFlame size={14} />}>
            {t('streak.short', { count: data.streak, formatted: format.number(data.streak) })}
          </Badge>
        )}
      </Group>
      {page.isError && <Text c="red">{errorMessage(t, page.error)}</Text>}
      {data && (
        <Stack gap="sm">
          <CardSection
            title={t('day.agenda')}
            empty={t('today.noEvents')}
            testId="today-agenda"
            gap={2}
            items={events.map((e) =>
              e.kind === 'entry' ? (
                <EntryLine key={e.item.id} entry={e.item} />
              ) : (
                <MeetingLine key={e.item.id} meeting={e.item} />
              ),
            )}
          />
          <CardSection
            title={t('today.openTasks', { count: open.length, formatted: format.number(open.length) })}
            empty={t('today.noTasks')}
            testId="today-tasks"
            gap={6}
            items={open.map((e) => <EntryCard key={e.id} entry={e} />)}
          />
          <Group gap="xs" justify="space-between" wrap="wrap">
            <AnchorLink to="/diary" size="sm" fw={600}>
              {t('today.open')}
            </AnchorLink>
            <Group gap="xs">
              {!data.review && evening && (
                <Button
                  size="compact-sm"
                  color="indigo"
                  leftSection={<IconMoonStars size={14} />}
                  renderRoot={(props) => <Link {...props} to="/diary/review" />}
                >
                  {t('day.startReview')}
                </Button>
              )}
              <Button
                size="compact-sm"
                variant="light"
                renderRoot={(props) => <Link {...props} to="/diary" search={{ capture: 'task' }} />}
              >
                {t('today.addTask')}
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

/** A heading, the first few items (and how many more), or what to say when there are none. */
function CardSection(props: {
  title: string;
  empty: string;
  testId: string;
  gap: number;
  items: ReactNode[];
}) {
  const { t } = useTranslation('diary');
  const format = useFormat();
  const more = props.items.length - SHOWN;
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4}>
        {props.title}
      </Text>
      {props.items.length ? (
        <Stack gap={props.gap} data-testid={props.testId}>
          {props.items.slice(0, SHOWN)}
          {more > 0 && (
            <Text size="xs" c="dimmed">
              {t('today.more', { count: more, formatted: format.number(more) })}
            </Text>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {props.empty}
        </Text>
      )}
    </div>
  );
}
