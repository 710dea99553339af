// Small pieces the diary's views share: the icon of each kind of event, the colour of each task category,
// an event's time span in the person's language, and the people an entry is linked to.
import { Badge, Group } from '@mantine/core';
import {
  IconCalendarEvent,
  IconCheck,
  IconClockQuestion,
  IconPhone,
  IconPresentation,
  IconSchool,
  IconUser,
  IconUsers,
  IconUsersGroup,
  IconX,
  type TablerIcon,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { EventType, InvitationResponse, TaskCategory } from '../../core/diary/fields.ts';
import { useDay } from '../contacts/parts.tsx';
import { useFormat } from '../ui/format.ts';
import type { Entry } from './api.ts';

export const EVENT_ICONS: Record<EventType, TablerIcon> = {
  meeting: IconUsers,
  two_plus_one: IconUsersGroup,
  presentation: IconPresentation,
  training: IconSchool,
  call: IconPhone,
  other: IconCalendarEvent,
};

/** An invited member's answer: waiting, coming, not coming. */
export const RESPONSE_ICONS: Record<InvitationResponse, TablerIcon> = {
  pending: IconClockQuestion,
  accepted: IconCheck,
  declined: IconX,
};
export const RESPONSE_COLORS: Record<InvitationResponse, string> = {
  pending: 'gray',
  accepted: 'teal',
  declined: 'red',
};

export const CATEGORY_COLORS: Record<TaskCategory, string> = {
  urgent: 'red',
  important: 'orange',
  necessary: 'blue',
};

/** A date in words with its first letter up ("понеделник, 16 март" → "Понеделник, 16 март"). */
export function useLongDay() {
  const day = useDay();
  const { locale } = useFormat();
  return (
    date: string,
    options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' },
  ) => {
    const text = day(date, options);
    return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
  };
}

/** "09:30" or "09:30 – 10:15" in the person's language and the device's time zone. */
export function useTimeSpan() {
  const format = useFormat();
  const time = (iso: string) => format.date(iso, { timeStyle: 'short' });
  return (entry: Pick<Entry, 'startsAt' | 'endsAt'>) => {
    if (!entry.startsAt) return '';
    return entry.endsAt ? `${time(entry.startsAt)} – ${time(entry.endsAt)}` : time(entry.startsAt);
  };
}

/** The contacts and members an entry is about, each a link to their page. */
export function LinkedPeople({ entry }: { entry: Entry }) {
  const { t } = useTranslation('diary');
  const { contacts, members } = entry.links;
  if (contacts.length === 0 && members.length === 0) return null;
  return (
    <Group gap={4} mt={4} data-testid="entry-people">
      {contacts.map((c) => (
        <Badge
          key={c.id}
          variant="light"
          color="gray"
          tt="none"
          leftSection={<IconUser size={12} />}
          renderRoot={(props) => <Link {...props} to="/contacts/$id" params={{ id: c.id }} />}
          style={{ cursor: 'pointer', maxWidth: '100%' }}
        >
          {c.name}
        </Badge>
      ))}
      {members.map((m) => {
        // Invited to an event: their answer shows on the badge.
        const Icon = m.response ? RESPONSE_ICONS[m.response] : IconUsers;
        const answer = m.response ? t(`meetings.response.${m.response}`) : null;
        return (
          <Badge
            key={m.id}
            variant="light"
            color={m.response ? RESPONSE_COLORS[m.response] : 'teal'}
            tt="none"
            leftSection={<Icon size={12} />}
            title={answer ?? undefined}
            aria-label={answer ? `${m.name}: ${answer}` : undefined}
            data-response={m.response ?? undefined}
            renderRoot={(props) => <Link {...props} to="/structure/members/$id" params={{ id: m.id }} />}
            style={{ cursor: 'pointer', maxWidth: '100%' }}
          >
            {m.name}
          </Badge>
        );
      })}
    </Group>
  );
}
