// The short form of a task: title, category and day. With whom and details wait behind "More details".
// The same form edits a task (a moved task keeps its day).
import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskCategory } from '../../../core/diary/fields.ts';
import { fieldErrors } from '../../ui/errors.ts';
import { createEntry, updateEntry } from '../api.ts';
import { ContactPicker, MemberPicker, type Person } from '../PeoplePickers.tsx';
import {
  CategoryPicker,
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
        <TitleField hint={t('capture.taskTitleHint')} {...form.getInputProps('title')} />
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
          <DetailsField {...form.getInputProps('details')} />
        </MoreDetails>
        <FormButtons loading={save.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
