import {
  Button,
  Group,
  NavLink,
  SegmentedControl,
  Select,
  SimpleGrid,
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
import { WeekdaySettings } from '../kpis/WeekdaySettings.tsx';
import { ProductsSection } from '../orders/ProductsSection.tsx';
import { meQuery } from '../session.ts';
import { CountrySelect } from '../ui/CountrySelect.tsx';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { Section } from '../ui/Section.tsx';
import { useChangeLocale } from '../ui/useChangeLocale.ts';
import { PasswordSection } from './PasswordSection.tsx';

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

type ProfileValues = { name: string; city: string; country: string | null };

const profileOf = (me: Me): ProfileValues => ({
  name: me.user.name,
  city: me.member.city ?? '',
  country: me.member.country,
});

/** My name, and my own city (it splits my contact lists) and country (it reads national numbers). */
function ProfileSection({ me }: { me: Me }) {
  const { t } = useTranslation(['settings', 'common', 'errors']);
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: profileOf(me) });
  const save = useMutation({
    mutationFn: (body: ProfileValues) => api<Me>('/api/v1/me', { method: 'PATCH', body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(meQuery.queryKey, updated);
      form.setValues(profileOf(updated));
      form.resetDirty(profileOf(updated));
      // The contact lists, the member's page and phone links depend on the city and country.
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== meQuery.queryKey[0] });
      notifications.show({ color: 'teal', message: t('common:status.saved') });
    },
    onError: (error) => form.setErrors(fieldErrors(t, error)),
  });
  return (
    <Section title={t('profile.title')} id="profile" testId="settings-profile">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <TextInput label={t('profile.name')} required {...form.getInputProps('name')} />
          <TextInput label={t('profile.email')} value={me.user.email} readOnly variant="filled" />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('profile.city')}
              autoComplete="address-level2"
              {...form.getInputProps('city')}
            />
            <CountrySelect label={t('profile.country')} {...form.getInputProps('country')} />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={-8}>
            {t('accounts:fields.placeHint')}
          </Text>
          <SaveButton pending={save.isPending} dirty={form.isDirty()} />
        </Stack>
      </form>
    </Section>
  );
}

/** The weekday of the weekly analysis: mine, and for admins the organization's default. */
function AnalysisSection({ me }: { me: Me }) {
  const { t } = useTranslation('settings');
  return (
    <Section title={t('analysis.title')} description={t('analysis.description')} id="analysis">
      <Stack gap="sm">
        <WeekdaySettings
          ownWeekday={me.member.reviewWeekday}
          organizationWeekday={me.organization.reviewWeekday}
        />
        <AnchorLink to="/kpis/reviews" size="sm" fw={600}>
          {t('analysis.open')}
        </AnchorLink>
      </Stack>
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
      <AnalysisSection me={me} />
      <LanguageSection />
      <OrganizationSection me={me} />
      {me.member.role === 'admin' && <ImportMembers />}
      {me.member.role === 'admin' && <ProductsSection />}
      <PasswordSection />
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
