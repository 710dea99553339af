// The state of one evening review: the step on screen, a decision per open task, the summary, tomorrow's
// plan (tasks and events, and the day plan's targets), and the one request that sends it all at the end.
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextDay } from '../../../core/diary/fields.ts';
import { planQuery, refreshPlans } from '../../plans/api.ts';
import { checkDrafts, type DraftItem, draftsOf, inputsOf } from '../../plans/PlanItemsEditor.tsx';
import { errorMessage, fieldErrors } from '../../ui/errors.ts';
import {
  type DayPage,
  dayQuery,
  type Entry,
  localMoment,
  type PlanItem,
  refreshAfterChange,
  reviewDay,
  type TaskDecision,
} from '../api.ts';

export type Planned = PlanItem & { key: number };

export function useReview(day: string) {
  const { t } = useTranslation(['diary', 'common']);
  const tomorrow = nextDay(day);
  const queryClient = useQueryClient();
  const page = useQuery(dayQuery(day));
  const [step, setStep] = useState(0);
  const [again, setAgain] = useState(false);
  const [decisions, setDecisions] = useState<Record<string, TaskDecision>>({});
  const [summary, setSummary] = useState('');
  const [planned, setPlanned] = useState<Planned[]>([]);
  const [finished, setFinished] = useState<DayPage | null>(null);
  // Tomorrow's day plan: its items as they are, else the proposal from the week's plan, until edited.
  const dayPlanPage = useQuery(planQuery('day', tomorrow));
  const [dayPlanEdited, setDayPlan] = useState<DraftItem[] | null>(null);
  const dayPlanStart = useMemo(
    () => (dayPlanPage.data ? draftsOf(dayPlanPage.data.plan, dayPlanPage.data.proposal) : []),
    [dayPlanPage.data],
  );
  const dayPlan = dayPlanEdited ?? dayPlanStart;
  const [dayPlanErrors, setDayPlanErrors] = useState<Record<string, string>>({});
  const sendsDayPlan = dayPlan.length > 0 && !!dayPlanPage.data?.canEdit;

  const finish = useMutation({
    mutationFn: (open: Entry[]) =>
      reviewDay(day, {
        tasks: open
          .filter((task) => decisions[task.id])
          .map((task) => ({ id: task.id, action: decisions[task.id]! })),
        summary: summary.trim() || null,
        plan: planned.map(({ key: _key, ...item }) =>
          item.kind === 'event' ? { ...item, startsAt: localMoment(tomorrow, item.startsAt) } : item,
        ),
        // An empty day plan is left out: the review does not delete a plan written elsewhere.
        ...(sendsDayPlan ? { dayPlan: { items: inputsOf(dayPlan) } } : {}),
      }),
    onSuccess: (result) => {
      setFinished(result);
      queryClient.setQueryData(dayQuery(day).queryKey, result);
      refreshAfterChange(queryClient, false);
      refreshPlans(queryClient);
      window.scrollTo({ top: 0 });
    },
    onError: (error) => {
      setDayPlanErrors(fieldErrors(t, error));
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });

  return {
    tomorrow,
    page,
    step,
    setStep,
    again,
    /** Review a day already reviewed once more, starting from its summary. */
    reviewAgain: (previousSummary: string) => {
      setAgain(true);
      setSummary(previousSummary);
    },
    decisions,
    decide: (id: string, decision: TaskDecision) => setDecisions((d) => ({ ...d, [id]: decision })),
    /** Every open task not decided yet moves to tomorrow. */
    moveTheRest: (open: Entry[]) =>
      setDecisions(Object.fromEntries(open.map((task) => [task.id, decisions[task.id] ?? 'move']))),
    summary,
    setSummary,
    planned,
    plan: (item: PlanItem) => setPlanned((p) => [...p, { ...item, key: Date.now() + p.length }]),
    unplan: (key: number) => setPlanned((p) => p.filter((item) => item.key !== key)),
    dayPlanPage,
    dayPlan,
    setDayPlan,
    dayPlanErrors,
    finished,
    finish,
    /** Checks the day plan's rows, then sends the review. */
    submit: (open: Entry[]) => {
      const found = sendsDayPlan ? checkDrafts(t, dayPlan, 'dayPlan.items') : {};
      setDayPlanErrors(found);
      if (Object.keys(found).length === 0) finish.mutate(open);
    },
  };
}
