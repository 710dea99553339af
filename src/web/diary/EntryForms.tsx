// The three short forms of the diary: an event (title, type, time, with whom), a task (title, category,
// day) and a note of what happened (whom I met, what we discussed, what they need, what we agreed, when
// to call back, with whom). The rest waits behind "More details". The same forms edit an entry.
import {
  ActionIcon,
  Button,
  Chip,
  Collapse,
  Group,
  Input,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EVENT_TYPES,
  type EventType,
  DIARY_LIMITS as L,
  NOTE_PARTS,
  TASK_CATEGORIES,
  type TaskCategory,
} from '../../core/diary/fields.ts';
import { useDay } from '../contacts/parts.tsx';
import { useToday } from '../contacts/useToday.ts';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import {
  addDays,
  createEntry,
  type Entry,
  localMoment,
  localTime,
  localToday,
  refreshAfterChange,
  updateEntry,
} from './api.ts';
import { ContactPicker, MemberPicker, type Person } from './PeoplePickers.tsx';
import { CATEGORY_COLORS, EVENT_ICONS, LinkedPeople } from './parts.tsx';

export interface FormProps {
  /** The day a new entry goes to (the day on screen). */
  day: string;
  /** Editing this entry instead of writing a new one. */
  entry?: Entry;
  onDone: () => void;
  onCancel: () => void;
}

/** The server's field errors on the form: `contactIds.2` belongs to the contacts input. */
function formErrors(errors: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = path.split('.')[0]!;
    result[field === 'parts' ? (path.split('.')[1] ?? field) : field] ??= message;
  }
  return result;
}

/** The next full hour today (for an event written now), else nine in the morning. */
function suggestedTime(day: string): string {
  const now = new Date();
  if (day !== localToday(now)) return '09:00';
  return `${String(Math.min(now.getHours() + 1, 23)).padStart(2, '0')}:00`;
}

const ids = (people: Person[]) => (people.length ? people.map((p) => p.id) : undefined);

function useSave(kind: Entry['kind'], entry: Entry | undefined, onDone: () => void) {
  const { t } = useTranslation(['diary', 'errors']);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ create, update }: { create: () => Promise<Entry>; update: () => Promise<Entry> }) =>
      entry ? update() : create(),
    onSuccess: (saved) => {
      refreshAfterChange(
        queryClient,
        saved.links.contacts.length > 0 || (kind === 'note' && saved.callBackOn !== null),
      );
      notifications.show({ color: 'teal', message: t(entry ? 'capture.updated' : `capture.saved.${kind}`) });
      onDone();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
}

function MoreDetails({
  open,
  onToggle,
  children,
}: {
  open: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('diary');
  return (
    <>
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={onToggle}
        rightSection={open ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />}
        style={{ alignSelf: 'flex-start' }}
        aria-expanded={open}
      >
        {open ? t('capture.less') : t('capture.more')}
      </Button>
      <Collapse expanded={open}>
        <Stack gap="sm">{children}</Stack>
      </Collapse>
    </>
  );
}

function FormButtons({ loading, onCancel }: { loading: boolean; onCancel: () => void }) {
  const { t } = useTranslation(['diary', 'common']);
  return (
    <Group justify="flex-end" gap="xs" mt="xs">
      <Button variant="default" onClick={onCancel}>
        {t('common:actions.cancel')}
      </Button>
      <Button type="submit" loading={loading}>
        {t('capture.save')}
      </Button>
    </Group>
  );
}

/** Links can only be written with a new entry; an edited one shows them. */
function EditLinks({ entry }: { entry: Entry }) {
  const { t } = useTranslation('diary');
  if (!entry.links.contacts.length && !entry.links.members.length) return null;
  return (
    <div>
      <Input.Label>{t('capture.linked')}</Input.Label>
      <LinkedPeople entry={entry} />
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
        <TextInput
          label={t('fields.title')}
          placeholder={t('capture.eventTitleHint')}
          required
          data-autofocus
          maxLength={L.title}
          autoComplete="off"
          {...form.getInputProps('title')}
        />
        <div>
          <Input.Label mb={4} id="event-type-label">
            {t('fields.eventType')}
          </Input.Label>
          <Chip.Group
            value={form.values.eventType}
            onChange={(v) => form.setFieldValue('eventType', v as EventType)}
          >
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
          <Textarea
            label={t('fields.details')}
            autosize
            minRows={2}
            maxLength={L.text}
            {...form.getInputProps('details')}
          />
        </MoreDetails>
        <FormButtons loading={save.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

export function CategoryPicker({
  value,
  onChange,
  label,
}: {
  value: TaskCategory;
  onChange: (value: TaskCategory) => void;
  label: string;
}) {
  const { t } = useTranslation('diary');
  return (
    <div>
      <Input.Label mb={4}>{label}</Input.Label>
      <SegmentedControl<TaskCategory>
        fullWidth
        value={value}
        onChange={onChange}
        color={CATEGORY_COLORS[value]}
        aria-label={label}
        data={TASK_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
      />
    </div>
  );
}

export function TaskForm({ day, entry, onDone, onCancel }: FormProps) {
  const { t } = useTranslation(['diary', 'errors']);
  const [more, setMore] = useState(!!entry?.details);
  const [contacts, setContacts] = useState<Person[]>([]);
  const [members, setMembers] = useState<Person[]>([]);
  const form = useForm({
    initialValues: {
      title: entry?.title ?? '',
      category: (entry?.category ?? 'necessary') as TaskCategory,
      day: entry?.day ?? day,
      details: entry?.details ?? '',
    },
    validate: {
      title: (v) => (v.trim() ? null : t('errors:field.required')),
      day: (v) => (v ? null : t('errors:field.required')),
    },
  });
  const save = useSave('task', entry, onDone);
  const submit = form.onSubmit((v) => {
    const fields = {
      title: v.title.trim(),
      category: v.category,
      day: v.day,
      details: v.details.trim() || null,
    };
    save.mutate(
      {
        create: () =>
          createEntry({ kind: 'task', ...fields, contactIds: ids(contacts), memberIds: ids(members) }),
        update: () => updateEntry(entry!.id, fields),
      },
      { onError: (error) => form.setErrors(formErrors(fieldErrors(t, error))) },
    );
  });

  return (
    <form onSubmit={submit} data-testid="task-form">
      <Stack gap="sm">
        <TextInput
          label={t('fields.title')}
          placeholder={t('capture.taskTitleHint')}
          required
          data-autofocus
          maxLength={L.title}
          autoComplete="off"
          {...form.getInputProps('title')}
        />
        <CategoryPicker
          label={t('fields.category')}
          value={form.values.category}
          onChange={(v) => form.setFieldValue('category', v)}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            type="date"
            label={t('fields.day')}
            required
            disabled={entry?.state === 'moved'}
            {...form.getInputProps('day')}
          />
        </SimpleGrid>
        <MoreDetails open={more} onToggle={() => setMore((m) => !m)}>
          {entry ? (
            <EditLinks entry={entry} />
          ) : (
            <>
              <ContactPicker
                label={t('fields.contacts')}
                value={contacts}
                onChange={setContacts}
                error={form.errors.contactIds as string | undefined}
              />
              <MemberPicker
                label={t('fields.members')}
                value={members}
                onChange={setMembers}
                error={form.errors.memberIds as string | undefined}
              />
            </>
          )}
          <Textarea
            label={t('fields.details')}
            autosize
            minRows={2}
            maxLength={L.text}
            {...form.getInputProps('details')}
          />
        </MoreDetails>
        <FormButtons loading={save.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

type CallBack = '1' | '2' | '7' | 'pick';

interface NewContactRow {
  key: number;
  name: string;
  phone: string;
  city: string;
}

export function NoteForm({ day, entry, onDone, onCancel }: FormProps) {
  const { t } = useTranslation(['diary', 'errors']);
  const formatDay = useDay();
  const today = useToday();
  const [contacts, setContacts] = useState<Person[]>([]);
  const [members, setMembers] = useState<Person[]>([]);
  const [newContacts, setNewContacts] = useState<NewContactRow[]>([]);
  const [callBack, setCallBack] = useState<CallBack | null>(null);
  const [picked, setPicked] = useState('');
  const [more, setMore] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useForm({
    initialValues: {
      met: entry?.parts?.met ?? '',
      discussed: entry?.parts?.discussed ?? '',
      infoNeeded: entry?.parts?.infoNeeded ?? '',
      agreed: entry?.parts?.agreed ?? '',
      title: entry?.title ?? '',
      day: entry?.day ?? day,
      details: entry?.details ?? '',
    },
  });
  /** The call-back date chosen; the chips count from `from` (today when shown, the day of saving when sent). */
  const callBackOn = (from: string) =>
    callBack === null ? null : callBack === 'pick' ? picked || null : addDays(from, Number(callBack));
  const shownCallBack = callBackOn(today);
  const save = useSave('note', entry, onDone);

  const submit = form.onSubmit((v) => {
    const parts = Object.fromEntries(NOTE_PARTS.map((p) => [p, v[p].trim()]));
    const people = newContacts
      .filter((c) => c.name.trim())
      .map((c) => ({ name: c.name.trim(), phone: c.phone.trim() || null, city: c.city.trim() || null }));
    if (!v.title.trim() && NOTE_PARTS.every((p) => !parts[p]) && !people.length) {
      setErrors({ met: t('capture.noteEmpty') });
      return;
    }
    setErrors({});
    const title = v.title.trim() || undefined;
    save.mutate(
      {
        create: () =>
          createEntry({
            kind: 'note',
            day: v.day,
            title,
            parts,
            details: v.details.trim() || null,
            callBackOn: callBackOn(localToday()),
            contactIds: ids(contacts),
            memberIds: ids(members),
            newContacts: people.length ? people : undefined,
          }),
        update: () =>
          updateEntry(entry!.id, {
            day: v.day,
            ...(title ? { title } : {}),
            parts,
            details: v.details.trim() || null,
          }),
      },
      {
        onError: (error) => {
          const found = formErrors(fieldErrors(t, error));
          setErrors(found);
          if (found.newContacts || found.title || found.memberIds || found.details) setMore(true);
        },
      },
    );
  });

  const setRow = (key: number, patch: Partial<NewContactRow>) =>
    setNewContacts((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <form onSubmit={submit} data-testid="note-form">
      <Stack gap="sm">
        {NOTE_PARTS.map((part, i) => (
          <Textarea
            key={part}
            label={t(`parts.${part}`)}
            placeholder={t(`partsHint.${part}`)}
            autosize
            minRows={1}
            maxRows={6}
            maxLength={L.text}
            data-autofocus={i === 0 || undefined}
            {...form.getInputProps(part)}
            error={errors[part]}
          />
        ))}
        {entry ? (
          <EditLinks entry={entry} />
        ) : (
          <>
            <Stack gap={6}>
              <Input.Label id="call-back-label">{t('fields.callBackOn')}</Input.Label>
              <Group gap={6} role="group" aria-labelledby="call-back-label">
                {(['1', '2', '7', 'pick'] as const).map((option) => (
                  <Chip
                    key={option}
                    size="sm"
                    checked={callBack === option}
                    onChange={() => setCallBack(callBack === option ? null : option)}
                  >
                    {t(`callBack.${option}`)}
                  </Chip>
                ))}
              </Group>
              {callBack === 'pick' && (
                <TextInput
                  type="date"
                  aria-label={t('callBack.pick')}
                  min={today}
                  value={picked}
                  onChange={(e) => setPicked(e.currentTarget.value)}
                  maw={220}
                />
              )}
              <Text size="xs" c="dimmed" data-testid="call-back-hint">
                {shownCallBack
                  ? contacts.length || newContacts.some((c) => c.name.trim())
                    ? t('callBack.on', {
                        date: formatDay(shownCallBack, { weekday: 'long', day: 'numeric', month: 'long' }),
                      })
                    : t('callBack.needsContact')
                  : t('callBack.none')}
              </Text>
              {errors.callBackOn && (
                <Text size="xs" c="red">
                  {errors.callBackOn}
                </Text>
              )}
            </Stack>
            <ContactPicker
              label={t('fields.contacts')}
              value={contacts}
              onChange={setContacts}
              error={errors.contactIds}
            />
          </>
        )}
        <MoreDetails open={more} onToggle={() => setMore((m) => !m)}>
          {!entry && (
            <Stack gap="xs">
              <Input.Label>{t('fields.newContacts')}</Input.Label>
              <Text size="xs" c="dimmed" mt={-6}>
                {t('capture.newContactsHint')}
              </Text>
              {newContacts.map((row, i) => (
                <Group key={row.key} gap={6} align="flex-end" wrap="nowrap" data-testid="new-contact-row">
                  <SimpleGrid cols={{ base: 1, xs: 3 }} spacing={6} style={{ flex: 1 }}>
                    <TextInput
                      aria-label={t('capture.newContact.name')}
                      placeholder={t('capture.newContact.name')}
                      value={row.name}
                      maxLength={120}
                      error={errors.newContacts && !row.name.trim() ? errors.newContacts : undefined}
                      onChange={(e) => setRow(row.key, { name: e.currentTarget.value })}
                      data-autofocus={i === newContacts.length - 1 || undefined}
                    />
                    <TextInput
                      aria-label={t('capture.newContact.phone')}
                      placeholder={t('capture.newContact.phone')}
                      type="tel"
                      inputMode="tel"
                      value={row.phone}
                      maxLength={40}
                      onChange={(e) => setRow(row.key, { phone: e.currentTarget.value })}
                    />
                    <TextInput
                      aria-label={t('capture.newContact.city')}
                      placeholder={t('capture.newContact.city')}
                      value={row.city}
                      maxLength={100}
                      onChange={(e) => setRow(row.key, { city: e.currentTarget.value })}
                    />
                  </SimpleGrid>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="lg"
                    aria-label={t('capture.newContact.remove')}
                    onClick={() => setNewContacts((rows) => rows.filter((r) => r.key !== row.key))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Button
                variant="light"
                size="compact-sm"
                leftSection={<IconPlus size={14} />}
                style={{ alignSelf: 'flex-start' }}
                disabled={newContacts.length >= L.links}
                onClick={() =>
                  setNewContacts((rows) => [...rows, { key: Date.now(), name: '', phone: '', city: '' }])
                }
              >
                {t('capture.newContact.add')}
              </Button>
            </Stack>
          )}
          <TextInput
            label={t('fields.noteTitle')}
            description={t('capture.noteTitleHint')}
            maxLength={L.title}
            {...form.getInputProps('title')}
            error={errors.title}
          />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput type="date" label={t('fields.day')} required {...form.getInputProps('day')} />
          </SimpleGrid>
          {!entry && (
            <MemberPicker
              label={t('fields.members')}
              value={members}
              onChange={setMembers}
              error={errors.memberIds}
            />
          )}
          <Textarea
            label={t('fields.details')}
            autosize
            minRows={2}
            maxLength={L.text}
            {...form.getInputProps('details')}
            error={errors.details}
          />
        </MoreDetails>
        <FormButtons loading={save.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
