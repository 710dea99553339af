// The short form of a note of what happened: whom I met, what we discussed, what they need, what we
// agreed, when to call back, with whom. New contacts, a title, the day, members and details wait behind
// "More details". The same form edits a note.
import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIARY_LIMITS as L, NOTE_PARTS } from '../../../core/diary/fields.ts';
import { useToday } from '../../contacts/useToday.ts';
import { fieldErrors } from '../../ui/errors.ts';
import { addDays, createEntry, localToday, updateEntry } from '../api.ts';
import { ContactPicker, MemberPicker, type Person } from '../PeoplePickers.tsx';
import { type CallBack, CallBackField } from './CallBackField.tsx';
import {
  DetailsField,
  EditLinks,
  FormButtons,
  type FormProps,
  formErrors,
  ids,
  MoreDetails,
  useSave,
} from './fields.tsx';
import { type NewContactRow, NewContactRows } from './NewContactRows.tsx';

export function NoteForm({ day, entry, onDone, onCancel }: FormProps) {
  const { t } = useTranslation(['diary', 'errors']);
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
            <CallBackField
              value={callBack}
              onChange={setCallBack}
              picked={picked}
              onPick={setPicked}
              today={today}
              shown={callBackOn(today)}
              linked={contacts.length > 0 || newContacts.some((c) => c.name.trim())}
              error={errors.callBackOn}
            />
            <ContactPicker
              label={t('fields.contacts')}
              value={contacts}
              onChange={setContacts}
              error={errors.contactIds}
            />
          </>
        )}
        <MoreDetails open={more} onToggle={() => setMore((m) => !m)}>
          {!entry && <NewContactRows rows={newContacts} onRows={setNewContacts} error={errors.newContacts} />}
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
          <DetailsField {...form.getInputProps('details')} error={errors.details} />
        </MoreDetails>
        <FormButtons loading={save.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
