import { Button, Group, SegmentedControl, SimpleGrid, Stack, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../accounts/hooks.ts';
import { InvitationsPanel } from '../invitations/InvitationsPanel.tsx';
import { memberPageQuery } from './api.ts';
import { CountCard } from './CountCard.tsx';
import { DownlineTable } from './DownlineTable.tsx';
import { MemberFormDialog } from './MemberFormDialog.tsx';
import { EmptyTree, StructureTree } from './tree/StructureTree.tsx';

const route = getRouteApi('/app/structure');

export default function StructurePage() {
  const { t } = useTranslation('structure');
  const me = useMe();
  const { view = 'tree' } = route.useSearch();
  const navigate = useNavigate();
  const { data: page } = useSuspenseQuery(memberPageQuery(me.member.id));
  const [adding, setAdding] = useState(false);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Button leftSection={<IconUserPlus size={18} />} variant="light" onClick={() => setAdding(true)}>
          {t('add.button')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <CountCard label={t('counts.downline')} value={page.counts.downline} testId="count-downline" />
        <CountCard label={t('counts.frontline')} value={page.counts.frontline} />
        <CountCard label={t('counts.partner')} value={page.counts.partner} />
        <CountCard label={t('counts.customer')} value={page.counts.customer} />
      </SimpleGrid>
      <SegmentedControl
        value={view}
        onChange={(value) =>
          navigate({ to: '/structure', search: { view: value as 'tree' | 'table' | 'invitations' } })
        }
        data={[
          { value: 'tree', label: t('views.tree') },
          { value: 'table', label: t('views.table') },
          { value: 'invitations', label: t('views.invitations') },
        ]}
      />
      {view === 'tree' && (
        <StructureTree
          root={{
            id: page.member.id,
            name: page.member.name,
            kind: page.member.kind,
            status: page.member.status,
            joinedOn: page.member.joinedOn,
            frontline: page.counts.frontline,
          }}
        />
      )}
      {view === 'table' &&
        (page.counts.downline === 0 ? <EmptyTree /> : <DownlineTable rootId={page.member.id} />)}
      {view === 'invitations' && <InvitationsPanel />}
      {adding && (
        <MemberFormDialog
          opened
          onClose={() => setAdding(false)}
          mode={{ kind: 'add', sponsor: page.member }}
        />
      )}
    </Stack>
  );
}
