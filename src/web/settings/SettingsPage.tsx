import {
  Button,
  Group,
  NavLink,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconChevronRight, IconId, IconListCheck, IconLogout, IconPresentation } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../../core/locales.ts';
import { useMe, useSignOut } from '../accounts/hooks.ts';
import { api, type Me, type Organization } from '../api.ts';
import { ImportMembers } from '../imports/ImportMembers.tsx';
import { ProductsSection } from '../orders/ProductsSection.tsx';
import { meQuery } from '../session.ts';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { Section } from '../ui/Section.tsx';
import { useChangeLocale } from '../ui/useChangeLocale.ts';

const languageOptions = LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }));

function SaveButton({ pending, dirty }: { pending: boolean; dirty: boolean }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" loading={pending} disabled={!dirty}>
        {t('actions.save')}
      </Button>
    </Group>
  );
}

function ProfileSection({ me }: { me: Me }) {
  const { t } = useTranslation(['settings', 'common', 'errors']);
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { name: me.user.name } });
  const save = useMutation({
    mutationFn: (name: string) => api<Me>('/api/v1/me', { method: 'PATCH', body: { name } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(meQuery.queryKey, updated);
      form.resetDirty({ name: updated.user.name });
      notifications.show({ color: 'teal', message: t('common:status.saved') });
    },
    onError: (error) => form.setErrors(fieldErrors(t, error)),
  });
  return (
    <Section title={t('profile.title')}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v.name))}>
        <Stack>
          <TextInput label={t('profile.name')} required {...form.getInputProps('name')} />
          <TextInput label={t('profile.email')} value={me.user.email} readOnly variant="filled" />
          <SaveButton pending={save.isPending} dirty={form.isDirty()} />
        </Stack>
      </form>
    </Section>
  );
}

function LanguageSection() {
  const { t, i18n } = useTranslation(['settings', 'common']);
  const changeLocale = useChangeLocale();
  const format = useFormat();
  return (
    <Section title={t('language.title')} description={t('language.description')}>
      <SegmentedControl
        fullWidth
        value={i18n.language}
        onChange={(value) => changeLocale(value as Locale)}
        data={languageOptions}
        data-testid="language-control"
      />
      <Text size="sm" c="dimmed" mt="sm" data-testid="format-example">
        {t('language.example', {
          date: format.date(new Date(), { dateStyle: 'full' }),
          number: format.number(12345.67, { maximumFractionDigits: 2 }),
        })}
      </Text>
    </Section>
  );
}

function OrganizationSection({ me }: { me: Me }) {
  const { t } = useTranslation(['settings', 'common', 'errors']);
  const queryClient = useQueryClient();
  const isAdmin = me.member.role === 'admin';
  const form = useForm({
    initialValues: { name: me.organization.name, defaultLocale: me.organization.defaultLocale },
  });
  const save = useMutation({
    mutationFn: (body: { name: string; defaultLocale: Locale }) =>
      api<Organization>('/api/v1/organization', { method: 'PATCH', body }),
    onSuccess: (organization) => {
      queryClient.setQueryData(meQuery.queryKey, (old) => (old ? { ...old, organization } : old));
      form.resetDirty({ name: organization.name, defaultLocale: organization.defaultLocale });
      notifications.show({ color: 'teal', message: t('common:status.saved') });
    },
    onError: (error) => {
      form.setErrors(fieldErrors(t, error));
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });
  return (
    <Section title={t('organization.title')} description={isAdmin ? undefined : t('organization.adminOnly')}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <TextInput
            label={t('organization.name')}
            readOnly={!isAdmin}
            required
            {...form.getInputProps('name')}
          />
          <Select
            label={t('organization.defaultLocale')}
            readOnly={!isAdmin}
            allowDeselect={false}
            data={languageOptions}
            {...form.getInputProps('defaultLocale')}
          />
          {isAdmin && <SaveButton pending={save.isPending} dirty={form.isDirty()} />}
        </Stack>
      </form>
    </Section>
  );
}

/** My own tools, and for admins the onboarding template: each on its own page. */
function ToolsSection({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation(['tools', 'onboarding']);
  const links = [
    { to: '/card', icon: IconId, label: t('tools:links.card'), body: t('tools:links.cardBody') },
    {
      to: '/presentation',
      icon: IconPresentation,
      label: t('tools:links.presentation'),
      body: t('tools:links.presentationBody'),
    },
    ...(isAdmin
      ? [
          {
            to: '/settings/onboarding',
            icon: IconListCheck,
            label: t('onboarding:link.title'),
            body: t('onboarding:link.body'),
          },
        ]
      : []),
  ] as const;
  return (
    <Section title={t('tools:links.title')}>
      <Stack gap={4} mx="-xs">
        {links.map((link) => (
          <NavLink
            key={link.to}
            component={Link}
            to={link.to}
            label={link.label}
            description={link.body}
            leftSection={<link.icon size={22} stroke={1.6} />}
            rightSection={<IconChevronRight size={16} />}
            data-testid={`settings-link-${link.to.split('/').at(-1)}`}
          />
        ))}
      </Stack>
    </Section>
  );
}

export default function SettingsPage() {
  const { t } = useTranslation(['settings', 'common']);
  const me = useMe();
  const signOut = useSignOut();
  return (
    <Stack maw={720} gap="lg">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <ProfileSection me={me} />
      <ToolsSection isAdmin={me.member.role === 'admin'} />
      <LanguageSection />
      <OrganizationSection me={me} />
      {me.member.role === 'admin' && <ImportMembers />}
      {me.member.role === 'admin' && <ProductsSection />}
      <Section title={t('account.title')} description={t('account.signOutBody')}>
        <Group>
          <Button
            variant="light"
            color="red"
            leftSection={<IconLogout size={16} />}
            onClick={() => signOut.mutate()}
            loading={signOut.isPending}
          >
            {t('common:actions.signOut')}
          </Button>
        </Group>
      </Section>
    </Stack>
  );
}
