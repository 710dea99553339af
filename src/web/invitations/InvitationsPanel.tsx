// My invitation links: make one (partner or customer, with optional expiry and uses), share it, withdraw it.
import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../accounts/hooks.ts';
import { api } from '../api.ts';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { type Invitation, invitationsQueryKey, invitationUrl } from './api.ts';
import { ShareLink } from './ShareLink.tsx';

const STATUS_COLORS = { open: 'teal', expired: 'gray', revoked: 'red', used_up: 'gray' } as const;

export function InvitationCard({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation(['invitations', 'structure']);
  const format = useFormat();
  const me = useMe();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () =>
      api<Invitation>(`/api/v1/invitations/${invitation.id}/revoke`, { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  const open = invitation.status === 'open';
  const details = [
    invitation.maxUses
      ? t('link.usesOf', { count: invitation.uses, max: invitation.maxUses })
      : t('link.uses', { count: invitation.uses }),
    invitation.expiresAt
      ? t('link.expires', { date: format.date(invitation.expiresAt) })
      : t('link.noExpiry'),
    invitation.name,
  ].filter(Boolean);

  return (
    <Card withBorder padding="sm" data-testid="invitation-card">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Badge variant="light" color={invitation.kind === 'partner' ? 'teal' : 'orange'}>
              {t(`link.kind.${invitation.kind}`)}
            </Badge>
            <Badge variant="outline" color={STATUS_COLORS[invitation.status]}>
              {t(`link.status.${invitation.status}`)}
            </Badge>
          </Group>
          {open && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={14} />}
              loading={revoke.isPending}
              onClick={() => revoke.mutate()}
            >
              {t('link.revoke')}
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {details.join(' · ')}
        </Text>
        {open && (
          <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="invitation-url">
            {invitationUrl(invitation)}
          </Text>
        )}
        {open && (
          <ShareLink
            url={invitationUrl(invitation)}
            title={t('share.title', { organization: me.organization.name })}
            message={t(`share.message.${invitation.kind}`, {
              organization: me.organization.name,
              name: me.user.name,
            })}
          />
        )}
      </Stack>
    </Card>
  );
}

/** My invitation links, newest first. */
export const useMyInvitations = () =>
  useQuery({
    queryKey: invitationsQueryKey,
    queryFn: () => api<Invitation[]>('/api/v1/invitations'),
  });

/** Makes one of my links (partner or customer) with the given limits; the list is read again. */
export function useCreateInvitation(limits: { expiresInDays?: number; maxUses?: number } = {}) {
  const { t } = useTranslation('invitations');
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kind: 'partner' | 'customer') =>
      api<Invitation>('/api/v1/invitations', { method: 'POST', body: { kind, ...limits } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
}

export function InvitationsPanel() {
  const { t } = useTranslation('invitations');
  const [expiresInDays, setExpiresInDays] = useState<string>('');
  const [maxUses, setMaxUses] = useState<number | ''>('');
  const links = useMyInvitations();
  const create = useCreateInvitation({
    ...(expiresInDays ? { expiresInDays: Number(expiresInDays) } : {}),
    ...(maxUses ? { maxUses } : {}),
  });
  const open = links.data?.filter((l) => l.status === 'open') ?? [];
  const closed = links.data?.filter((l) => l.status !== 'open') ?? [];

  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Title order={2} size="h5" mb={4}>
          {t('panel.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('panel.body')}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('panel.expires')}
            value={expiresInDays}
            onChange={(v) => setExpiresInDays(v ?? '')}
            data={[
              { value: '', label: t('panel.never') },
              ...[7, 30, 90].map((d) => ({ value: String(d), label: t('panel.days', { count: d }) })),
            ]}
          />
          <NumberInput
            label={t('panel.maxUses')}
            placeholder={t('panel.unlimited')}
            min={1}
            value={maxUses}
            onChange={(v) => setMaxUses(typeof v === 'number' ? v : '')}
          />
          <Button
            mt="auto"
            leftSection={<IconLink size={16} />}
            loading={create.isPending && create.variables === 'partner'}
            onClick={() => create.mutate('partner')}
          >
            {t('panel.newPartner')}
          </Button>
          <Button
            mt="auto"
            variant="light"
            leftSection={<IconLink size={16} />}
            loading={create.isPending && create.variables === 'customer'}
            onClick={() => create.mutate('customer')}
          >
            {t('panel.newCustomer')}
          </Button>
        </SimpleGrid>
      </Card>
      {links.isError && <Text c="red">{errorMessage(t, links.error)}</Text>}
      {links.data && open.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('panel.none')}
        </Text>
      )}
      {open.map((l) => (
        <InvitationCard key={l.id} invitation={l} />
      ))}
      {closed.length > 0 && (
        <>
          <Title order={3} size="h6" c="dimmed">
            {t('panel.closed')}
          </Title>
          {closed.map((l) => (
            <InvitationCard key={l.id} invitation={l} />
          ))}
        </>
      )}
    </Stack>
  );
}
