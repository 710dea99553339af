// Admins move a member with their whole downline under another sponsor.
import { Alert, Button, Group, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../accounts/hooks.ts';
import { api } from '../api.ts';
import { errorMessage } from '../ui/errors.ts';
import { type Member, searchDownline } from './api.ts';

export function MoveDialog({
  opened,
  onClose,
  member,
}: {
  opened: boolean;
  onClose: () => void;
  member: Member;
}) {
  const { t } = useTranslation(['structure', 'common']);
  const me = useMe();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [target, setTarget] = useState<{ id: string; name: string } | null>(null);
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const results = useQuery({
    queryKey: ['move-search', debounced],
    queryFn: () => searchDownline(me.member.id, debounced, 10),
    enabled: debounced.length >= 2,
  });
  const move = useMutation({
    mutationFn: (sponsorId: string) =>
      api<Member>(`/api/v1/members/${member.id}/move`, { method: 'POST', body: { sponsorId } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      notifications.show({
        color: 'teal',
        message: t('move.done', { name: member.name, sponsor: target?.name }),
      });
      setTarget(null);
      setQ('');
      onClose();
    },
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('move.title', { name: member.name })}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('move.body')}
        </Text>
        <TextInput
          label={t('move.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setTarget(null);
          }}
          data-autofocus
        />
        {(results.data?.rows ?? [])
          .filter((r) => r.member.id !== member.id)
          .map((r) => (
            <UnstyledButton
              key={r.member.id}
              onClick={() => setTarget({ id: r.member.id, name: r.member.name })}
              p="xs"
              style={{
                borderRadius: 8,
                background: target?.id === r.member.id ? 'var(--mantine-color-teal-0)' : undefined,
              }}
            >
              <Text fw={600}>{r.member.name}</Text>
              <Text size="xs" c="dimmed">
                {[r.member.city, ...r.trail.map((x) => x.name)].filter(Boolean).join(' · ')}
              </Text>
            </UnstyledButton>
          ))}
        {move.isError && <Alert color="red">{errorMessage(t, move.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            disabled={!target}
            loading={move.isPending}
            onClick={() => target && move.mutate(target.id)}
          >
            {target ? t('move.submit', { sponsor: target.name }) : t('move.choose')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
