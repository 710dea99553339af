// The short form of an event: title, type, day and time, with whom. End, place, link, members and details
// wait behind "More details". The same form edits an event.
import { Chip, Group, Input, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_TYPES, type EventType, DIARY_LIMITS as L } from '../../../core/diary/fields.ts';
import { fieldErrors } from '../../ui/errors.ts';
import { createEntry, localMoment, localTime, localToday, updateEntry } from '../api.ts';
import { ContactPicker, MemberPicker, type Person } from '../PeoplePickers.tsx';
import { EVENT_ICONS } from '../parts.tsx';
import {
  DetailsField,
  EditLinks,
  FormButtons,
  type FormProps,
  formErrors,
  ids,
  MoreDetails,
  TitleField,
  useSave,
} from './fields.tsx';

/** The next full hour today (for an event written now), else nine in the morning. */
function suggestedTime(day: string): string {
  const now = new Date();
  if (day !== localToday(now)) return '09:00';
  return `${String(Math.min(now.getHours() + 1, 23)).padStart(2, '0')}:00`;
}

function EventTypeChips({ value, onChange }: { value: EventType; onChange: (value: EventType) => void }) {
  const { t } = useTranslation('diary');
  return (
    <div>
      <Input.Label mb={4} id="event-type-label">
        {t('fields.eventType')}
      </Input.Label>
      <Chip.Group value={value} onChange={(v) => onChange(v as EventType)}>
        <Group gap={6} role="radiogroup" aria-labelledby="event-type-label">
          {EVENT_TYPES.map((type) => {
            const Icon = EVENT_ICONS[type];
            return (
              <Chip key={type} value={type} size="sm" icon={<Icon size={14} />}>
                {t(`eventType.${type}`)}
              </Chip>
            );
          })}
        </Group>
      </Chip.Group>
    </div>
  );
}

export function EventForm({ day, entry, onDone, onCancel }: FormProps) {
  const { t } = useTranslation(['diary', 'errors']);
  const [more, setMore] = useState(!!entry && !!(entry.endsAt || entry.place || entry.link || entry.details));
  const [contacts, setContacts] = useState<Person[]>([]);
  const [members, setMembers] = useState<Person[]>([]);
  const form = useForm({
    initialValues: {
      title: entry?.title ?? '',
      eventType: (entry?.eventType ?? 'meeting') as EventType,
      day: entry?.day ?? day,
      start: entry?.startsAt ? localTime(entry.startsAt) : suggestedTime(day),
      end: entry?.endsAt ? localTime(entry.endsAt) : '',
      place: entry?.place ?? '',
      link: entry?.link ?? '',
      details: entry?.details ?? '',
    },
    validate: {
      title: (v) => (v.trim() ? null : t('errors:field.required')),
      day: (v) => (v ? null : t('errors:field.required')),
      start: (v) => (v ? null : t('errors:field.required')),
      end: (v, values) => (v && v < values.start ? t('capture.endBeforeStart') : null),
    },
  });
  const save = useSave('event', entry, onDone);
  const submit = form.onSubmit(
    (v) => {
      const fields = {
        title: v.title.trim(),
        eventType: v.eventType,
        day: v.day,
        startsAt: localMoment(v.day, v.start),
        endsAt: v.end ? localMoment(v.day, v.end) : null,
        place: v.place.trim() || null,
        link: v.link.trim() || null,
        details: v.details.trim() || null,
      };
      save.mutate(
        {
          create: () =>
            createEntry({ kind: 'event', ...fields, contactIds: ids(contacts), memberIds: ids(members) }),
          update: () => updateEntry(entry!.id, fields),
        },
        {
          onError: (error) => {
            const errors = formErrors(fieldErrors(t, error));
            form.setErrors({ ...errors, start: errors.startsAt, end: errors.endsAt });
            if (errors.endsAt || errors.place || errors.link || errors.details || errors.memberIds)
              setMore(true);
          },
        },
      );
    },
    (errors) => errors.end && setMore(true),
  );

  return (
    <form onSubmit={submit} data-testid="event-form">
      <Stack gap="sm">
        <TitleField hint={t('capture.eventTitleHint')} {...form.getInputProps('title')} />
        <EventTypeChips value={form.values.eventType} onChange={(v) => form.setFieldValue('eventType', v)} />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput type="date" label={t('fields.day')} required {...form.getInputProps('day')} />
          <TextInput type="time" label={t('fields.startsAt')} required {...form.getInputProps('start')} />
        </SimpleGrid>
        {entry ? (
          <EditLinks entry={entry} />
        ) : (
          <ContactPicker
            label={t('fields.contacts')}
            value={contacts}
            onChange={setContacts}
            error={form.errors.contactIds as string | undefined}
          />
        )}
        <MoreDetails open={more} onToggle={() => setMore((m) => !m)}>
          <SimpleGrid cols={2} spacing="sm">
            <TextInput type="time" label={t('fields.endsAt')} {...form.getInputProps('end')} />
          </SimpleGrid>
          <TextInput
            label={t('fields.place')}
            placeholder={t('capture.placeHint')}
            maxLength={L.place}
            {...form.getInputProps('place')}
          />
          <TextInput
            label={t('fields.link')}
            type="url"
            inputMode="url"
            placeholder="https://"
            maxLength={L.link}
            {...form.getInputProps('link')}
          />
          {!entry && (
            <MemberPicker
              label={t('fields.members')}
              value={members}
              onChange={setMembers}
              error={form.errors.memberIds as string | undefined}
            />
          )}
          <DetailsField {...form.getInputProps('details')} />
        </MoreDetails>
        <FormButtons loading={save.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
