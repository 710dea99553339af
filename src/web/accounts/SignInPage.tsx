import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { looksLikeEmail } from '../../core/accounts.ts';
import { AuthLayout } from '../ui/AuthLayout.tsx';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { useSignIn } from './hooks.ts';

export default function SignInPage() {
  const { t } = useTranslation(['accounts', 'common', 'errors']);
  const signIn = useSignIn();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (looksLikeEmail(v) ? null : t('errors:field.invalid_email')),
      password: (v) => (v ? null : t('errors:field.required')),
    },
  });

  const submit = form.onSubmit((values) =>
    signIn.mutate(values, { onError: (error) => form.setErrors(fieldErrors(t, error)) }),
  );

  return (
    <AuthLayout title={t('signIn.title')} subtitle={t('signIn.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {signIn.isError && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert" data-testid="form-error">
              {errorMessage(t, signIn.error)}
            </Alert>
          )}
          <TextInput
            label={t('fields.email')}
            placeholder={t('fields.emailPlaceholder')}
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            visibilityToggleButtonProps={{ 'aria-label': t('fields.togglePassword') }}
            label={t('fields.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t('signIn.submit')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('signIn.noAccount')}
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
