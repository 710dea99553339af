// A follow-up's steps: when each is due, done or overdue, who ticked it (or that it ticked itself), and a
// checkbox for whoever may tick. The sponsor reads the sponsor's titles; the new member their own, with
// a hint for each step the app ticks by itself and a link to where it is done.
import { Anchor, Checkbox, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowRight, IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { StepCondition } from '../../core/followup/template.ts';
import { useMe } from '../accounts/hooks.ts';
import { localToday } from '../contacts/api.ts';
import { useRelativeDay } from '../contacts/parts.tsx';
import { errorMessage } from '../ui/errors.ts';
import { AnchorLink } from '../ui/links.tsx';
import { type Followup, refreshFollowups, type Step, tickStep } from './api.ts';
import { useLocalized } from './parts.tsx';

export type Side = 'sponsor' | 'member';

/** Where the new member does what a step asks; the intake is answered on the page itself. */
const PLACES: Partial<Record<StepCondition, '/contacts' | '/diary' | '/card' | '/presentation' | '/plans'>> =
  {
    contacts_both_lists: '/contacts',
    diary_started: '/diary',
    business_card: '/card',
    presentation_written: '/presentation',
    two_plus_one: '/diary',
    goal_set: '/plans',
    three_month_plan: '/plans',
  };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function StepStatus({ step, today }: { step: Step; today: string }) {
  const { t } = useTranslation('followup');
  const relative = useRelativeDay();
  const me = useMe();
  if (step.done) {
    const when = step.doneAt
      ? relative(DAY.test(step.doneAt) ? step.doneAt : localToday(new Date(step.doneAt)), today)
      : null;
    const by = !step.doneBy
      ? t('step.doneAuto')
      : step.doneBy.id === me.member.id
        ? t('step.doneByYou')
        : t('step.doneBy', { name: step.doneBy.name });
    return (
      <Text size="xs" c="teal.8" data-testid="step-status">
        {when ? `${by} · ${when}` : by}
      </Text>
    );
  }
  const when = relative(step.dueOn, today);
  return step.overdue ? (
    <Text size="xs" c="red.7" fw={600} data-testid="step-status">
      {t('step.overdue', { when })}
    </Text>
  ) : (
    <Text size="xs" c={step.dueOn === today ? 'orange.8' : 'dimmed'} data-testid="step-status">
      {t('step.due', { when })}
    </Text>
  );
}

function StepItem({
  followup,
  step,
  side,
  canTick,
  onIntake,
}: {
  followup: Followup;
  step: Step;
  side: Side;
  canTick: boolean;
  onIntake?: () => void;
}) {
  const { t } = useTranslation('followup');
  const text = useLocalized();
  const queryClient = useQueryClient();
  const title = text(side === 'member' ? step.memberTitle : step.title);
  const tick = useMutation({
    mutationFn: (done: boolean) => tickStep(followup.member.id, step.key, done),
    onSuccess: (page) => refreshFollowups(queryClient, page),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  const done = tick.isPending ? tick.variables : step.done;
  const auto = step.condition !== 'manual';
  const place = PLACES[step.condition];

  const icon = step.done ? (
    <ThemeIcon size={22} radius="xl" color="teal" variant="light">
      <IconCircleCheck size={16} />
    </ThemeIcon>
  ) : step.overdue ? (
    <ThemeIcon size={22} radius="xl" color="red" variant="light">
      <IconAlertTriangle size={14} />
    </ThemeIcon>
  ) : (
    <ThemeIcon size={22} radius="xl" color="gray" variant="light">
      <IconCircleDashed size={16} />
    </ThemeIcon>
  );

  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      py={8}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="followup-step"
      data-key={step.key}
      data-done={step.done}
      data-overdue={step.overdue}
    >
      {canTick ? (
        <Checkbox
          mt={2}
          size="md"
          color="teal"
          checked={done}
          onChange={(e) => tick.mutate(e.currentTarget.checked)}
          aria-label={title}
          disabled={tick.isPending}
        />
      ) : (
        <div style={{ flexShrink: 0, marginTop: 1 }}>{icon}</div>
      )}
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text
          size="sm"
          fw={step.done ? 400 : 600}
          c={step.done ? 'dimmed' : undefined}
          style={{ overflowWrap: 'anywhere' }}
          data-testid="step-title"
        >
          {title}
        </Text>
        <StepStatus step={step} today={followup.today} />
        {auto && !step.done && (
          <Text size="xs" c="dimmed" data-testid="step-hint">
            {t(`${side === 'member' ? 'hint' : 'auto'}.${step.condition}`, {
              name: followup.member.name.split(/\s+/)[0],
            })}
          </Text>
        )}
        {side === 'member' && !step.done && place && (
          <AnchorLink
            to={place}
            search={
              place === '/plans'
                ? step.condition === 'three_month_plan'
                  ? { level: 'three_months' }
                  : {}
                : undefined
            }
            size="xs"
            fw={600}
            data-testid="step-go"
          >
            <Group gap={4} component="span" wrap="nowrap">
              {t(`go.${step.condition}`)}
              <IconArrowRight size={12} />
            </Group>
          </AnchorLink>
        )}
        {side === 'member' && !step.done && step.condition === 'intake_answered' && onIntake && (
          <Anchor
            href="#intake"
            size="xs"
            fw={600}
            data-testid="step-go"
            onClick={(e) => {
              e.preventDefault();
              onIntake();
            }}
          >
            <Group gap={4} component="span" wrap="nowrap">
              {t('go.intake_answered')}
              <IconArrowRight size={12} />
            </Group>
          </Anchor>
        )}
      </Stack>
    </Group>
  );
}

/**
 * The steps in their order. `manualOnly`: the new member ticks the steps the app cannot see; the others
 * tick themselves (the sponsor may still tick any, e.g. for a list kept on paper).
 */
export function StepList({
  followup,
  side,
  manualOnly = false,
  onIntake,
}: {
  followup: Followup;
  side: Side;
  manualOnly?: boolean;
  onIntake?: () => void;
}) {
  return (
    <Stack gap={0} data-testid="followup-steps">
      {followup.steps.map((step) => (
        <StepItem
          key={step.key}
          followup={followup}
          step={step}
          side={side}
          canTick={followup.can.tick && (!manualOnly || step.condition === 'manual')}
          onIntake={onIntake}
        />
      ))}
    </Stack>
  );
}
