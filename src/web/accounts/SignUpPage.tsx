import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconMailForward } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { looksLikeEmail, PASSWORD_MIN } from '../../core/accounts.ts';
import { installationQuery } from '../session.ts';
import { AuthLayout } from '../ui/AuthLayout.tsx';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { useSignUp } from './hooks.ts';

export default function SignUpPage() {
  const { t } = useTranslation(['accounts', 'common', 'errors']);
  const { data: installation } = useSuspenseQuery(installationQuery);
  const signUp = useSignUp();
  const form = useForm({
    initialValues: { name: '', email: '', password: '', organizationName: '' },
    validate: {
      name: (v) => (v.trim() ? null : t('errors:field.required')),
      email: (v) => (looksLikeEmail(v) ? null : t('errors:field.invalid_email')),
      password: (v) =>
        v.length >= PASSWORD_MIN ? null : t('errors:field.too_small', { minimum: PASSWORD_MIN }),
      organizationName: (v) => (v.trim() ? null : t('errors:field.required')),
    },
  });

  if (!installation.needsOwner) {
    return (
      <AuthLayout title={t('signUp.closedTitle')}>
        <Stack>
          <Alert icon={<IconMailForward />} color="teal" data-testid="invitation-required">
            {t('signUp.closedBody')}
          </Alert>
          <Button component={Link} to="/sign-in" variant="light">
            {t('signUp.toSignIn')}
          </Button>
        </Stack>
      </AuthLayout>
    );
  }

  const submit = form.onSubmit((values) =>
    signUp.mutate(values, { onError: (error) => form.setErrors(fieldErrors(t, error)) }),
  );

  return (
    <AuthLayout title={t('signUp.title')} subtitle={t('signUp.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {signUp.isError && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert" data-testid="form-error">
              {errorMessage(t, signUp.error)}
            </Alert>
          )}
          <TextInput
            label={t('fields.organizationName')}
            placeholder={t('fields.organizationPlaceholder')}
            required
            {...form.getInputProps('organizationName')}
          />
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
            visibilityToggleButtonProps={{ 'aria-label': t('fields.togglePassword') }}
            label={t('fields.password')}
            description={t('fields.passwordHint', { count: PASSWORD_MIN })}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={signUp.isPending} fullWidth>
            {t('signUp.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
