// The weekly analysis: this week's three numbers against last week and the 4-week average, with the
// week's plan and how far it came; the corrections for next week and next week's plan, saved together; my
// analysis day; the history of past weeks; and for sponsors, who in the team did theirs. Phone first.
import { Badge, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isoWeek } from '../../core/kpis/periods.ts';
import { useToday } from '../contacts/useToday.ts';
import { refreshPlans } from '../plans/api.ts';
import { checkDrafts, type DraftItem, draftsOf, inputsOf } from '../plans/PlanItemsEditor.tsx';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { LoadError, PageLoading } from '../ui/PageStates.tsx';
import { Section } from '../ui/Section.tsx';
import { type CurrentReview, currentReviewQuery, refreshKpis, saveReview } from './api.ts';
import { useDay } from './parts.tsx';
import { ReviewHistory } from './ReviewHistory.tsx';
import { ReviewNumbers } from './ReviewNumbers.tsx';
import { NextWeekPlan, WeekPlan } from './ReviewPlans.tsx';
import { TeamReviews } from './TeamReviews.tsx';
import { WeekdaySettings } from './WeekdaySettings.tsx';

function ReviewStatus({ review }: { review: CurrentReview }) {
  const { t } = useTranslation('kpis');
  const day = useDay();
  const format = useFormat();
  switch (review.status) {
    case 'due':
      return (
        <Badge
          color={review.isReviewDay ? 'teal' : 'orange'}
          variant="light"
          size="lg"
          data-testid="review-due"
        >
          {review.isReviewDay ? t('review.dueToday') : t('review.dueSince', { date: day(review.reviewDay) })}
        </Badge>
      );
    case 'written':
      return (
        <Text size="sm" c="teal.8" data-testid="review-done">
          {t('review.done')}
        </Text>
      );
    case 'upcoming':
      return (
        <Text size="sm" data-testid="review-upcoming">
          {t('review.upcoming', {
            date: day(review.reviewDay),
            days: format.days(review.week, review.weekEnd),
          })}
        </Text>
      );
    case 'partnersOnly':
      return (
        <Text size="sm" c="dimmed" data-testid="review-partners-only">
          {t('review.partnersOnly')}
        </Text>
      );
  }
}

function ThisWeek({ review }: { review: CurrentReview }) {
  const { t } = useTranslation(['kpis', 'common']);
  const format = useFormat();
  const queryClient = useQueryClient();
  const [corrections, setCorrections] = useState(review.review?.corrections ?? '');
  useEffect(() => setCorrections(review.review?.corrections ?? ''), [review.review?.corrections]);
  const { next } = review.plan;
  const [nextPlan, setNextPlan] = useState<DraftItem[]>(() => draftsOf(next.plan, next.proposal));
  const [planErrors, setPlanErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => saveReview(review.week, corrections, inputsOf(nextPlan)),
    onSuccess: (saved) => {
      notifications.show({ color: 'teal', message: t('review.saved') });
      // The saved items now have ids: a second save keeps them (and the ticks of custom ones).
      setNextPlan(draftsOf(saved.plan.next.plan, saved.plan.next.proposal));
      void refreshKpis(queryClient);
      refreshPlans(queryClient);
    },
    onError: (error) => {
      setPlanErrors(fieldErrors(t, error));
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });
  const submit = () => {
    const found = checkDrafts(t, nextPlan, 'nextWeekPlan.items');
    setPlanErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  return (
    <Section
      title={t('review.weekOf', {
        week: isoWeek(review.week).week,
        days: format.days(review.week, review.weekEnd),
      })}
      testId="review-this-week"
    >
      <Stack gap="sm">
        <ReviewStatus review={review} />
        {review.missedLast && (
          <Text size="sm" c="red.7">
            {t('review.missedLast')}
          </Text>
        )}
        <ReviewNumbers numbers={review.review?.numbers ?? review.numbers} />
        <WeekPlan plan={review.plan.week} week={review.week} />
        {(review.status === 'due' || review.status === 'written') && (
          <>
            <Textarea
              label={t('review.corrections')}
              description={t('review.correctionsHint')}
              autosize
              minRows={3}
              maxLength={4000}
              value={corrections}
              onChange={(e) => setCorrections(e.currentTarget.value)}
            />
            <NextWeekPlan next={next} items={nextPlan} onChange={setNextPlan} errors={planErrors} />
            <Group>
              <Button onClick={submit} loading={save.isPending} disabled={!corrections.trim()}>
                {t('review.save')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Section>
  );
}

export default function ReviewsPage() {
  const { t } = useTranslation('kpis');
  const today = useToday();
  const query = useQuery(currentReviewQuery(today));
  if (query.isPending) return <PageLoading />;
  if (query.isError)
    return (
      <LoadError
        title={t('review.title')}
        error={query.error}
        retrying={query.isFetching}
        onRetry={() => void query.refetch()}
      />
    );
  const review = query.data;
  return (
    <Stack maw={760} gap="md">
      <div>
        <Title order={1} size="h2">
          {t('review.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('review.intro')}
        </Text>
      </div>
      <ThisWeek key={review.week} review={review} />
      <Section title={t('review.weekday')} padding="md">
        <WeekdaySettings ownWeekday={review.ownWeekday} organizationWeekday={review.organizationWeekday} />
      </Section>
      <ReviewHistory today={today} />
      <TeamReviews today={today} />
    </Stack>
  );
}
