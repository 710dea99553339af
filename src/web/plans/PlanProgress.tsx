// A plan's items with how far each has come: a measured item as actual of target with a bar, what the
// days already over ask for and its pace; a custom item as a checkbox the member ticks. `compact` is the
// short form for the Today page and the weekly analysis.
import { Checkbox, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { type Plan, type PlanItem, refreshPlans, tickItem } from './api.ts';
import { PACE_COLOR, PaceBadge, useItemLabel } from './parts.tsx';

function TickBox({ item, canTick, compact }: { item: PlanItem; canTick: boolean; compact: boolean }) {
  const { t } = useTranslation(['plans', 'errors']);
  const queryClient = useQueryClient();
  const tick = useMutation({
    mutationFn: (done: boolean) => tickItem(item.id, done),
    onSuccess: () => refreshPlans(queryClient),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  const checked = tick.isPending ? tick.variables : item.done;
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" data-testid="plan-item" data-pace={item.pace}>
      <Checkbox
        checked={checked}
        disabled={!canTick || tick.isPending}
        onChange={(e) => tick.mutate(e.currentTarget.checked)}
        label={item.title}
        size={compact ? 'xs' : 'sm'}
        styles={{ label: { overflowWrap: 'anywhere' }, body: { alignItems: 'flex-start' } }}
        data-testid="plan-item-tick"
      />
      <PaceBadge pace={item.pace} size={compact ? 'xs' : 'sm'} />
    </Group>
  );
}

function MeasuredItem({ item, compact }: { item: PlanItem; compact: boolean }) {
  const { t } = useTranslation('plans');
  const format = useFormat();
  const label = useItemLabel();
  const actual = item.actual ?? 0;
  const target = item.target ?? 0;
  const n = (v: number) => format.number(v, { maximumFractionDigits: 1 });
  return (
    <Stack gap={4} data-testid="plan-item" data-pace={item.pace}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={600} truncate>
          {label(item)}
        </Text>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          <Text size="sm" fw={700} data-testid="plan-item-count">
            {n(actual)} / {n(target)}
          </Text>
          <PaceBadge pace={item.pace} size={compact ? 'xs' : 'sm'} />
        </Group>
      </Group>
      <Progress
        value={target ? Math.min(100, (actual / target) * 100) : 0}
        color={PACE_COLOR[item.pace]}
        size={compact ? 'sm' : 'md'}
        radius="xl"
        aria-label={label(item)}
      />
      {/* What is expected by now, once the days over ask for something and it is not reached yet. */}
      {!compact && !!item.expected && item.pace !== 'done' && item.pace !== 'upcoming' && (
        <Text size="xs" c="dimmed">
          {t('progress.expected', { expected: n(item.expected) })}
        </Text>
      )}
    </Stack>
  );
}

export function PlanProgress({
  plan,
  canTick,
  compact = false,
}: {
  plan: Plan;
  /** Custom items can be ticked (the member's own, still running plan). */
  canTick: boolean;
  compact?: boolean;
}) {
  return (
    <Stack gap={compact ? 'xs' : 'sm'} data-testid="plan-progress">
      {plan.items.map((item) =>
        item.activity === 'custom' ? (
          <TickBox key={item.id} item={item} canTick={canTick} compact={compact} />
        ) : (
          <MeasuredItem key={item.id} item={item} compact={compact} />
        ),
      )}
    </Stack>
  );
}
