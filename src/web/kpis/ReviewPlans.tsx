// The plans in the weekly analysis: the reviewed week's plan with how far each item came, and next week's
// plan to write with the corrections (its items as they are, else the proposal from the month's plan).
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../plans/api.ts';
import { type DraftItem, PlanItemsEditor } from '../plans/PlanItemsEditor.tsx';
import { PlanProgress } from '../plans/PlanProgress.tsx';
import { usePeriodLabel } from '../plans/parts.tsx';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import type { CurrentReview } from './api.ts';

export function WeekPlan({ plan, week }: { plan: Plan | null; week: string }) {
  const { t } = useTranslation('plans');
  const format = useFormat();
  return (
    <Stack gap="xs" data-testid="review-week-plan">
      <Title order={3} size="h5">
        {t('review.weekPlan')}
      </Title>
      {plan ? (
        <>
          <Text size="sm" c="dimmed">
            {t('reached', {
              count: plan.items.length,
              reached: format.number(plan.reached),
              formatted: format.number(plan.items.length),
            })}
          </Text>
          <PlanProgress plan={plan} canTick={plan.status !== 'over'} />
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('review.noWeekPlan')}{' '}
          <AnchorLink to="/plans" search={{ start: week }} size="sm">
            {t('review.openPlans')}
          </AnchorLink>
        </Text>
      )}
    </Stack>
  );
}

export function NextWeekPlan({
  next,
  items,
  onChange,
  errors,
}: {
  next: CurrentReview['plan']['next'];
  items: DraftItem[];
  onChange: (items: DraftItem[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('plans');
  const label = usePeriodLabel();
  return (
    <Stack gap="xs" data-testid="review-next-plan">
      <div>
        <Title order={3} size="h5">
          {t('review.nextWeek')}
        </Title>
        <Text size="xs" c="dimmed">
          {label('week', next.start)}
        </Text>
      </div>
      <Text size="sm" c="dimmed">
        {next.plan
          ? t('review.nextWeekExisting')
          : next.proposal.length
            ? t('review.nextWeekProposal')
            : t('review.nextWeekHint')}
      </Text>
      <PlanItemsEditor value={items} onChange={onChange} errors={errors} prefix="nextWeekPlan.items" />
    </Stack>
  );
}
