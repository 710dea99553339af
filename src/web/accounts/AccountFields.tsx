// The three fields of a new account — name, e-mail, password — as the first sign-up and the join page
// both ask for them.
import { PasswordInput, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { looksLikeEmail, PASSWORD_MIN } from '../../core/accounts.ts';

interface AccountValues {
  name: string;
  email: string;
  password: string;
}

/** The checks the form makes before anything is sent (the server checks again). */
export function accountValidation(t: TFunction) {
  return {
    name: (v: string) => (v.trim() ? null : t('errors:field.required')),
    email: (v: string) => (looksLikeEmail(v) ? null : t('errors:field.invalid_email')),
    password: (v: string) =>
      v.length >= PASSWORD_MIN ? null : t('errors:field.too_small', { minimum: PASSWORD_MIN }),
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
