// Sharing one contact with my sponsor, e.g. to prepare a 2+1 meeting together: they can read it, never
// change it, and it stops the moment I switch it off.
import { Card, Group, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserShare } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../accounts/hooks.ts';
import { api } from '../api.ts';
import { memberPageQuery } from '../structure/api.ts';
import { errorMessage } from '../ui/errors.ts';
import { CONTACTS_KEY, type Contact } from './api.ts';

export function ShareWithSponsor({ contact }: { contact: Contact }) {
  const { t } = useTranslation('contacts');
  const me = useMe();
  const queryClient = useQueryClient();
  const mine = useQuery(memberPageQuery(me.member.id));
  const sponsor = mine.data?.upline.at(-1) ?? null;
  // The switch follows the tap at once; the server's answer confirms or turns it back.
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  const share = useMutation({
    mutationFn: (shared: boolean) =>
      api<Contact>(`/api/v1/contacts/${contact.id}/share`, { method: 'PUT', body: { shared } }),
    onSuccess: async (updated) => {
      await queryClient.invalidateQueries({ queryKey: CONTACTS_KEY });
      notifications.show({
        color: 'teal',
        message: updated.shared ? t('share.done', { sponsor: sponsor?.name }) : t('share.undone'),
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    onSettled: () => setOptimistic(null),
  });
  // Known once my own page has loaded; the root of the organization has nobody to share with.
  if (!sponsor) return null;

  return (
    <Card withBorder padding="md" data-testid="share-with-sponsor">
      <Group gap="xs" mb={6} wrap="nowrap">
        <IconUserShare size={18} />
        <Title order={2} size="h5">
          {t('share.title')}
        </Title>
      </Group>
      <Switch
        checked={optimistic ?? contact.shared}
        disabled={share.isPending}
        onChange={(e) => {
          const shared = e.currentTarget.checked;
          setOptimistic(shared);
          share.mutate(shared);
        }}
        label={t('share.label', { sponsor: sponsor.name })}
        size="md"
      />
      <Text size="sm" c="dimmed" mt="xs">
        {contact.shared
          ? t('share.onBody', { sponsor: sponsor.name })
          : t('share.offBody', { sponsor: sponsor.name })}
      </Text>
    </Card>
  );
}
