// The review's last step: tomorrow's plan (what is already there, the tasks moving to it, what was just
// planned) and a form for one more; then tomorrow's day plan — how many calls, invitations… — starting
// from the day plan as it is or the proposal from the week's plan.
import { ActionIcon, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowForwardUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PlanPage } from '../../plans/api.ts';
import { type DraftItem, PlanItemsEditor } from '../../plans/PlanItemsEditor.tsx';
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
        <Text size="sm" miw={0} style={{ overflowWrap: 'anywhere' }}>
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

export interface DayPlanDraft {
  /** Tomorrow's plan page (absent while it loads or if it did not). */
  page: PlanPage | undefined;
  items: DraftItem[];
  onChange: (items: DraftItem[]) => void;
  errors: Record<string, string>;
}

function DayPlanCard({ dayPlan }: { dayPlan: DayPlanDraft }) {
  const { t } = useTranslation('plans');
  const { page } = dayPlan;
  if (!page?.canEdit) return null;
  return (
    <Card withBorder padding="sm" data-testid="review-day-plan">
      <Title order={3} size="h5">
        {t('review.dayPlan')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {page.plan
          ? t('review.dayPlanExisting')
          : page.proposal.length
            ? t('review.dayPlanProposal')
            : t('review.dayPlanHint')}
      </Text>
      <PlanItemsEditor
        value={dayPlan.items}
        onChange={dayPlan.onChange}
        errors={dayPlan.errors}
        prefix="dayPlan.items"
      />
    </Card>
  );
}

export function PlanStep({
  tomorrow,
  moving,
  planned,
  onAdd,
  onRemove,
  dayPlan,
}: {
  tomorrow: string;
  moving: Entry[];
  planned: Planned[];
  onAdd: (item: PlanItem) => void;
  onRemove: (key: number) => void;
  dayPlan: DayPlanDraft;
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
                <Text size="sm" miw={0} style={{ overflowWrap: 'anywhere' }}>
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
      <DayPlanCard dayPlan={dayPlan} />
      <PlanForm onAdd={onAdd} />
    </Stack>
  );
}
