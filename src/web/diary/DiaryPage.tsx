// The business diary: everything in time order, a day, a week or a month at a time, with quick capture of
// events, tasks and notes, the way into the evening review, and the calendar feed for the phone.
import { ActionIcon, Button, Group, SegmentedControl, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCalendarShare, IconChevronLeft, IconChevronRight, IconMoonStars } from '@tabler/icons-react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryKind } from '../../core/diary/fields.ts';
import { useDay } from '../contacts/parts.tsx';
import { useToday } from '../contacts/useToday.ts';
import { useFormat } from '../ui/format.ts';
import { addDays, type Entry, mondayOf, shiftMonth } from './api.ts';
import { DayView } from './DayView.tsx';
import { FeedSettings } from './FeedSettings.tsx';
import { MonthView } from './MonthView.tsx';
import { useLongDay } from './parts.tsx';
import { type Capture, CaptureButton, CaptureDialog } from './QuickCapture.tsx';
import type { DiarySearch, DiaryView } from './search.ts';
import { WeekView } from './WeekView.tsx';

const route = getRouteApi('/app/diary');

/** The period on screen as words: a day, a week's first and last day, or a month. */
function usePeriodLabel() {
  const day = useDay();
  const longDay = useLongDay();
  const format = useFormat();
  return (view: DiaryView, date: string) => {
    if (view === 'month') return format.period(date);
    if (view === 'week') {
      const monday = mondayOf(date);
      const sunday = addDays(monday, 6);
      return `${day(monday, { day: 'numeric', month: 'short' })} – ${day(sunday, { day: 'numeric', month: 'short', year: 'numeric' })}`;
    }
    return longDay(date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  };
}

function inPeriod(view: DiaryView, date: string, today: string) {
  if (view === 'day') return date === today;
  if (view === 'week') return mondayOf(date) === mondayOf(today);
  return date.slice(0, 7) === today.slice(0, 7);
}

export default function DiaryPage() {
  const { t } = useTranslation('diary');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const today = useToday();
  const periodLabel = usePeriodLabel();
  const day = search.day ?? today;
  const view: DiaryView = search.view ?? 'day';
  const [capture, setCapture] = useState<Capture | null>(null);

  const setSearch = (patch: Partial<DiarySearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  // Today needs no date in the address: a page left open overnight moves on with the device's day.
  const goTo = (date: string, nextView: DiaryView = view) =>
    setSearch({ day: date === today ? undefined : date, view: nextView === 'day' ? undefined : nextView });

  // A link from elsewhere ("+ task" on Today) opens quick capture once, then leaves the address clean.
  useEffect(() => {
    if (!search.capture) return;
    setCapture({ kind: search.capture });
    void navigate({ search: (prev) => ({ ...prev, capture: undefined }), replace: true });
  }, [search.capture, navigate]);

  const step = (direction: 1 | -1) =>
    goTo(
      view === 'month'
        ? shiftMonth(day, direction)
        : addDays(day, view === 'week' ? 7 * direction : direction),
    );
  const edit = (entry: Entry) => setCapture({ kind: entry.kind, entry });

  return (
    <Stack gap="sm" maw={860} pb={80}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Group gap="xs" wrap="nowrap">
          <Tooltip label={t('feed.title')} openDelay={300}>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('feed.title')}
              onClick={() => setSearch({ feed: true })}
              data-testid="open-feed"
            >
              <IconCalendarShare size={18} />
            </ActionIcon>
          </Tooltip>
          <Button
            variant="light"
            color="indigo"
            leftSection={<IconMoonStars size={18} />}
            renderRoot={(props) => (
              <Link {...props} to="/diary/review" search={{ day: day > today ? today : day }} />
            )}
            data-testid="open-review"
          >
            {t('review.short')}
          </Button>
          <CaptureButton onPick={(kind: EntryKind) => setCapture({ kind })} />
        </Group>
      </Group>

      <SegmentedControl<DiaryView>
        fullWidth
        value={view}
        onChange={(v) => goTo(day, v)}
        aria-label={t('views.label')}
        data={(['day', 'week', 'month'] as const).map((v) => ({ value: v, label: t(`views.${v}`) }))}
        data-testid="diary-views"
      />

      <Group gap={4} wrap="nowrap" justify="space-between">
        <ActionIcon
          variant="subtle"
          size="lg"
          aria-label={t(`nav.previous.${view}`)}
          onClick={() => step(-1)}
        >
          <IconChevronLeft size={20} />
        </ActionIcon>
        <Text fw={600} ta="center" style={{ flex: 1, minWidth: 0 }} data-testid="diary-period">
          {periodLabel(view, day)}
        </Text>
        {!inPeriod(view, day, today) && (
          <Button size="compact-sm" variant="light" onClick={() => goTo(today)} data-testid="diary-today">
            {t('nav.today')}
          </Button>
        )}
        <ActionIcon variant="subtle" size="lg" aria-label={t(`nav.next.${view}`)} onClick={() => step(1)}>
          <IconChevronRight size={20} />
        </ActionIcon>
      </Group>

      {view === 'day' && (
        <DayView day={day} onDay={(d) => goTo(d)} onCapture={(kind) => setCapture({ kind })} onEdit={edit} />
      )}
      {view === 'week' && <WeekView day={day} onDay={(d) => goTo(d, 'day')} />}
      {view === 'month' && <MonthView day={day} onDay={(d) => goTo(d, 'day')} />}

      {capture && (
        <CaptureDialog
          capture={capture}
          day={capture.entry?.day ?? day}
          onKind={(kind) => setCapture({ kind })}
          onClose={() => setCapture(null)}
        />
      )}
      <FeedSettings opened={!!search.feed} onClose={() => setSearch({ feed: undefined })} />
    </Stack>
  );
}
