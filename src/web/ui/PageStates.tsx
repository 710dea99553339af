import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { errorMessage } from './errors.ts';
import { NotFound } from './NotFound.tsx';

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
  // Something outside the person's view, or gone: the same page as an unknown address.
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
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

/** A list on a page that did not load: why, and a retry beside it (the rest of the page stays). */
export function LoadError({
  title,
  error,
  retrying,
  onRetry,
  testId,
}: {
  title: string;
  error: unknown;
  retrying: boolean;
  onRetry: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle />}
      title={title}
      data-testid={testId}
      styles={{ message: { display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' } }}
    >
      <Text size="sm" style={{ flex: 1 }}>
        {errorMessage(t, error)}
      </Text>
      <Button size="compact-sm" variant="light" color="red" loading={retrying} onClick={onRetry}>
        {t('actions.retry')}
      </Button>
    </Alert>
  );
}
