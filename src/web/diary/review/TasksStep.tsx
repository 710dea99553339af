// The review's first step: each of the day's open tasks done, moved to tomorrow or dropped.
import { Badge, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconArrowForwardUp, IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import type { Entry, TaskDecision } from '../api.ts';
import { CATEGORY_COLORS } from '../parts.tsx';

const DECISIONS: { value: TaskDecision; icon: typeof IconCheck; color: string }[] = [
  { value: 'done', icon: IconCheck, color: 'teal' },
  { value: 'move', icon: IconArrowForwardUp, color: 'blue' },
  { value: 'drop', icon: IconX, color: 'gray' },
];

export function TasksStep({
  tasks,
  doneCount,
  decisions,
  onDecide,
}: {
  tasks: Entry[];
  doneCount: number;
  decisions: Record<string, TaskDecision>;
  onDecide: (id: string, decision: TaskDecision) => void;
}) {
  const { t } = useTranslation('diary');
  const format = useFormat();
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {tasks.length ? t('review.tasks.intro') : t('review.tasks.none')}
      </Text>
      {doneCount > 0 && (
        <Text size="sm" c="teal.8" fw={600}>
          {t('review.tasks.doneAlready', { count: doneCount, formatted: format.number(doneCount) })}
        </Text>
      )}
      {tasks.map((task) => {
        const decision = decisions[task.id];
        return (
          <Card key={task.id} withBorder padding="sm" data-testid="review-task">
            <Group gap={6} mb={6} wrap="nowrap" justify="space-between">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {task.title}
              </Text>
              <Badge
                size="xs"
                variant="light"
                color={CATEGORY_COLORS[task.category ?? 'necessary']}
                style={{ flexShrink: 0 }}
              >
                {t(`category.${task.category ?? 'necessary'}`)}
              </Badge>
            </Group>
            <SegmentedControl<TaskDecision | ''>
              fullWidth
              size="sm"
              value={decision ?? ''}
              onChange={(v) => v && onDecide(task.id, v)}
              color={DECISIONS.find((d) => d.value === decision)?.color}
              aria-label={t('review.tasks.decide', { title: task.title })}
              data={DECISIONS.map((d) => ({
                value: d.value,
                label: (
                  <Group gap={4} wrap="nowrap" justify="center">
                    <d.icon size={14} />
                    <span>{t(`review.decision.${d.value}`)}</span>
                  </Group>
                ),
              }))}
            />
          </Card>
        );
      })}
    </Stack>
  );
}
