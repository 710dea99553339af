// The diary in the phone's calendar: a secret iCalendar link of my own, to copy or open as webcal://,
// with short steps for Google, Apple and Outlook; renewing it stops the old link, withdrawing ends it.
import {
  Accordion,
  Alert,
  Button,
  CopyButton,
  Drawer,
  Group,
  List,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconBrandApple,
  IconBrandGoogle,
  IconBrandWindows,
  IconCalendarPlus,
  IconCheck,
  IconCopy,
  IconLock,
  IconRefresh,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { Confirm } from '../ui/Confirm.tsx';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { type Feed, feedQuery } from './api.ts';

const STEPS = { google: 3, apple: 3, outlook: 3 } as const;
const ICONS = { google: IconBrandGoogle, apple: IconBrandApple, outlook: IconBrandWindows };

function FeedLink({ feed }: { feed: Feed & { path: string } }) {
  const { t } = useTranslation('diary');
  const format = useFormat();
  const url = `${window.location.origin}${feed.path}`;
  const webcal = url.replace(/^https?:\/\//, 'webcal://');
  return (
    <Stack gap="sm">
      <TextInput
        label={t('feed.link')}
        value={url}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
        data-testid="feed-url"
        description={feed.createdAt ? t('feed.since', { date: format.date(feed.createdAt) }) : undefined}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'filled' : 'light'}
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              onClick={copy}
            >
              {copied ? t('feed.copied') : t('feed.copy')}
            </Button>
          )}
        </CopyButton>
        <Button
          component="a"
          href={webcal}
          leftSection={<IconCalendarPlus size={16} />}
          data-testid="feed-webcal"
        >
          {t('feed.subscribe')}
        </Button>
      </SimpleGrid>
      <Accordion variant="separated" chevronPosition="right">
        {(['google', 'apple', 'outlook'] as const).map((app) => {
          const Icon = ICONS[app];
          return (
            <Accordion.Item key={app} value={app}>
              <Accordion.Control icon={<Icon size={18} />}>{t(`feed.how.${app}.title`)}</Accordion.Control>
              <Accordion.Panel>
                <List type="ordered" size="sm" spacing={4}>
                  {Array.from({ length: STEPS[app] }, (_, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the steps are fixed texts in order
                    <List.Item key={i}>{t(`feed.how.${app}.${i + 1}`)}</List.Item>
                  ))}
                </List>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      <Text size="xs" c="dimmed">
        {t('feed.delay')}
      </Text>
    </Stack>
  );
}

export function FeedSettings({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['diary', 'common']);
  const phone = useMediaQuery('(max-width: 36em)', undefined, { getInitialValueInEffect: false });
  const queryClient = useQueryClient();
  const feed = useQuery({ ...feedQuery, enabled: opened });
  const [confirm, setConfirm] = useState<'renew' | 'withdraw' | null>(null);
  const renew = useMutation({
    mutationFn: () => api<Feed>('/api/v1/diary/feed', { method: 'POST' }),
    onSuccess: (data, _v) => {
      const hadOne = !!feed.data?.path;
      queryClient.setQueryData(feedQuery.queryKey, data);
      notifications.show({ color: 'teal', message: hadOne ? t('feed.renewed') : t('feed.created') });
      setConfirm(null);
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  const withdraw = useMutation({
    mutationFn: () => api('/api/v1/diary/feed', { method: 'DELETE' }),
    onSuccess: () => {
      queryClient.setQueryData<Feed>(feedQuery.queryKey, { path: null, createdAt: null });
      notifications.show({ color: 'teal', message: t('feed.withdrawn') });
      setConfirm(null);
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  const data = feed.data;

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position={phone ? 'bottom' : 'right'}
      size={phone ? '92%' : 'md'}
      title={t('feed.title')}
      data-testid="feed-settings"
    >
      <Stack gap="md">
        <Text size="sm">{t('feed.intro')}</Text>
        <Alert color="gray" variant="light" icon={<IconLock />} p="xs">
          <Text size="xs">{t('feed.secret')}</Text>
        </Alert>
        {feed.isError && <Text c="red">{errorMessage(t, feed.error)}</Text>}
        {feed.isPending && <Loader mx="auto" />}
        {data && !data.path && (
          <Button
            leftSection={<IconCalendarPlus size={18} />}
            loading={renew.isPending}
            onClick={() => renew.mutate()}
            data-testid="feed-create"
          >
            {t('feed.create')}
          </Button>
        )}
        {data?.path && (
          <>
            <FeedLink feed={{ ...data, path: data.path }} />
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconRefresh size={16} />}
                onClick={() => setConfirm('renew')}
              >
                {t('feed.renew')}
              </Button>
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => setConfirm('withdraw')}
              >
                {t('feed.withdraw')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      <Confirm
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === 'renew' ? t('feed.renewTitle') : t('feed.withdrawTitle')}
        body={confirm === 'renew' ? t('feed.renewBody') : t('feed.withdrawBody')}
        confirm={confirm === 'renew' ? t('feed.renew') : t('feed.withdraw')}
        loading={renew.isPending || withdraw.isPending}
        onConfirm={() => (confirm === 'renew' ? renew.mutate() : withdraw.mutate())}
        danger={confirm !== 'renew'}
      />
    </Drawer>
  );
}
