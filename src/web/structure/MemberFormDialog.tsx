// Adding someone by hand under a sponsor, or editing a profile: one form.
import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LOCALES } from '../../core/locales.ts';
import { api } from '../api.ts';
import { CountrySelect } from '../ui/CountrySelect.tsx';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import type { Member } from './api.ts';

type Mode = { kind: 'add'; sponsor: { id: string; name: string } } | { kind: 'edit'; member: Member };

const empty = {
  name: '',
  email: '',
  phone: '',
  city: '',
  country: null as string | null,
  kind: 'partner' as 'customer' | 'partner',
  status: 'active' as 'active' | 'inactive' | 'left',
  joinedOn: '',
  locale: '' as string,
  notes: '',
  whatsapp: '',
  viber: '',
  telegram: '',
};

function initialValues(mode: Mode) {
  if (mode.kind === 'add') return { ...empty, joinedOn: new Date().toISOString().slice(0, 10) };
  const m = mode.member;
  return {
    name: m.name,
    email: m.email ?? '',
    phone: m.phone ?? '',
    city: m.city ?? '',
    country: m.country,
    kind: m.kind,
    status: m.status,
    joinedOn: m.joinedOn,
    locale: m.locale ?? '',
    notes: m.notes ?? '',
    whatsapp: m.messengers.whatsapp ?? '',
    viber: m.messengers.viber ?? '',
    telegram: m.messengers.telegram ?? '',
  };
}

export function MemberFormDialog({
  opened,
  onClose,
  mode,
}: {
  opened: boolean;
  onClose: () => void;
  mode: Mode;
}) {
  const { t } = useTranslation(['structure', 'common', 'errors']);
  const phone = useMediaQuery('(max-width: 36em)');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: initialValues(mode),
    validate: { name: (v) => (v.trim() ? null : t('errors:field.required')) },
  });

  const save = useMutation({
    mutationFn: (values: typeof empty) => {
      const { whatsapp, viber, telegram, locale, ...rest } = values;
      const body = {
        ...rest,
        locale: locale || null,
        messengers: Object.fromEntries(
          Object.entries({ whatsapp, viber, telegram }).filter(([, v]) => v.trim()),
        ),
      };
      return mode.kind === 'add'
        ? api<Member>('/api/v1/members', { method: 'POST', body: { ...body, sponsorId: mode.sponsor.id } })
        : api<Member>(`/api/v1/members/${mode.member.id}`, { method: 'PATCH', body });
    },
    onSuccess: async (member) => {
      await queryClient.invalidateQueries();
      notifications.show({
        color: 'teal',
        message: t(mode.kind === 'add' ? 'add.done' : 'edit.done', { name: member.name }),
      });
      form.reset();
      onClose();
      if (mode.kind === 'add') await navigate({ to: '/structure/members/$id', params: { id: member.id } });
    },
    onError: (error) => {
      form.setErrors(fieldErrors(t, error));
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      fullScreen={phone}
      title={mode.kind === 'add' ? t('add.title', { sponsor: mode.sponsor.name }) : t('edit.title')}
    >
      <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack gap="sm">
          <TextInput label={t('fields.name')} required data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('fields.phone')}
              type="tel"
              inputMode="tel"
              {...form.getInputProps('phone')}
            />
            <TextInput
              label={t('fields.email')}
              type="email"
              inputMode="email"
              {...form.getInputProps('email')}
            />
            <TextInput label={t('fields.city')} {...form.getInputProps('city')} />
            <CountrySelect label={t('fields.country')} {...form.getInputProps('country')} />
            <Select
              label={t('fields.kind')}
              allowDeselect={false}
              data={[
                { value: 'partner', label: t('kind.partner') },
                { value: 'customer', label: t('kind.customer') },
              ]}
              {...form.getInputProps('kind')}
            />
            {mode.kind === 'edit' && (
              <Select
                label={t('fields.status')}
                allowDeselect={false}
                data={(['active', 'inactive', 'left'] as const).map((s) => ({
                  value: s,
                  label: t(`status.${s}`),
                }))}
                {...form.getInputProps('status')}
              />
            )}
            {/* A join date can be corrected later (e.g. to the back office's date). */}
            <TextInput label={t('fields.joinedOn')} type="date" {...form.getInputProps('joinedOn')} />
            <Select
              label={t('fields.locale')}
              clearable
              data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
              {...form.getInputProps('locale')}
            />
            <TextInput label="WhatsApp" type="tel" {...form.getInputProps('whatsapp')} />
            <TextInput label="Viber" type="tel" {...form.getInputProps('viber')} />
            <TextInput label="Telegram" placeholder="@" {...form.getInputProps('telegram')} />
          </SimpleGrid>
          <Textarea label={t('fields.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t(mode.kind === 'add' ? 'add.submit' : 'common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
