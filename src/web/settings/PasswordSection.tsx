// Changing my password: the current one, then the new one. Every other device of my account is signed
// out; this one stays signed in (the server sends a new session cookie). The new password must pass the
// password rule (at least PASSWORD_MIN characters, not a common one, not my name or e-mail): the server
// checks it and the form shows its reason.
import { Button, Group, PasswordInput, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../core/accounts.ts';
import { api } from '../api.ts';
import { meQuery } from '../session.ts';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { Section } from '../ui/Section.tsx';

type PasswordValues = { currentPassword: string; newPassword: string };

/** The form alone: in Settings, and on the page that asks for a new password after a weak one. */
export function ChangePasswordForm({
  columns = 2,
  onChanged,
}: {
  columns?: 1 | 2;
  onChanged?: () => void | Promise<void>;
}) {
  const { t } = useTranslation(['settings', 'accounts', 'common', 'errors']);
  const queryClient = useQueryClient();
  const form = useForm<PasswordValues>({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: {
      newPassword: (v) =>
        [...v].length >= PASSWORD_MIN ? null : t('errors:field.too_short', { minimum: PASSWORD_MIN }),
    },
  });
  const change = useMutation({
    mutationFn: (body: PasswordValues) => api('/api/v1/me/password', { method: 'POST', body }),
    onSuccess: async () => {
      form.reset();
      notifications.show({ color: 'teal', message: t('password.done') });
      // A request to change a weak password is cleared by the change; the signed-in area reads it from
      // the cached answer, so it is fetched again even where no page shows it.
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey, refetchType: 'all' });
      await onChanged?.();
    },
    onError: (error) => {
      const fields = fieldErrors(t, error);
      if (Object.keys(fields).length) form.setErrors(fields);
      else notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => change.mutate(v))}>
      <Stack>
        <SimpleGrid cols={{ base: 1, xs: columns }} spacing="sm">
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('password.new')}
            description={t('accounts:fields.passwordHint', { count: PASSWORD_MIN })}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={change.isPending} data-testid="password-submit">
            {t('password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PasswordSection() {
  const { t } = useTranslation('settings');
  return (
    <Section title={t('password.title')} description={t('password.description')} id="password">
      <ChangePasswordForm />
    </Section>
  );
}
