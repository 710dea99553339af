// One tap to note that I was in touch with a new member today: a call, a message or a meeting, with an
// optional note only I will read. Used on the board rows and on Today.
import { ActionIcon, Button, Popover, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMessageCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOWUP_LIMITS, TOUCHPOINT_KINDS, type TouchpointKind } from '../../core/followup/template.ts';
import { KIND_ICONS } from '../contacts/parts.tsx';
import { errorMessage } from '../ui/errors.ts';
import { KindLabel } from '../ui/KindPicker.tsx';
import { logTouchpoint, refreshFollowups } from './api.ts';

export function TouchpointButton({
  memberId,
  name,
  compact = false,
}: {
  memberId: string;
  name: string;
  /** An icon only (Today's rows); else a small button with its label. */
  compact?: boolean;
}) {
  const { t } = useTranslation('followup');
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [note, setNote] = useState('');
  const log = useMutation({
    mutationFn: (kind: TouchpointKind) => logTouchpoint(memberId, { kind, note: note.trim() || null }),
    onSuccess: (_, kind) => {
      refreshFollowups(queryClient);
      notifications.show({ color: 'teal', message: t(`touch.logged.${kind}`, { name }) });
      setOpened(false);
      setNote('');
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  const label = t('touch.aria', { name });

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      withArrow
      shadow="md"
      width={280}
      // No focus trap: on a phone a focused note field would open the keyboard before a kind is chosen.
      trapFocus={false}
      returnFocus
    >
      <Popover.Target>
        {compact ? (
          <ActionIcon
            variant="light"
            color="teal"
            size="lg"
            radius="xl"
            aria-label={label}
            onClick={() => setOpened((o) => !o)}
            data-testid="touchpoint-button"
          >
            <IconMessageCheck size={18} stroke={1.7} />
          </ActionIcon>
        ) : (
          <Button
            size="compact-sm"
            variant="light"
            color="teal"
            leftSection={<IconMessageCheck size={16} />}
            aria-label={label}
            onClick={() => setOpened((o) => !o)}
            data-testid="touchpoint-button"
          >
            {t('touch.button')}
          </Button>
        )}
      </Popover.Target>
      <Popover.Dropdown data-testid="touchpoint-menu">
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('touch.title', { name })}
          </Text>
          <TextInput
            size="sm"
            label={t('touch.note')}
            description={t('touch.noteHint')}
            maxLength={FOLLOWUP_LIMITS.note}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <SimpleGrid cols={3} spacing={6}>
            {TOUCHPOINT_KINDS.map((kind) => (
              <Button
                key={kind}
                variant="light"
                h="auto"
                py={6}
                px={4}
                loading={log.isPending && log.variables === kind}
                disabled={log.isPending && log.variables !== kind}
                onClick={() => log.mutate(kind)}
                aria-label={t(`touch.log.${kind}`)}
              >
                <KindLabel icon={KIND_ICONS[kind]} name={t(`kind.${kind}`)} />
              </Button>
            ))}
          </SimpleGrid>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
