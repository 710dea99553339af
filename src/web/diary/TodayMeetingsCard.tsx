// Meetings others invited me to, on the Today page: those waiting for my answer first, then the ones to
// come. Nothing is shown while there are none.
import { Card, Group, Stack, Title } from '@mantine/core';
import { IconCalendarUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/format.ts';
import { invitationsQuery } from './api.ts';
import { MeetingCard } from './MeetingCard.tsx';

export function TodayMeetingsCard() {
  const { t } = useTranslation('diary');
  const format = useFormat();
  const invitations = useQuery(invitationsQuery);
  const meetings = invitations.data?.meetings ?? [];
  if (meetings.length === 0) return null;
  const waiting = (m: (typeof meetings)[number]) => (m.response === 'pending' && !m.cancelled ? 0 : 1);
  const sorted = [...meetings].sort((a, b) => waiting(a) - waiting(b));
  const open = meetings.filter((m) => waiting(m) === 0).length;
  return (
    <Card withBorder padding="md" data-testid="today-meetings">
      <Group gap="xs" wrap="nowrap" mb="xs">
        <IconCalendarUser size={20} stroke={1.6} style={{ flexShrink: 0 }} />
        <Title order={2} size="h4">
          {open > 0
            ? t('meetings.today.waiting', { count: open, formatted: format.number(open) })
            : t('meetings.today.title')}
        </Title>
      </Group>
      <Stack gap="xs">
        {sorted.map((m) => (
          <MeetingCard key={m.id} meeting={m} showDay />
        ))}
      </Stack>
    </Card>
  );
}
