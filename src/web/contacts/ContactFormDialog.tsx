// Adding a contact fast (name, phone, city — the rest behind "More fields") and editing every field:
// one form. Adding keeps the dialog open on request, so a whole list can be typed in one go.
import {
  Autocomplete,
  Button,
  Collapse,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_LIMITS, RELATIONSHIPS, STAGES } from '../../core/contacts/fields.ts';
import { api } from '../api.ts';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { CONTACTS_KEY, type Contact, overviewQuery } from './api.ts';
import { useToday } from './useToday.ts';

type Mode = { kind: 'add' } | { kind: 'edit'; contact: Contact };

const empty = {
  name: '',
  phone: '',
  city: '',
  email: '',
  whatsapp: '',
  viber: '',
  telegram: '',
  list: 'auto' as 'auto' | 'own' | 'other',
  relationship: null as string | null,
  source: '',
  interests: '',
  needs: '',
  notes: '',
  tags: [] as string[],
  stage: 'new' as Contact['stage'],
  nextFollowUpOn: '',
  lastContactOn: '',
};
type Values = typeof empty;

/** The fields shown without "More fields". */
const QUICK_FIELDS = new Set(['name', 'phone', 'city']);

/**
 * The server's field errors on the form's inputs: `messengers.whatsapp` is the WhatsApp input, `tags.2`
 * the tags input.
 */
function formErrors(errors: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = path.startsWith('messengers.')
      ? path.slice('messengers.'.length)
      : path.startsWith('tags.')
        ? 'tags'
        : path;
    result[field] ??= message;
  }
  return result;
}

function initialValues(mode: Mode): Values {
  if (mode.kind === 'add') return empty;
  const c = mode.contact;
  return {
    name: c.name,
    phone: c.phone ?? '',
    city: c.city ?? '',
    email: c.email ?? '',
    whatsapp: c.messengers.whatsapp ?? '',
    viber: c.messengers.viber ?? '',
    telegram: c.messengers.telegram ?? '',
    list: c.listChosen ? c.list : 'auto',
    relationship: c.relationship,
    source: c.source ?? '',
    interests: c.interests ?? '',
    needs: c.needs ?? '',
    notes: c.notes ?? '',
    tags: c.tags,
    stage: c.stage,
    nextFollowUpOn: c.nextFollowUpOn ?? '',
    lastContactOn: c.lastContactOn ?? '',
  };
}

function toBody(values: Values, mode: Mode) {
  const { whatsapp, viber, telegram, list, relationship, ...rest } = values;
  const body = {
    ...rest,
    messengers: Object.fromEntries(Object.entries({ whatsapp, viber, telegram }).filter(([, v]) => v.trim())),
    list: list === 'auto' ? null : list,
    relationship: relationship || null,
    nextFollowUpOn: rest.nextFollowUpOn || null,
    lastContactOn: rest.lastContactOn || null,
  };
  if (mode.kind === 'edit') return body;
  // A new contact: only what was filled in.
  return Object.fromEntries(
    Object.entries(body).filter(
      ([, v]) =>
        v !== null &&
        v !== '' &&
        !(Array.isArray(v) && v.length === 0) &&
        !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0),
    ),
  );
}

export function ContactFormDialog({
  opened,
  onClose,
  mode,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  mode: Mode;
  onCreated?: (contact: Contact) => void;
}) {
  const { t } = useTranslation(['contacts', 'common', 'errors']);
  // Read at once (not after the first paint), so a phone does not see the dialog jump to full screen.
  const phone = useMediaQuery('(max-width: 36em)', undefined, { getInitialValueInEffect: false });
  const queryClient = useQueryClient();
  const [more, setMore] = useState(mode.kind === 'edit');
  const nameRef = useRef<HTMLInputElement>(null);
  const today = useToday();
  const overview = useQuery(overviewQuery(today));
  const form = useForm({
    initialValues: initialValues(mode),
    validate: {
      name: (v) => (v.trim() ? null : t('errors:field.required')),
      tags: (v) =>
        v.some((tag) => tag.trim().length > CONTACT_LIMITS.tag)
          ? t('form.tagTooLong', { maximum: CONTACT_LIMITS.tag })
          : null,
    },
  });
  /** Errors in fields behind "More fields" open them, so the person sees what to fix. */
  const showErrors = (errors: Record<string, unknown>) => {
    if (Object.keys(errors).some((field) => !QUICK_FIELDS.has(field))) setMore(true);
  };

  const cities = [
    ...new Set(
      [overview.data?.ownCity, ...(overview.data?.cities.map((c) => c.city) ?? [])].filter(
        (c): c is string => !!c,
      ),
    ),
  ];
  const tags = overview.data?.tags.map((x) => x.tag) ?? [];

  const save = useMutation({
    mutationFn: ({ values }: { values: Values; addAnother: boolean }) =>
      mode.kind === 'add'
        ? api<Contact>('/api/v1/contacts', { method: 'POST', body: toBody(values, mode) })
        : api<Contact>(`/api/v1/contacts/${mode.contact.id}`, {
            method: 'PATCH',
            body: toBody(values, mode),
          }),
    onSuccess: (contact, { values, addAnother }) => {
      if (mode.kind === 'add') {
        // The next name can be typed at once: an empty form (keeping the city — the next person is often
        // from the same place) with the cursor in the name, before the lists reload in the background.
        form.setValues({ ...empty, city: addAnother ? values.city : '' });
        form.resetDirty();
        form.clearErrors();
        if (addAnother) nameRef.current?.focus();
      }
      void queryClient.invalidateQueries({ queryKey: CONTACTS_KEY });
      notifications.show({
        color: 'teal',
        message: t(mode.kind === 'add' ? 'form.added' : 'form.saved', { name: contact.name }),
      });
      if (mode.kind === 'add') onCreated?.(contact);
      if (!(mode.kind === 'add' && addAnother)) onClose();
    },
    onError: (error) => {
      const errors = formErrors(fieldErrors(t, error));
      form.setErrors(errors);
      showErrors(errors);
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });

  const submit = (addAnother: boolean) =>
    form.onSubmit((values) => {
      // One save at a time: Enter pressed again while saving does not add the contact twice.
      if (!save.isPending) save.mutate({ values, addAnother });
    }, showErrors);
  const again = save.variables?.addAnother ?? false;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      fullScreen={phone}
      title={mode.kind === 'add' ? t('form.addTitle') : t('form.editTitle')}
    >
      <form onSubmit={submit(false)}>
        <Stack gap="sm">
          <TextInput
            label={t('fields.name')}
            required
            data-autofocus
            ref={nameRef}
            maxLength={CONTACT_LIMITS.name}
            autoComplete="off"
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('fields.phone')}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            maxLength={CONTACT_LIMITS.phone}
            {...form.getInputProps('phone')}
          />
          <Autocomplete
            label={t('fields.city')}
            data={cities}
            maxLength={CONTACT_LIMITS.city}
            autoComplete="off"
            {...form.getInputProps('city')}
          />
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setMore((m) => !m)}
            rightSection={more ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />}
            style={{ alignSelf: 'flex-start' }}
            aria-expanded={more}
          >
            {more ? t('form.fewerFields') : t('form.moreFields')}
          </Button>
          <Collapse expanded={more}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <TextInput
                  label={t('fields.email')}
                  type="email"
                  inputMode="email"
                  maxLength={CONTACT_LIMITS.email}
                  {...form.getInputProps('email')}
                />
                <Select
                  label={t('fields.relationship')}
                  clearable
                  data={RELATIONSHIPS.map((r) => ({ value: r, label: t(`relationship.${r}`) }))}
                  {...form.getInputProps('relationship')}
                />
                <TextInput
                  label="WhatsApp"
                  type="tel"
                  inputMode="tel"
                  maxLength={CONTACT_LIMITS.messenger}
                  {...form.getInputProps('whatsapp')}
                />
                <TextInput
                  label="Viber"
                  type="tel"
                  inputMode="tel"
                  maxLength={CONTACT_LIMITS.messenger}
                  {...form.getInputProps('viber')}
                />
                <TextInput
                  label="Telegram"
                  placeholder="@"
                  maxLength={CONTACT_LIMITS.messenger}
                  {...form.getInputProps('telegram')}
                />
                <Select
                  label={t('fields.list')}
                  allowDeselect={false}
                  data={[
                    { value: 'auto', label: t('list.auto') },
                    { value: 'own', label: t('list.own') },
                    { value: 'other', label: t('list.other') },
                  ]}
                  {...form.getInputProps('list')}
                />
                <Select
                  label={t('fields.stage')}
                  allowDeselect={false}
                  data={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
                  {...form.getInputProps('stage')}
                />
                <TextInput
                  label={t('fields.source')}
                  placeholder={t('form.sourceHint')}
                  maxLength={CONTACT_LIMITS.source}
                  {...form.getInputProps('source')}
                />
                <TextInput
                  label={t('fields.nextFollowUpOn')}
                  type="date"
                  {...form.getInputProps('nextFollowUpOn')}
                />
                <TextInput
                  label={t('fields.lastContactOn')}
                  type="date"
                  {...form.getInputProps('lastContactOn')}
                />
              </SimpleGrid>
              <TagsInput
                label={t('fields.tags')}
                description={t('form.tagsHint')}
                data={tags}
                maxTags={CONTACT_LIMITS.tags}
                splitChars={[',', ';']}
                acceptValueOnBlur
                clearable
                {...form.getInputProps('tags')}
              />
              <Textarea
                label={t('fields.interests')}
                autosize
                minRows={2}
                maxLength={CONTACT_LIMITS.interests}
                {...form.getInputProps('interests')}
              />
              <Textarea
                label={t('fields.needs')}
                autosize
                minRows={2}
                maxLength={CONTACT_LIMITS.needs}
                {...form.getInputProps('needs')}
              />
              <Textarea
                label={t('fields.notes')}
                autosize
                minRows={2}
                maxLength={CONTACT_LIMITS.notes}
                {...form.getInputProps('notes')}
              />
            </Stack>
          </Collapse>
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            {mode.kind === 'add' && (
              <Button
                variant="light"
                loading={save.isPending && again}
                disabled={save.isPending}
                onClick={() => submit(true)()}
              >
                {t('form.addAnother')}
              </Button>
            )}
            <Button type="submit" loading={save.isPending && !again} disabled={save.isPending}>
              {mode.kind === 'add' ? t('form.add') : t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
