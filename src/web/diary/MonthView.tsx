// A month as a calendar grid (whole weeks, Monday first): dots for the kinds of entries a day holds, the
// number of entries, and a mark for every evening reviewed. A tap opens the day.
import { Alert, Box, Group, Loader, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EntryKind } from '../../core/diary/fields.ts';
import { useDay } from '../contacts/parts.tsx';
import { useToday } from '../contacts/useToday.ts';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { monthGrid, onCalendar, rangeQuery } from './api.ts';

const DOT_COLORS: Record<EntryKind, string> = {
  event: 'var(--mantine-color-blue-6)',
  task: 'var(--mantine-color-orange-6)',
  note: 'var(--mantine-color-gray-6)',
};

function Dot({ kind }: { kind: EntryKind }) {
  return (
    <span
      style={{ width: 6, height: 6, borderRadius: 6, background: DOT_COLORS[kind], display: 'inline-block' }}
    />
  );
}

export function MonthView({ day, onDay }: { day: string; onDay: (day: string) => void }) {
  const { t } = useTranslation('diary');
  const formatDay = useDay();
  const format = useFormat();
  const today = useToday();
  const grid = monthGrid(day);
  const month = day.slice(0, 7);
  const range = useQuery(rangeQuery(grid.first, grid.last));
  if (range.isError)
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title={t('loadError')}>
        {errorMessage(t, range.error)}
      </Alert>
    );
  if (!range.data) return <Loader mx="auto" />;
  const reviewed = new Set(range.data.reviewedDays);
  const byDay = new Map<string, { kinds: Set<EntryKind>; count: number }>();
  // Meetings I am invited to (and still go to) count as events.
  const all = [
    ...range.data.entries,
    ...range.data.meetings.filter(onCalendar).map((m) => ({ day: m.day, kind: 'event' as const })),
  ];
  for (const e of all) {
    const cell = byDay.get(e.day) ?? { kinds: new Set<EntryKind>(), count: 0 };
    cell.kinds.add(e.kind);
    cell.count++;
    byDay.set(e.day, cell);
  }

  return (
    <Stack gap="xs" data-testid="month-view">
      <Box style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 4 }}>
        {grid.days.slice(0, 7).map((d) => (
          <Text key={d} size="xs" c="dimmed" ta="center" fw={600} tt="uppercase">
            {formatDay(d, { weekday: 'short' })}
          </Text>
        ))}
        {grid.days.map((d) => {
          const cell = byDay.get(d);
          const inMonth = d.startsWith(month);
          const isReviewed = reviewed.has(d);
          const label = [
            formatDay(d, { weekday: 'long', day: 'numeric', month: 'long' }),
            cell ? t('month.entries', { count: cell.count, formatted: format.number(cell.count) }) : null,
            isReviewed ? t('month.reviewed') : null,
          ]
            .filter(Boolean)
            .join(', ');
          return (
            <UnstyledButton
              key={d}
              onClick={() => onDay(d)}
              aria-label={label}
              aria-current={d === today ? 'date' : undefined}
              data-testid="month-day"
              data-day={d}
              data-reviewed={isReviewed || undefined}
              style={{
                minHeight: 56,
                padding: '4px 2px',
                borderRadius: 'var(--mantine-radius-sm)',
                border:
                  d === day
                    ? '2px solid var(--mantine-primary-color-filled)'
                    : d === today
                      ? '1px solid var(--mantine-primary-color-filled)'
                      : '1px solid var(--mantine-color-default-border)',
                background: isReviewed ? 'var(--mantine-color-teal-light)' : undefined,
                opacity: inMonth ? 1 : 0.45,
                display: 'flex',
                flexDirection: 'column',
                alignItems: 'center',
                gap: 2,
              }}
            >
              <Group gap={2} wrap="nowrap" justify="center">
                <Text size="sm" fw={d === today ? 800 : 600} lh={1.2}>
                  {formatDay(d, { day: 'numeric' })}
                </Text>
                {isReviewed && <IconCheck size={11} stroke={3} color="var(--mantine-color-teal-7)" />}
              </Group>
              {cell && (
                <>
                  <Group gap={2} justify="center" wrap="nowrap">
                    {(['event', 'task', 'note'] as const)
                      .filter((k) => cell.kinds.has(k))
                      .map((k) => (
                        <Dot key={k} kind={k} />
                      ))}
                  </Group>
                  <Text size="10px" c="dimmed" lh={1}>
                    {format.number(cell.count)}
                  </Text>
                </>
              )}
            </UnstyledButton>
          );
        })}
      </Box>
      <Group gap="md" justify="center" wrap="wrap">
        {(['event', 'task', 'note'] as const).map((k) => (
          <Group key={k} gap={4} wrap="nowrap">
            <Dot kind={k} />
            <Text size="xs" c="dimmed">
              {t(`kindsPlural.${k}`)}
            </Text>
          </Group>
        ))}
        <Group gap={4} wrap="nowrap">
          <IconCheck size={12} stroke={3} color="var(--mantine-color-teal-7)" />
          <Text size="xs" c="dimmed">
            {t('month.reviewed')}
          </Text>
        </Group>
      </Group>
    </Stack>
  );
}
