// Everything that happened with a contact, newest first: kind, date, outcome, note, and the stage and
// follow-up it set. The owner can remove an entry logged by mistake.
import { Badge, Card, Group, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { ConfirmRemove } from '../ui/ConfirmRemove.tsx';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { CONTACTS_KEY, type Interaction } from './api.ts';
import { KIND_ICONS, useDay } from './parts.tsx';
import { StageBadge } from './stage.tsx';

export function InteractionLog({
  contactId,
  interactions,
  canEdit,
}: {
  contactId: string;
  interactions: Interaction[];
  canEdit: boolean;
}) {
  const { t } = useTranslation('contacts');
  const day = useDay();
  const format = useFormat();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/v1/contacts/${contactId}/interactions/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CONTACTS_KEY }),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  const sorted = [...interactions].sort(
    (a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.createdAt.localeCompare(a.createdAt),
  );

  return (
    <Card withBorder padding="md" data-testid="interaction-log">
      <Title order={2} size="h5" mb="sm">
        {t('history.title', { count: interactions.length, formatted: format.number(interactions.length) })}
      </Title>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('history.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={28} lineWidth={2}>
          {sorted.map((entry) => {
            const Icon = KIND_ICONS[entry.kind];
            return (
              <Timeline.Item
                key={entry.id}
                bullet={
                  <ThemeIcon size={28} radius="xl" variant="light">
                    <Icon size={16} />
                  </ThemeIcon>
                }
                data-testid="interaction"
              >
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Group gap={6}>
                      <Text fw={600} size="sm">
                        {t(`kind.${entry.kind}`)}
                      </Text>
                      {entry.outcome && (
                        <Badge size="xs" variant="outline" color="gray">
                          {t(`outcome.${entry.outcome}`)}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {day(entry.occurredOn, {
                        weekday: 'short',
                        day: 'numeric',
                        month: 'short',
                        year: 'numeric',
                      })}
                    </Text>
                  </div>
                  {canEdit && (
                    <ConfirmRemove
                      label={t('history.remove')}
                      question={t('history.removeConfirm')}
                      loading={remove.isPending && remove.variables === entry.id}
                      onRemove={() => remove.mutate(entry.id)}
                    />
                  )}
                </Group>
                {entry.note && (
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                    {entry.note}
                  </Text>
                )}
                {(entry.stage || entry.nextFollowUpOn) && (
                  <Group gap={6} mt={4}>
                    {entry.stage && (
                      <>
                        <Text size="xs" c="dimmed">
                          {t('history.movedTo')}
                        </Text>
                        <StageBadge stage={entry.stage} size="xs" />
                      </>
                    )}
                    {entry.nextFollowUpOn && (
                      <Text size="xs" c="dimmed">
                        {t('history.followUp', { date: day(entry.nextFollowUpOn) })}
                      </Text>
                    )}
                  </Group>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Card>
  );
}
