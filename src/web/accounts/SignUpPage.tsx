import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconMailForward } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { installationQuery } from '../session.ts';
import { AuthLayout } from '../ui/AuthLayout.tsx';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { AccountFields, accountValidation, PlaceFields } from './AccountFields.tsx';
import { useSignUp } from './hooks.ts';

export default function SignUpPage() {
  const { t } = useTranslation(['accounts', 'common', 'errors']);
  const { data: installation } = useSuspenseQuery(installationQuery);
  const signUp = useSignUp();
  const form = useForm({
    initialValues: {
      name: '',
      email: '',
      password: '',
      organizationName: '',
      city: '',
      country: null as string | null,
      setupToken: '',
    },
    validate: {
      ...accountValidation(t),
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
          <AccountFields form={form} />
          <PlaceFields form={form} />
          {installation.needsSetupToken && (
            <TextInput
              label={t('fields.setupToken')}
              description={t('fields.setupTokenHint')}
              autoComplete="off"
              required
              {...form.getInputProps('setupToken')}
            />
          )}
          <Button type="submit" loading={signUp.isPending} fullWidth>
            {t('signUp.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
