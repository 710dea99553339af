// Keeping in touch with a new member: logging a call, a message or a meeting (today unless another day is
// picked), and the list of them — everyone in the upline sees when and who, only the author the note.
import {
  Button,
  Card,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOWUP_LIMITS, TOUCHPOINT_KINDS, type TouchpointKind } from '../../core/followup/template.ts';
import { localToday } from '../contacts/api.ts';
import { KIND_ICONS, useDay } from '../contacts/parts.tsx';
import { useToday } from '../contacts/useToday.ts';
import { ConfirmRemove } from '../ui/ConfirmRemove.tsx';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { KindPicker } from '../ui/KindPicker.tsx';
import { deleteTouchpoint, type Followup, logTouchpoint, refreshFollowups } from './api.ts';

export function LogTouchpoint({ followup }: { followup: Followup }) {
  const { t } = useTranslation('followup');
  const queryClient = useQueryClient();
  const today = useToday();
  const [kind, setKind] = useState<TouchpointKind>('call');
  // Null until a date is picked, meaning today: it moves on at midnight and is taken when saving.
  const [pickedOn, setPickedOn] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const log = useMutation({
    mutationFn: () =>
      logTouchpoint(followup.member.id, { kind, on: pickedOn || localToday(), note: note.trim() || null }),
    onSuccess: () => {
      refreshFollowups(queryClient);
      notifications.show({
        color: 'teal',
        message: t(`touch.logged.${kind}`, { name: followup.member.name }),
      });
      setKind('call');
      setPickedOn(null);
      setNote('');
      setErrors({});
    },
    onError: (error) => {
      setErrors(fieldErrors(t, error));
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });

  return (
    <Card withBorder padding="md" data-testid="log-touchpoint">
      <Title order={2} size="h5" mb="sm">
        {t('touchpoints.log')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          log.mutate();
        }}
      >
        <Stack gap="sm">
          <KindPicker
            kinds={TOUCHPOINT_KINDS}
            icons={KIND_ICONS}
            value={kind}
            onChange={setKind}
            label={t('touchpoints.kind')}
            name={(k) => t(`kind.${k}`)}
          />
          <TextInput
            type="date"
            label={t('touchpoints.date')}
            value={pickedOn ?? today}
            max={today}
            error={errors.on}
            onChange={(e) => setPickedOn(e.currentTarget.value)}
            maw={220}
          />
          <Textarea
            label={t('touchpoints.note')}
            description={t('touch.noteHint')}
            autosize
            minRows={2}
            maxLength={FOLLOWUP_LIMITS.note}
            error={errors.note}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={log.isPending}>
              {t('touchpoints.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function TouchpointList({ followup }: { followup: Followup }) {
  const { t } = useTranslation('followup');
  const day = useDay();
  const format = useFormat();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => deleteTouchpoint(followup.member.id, id),
    onSuccess: () => refreshFollowups(queryClient),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  // Newest first; the server's order holds within a day.
  const touchpoints = [...followup.touchpoints].sort((a, b) => b.on.localeCompare(a.on));

  return (
    <Card withBorder padding="md" data-testid="touchpoints">
      <Title order={2} size="h5" mb="sm">
        {t('touchpoints.title', { count: touchpoints.length, formatted: format.number(touchpoints.length) })}
      </Title>
      {touchpoints.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('touchpoints.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={28} lineWidth={2}>
          {touchpoints.map((entry) => {
            const Icon = KIND_ICONS[entry.kind];
            return (
              <Timeline.Item
                key={entry.id}
                bullet={
                  <ThemeIcon size={28} radius="xl" variant="light" color="teal">
                    <Icon size={16} />
                  </ThemeIcon>
                }
                data-testid="touchpoint"
              >
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Text fw={600} size="sm">
                      {t(`kind.${entry.kind}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {day(entry.on, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })}
                      {' · '}
                      {entry.mine ? t('touchpoints.byYou') : t('touchpoints.by', { name: entry.by.name })}
                    </Text>
                  </div>
                  {entry.mine && (
                    <ConfirmRemove
                      label={t('touchpoints.remove')}
                      question={t('touchpoints.removeConfirm')}
                      loading={remove.isPending && remove.variables === entry.id}
                      onRemove={() => remove.mutate(entry.id)}
                    />
                  )}
                </Group>
                {entry.note && (
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {entry.note}
                  </Text>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Card>
  );
}
