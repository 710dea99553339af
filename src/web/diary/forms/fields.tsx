// What the diary's three forms share: saving (new or edited), the server's field errors, the title and
// details fields, "More details", the buttons, the links of an edited entry and the task category picker.
import {
  Button,
  Collapse,
  Group,
  Input,
  SegmentedControl,
  Stack,
  Textarea,
  type TextareaProps,
  TextInput,
  type TextInputProps,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DIARY_LIMITS as L, TASK_CATEGORIES, type TaskCategory } from '../../../core/diary/fields.ts';
import { errorMessage } from '../../ui/errors.ts';
import { type Entry, refreshAfterChange } from '../api.ts';
import type { Person } from '../PeoplePickers.tsx';
import { CATEGORY_COLORS, LinkedPeople } from '../parts.tsx';

export interface FormProps {
  /** The day a new entry goes to (the day on screen). */
  day: string;
  /** Editing this entry instead of writing a new one. */
  entry?: Entry;
  onDone: () => void;
  onCancel: () => void;
}

/** The server's field errors on the form: `contactIds.2` belongs to the contacts input. */
export function formErrors(errors: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = path.split('.')[0]!;
    result[field === 'parts' ? (path.split('.')[1] ?? field) : field] ??= message;
  }
  return result;
}

export const ids = (people: Person[]) => (people.length ? people.map((p) => p.id) : undefined);

export function useSave(kind: Entry['kind'], entry: Entry | undefined, onDone: () => void) {
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

/** An event's or a task's title: required, focused first. */
export function TitleField({ hint, ...input }: { hint: string } & TextInputProps) {
  const { t } = useTranslation('diary');
  return (
    <TextInput
      label={t('fields.title')}
      placeholder={hint}
      required
      data-autofocus
      maxLength={L.title}
      autoComplete="off"
      {...input}
    />
  );
}

/** The free text behind "More details". */
export function DetailsField(input: TextareaProps) {
  const { t } = useTranslation('diary');
  return <Textarea label={t('fields.details')} autosize minRows={2} maxLength={L.text} {...input} />;
}

export function MoreDetails({
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

export function FormButtons({ loading, onCancel }: { loading: boolean; onCancel: () => void }) {
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
export function EditLinks({ entry }: { entry: Entry }) {
  const { t } = useTranslation('diary');
  if (!entry.links.contacts.length && !entry.links.members.length) return null;
  return (
    <div>
      <Input.Label>{t('capture.linked')}</Input.Label>
      <LinkedPeople entry={entry} />
    </div>
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
