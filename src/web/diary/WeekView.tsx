// A week at a glance, Monday to Sunday: each day's events with their times, its tasks and notes, and
// whether its evening was reviewed. A tap on a day opens it.
import { Alert, Badge, Card, Group, Loader, Stack, Text, UnstyledButton } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowForwardUp,
  IconCheck,
  IconCircle,
  IconCircleCheck,
  IconCircleX,
  IconNotes,
  type TablerIcon,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TaskState } from '../../core/diary/fields.ts';
import { useToday } from '../contacts/useToday.ts';
import { errorMessage } from '../ui/errors.ts';
import { type Entry, rangeQuery, weekOf } from './api.ts';
import { byStart, MeetingLine } from './MeetingCard.tsx';
import { CATEGORY_COLORS, EVENT_ICONS, useLongDay, useTimeSpan } from './parts.tsx';

const TASK_ICONS: Record<TaskState, TablerIcon> = {
  open: IconCircle,
  done: IconCircleCheck,
  moved: IconArrowForwardUp,
  dropped: IconCircleX,
};

/** One entry: the time or a mark, then the title (a long title wraps, so all of it can be read). */
export function EntryLine({ entry }: { entry: Entry }) {
  const span = useTimeSpan();
  if (entry.kind === 'event') {
    const Icon = EVENT_ICONS[entry.eventType ?? 'other'];
    return (
      <Group gap={6} wrap="nowrap" align="baseline">
        <Icon size={14} style={{ flexShrink: 0, alignSelf: 'center' }} />
        <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
          {span({ startsAt: entry.startsAt, endsAt: null })}
        </Text>
        <Text size="sm" miw={0} style={{ overflowWrap: 'anywhere' }}>
          {entry.title}
        </Text>
      </Group>
    );
  }
  if (entry.kind === 'task') {
    const state = entry.state ?? 'open';
    const Icon = TASK_ICONS[state];
    return (
      <Group gap={6} wrap="nowrap">
        <Icon
          size={14}
          style={{ flexShrink: 0 }}
          color={`var(--mantine-color-${CATEGORY_COLORS[entry.category ?? 'necessary']}-6)`}
        />
        <Text
          size="sm"
          miw={0}
          style={{ overflowWrap: 'anywhere' }}
          c={state === 'open' ? undefined : 'dimmed'}
          td={state === 'done' || state === 'dropped' ? 'line-through' : undefined}
        >
          {entry.title}
        </Text>
      </Group>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <IconNotes size={14} style={{ flexShrink: 0 }} color="var(--mantine-color-dimmed)" />
      <Text size="sm" c="dimmed" miw={0} style={{ overflowWrap: 'anywhere' }}>
        {entry.title}
      </Text>
    </Group>
  );
}

export function WeekView({ day, onDay }: { day: string; onDay: (day: string) => void }) {
  const { t } = useTranslation('diary');
  const longDay = useLongDay();
  const today = useToday();
  const days = weekOf(day);
  const range = useQuery(rangeQuery(days[0]!, days[6]!));
  if (range.isError)
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title={t('loadError')}>
        {errorMessage(t, range.error)}
      </Alert>
    );
  if (!range.data) return <Loader mx="auto" />;
  const reviewed = new Set(range.data.reviewedDays);

  return (
    <Stack gap="xs" data-testid="week-view">
      {days.map((d) => {
        const own = range.data.entries.filter((e) => e.day === d);
        // Meetings I am invited to go among the day's events, by start; then tasks and notes.
        const entries = [
          ...byStart(
            own.filter((e) => e.kind === 'event'),
            range.data.meetings.filter((m) => m.day === d),
          ),
          ...own.filter((e) => e.kind !== 'event').map((item) => ({ kind: 'entry' as const, item })),
        ];
        return (
          <Card
            key={d}
            withBorder
            padding="sm"
            data-testid="week-day"
            style={d === today ? { borderColor: 'var(--mantine-primary-color-filled)' } : undefined}
          >
            <UnstyledButton onClick={() => onDay(d)} style={{ display: 'block', width: '100%' }}>
              <Group justify="space-between" wrap="nowrap" mb={entries.length ? 6 : 0}>
                <Group gap={6} wrap="nowrap">
                  <Text fw={700} size="sm">
                    {longDay(d, { weekday: 'long', day: 'numeric', month: 'short' })}
                  </Text>
                  {d === today && (
                    <Badge size="xs" variant="filled">
                      {t('nav.today')}
                    </Badge>
                  )}
                </Group>
                {reviewed.has(d) && (
                  <Badge
                    size="xs"
                    color="teal"
                    variant="light"
                    leftSection={<IconCheck size={10} />}
                    style={{ flexShrink: 0 }}
                  >
                    {t('month.reviewed')}
                  </Badge>
                )}
              </Group>
              {entries.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('week.empty')}
                </Text>
              ) : (
                <Stack gap={2}>
                  {entries.map((e) =>
                    e.kind === 'entry' ? (
                      <EntryLine key={e.item.id} entry={e.item} />
                    ) : (
                      <MeetingLine key={e.item.id} meeting={e.item} />
                    ),
                  )}
                </Stack>
              )}
            </UnstyledButton>
          </Card>
        );
      })}
    </Stack>
  );
}
