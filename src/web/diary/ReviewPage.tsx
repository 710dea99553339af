// The evening review, step by step: each of the day's open tasks done, moved to tomorrow or dropped; a
// look at what happened (and a note for what is missing); then tomorrow's plan — its tasks and events and
// the day plan's targets. One request at the end, and the streak of evenings reviewed. The steps live in
// ./review/.
import { Alert, Anchor, Button, Group, Loader, Stack, Stepper, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToday } from '../contacts/useToday.ts';
import { errorMessage } from '../ui/errors.ts';
import { useLongDay } from './parts.tsx';
import { type Capture, CaptureDialog } from './QuickCapture.tsx';
import { AlreadyReviewed } from './review/AlreadyReviewed.tsx';
import { Finished } from './review/Finished.tsx';
import { NotesStep } from './review/NotesStep.tsx';
import { PlanStep } from './review/PlanStep.tsx';
import { ReviewHeader } from './review/ReviewHeader.tsx';
import { TasksStep } from './review/TasksStep.tsx';
import { useReview } from './review/useReview.ts';

const route = getRouteApi('/app/diary/review');

export default function ReviewPage() {
  const { t } = useTranslation(['diary', 'common']);
  const longDay = useLongDay();
  const today = useToday();
  const search = route.useSearch();
  const day = search.day ?? today;
  const review = useReview(day);
  const { tomorrow, page, step, setStep, decisions } = review;
  const [capture, setCapture] = useState<Capture | null>(null);

  const header = <ReviewHeader day={day} today={today} dayLabel={longDay(day)} />;
  const frame = (body: ReactNode) => (
    <Stack gap="md" maw={720}>
      {header}
      {body}
    </Stack>
  );

  if (page.isError) return frame(<Alert color="red">{errorMessage(t, page.error)}</Alert>);
  if (!page.data) return frame(<Loader mx="auto" />);
  if (review.finished) return frame(<Finished page={review.finished} tomorrow={tomorrow} />);
  if (day > today) return frame(<Alert color="blue">{t('review.future')}</Alert>);

  const data = page.data;
  if (data.review && !review.again)
    return frame(
      <AlreadyReviewed
        page={data}
        tomorrow={tomorrow}
        onAgain={() => review.reviewAgain(data.review?.summary ?? '')}
      />,
    );

  const open = data.entries.filter((e) => e.kind === 'task' && e.state === 'open');
  const doneCount = data.entries.filter((e) => e.kind === 'task' && e.state === 'done').length;
  const undecided = open.filter((task) => !decisions[task.id]).length;
  const moving = open.filter((task) => decisions[task.id] === 'move');

  return (
    <Stack gap="md" maw={720} pb="xl">
      {header}
      <Stepper active={step} onStepClick={setStep} size="sm" allowNextStepsSelect={false} iconSize={30}>
        <Stepper.Step label={t('review.steps.tasks')}>
          <TasksStep tasks={open} doneCount={doneCount} decisions={decisions} onDecide={review.decide} />
        </Stepper.Step>
        <Stepper.Step label={t('review.steps.notes')}>
          <NotesStep
            page={data}
            summary={review.summary}
            onSummary={review.setSummary}
            onAddNote={() => setCapture({ kind: 'note' })}
            onEdit={(entry) => setCapture({ kind: entry.kind, entry })}
          />
        </Stepper.Step>
        <Stepper.Step label={t('review.steps.plan')}>
          <Title order={2} size="h4" mb="xs">
            {longDay(tomorrow)}
          </Title>
          <PlanStep
            tomorrow={tomorrow}
            moving={moving}
            planned={review.planned}
            onAdd={review.plan}
            onRemove={review.unplan}
            dayPlan={{
              page: review.dayPlanPage.data,
              items: review.dayPlan,
              onChange: review.setDayPlan,
              errors: review.dayPlanErrors,
            }}
          />
        </Stepper.Step>
      </Stepper>

      <Group justify="space-between" gap="xs" wrap="nowrap">
        {step > 0 ? (
          <Button variant="default" onClick={() => setStep(step - 1)}>
            {t('review.back')}
          </Button>
        ) : (
          <span />
        )}
        <Group gap="xs" wrap="nowrap">
          {step === 0 && undecided > 0 && (
            <Text size="xs" c="dimmed" ta="right">
              {t('review.tasks.left', { count: undecided })}
            </Text>
          )}
          {step < 2 ? (
            <Button
              onClick={() => setStep(step + 1)}
              disabled={step === 0 && undecided > 0}
              data-testid="review-next"
            >
              {t('review.next')}
            </Button>
          ) : (
            <Button
              color="indigo"
              loading={review.finish.isPending}
              onClick={() => review.submit(open)}
              data-testid="review-finish"
            >
              {t('review.finish')}
            </Button>
          )}
        </Group>
      </Group>
      {step === 0 && undecided > 0 && open.length > 1 && (
        <Anchor
          component="button"
          size="sm"
          onClick={() => review.moveTheRest(open)}
          style={{ alignSelf: 'flex-end' }}
        >
          {t('review.tasks.restTomorrow')}
        </Anchor>
      )}

      {capture && (
        <CaptureDialog
          capture={capture}
          day={day}
          onKind={(kind) => setCapture({ kind })}
          onClose={() => setCapture(null)}
        />
      )}
    </Stack>
  );
}
