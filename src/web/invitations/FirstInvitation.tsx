// Where a structure is still empty: the newest open link to share, and the buttons that make one.
import { Button, Group, Stack } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { InvitationCard, useCreateInvitation, useMyInvitations } from './InvitationsPanel.tsx';

export function FirstInvitation() {
  const { t } = useTranslation('invitations');
  const links = useMyInvitations();
  const create = useCreateInvitation();
  const newest = links.data?.find((l) => l.status === 'open');
  return (
    <Stack gap="sm" w="100%" maw={520} ta="left" data-testid="first-invitation">
      {newest && <InvitationCard invitation={newest} />}
      <Group justify="center" gap="sm">
        <Button
          leftSection={<IconLink size={16} />}
          variant={newest ? 'light' : 'filled'}
          loading={create.isPending && create.variables === 'partner'}
          onClick={() => create.mutate('partner')}
        >
          {t('panel.newPartner')}
        </Button>
        <Button
          leftSection={<IconLink size={16} />}
          variant="light"
          loading={create.isPending && create.variables === 'customer'}
          onClick={() => create.mutate('customer')}
        >
          {t('panel.newCustomer')}
        </Button>
      </Group>
    </Stack>
  );
}
