// Small pieces the training pages share: when and where a training is, its format, the register button
// and the "interested in development" mark.
import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMapPin, IconSchool, IconTrendingUp, IconVideo } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { refreshTrainings, setRegistration, type Training, type TrainingFormat } from './api.ts';

/** A training's day and start time in the reader's language (dates carry no time zone: shown as written). */
export function useWhen() {
  const format = useFormat();
  return {
    day: (heldOn: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'full' }) =>
      format.date(`${heldOn}T00:00:00Z`, { ...options, timeZone: 'UTC' }),
    time: (startsAt: string) =>
      format.date(`1970-01-01T${startsAt}:00Z`, { timeStyle: 'short', timeZone: 'UTC' }),
  };
}

/** "Friday, 20 March 2026 · 18:30". */
export function When({
  training,
  size = 'sm',
  dateStyle = 'full',
}: {
  training: Pick<Training, 'heldOn' | 'startsAt'>;
  size?: 'xs' | 'sm' | 'md';
  dateStyle?: 'full' | 'medium';
}) {
  const when = useWhen();
  return (
    <Text size={size} fw={600} data-testid="training-when">
      {[when.day(training.heldOn, { dateStyle }), training.startsAt ? when.time(training.startsAt) : null]
        .filter(Boolean)
        .join(' · ')}
    </Text>
  );
}

export function FormatBadge({ format }: { format: TrainingFormat }) {
  const { t } = useTranslation('trainings');
  const Icon = format === 'online' ? IconVideo : IconSchool;
  return (
    <Badge
      variant="light"
      color={format === 'online' ? 'grape' : 'blue'}
      leftSection={<Icon size={12} />}
      data-testid="training-format"
    >
      {t(`format.${format}`)}
    </Badge>
  );
}

/** The place of an offline training, or the link of an online one (opened in a new tab). */
export function Venue({ training, size = 'sm' }: { training: Training; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation('trainings');
  if (training.format === 'online' && training.link) {
    let host = training.link;
    try {
      host = new URL(training.link).host;
    } catch {
      // Shown as it is.
    }
    return (
      <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
        <IconVideo size={14} style={{ flexShrink: 0 }} aria-hidden />
        <Anchor
          href={training.link}
          target="_blank"
          rel="noopener noreferrer"
          size={size}
          style={{ overflowWrap: 'anywhere' }}
          aria-label={t('venue.openLink', { host })}
          data-testid="training-link"
        >
          {host}
        </Anchor>
      </Group>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
      <IconMapPin size={14} style={{ flexShrink: 0 }} aria-label={t('fields.place')} />
      <Text size={size} style={{ overflowWrap: 'anywhere' }} data-testid="training-place">
        {training.place}
      </Text>
    </Group>
  );
}

export function InterestBadge() {
  const { t } = useTranslation('trainings');
  return (
    <Badge
      size="sm"
      variant="light"
      color="teal"
      leftSection={<IconTrendingUp size={12} />}
      data-testid="interest-badge"
      style={{ flexShrink: 0 }}
    >
      {t('interest.badge')}
    </Badge>
  );
}

/** My own state at a training: attended, registered, or a cancelled training. */
export function MyState({ training }: { training: Training }) {
  const { t } = useTranslation('trainings');
  if (training.cancelled)
    return (
      <Badge color="red" variant="light" data-testid="training-state" data-state="cancelled">
        {t('state.cancelled')}
      </Badge>
    );
  if (training.me.attended)
    return (
      <Badge color="teal" variant="filled" data-testid="training-state" data-state="attended">
        {t('state.attended')}
      </Badge>
    );
  if (training.me.registered)
    return (
      <Badge color="teal" variant="light" data-testid="training-state" data-state="registered">
        {t('state.registered')}
      </Badge>
    );
  return null;
}

/** Register myself, or take it back; only for a training that is neither cancelled nor over. */
export function RegisterButton({
  training,
  today,
  size = 'sm',
}: {
  training: Training;
  today: string;
  size?: 'compact-sm' | 'sm' | 'md';
}) {
  const { t } = useTranslation(['trainings', 'errors']);
  const queryClient = useQueryClient();
  const registered = training.me.registered;
  const save = useMutation({
    mutationFn: () => setRegistration(training.id, !registered),
    onSuccess: (page) => {
      refreshTrainings(queryClient, page);
      notifications.show({
        color: 'teal',
        message: t(registered ? 'register.undone' : 'register.done', { topic: training.topic }),
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  if (training.cancelled || training.heldOn < today || training.me.attended) return null;
  return (
    <Button
      size={size}
      variant={registered ? 'default' : 'filled'}
      loading={save.isPending}
      onClick={() => save.mutate()}
      aria-label={t(registered ? 'register.undoAria' : 'register.aria', { topic: training.topic })}
      data-testid={registered ? 'unregister' : 'register'}
    >
      {t(registered ? 'register.undo' : 'register.action')}
    </Button>
  );
}
