// The annual goal above the whole cascade: the goal in a sentence, the income wanted and the reason why.
// The member writes it in a dialog; their upline only reads it.
import { Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPencil, IconTrophy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/format.ts';
import { LoadError } from '../ui/PageStates.tsx';
import { currentGoalQuery } from './api.ts';
import { GoalForm } from './GoalForm.tsx';

export function GoalCard({ memberId }: { memberId?: string }) {
  const { t } = useTranslation('plans');
  const format = useFormat();
  const phone = useMediaQuery('(max-width: 48em)');
  const [editing, setEditing] = useState(false);
  const query = useQuery(currentGoalQuery(memberId));
  if (query.isError)
    return (
      <LoadError
        title={t('goal.write')}
        error={query.error}
        retrying={query.isFetching}
        onRetry={() => void query.refetch()}
      />
    );
  if (!query.data) return null;
  const page = query.data;
  const { goal } = page;
  const title = goal ? t('goal.title', { period: format.period(goal.start, goal.end) }) : t('goal.write');

  return (
    <Card withBorder padding="md" data-testid="goal-card">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <IconTrophy size={20} color="var(--mantine-color-yellow-7)" aria-hidden />
            <Title order={2} size="h4">
              {title}
            </Title>
          </Group>
          {page.canEdit && goal && (
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconPencil size={14} />}
              onClick={() => setEditing(true)}
              data-testid="goal-edit"
            >
              {t('edit')}
            </Button>
          )}
        </Group>
        {goal ? (
          <>
            <Text fw={600} size="lg" style={{ overflowWrap: 'anywhere' }} data-testid="goal-statement">
              {goal.statement}
            </Text>
            {goal.income && (
              <Text size="sm">
                <Text span c="dimmed">
                  {t('goal.incomeLabel')}
                </Text>{' '}
                {goal.income}
              </Text>
            )}
            {goal.reason && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                <Text span c="dimmed">
                  {t('goal.reasonLabel')}
                </Text>{' '}
                {goal.reason}
              </Text>
            )}
          </>
        ) : page.canEdit ? (
          <>
            <Text size="sm" c="dimmed">
              {t('goal.none')}
            </Text>
            <Button
              style={{ alignSelf: 'flex-start' }}
              onClick={() => setEditing(true)}
              data-testid="goal-write"
            >
              {t('goal.write')}
            </Button>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('goal.noneOther', { name: page.member.name })}
          </Text>
        )}
      </Stack>
      <Modal opened={editing} onClose={() => setEditing(false)} title={title} fullScreen={phone} size="lg">
        {editing && <GoalForm page={page} onDone={() => setEditing(false)} />}
      </Modal>
    </Card>
  );
}
