// The review's last step: tomorrow's plan (what is already there, the tasks moving to it, what was just
// planned) and a form for one more.
import { ActionIcon, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconArrowForwardUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dayQuery, type Entry, type PlanItem } from '../api.ts';
import { CATEGORY_COLORS } from '../parts.tsx';
import { EntryLine } from '../WeekView.tsx';
import { PlanForm } from './PlanForm.tsx';
import type { Planned } from './useReview.ts';

function PlannedLine({ item, onRemove }: { item: Planned; onRemove: (key: number) => void }) {
  const { t } = useTranslation('diary');
  return (
    <Group gap={6} wrap="nowrap" justify="space-between" data-testid="planned-item">
      <Group gap={6} wrap="nowrap" miw={0}>
        <IconPlus size={14} color="var(--mantine-color-teal-7)" style={{ flexShrink: 0 }} />
        {item.kind === 'event' && (
          <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
            {item.startsAt}
          </Text>
        )}
        <Text size="sm" truncate>
          {item.title}
        </Text>
        <Badge
          size="xs"
          variant="light"
          style={{ flexShrink: 0 }}
          color={item.kind === 'task' ? CATEGORY_COLORS[item.category ?? 'necessary'] : 'blue'}
        >
          {item.kind === 'task'
            ? t(`category.${item.category ?? 'necessary'}`)
            : t(`eventType.${item.eventType}`)}
        </Badge>
      </Group>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={t('review.plan.remove', { title: item.title })}
        onClick={() => onRemove(item.key)}
      >
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

export function PlanStep({
  tomorrow,
  moving,
  planned,
  onAdd,
  onRemove,
}: {
  tomorrow: string;
  moving: Entry[];
  planned: Planned[];
  onAdd: (item: PlanItem) => void;
  onRemove: (key: number) => void;
}) {
  const { t } = useTranslation('diary');
  const existing = useQuery(dayQuery(tomorrow));
  const already = existing.data?.entries.filter((e) => e.kind !== 'task' || e.state === 'open') ?? [];
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('review.plan.intro')}
      </Text>
      {(already.length > 0 || moving.length > 0 || planned.length > 0) && (
        <Card withBorder padding="sm" data-testid="tomorrow-plan">
          <Stack gap={4}>
            {already.map((e) => (
              <EntryLine key={e.id} entry={e} />
            ))}
            {moving.map((task) => (
              <Group key={task.id} gap={6} wrap="nowrap">
                <IconArrowForwardUp size={14} color="var(--mantine-color-blue-6)" style={{ flexShrink: 0 }} />
                <Text size="sm" truncate>
                  {task.title}
                </Text>
                <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                  {t('review.plan.moved')}
                </Text>
              </Group>
            ))}
            {planned.map((item) => (
              <PlannedLine key={item.key} item={item} onRemove={onRemove} />
            ))}
          </Stack>
        </Card>
      )}
      <PlanForm onAdd={onAdd} />
    </Stack>
  );
}
