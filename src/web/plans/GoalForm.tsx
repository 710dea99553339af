// The annual goal's form: the goal in one sentence, the income in the member's own words (prefilled from
// what they said in their first conversation when there is no goal yet) and why it matters to them.
import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { shiftPeriod } from '../../core/kpis/periods.ts';
import { PLAN_LIMITS as L } from '../../core/plans/fields.ts';
import { goalPeriod } from '../../core/plans/periods.ts';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { type GoalPage, PLANS_KEY, saveGoal } from './api.ts';

interface Values {
  /** The first month (YYYY-MM-01); only chosen for a new goal. */
  start: string;
  statement: string;
  income: string;
  reason: string;
}

/** The last day of a goal's twelve months from `start`. */
const goalEnd = (start: string) => goalPeriod(start).end;

export function GoalForm({ page, onDone }: { page: GoalPage; onDone: () => void }) {
  const { t } = useTranslation(['plans', 'errors', 'common']);
  const format = useFormat();
  // A new goal starts this month or one of the eleven after it.
  const months = Array.from({ length: 12 }, (_, i) => shiftPeriod('month', page.start, i));
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      start: page.start,
      statement: page.goal?.statement ?? '',
      income: page.goal ? (page.goal.income ?? '') : (page.incomeSuggestion ?? ''),
      reason: page.goal?.reason ?? '',
    },
    validate: { statement: (v) => (v.trim() ? null : t('errors:field.required')) },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      saveGoal(v.start, {
        statement: v.statement.trim(),
        income: v.income.trim() || null,
        reason: v.reason.trim() || null,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: PLANS_KEY });
      notifications.show({ color: 'teal', message: t('goal.saved') });
      onDone();
    },
    onError: (error) => {
      form.setErrors(fieldErrors(t, error));
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="goal-form">
      <Stack gap="sm">
        {!page.goal && (
          <Select
            label={t('goal.from')}
            description={t('goal.fromHint')}
            data={months.map((m) => ({ value: m, label: format.period(m, goalEnd(m)) }))}
            allowDeselect={false}
            {...form.getInputProps('start')}
          />
        )}
        <Textarea
          label={t('goal.statement')}
          description={t('goal.statementHint')}
          required
          autosize
          minRows={2}
          maxLength={L.statement}
          data-autofocus
          {...form.getInputProps('statement')}
        />
        <TextInput
          label={t('goal.income')}
          description={
            !page.goal && page.incomeSuggestion ? t('goal.incomeFromIntake') : t('goal.incomeHint')
          }
          maxLength={L.income}
          autoComplete="off"
          {...form.getInputProps('income')}
        />
        <Textarea
          label={t('goal.reason')}
          description={t('goal.reasonHint')}
          autosize
          minRows={3}
          maxLength={L.reason}
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end" gap="xs" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="goal-save">
            {t('goal.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
