// For someone added by hand: a one-time link that gives them their own account in the same place.
import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../accounts/hooks.ts';
import { api } from '../api.ts';
import type { Member } from '../structure/api.ts';
import { errorMessage } from '../ui/errors.ts';
import { type Invitation, invitationUrl } from './api.ts';
import { ShareLink } from './ShareLink.tsx';

export function InviteExistingMember({ member }: { member: Member }) {
  const { t } = useTranslation('invitations');
  const me = useMe();
  const create = useMutation({
    mutationFn: () =>
      api<Invitation>('/api/v1/invitations', { method: 'POST', body: { memberId: member.id } }),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb={4}>
        {t('existing.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('existing.body', { name: member.name })}
      </Text>
      {create.data ? (
        <Stack gap="xs">
          <Text size="sm" style={{ wordBreak: 'break-all' }} data-testid="existing-invitation-link">
            {invitationUrl(create.data)}
          </Text>
          <ShareLink
            url={invitationUrl(create.data)}
            title={t('share.title', { organization: me.organization.name })}
            message={t('existing.message', { name: member.name, organization: me.organization.name })}
          />
        </Stack>
      ) : (
        <Button
          variant="light"
          leftSection={<IconLink size={16} />}
          loading={create.isPending}
          onClick={() => create.mutate()}
        >
          {t('existing.create')}
        </Button>
      )}
    </Card>
  );
}
