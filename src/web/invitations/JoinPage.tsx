// The page behind an invitation link: who invites you and where, then your account in one form.
import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconLinkOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AccountFields, accountValidation, PlaceFields } from '../accounts/AccountFields.tsx';
import { useSignOut } from '../accounts/hooks.ts';
import { ApiError, api } from '../api.ts';
import { localToday } from '../contacts/api.ts';
import { currentLocale } from '../i18n.ts';
import { meQuery } from '../session.ts';
import { AuthLayout } from '../ui/AuthLayout.tsx';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { PageLoading } from '../ui/PageStates.tsx';
import { type JoinInfo, joinInfoQuery } from './api.ts';

const route = getRouteApi('/join/$token');

function JoinForm({ token, info }: { token: string; info: JoinInfo }) {
  const { t } = useTranslation(['invitations', 'accounts', 'errors']);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: {
      name: info.name ?? '',
      email: info.email ?? '',
      password: '',
      phone: '',
      city: '',
      country: null as string | null,
    },
    validate: {
      ...accountValidation(t),
    },
  });
  const join = useMutation({
    mutationFn: (values: typeof form.values) =>
      api(`/api/v1/join/${token}`, {
        method: 'POST',
        body: { ...values, locale: currentLocale(), today: localToday() },
      }),
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery(meQuery);
      await navigate({ to: '/' });
    },
    onError: (error) => form.setErrors(fieldErrors(t, error)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => join.mutate(values))} noValidate>
      <Stack>
        {join.isError && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert" data-testid="form-error">
            {errorMessage(t, join.error)}
          </Alert>
        )}
        <AccountFields form={form} />
        <TextInput
          label={t('join.phone')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          {...form.getInputProps('phone')}
        />
        <PlaceFields form={form} />
        <Button type="submit" loading={join.isPending} fullWidth>
          {t('join.submit')}
        </Button>
      </Stack>
    </form>
  );
}

export default function JoinPage() {
  const { t } = useTranslation(['invitations', 'common']);
  const { token } = route.useParams();
  const signOut = useSignOut();
  const info = useQuery(joinInfoQuery(token));

  if (info.isPending) return <PageLoading />;
  if (info.isError || info.data.status !== 'open') {
    const reason = info.isError
      ? info.error instanceof ApiError && info.error.status === 404
        ? 'not_found'
        : 'error'
      : info.data.status;
    return (
      <AuthLayout title={t(`join.closed.${reason}.title`)}>
        <Stack>
          <Alert icon={<IconLinkOff />} color="gray" data-testid="join-closed">
            {t(`join.closed.${reason}.body`, { sponsor: info.data?.sponsor.name ?? '' })}
          </Alert>
          <Button component={Link} to="/" variant="light">
            {t('join.toApp')}
          </Button>
        </Stack>
      </AuthLayout>
    );
  }

  const data = info.data;
  return (
    <AuthLayout
      title={t('join.title', { organization: data.organization.name })}
      subtitle={t(`join.subtitle.${data.kind}`, {
        sponsor: data.sponsor.name,
        organization: data.organization.name,
      })}
    >
      {data.signedInAs ? (
        <Stack>
          <Alert color="yellow" data-testid="join-signed-in">
            {t('join.signedIn', { name: data.signedInAs.name })}
          </Alert>
          <Button variant="light" onClick={() => signOut.mutate()} loading={signOut.isPending}>
            {t('common:actions.signOut')}
          </Button>
        </Stack>
      ) : (
        <JoinForm token={token} info={data} />
      )}
    </AuthLayout>
  );
}
