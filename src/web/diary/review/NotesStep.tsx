// The review's second step: a look at what happened (the day's events and notes), a note for what is
// missing, and a line or two on the day.
import { Button, Card, Stack, Text, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DIARY_LIMITS as L } from '../../../core/diary/fields.ts';
import type { DayPage, Entry } from '../api.ts';
import { EntryCard } from '../EntryCards.tsx';
import { EntryLine } from '../WeekView.tsx';

export function NotesStep({
  page,
  summary,
  onSummary,
  onAddNote,
  onEdit,
}: {
  page: DayPage;
  summary: string;
  onSummary: (value: string) => void;
  onAddNote: () => void;
  onEdit: (entry: Entry) => void;
}) {
  const { t } = useTranslation('diary');
  const events = page.entries.filter((e) => e.kind === 'event');
  const notes = page.entries.filter((e) => e.kind === 'note');
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('review.notes.intro')}
      </Text>
      {events.length > 0 && (
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4}>
            {t('day.agenda')}
          </Text>
          <Stack gap={2}>
            {events.map((e) => (
              <EntryLine key={e.id} entry={e} />
            ))}
          </Stack>
        </Card>
      )}
      {notes.map((e) => (
        <EntryCard key={e.id} entry={e} onEdit={onEdit} />
      ))}
      {notes.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('review.notes.none')}
        </Text>
      )}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} />}
        onClick={onAddNote}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('review.notes.add')}
      </Button>
      <Textarea
        label={t('review.summary')}
        description={t('review.summaryHint')}
        autosize
        minRows={2}
        maxLength={L.text}
        value={summary}
        onChange={(e) => onSummary(e.currentTarget.value)}
      />
    </Stack>
  );
}
