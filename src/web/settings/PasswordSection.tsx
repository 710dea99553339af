// Changing my password: the current one, then the new one. Every other device of my account is signed
// out; this one stays signed in (the server sends a new session cookie).
import { Button, Group, PasswordInput, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { Section } from '../ui/Section.tsx';

type PasswordValues = { currentPassword: string; newPassword: string };

export function PasswordSection() {
  const { t } = useTranslation(['settings', 'common', 'errors']);
  const form = useForm<PasswordValues>({ initialValues: { currentPassword: '', newPassword: '' } });
  const change = useMutation({
    mutationFn: (body: PasswordValues) => api('/api/v1/me/password', { method: 'POST', body }),
    onSuccess: () => {
      form.reset();
      notifications.show({ color: 'teal', message: t('password.done') });
    },
    onError: (error) => {
      const fields = fieldErrors(t, error);
      if (Object.keys(fields).length) form.setErrors(fields);
      else notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });
  return (
    <Section title={t('password.title')} description={t('password.description')} id="password">
      <form onSubmit={form.onSubmit((v) => change.mutate(v))}>
        <Stack>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <PasswordInput
              label={t('password.current')}
              autoComplete="current-password"
              required
              {...form.getInputProps('currentPassword')}
            />
            <PasswordInput
              label={t('password.new')}
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
    </Section>
  );
}
