import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errors.ts';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-label={t('status.loading')}>
      <Loader />
    </Center>
  );
}

export function PageError({ error }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <Stack maw={520} mx="auto" my="xl" p="md">
      <Alert color="red" icon={<IconAlertTriangle />} role="alert">
        {errorMessage(t, error)}
      </Alert>
      <Button variant="light" onClick={() => router.invalidate()}>
        {t('actions.retry')}
      </Button>
    </Stack>
  );
}
