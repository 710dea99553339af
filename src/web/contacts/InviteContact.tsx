// Inviting a contact to join: a personal partner or customer link with their name prefilled. Whoever
// joins through it is linked back to this contact, which then counts as joined.
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../accounts/hooks.ts';
import { api } from '../api.ts';
import { type Invitation, invitationsQueryKey, invitationUrl } from '../invitations/api.ts';
import { ShareLink } from '../invitations/ShareLink.tsx';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { CONTACTS_KEY, type Contact } from './api.ts';

export function InviteContact({ contact }: { contact: Contact }) {
  const { t } = useTranslation(['contacts', 'invitations']);
  const me = useMe();
  const format = useFormat();
  const queryClient = useQueryClient();
  const links = useQuery({
    queryKey: invitationsQueryKey,
    queryFn: () => api<Invitation[]>('/api/v1/invitations'),
    enabled: !!contact.invitationId,
  });
  const create = useMutation({
    mutationFn: (kind: 'partner' | 'customer') =>
      api<Invitation>(`/api/v1/contacts/${contact.id}/invitation`, {
        method: 'POST',
        body: { kind, expiresInDays: 30 },
      }),
    onSuccess: async (invitation) => {
      queryClient.setQueryData<Invitation[]>(invitationsQueryKey, (old) => [invitation, ...(old ?? [])]);
      // The server's list, too: the new link, and the earlier one for this contact closed by it.
      void queryClient.invalidateQueries({ queryKey: invitationsQueryKey });
      await queryClient.invalidateQueries({ queryKey: CONTACTS_KEY });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  const invitation =
    create.data ?? links.data?.find((l) => l.id === contact.invitationId && l.status === 'open') ?? null;
  const firstName = contact.name.split(/\s+/)[0] ?? contact.name;

  return (
    <Card withBorder padding="md" data-testid="invite-contact">
      <Title order={2} size="h5" mb={4}>
        {t('invite.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('invite.body', { name: firstName })}
      </Text>
      {invitation && (
        <Stack gap="xs" mb="sm">
          <Group gap="xs">
            <Badge variant="light" color={invitation.kind === 'partner' ? 'teal' : 'orange'}>
              {t(`invitations:link.kind.${invitation.kind}`)}
            </Badge>
            {invitation.expiresAt && (
              <Text size="xs" c="dimmed">
                {t('invitations:link.expires', { date: format.date(invitation.expiresAt) })}
              </Text>
            )}
          </Group>
          <Text
            size="sm"
            ff="monospace"
            style={{ wordBreak: 'break-all' }}
            data-testid="contact-invitation-url"
          >
            {invitationUrl(invitation)}
          </Text>
          <ShareLink
            url={invitationUrl(invitation)}
            title={t('invitations:share.title', { organization: me.organization.name })}
            message={t(`invite.message.${invitation.kind}`, {
              name: firstName,
              sponsor: me.user.name,
              organization: me.organization.name,
            })}
          />
        </Stack>
      )}
      <Group gap="xs">
        {(['partner', 'customer'] as const).map((kind) => (
          <Button
            key={kind}
            size="sm"
            variant={kind === 'partner' ? 'light' : 'default'}
            leftSection={<IconLink size={16} />}
            loading={create.isPending && create.variables === kind}
            onClick={() => create.mutate(kind)}
          >
            {invitation ? t(`invite.new.${kind}`) : t(`invite.create.${kind}`)}
          </Button>
        ))}
      </Group>
    </Card>
  );
}
