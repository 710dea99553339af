// A meeting of someone else's diary I am invited to (a 2+1 my sponsor planned with me, a training…): its
// time, kind, place or link, who planned it and who else comes — the owner's contacts only as guests —,
// and my answer: accept or decline, until it is cancelled.
import { Anchor, Badge, Button, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCheck,
  IconClockQuestion,
  IconExternalLink,
  IconMapPin,
  IconUser,
  IconUsers,
  IconX,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDay } from '../contacts/parts.tsx';
import { FOLLOWUP_KEY } from '../followup/api.ts';
import { PLANS_KEY } from '../plans/api.ts';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { answerInvitation, DIARY_KEY, type Meeting } from './api.ts';
import { EVENT_ICONS, RESPONSE_COLORS, RESPONSE_ICONS, useTimeSpan } from './parts.tsx';

/** "2+1 meeting with Maria": what the invited see instead of the owner's own title. */
export function useMeetingTitle() {
  const { t } = useTranslation('diary');
  return (meeting: Meeting) =>
    t('meetings.title', { type: t(`eventType.${meeting.eventType}`), name: meeting.owner.name });
}

function useAnswer(meeting: Meeting) {
  const { t } = useTranslation('diary');
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (response: 'accepted' | 'declined') => answerInvitation(meeting.id, response),
    onSuccess: (answered) =>
      notifications.show({
        color: answered.response === 'accepted' ? 'teal' : 'gray',
        message: t(`meetings.answered.${answered.response === 'accepted' ? 'accepted' : 'declined'}`),
      }),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    // The diary, and what an accepted meeting counts for: plans and the follow-up.
    onSettled: () => {
      for (const queryKey of [DIARY_KEY, PLANS_KEY, FOLLOWUP_KEY])
        void queryClient.invalidateQueries({ queryKey });
    },
  });
}

/** Who comes: the owner, the invited members with their answers, the owner's contacts as guests. */
function MeetingPeople({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('diary');
  const format = useFormat();
  return (
    <Group gap={4} mt={4} data-testid="meeting-people">
      <Badge variant="light" color="blue" tt="none" leftSection={<IconUser size={12} />} maw="100%">
        {t('meetings.organizer', { name: meeting.owner.name })}
      </Badge>
      {meeting.members.map((m) => {
        const Icon = RESPONSE_ICONS[m.response];
        // "You are coming" rather than "You: coming" (Bulgarian and German conjugate for the person).
        const label =
          m.me && m.response !== 'pending'
            ? t(`meetings.mine.${m.response}`)
            : `${m.me ? t('meetings.you') : m.name}: ${t(`meetings.response.${m.response}`)}`;
        return (
          <Badge
            key={m.id}
            variant="light"
            color={RESPONSE_COLORS[m.response]}
            tt="none"
            leftSection={<Icon size={12} />}
            maw="100%"
            title={t(`meetings.response.${m.response}`)}
            aria-label={label}
          >
            {m.me ? t('meetings.you') : m.name}
          </Badge>
        );
      })}
      {meeting.guests > 0 && (
        <Badge variant="light" color="gray" tt="none" leftSection={<IconUsers size={12} />} maw="100%">
          {t('meetings.guests', { count: meeting.guests, formatted: format.number(meeting.guests) })}
        </Badge>
      )}
    </Group>
  );
}

/** My answer and the buttons to give or change it. */
function MyAnswer({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('diary');
  const answer = useAnswer(meeting);
  if (meeting.cancelled)
    return (
      <Badge color="red" variant="light" data-testid="meeting-cancelled">
        {t('meetings.cancelled')}
      </Badge>
    );
  const accept = (
    <Button
      size="compact-sm"
      color="teal"
      variant={meeting.response === 'pending' ? 'filled' : 'subtle'}
      leftSection={<IconCheck size={14} />}
      loading={answer.isPending && answer.variables === 'accepted'}
      disabled={answer.isPending}
      onClick={() => answer.mutate('accepted')}
      data-testid="meeting-accept"
    >
      {t('meetings.accept')}
    </Button>
  );
  const decline = (
    <Button
      size="compact-sm"
      color="gray"
      variant={meeting.response === 'pending' ? 'default' : 'subtle'}
      leftSection={<IconX size={14} />}
      loading={answer.isPending && answer.variables === 'declined'}
      disabled={answer.isPending}
      onClick={() => answer.mutate('declined')}
      data-testid="meeting-decline"
    >
      {t('meetings.decline')}
    </Button>
  );
  return (
    <Group gap="xs" justify="space-between" wrap="wrap" mt="xs">
      {meeting.response === 'pending' ? (
        <Text size="sm" fw={600} data-testid="meeting-question">
          {t('meetings.question')}
        </Text>
      ) : (
        <Badge
          color={RESPONSE_COLORS[meeting.response]}
          variant="light"
          leftSection={meeting.response === 'accepted' ? <IconCheck size={12} /> : <IconX size={12} />}
          data-testid="meeting-response"
        >
          {t(`meetings.mine.${meeting.response}`)}
        </Badge>
      )}
      <Group gap={6} wrap="wrap">
        {meeting.response !== 'accepted' && accept}
        {meeting.response !== 'declined' && decline}
      </Group>
    </Group>
  );
}

export function MeetingCard({ meeting, showDay = false }: { meeting: Meeting; showDay?: boolean }) {
  const { t } = useTranslation('diary');
  const span = useTimeSpan();
  const day = useDay();
  const title = useMeetingTitle();
  const Icon = EVENT_ICONS[meeting.eventType];
  const off = meeting.cancelled || meeting.response === 'declined';
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="diary-meeting"
      data-entry-id={meeting.id}
      data-response={meeting.response}
      style={{ borderStyle: meeting.response === 'pending' && !meeting.cancelled ? 'dashed' : undefined }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Stack gap={4} align="center" w={64} style={{ flexShrink: 0 }}>
          {showDay && (
            <Text size="xs" c="dimmed" ta="center" lh={1.2}>
              {day(meeting.day, { weekday: 'short', day: 'numeric', month: 'short' })}
            </Text>
          )}
          <Text fw={700} size="sm" ta="center" lh={1.2} data-testid="meeting-time">
            {span(meeting)}
          </Text>
          <ThemeIcon variant="light" radius="xl" size="md" aria-hidden color={off ? 'gray' : undefined}>
            <Icon size={16} />
          </ThemeIcon>
        </Stack>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('meetings.invitation')}
          </Text>
          <Text
            fw={600}
            td={meeting.cancelled ? 'line-through' : undefined}
            c={off ? 'dimmed' : undefined}
            style={{ overflowWrap: 'anywhere' }}
            data-testid="meeting-title"
          >
            {title(meeting)}
          </Text>
          {meeting.place && (
            <Group gap={4} wrap="nowrap">
              <IconMapPin size={14} style={{ flexShrink: 0 }} color="var(--mantine-color-dimmed)" />
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {meeting.place}
              </Text>
            </Group>
          )}
          {meeting.link && (
            <Anchor href={meeting.link} target="_blank" rel="noreferrer" size="sm">
              <Group gap={4} wrap="nowrap" component="span">
                <IconExternalLink size={14} style={{ flexShrink: 0 }} />
                <Text span size="sm">
                  {t('entry.openLink')}
                </Text>
              </Group>
            </Anchor>
          )}
          <MeetingPeople meeting={meeting} />
          <MyAnswer meeting={meeting} />
        </div>
      </Group>
    </Card>
  );
}

/** A meeting in one line (week view, Today's agenda): the time, then what and whose. */
export function MeetingLine({ meeting }: { meeting: Meeting }) {
  const span = useTimeSpan();
  const title = useMeetingTitle();
  const Icon = EVENT_ICONS[meeting.eventType];
  const off = meeting.cancelled || meeting.response === 'declined';
  return (
    <Group gap={6} wrap="nowrap" data-testid="meeting-line" data-response={meeting.response}>
      <Icon size={14} style={{ flexShrink: 0 }} />
      <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
        {span({ startsAt: meeting.startsAt, endsAt: null })}
      </Text>
      <Text
        size="sm"
        style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}
        c={off ? 'dimmed' : undefined}
        td={off ? 'line-through' : undefined}
      >
        {title(meeting)}
      </Text>
      {meeting.response === 'pending' && !meeting.cancelled && (
        <IconClockQuestion
          size={14}
          style={{ flexShrink: 0 }}
          color="var(--mantine-color-orange-7)"
          aria-hidden
        />
      )}
    </Group>
  );
}

/** Own events and meetings I am invited to, in one list by start. */
export function byStart<A extends { startsAt: string | null }, B extends { startsAt: string }>(
  events: A[],
  meetings: B[],
): ({ kind: 'entry'; item: A } | { kind: 'meeting'; item: B })[] {
  return [
    ...events.map((item) => ({ kind: 'entry' as const, item })),
    ...meetings.map((item) => ({ kind: 'meeting' as const, item })),
  ].sort((a, b) => (a.item.startsAt ?? '').localeCompare(b.item.startsAt ?? ''));
}
