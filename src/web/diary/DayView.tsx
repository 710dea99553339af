// One day of the diary in time order: the week strip to jump between days, the evening review's state and
// streak, the agenda (events by start), the tasks (urgent first) with a one-line quick add, and the notes.
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconFlame, IconMoonStars, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryKind } from '../../core/diary/fields.ts';
import { useDay } from '../contacts/parts.tsx';
import { useToday } from '../contacts/useToday.ts';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import {
  createEntry,
  dayQuery,
  type Entry,
  onCalendar,
  rangeQuery,
  refreshAfterChange,
  weekOf,
} from './api.ts';
import { EntryCard } from './EntryCards.tsx';
import { byStart, MeetingCard } from './MeetingCard.tsx';
import { KIND_ICONS } from './QuickCapture.tsx';

/** Seven days, Monday first: a tap opens the day; dots say which days hold something. */
function WeekStrip({ day, onDay }: { day: string; onDay: (day: string) => void }) {
  const { t } = useTranslation('diary');
  const formatDay = useDay();
  const today = useToday();
  const days = weekOf(day);
  const range = useQuery(rangeQuery(days[0]!, days[6]!));
  const busy = new Set([
    ...(range.data?.entries.map((e) => e.day) ?? []),
    ...(range.data?.meetings.filter(onCalendar).map((m) => m.day) ?? []),
  ]);
  const reviewed = new Set(range.data?.reviewedDays);
  return (
    <Group gap={4} wrap="nowrap" grow data-testid="week-strip" role="group" aria-label={t('views.week')}>
      {days.map((d) => {
        const selected = d === day;
        return (
          <UnstyledButton
            key={d}
            onClick={() => onDay(d)}
            aria-current={selected ? 'date' : undefined}
            aria-label={formatDay(d, { weekday: 'long', day: 'numeric', month: 'long' })}
            style={{
              borderRadius: 'var(--mantine-radius-md)',
              padding: '6px 0',
              textAlign: 'center',
              minWidth: 0,
              background: selected ? 'var(--mantine-primary-color-filled)' : undefined,
              color: selected ? 'var(--mantine-color-white)' : undefined,
              border:
                d === today && !selected
                  ? '1px solid var(--mantine-primary-color-filled)'
                  : '1px solid transparent',
            }}
          >
            <Text size="xs" lh={1.2} c={selected ? undefined : 'dimmed'} tt="uppercase">
              {formatDay(d, { weekday: 'narrow' })}
            </Text>
            <Text fw={700} lh={1.3}>
              {formatDay(d, { day: 'numeric' })}
            </Text>
            <Group gap={2} justify="center" h={8}>
              {busy.has(d) && (
                <span
                  style={{
                    width: 5,
                    height: 5,
                    borderRadius: 5,
                    background: selected ? 'currentColor' : 'var(--mantine-primary-color-filled)',
                  }}
                />
              )}
              {reviewed.has(d) && <IconCheck size={9} stroke={3} />}
            </Group>
          </UnstyledButton>
        );
      })}
    </Group>
  );
}

/** The evening review of this day: done (with the streak), or an invitation to do it. */
function ReviewState({
  page,
  today,
}: {
  page: { day: string; review: unknown; streak: number; entries: Entry[] };
  today: string;
}) {
  const { t } = useTranslation('diary');
  const format = useFormat();
  const open = page.entries.filter((e) => e.kind === 'task' && e.state === 'open').length;
  if (page.day > today) return null;
  const streak = page.streak > 0 && (
    <Badge
      color="orange"
      variant="light"
      leftSection={<IconFlame size={14} />}
      data-testid="diary-streak"
      style={{ flexShrink: 0 }}
    >
      {t('streak.short', { count: page.streak, formatted: format.number(page.streak) })}
    </Badge>
  );
  if (page.review)
    return (
      <Group gap="xs" justify="space-between" wrap="wrap" data-testid="review-done">
        <Group gap={6} wrap="nowrap">
          <ThemeIcon color="teal" variant="light" radius="xl" size="sm">
            <IconCheck size={14} />
          </ThemeIcon>
          <Text size="sm" fw={600}>
            {t('day.reviewed')}
          </Text>
        </Group>
        {streak}
      </Group>
    );
  // During the day the review is only announced; in the evening (or for a past day) it is the next step.
  const prominent = page.day < today || new Date().getHours() >= 17;
  return (
    <Card
      withBorder
      padding="sm"
      bg={prominent ? 'var(--mantine-color-indigo-light)' : undefined}
      data-testid="review-invite"
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon color="indigo" variant="light" radius="xl" size="lg" style={{ flexShrink: 0 }}>
          <IconMoonStars size={18} />
        </ThemeIcon>
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {page.day < today
              ? t('day.reviewPast')
              : prominent
                ? t('day.reviewToday')
                : t('day.reviewTonight')}
          </Text>
          <Text size="xs" c="dimmed">
            {open > 0
              ? t('day.openTasks', { count: open, formatted: format.number(open) })
              : t('day.reviewHint')}
          </Text>
        </div>
      </Group>
      <Group gap="xs" justify="space-between" wrap="wrap" mt="xs">
        {streak || <span />}
        <Button
          color="indigo"
          variant={prominent ? 'filled' : 'light'}
          size="compact-md"
          renderRoot={(props) => <Link {...props} to="/diary/review" search={{ day: page.day }} />}
          data-testid="start-review"
        >
          {t('day.startReview')}
        </Button>
      </Group>
    </Card>
  );
}

/** One line to write a task for this day: the title, Enter, done (category "necessary"). */
function QuickTask({ day }: { day: string }) {
  const { t } = useTranslation('diary');
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const add = useMutation({
    mutationFn: (value: string) => createEntry({ kind: 'task', day, title: value, category: 'necessary' }),
    onSuccess: () => {
      setTitle('');
      refreshAfterChange(queryClient, false);
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim() && !add.isPending) add.mutate(title.trim());
      }}
    >
      <TextInput
        aria-label={t('day.quickTask')}
        placeholder={t('day.quickTask')}
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.currentTarget.value)}
        data-testid="quick-task"
        rightSection={
          <ActionIcon
            type="submit"
            variant="subtle"
            aria-label={t('day.addTask')}
            loading={add.isPending}
            disabled={!title.trim()}
          >
            <IconPlus size={18} />
          </ActionIcon>
        }
      />
    </form>
  );
}

function Section({
  kind,
  title,
  count,
  children,
}: {
  kind: EntryKind;
  title: string;
  count?: string;
  children: React.ReactNode;
}) {
  const Icon = KIND_ICONS[kind];
  return (
    <Stack gap="xs" component="section" data-testid={`section-${kind}`}>
      <Group gap={6}>
        <Icon size={18} stroke={1.7} />
        <Title order={2} size="h5">
          {title}
        </Title>
        {count && (
          <Text size="sm" c="dimmed">
            {count}
          </Text>
        )}
      </Group>
      {children}
    </Stack>
  );
}

export function DayView({
  day,
  onDay,
  onCapture,
  onEdit,
}: {
  day: string;
  onDay: (day: string) => void;
  onCapture: (kind: EntryKind) => void;
  onEdit: (entry: Entry) => void;
}) {
  const { t } = useTranslation(['diary', 'common']);
  const format = useFormat();
  const today = useToday();
  const page = useQuery(dayQuery(day));
  const entries = page.data?.entries ?? [];
  // Events of my own and meetings others invited me to, by start (UTC instants sort as text).
  const agenda = byStart(
    entries.filter((e) => e.kind === 'event'),
    page.data?.meetings ?? [],
  );
  const tasks = entries.filter((e) => e.kind === 'task');
  const notes = entries.filter((e) => e.kind === 'note');
  const openTasks = tasks.filter((e) => e.state === 'open').length;

  return (
    <Stack gap="md">
      <WeekStrip day={day} onDay={onDay} />
      {page.isError && (
        <Alert color="red" icon={<IconAlertTriangle />} title={t('loadError')}>
          <Group gap="xs">
            <Text size="sm" style={{ flex: 1 }}>
              {errorMessage(t, page.error)}
            </Text>
            <Button size="compact-sm" variant="light" color="red" onClick={() => void page.refetch()}>
              {t('common:actions.retry')}
            </Button>
          </Group>
        </Alert>
      )}
      {page.isPending && <Loader mx="auto" />}
      {page.data && (
        <>
          <ReviewState page={page.data} today={today} />

          <Section kind="event" title={t('day.agenda')}>
            {agenda.length ? (
              agenda.map((a) =>
                a.kind === 'entry' ? (
                  <EntryCard key={a.item.id} entry={a.item} onEdit={onEdit} />
                ) : (
                  <MeetingCard key={a.item.id} meeting={a.item} />
                ),
              )
            ) : (
              <Button
                variant="default"
                leftSection={<IconPlus size={16} />}
                onClick={() => onCapture('event')}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('day.noEvents')}
              </Button>
            )}
          </Section>

          <Section
            kind="task"
            title={t('day.tasks')}
            count={
              tasks.length
                ? t('day.tasksCount', { open: format.number(openTasks), total: format.number(tasks.length) })
                : undefined
            }
          >
            {tasks.map((e) => (
              <EntryCard key={e.id} entry={e} onEdit={onEdit} />
            ))}
            <QuickTask day={day} />
          </Section>

          <Section kind="note" title={t('day.notes')}>
            {notes.length ? (
              notes.map((e) => <EntryCard key={e.id} entry={e} onEdit={onEdit} />)
            ) : (
              <Button
                variant="default"
                leftSection={<IconPlus size={16} />}
                onClick={() => onCapture('note')}
                style={{ alignSelf: 'flex-start' }}
              >
                {day > today ? t('day.noNotesYet') : t('day.noNotes')}
              </Button>
            )}
          </Section>
        </>
      )}
    </Stack>
  );
}
