// The three fields of a new account — name, e-mail, password — and the person's own city and country, as
// the first sign-up and the join page both ask for them.
import { PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { looksLikeEmail, PASSWORD_MIN } from '../../core/accounts.ts';
import { CountrySelect } from '../ui/CountrySelect.tsx';

interface AccountValues {
  name: string;
  email: string;
  password: string;
}

/**
 * The checks the form makes before anything is sent. The server checks again, and also refuses common
 * passwords and ones with the name or e-mail (server/auth/passwords.ts); the form shows its reason.
 */
export function accountValidation(t: TFunction) {
  return {
    name: (v: string) => (v.trim() ? null : t('errors:field.required')),
    email: (v: string) => (looksLikeEmail(v) ? null : t('errors:field.invalid_email')),
    password: (v: string) =>
      [...v].length >= PASSWORD_MIN ? null : t('errors:field.too_short', { minimum: PASSWORD_MIN }),
  };
}

export function AccountFields<T extends AccountValues>({ form }: { form: UseFormReturnType<T> }) {
  const { t } = useTranslation('accounts');
  return (
    <>
      <TextInput
        label={t('fields.name')}
        placeholder={t('fields.namePlaceholder')}
        autoComplete="name"
        required
        {...form.getInputProps('name')}
      />
      <TextInput
        label={t('fields.email')}
        placeholder={t('fields.emailPlaceholder')}
        type="email"
        inputMode="email"
        autoComplete="email"
        required
        {...form.getInputProps('email')}
      />
      <PasswordInput
        label={t('fields.password')}
        description={t('fields.passwordHint', { count: PASSWORD_MIN })}
        autoComplete="new-password"
        visibilityToggleButtonProps={{ 'aria-label': t('fields.togglePassword') }}
        required
        {...form.getInputProps('password')}
      />
    </>
  );
}

interface PlaceValues {
  city: string;
  country: string | null;
}

/** One's own city (it splits the contact lists into own city and other cities) and country. */
export function PlaceFields<T extends PlaceValues>({ form }: { form: UseFormReturnType<T> }) {
  const { t } = useTranslation('accounts');
  return (
    <Stack gap={4}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput label={t('fields.city')} autoComplete="address-level2" {...form.getInputProps('city')} />
        <CountrySelect label={t('fields.country')} {...form.getInputProps('country')} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('fields.placeHint')}
      </Text>
    </Stack>
  );
}
