// The evening review, step by step: each of the day's open tasks done, moved to tomorrow or dropped; a
// look at what happened (and a note for what is missing); then tomorrow's plan. One request at the end,
// and the streak of evenings reviewed.
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowForwardUp,
  IconArrowLeft,
  IconCheck,
  IconFlame,
  IconMoonStars,
  IconPlus,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EVENT_TYPES,
  type EventType,
  DIARY_LIMITS as L,
  nextDay,
  type TaskCategory,
} from '../../core/diary/fields.ts';
import { useToday } from '../contacts/useToday.ts';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import {
  type DayPage,
  dayQuery,
  type Entry,
  localMoment,
  type PlanItem,
  refreshAfterChange,
  reviewDay,
  type TaskDecision,
} from './api.ts';
import { EntryCard } from './EntryCards.tsx';
import { CategoryPicker } from './EntryForms.tsx';
import { CATEGORY_COLORS, useLongDay } from './parts.tsx';
import { type Capture, CaptureDialog } from './QuickCapture.tsx';
import { EntryLine } from './WeekView.tsx';

const route = getRouteApi('/app/diary/review');

type Planned = PlanItem & { key: number };

const DECISIONS: { value: TaskDecision; icon: typeof IconCheck; color: string }[] = [
  { value: 'done', icon: IconCheck, color: 'teal' },
  { value: 'move', icon: IconArrowForwardUp, color: 'blue' },
  { value: 'drop', icon: IconX, color: 'gray' },
];

function TaskDecisions({
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

function WhatHappened({
  page,
  summary,
  onSummary,
  onAddNote,
  onEdit,
}: {
  page: DayPage;
  summary: string;
  onSummary: (value: string) => void;
  onAddNote: () => void;
  onEdit: (entry: Entry) => void;
}) {
  const { t } = useTranslation('diary');
  const events = page.entries.filter((e) => e.kind === 'event');
  const notes = page.entries.filter((e) => e.kind === 'note');
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('review.notes.intro')}
      </Text>
      {events.length > 0 && (
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4}>
            {t('day.agenda')}
          </Text>
          <Stack gap={2}>
            {events.map((e) => (
              <EntryLine key={e.id} entry={e} />
            ))}
          </Stack>
        </Card>
      )}
      {notes.map((e) => (
        <EntryCard key={e.id} entry={e} onEdit={onEdit} />
      ))}
      {notes.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('review.notes.none')}
        </Text>
      )}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} />}
        onClick={onAddNote}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('review.notes.add')}
      </Button>
      <Textarea
        label={t('review.summary')}
        description={t('review.summaryHint')}
        autosize
        minRows={2}
        maxLength={L.text}
        value={summary}
        onChange={(e) => onSummary(e.currentTarget.value)}
      />
    </Stack>
  );
}

function PlanForm({ onAdd }: { onAdd: (item: PlanItem) => void }) {
  const { t } = useTranslation(['diary', 'errors']);
  const [kind, setKind] = useState<'task' | 'event'>('task');
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<TaskCategory>('necessary');
  const [eventType, setEventType] = useState<EventType>('meeting');
  const [time, setTime] = useState('10:00');
  const [error, setError] = useState<string | null>(null);
  return (
    <Card withBorder padding="sm" data-testid="plan-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!title.trim()) {
            setError(t('errors:field.required'));
            return;
          }
          if (kind === 'event' && !time) return;
          setError(null);
          onAdd(
            kind === 'task'
              ? { kind: 'task', title: title.trim(), category }
              : { kind: 'event', title: title.trim(), eventType, startsAt: time },
          );
          setTitle('');
        }}
      >
        <Stack gap="sm">
          <SegmentedControl<'task' | 'event'>
            fullWidth
            size="sm"
            value={kind}
            onChange={setKind}
            aria-label={t('capture.kind')}
            data={[
              { value: 'task', label: t('kinds.task') },
              { value: 'event', label: t('kinds.event') },
            ]}
          />
          <TextInput
            label={kind === 'task' ? t('review.plan.taskTitle') : t('review.plan.eventTitle')}
            value={title}
            maxLength={L.title}
            error={error}
            autoComplete="off"
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          {kind === 'task' ? (
            <CategoryPicker label={t('fields.category')} value={category} onChange={setCategory} />
          ) : (
            <SimpleGrid cols={2} spacing="sm">
              <Select
                label={t('fields.eventType')}
                data={EVENT_TYPES.map((type) => ({ value: type, label: t(`eventType.${type}`) }))}
                value={eventType}
                allowDeselect={false}
                onChange={(v) => v && setEventType(v as EventType)}
              />
              <TextInput
                type="time"
                label={t('fields.startsAt')}
                required
                value={time}
                onChange={(e) => setTime(e.currentTarget.value)}
              />
            </SimpleGrid>
          )}
          <Button
            type="submit"
            variant="light"
            leftSection={<IconPlus size={16} />}
            style={{ alignSelf: 'flex-end' }}
          >
            {t('review.plan.add')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function TomorrowPlan({
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
              <Group key={item.key} gap={6} wrap="nowrap" justify="space-between" data-testid="planned-item">
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
            ))}
          </Stack>
        </Card>
      )}
      <PlanForm onAdd={onAdd} />
    </Stack>
  );
}

function Finished({ page, tomorrow }: { page: DayPage; tomorrow: string }) {
  const { t } = useTranslation('diary');
  const format = useFormat();
  return (
    <Card withBorder padding="lg" data-testid="review-finished">
      <Stack align="center" gap="xs" ta="center">
        <ThemeIcon size={64} radius="xl" color="orange" variant="light">
          <IconFlame size={36} />
        </ThemeIcon>
        <Title order={2} size="h3">
          {t('review.finished.title')}
        </Title>
        <Group gap={6} align="baseline" justify="center">
          <Text fz={40} fw={800} lh={1} data-testid="review-streak">
            {format.number(page.streak)}
          </Text>
          <Text c="dimmed">{t('review.finished.streak', { count: page.streak })}</Text>
        </Group>
        <Text size="sm" c="dimmed" maw={420}>
          {t('review.finished.body')}
        </Text>
        <Group gap="xs" justify="center" mt="sm">
          <Button
            renderRoot={(props) => <Link {...props} to="/diary" search={{ day: tomorrow }} />}
            data-testid="see-tomorrow"
          >
            {t('review.finished.tomorrow')}
          </Button>
          <Button
            variant="default"
            renderRoot={(props) => <Link {...props} to="/diary" search={{ day: page.day }} />}
          >
            {t('review.finished.back')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export default function ReviewPage() {
  const { t } = useTranslation(['diary', 'common']);
  const format = useFormat();
  const longDay = useLongDay();
  const today = useToday();
  const search = route.useSearch();
  const day = search.day ?? today;
  const tomorrow = nextDay(day);
  const queryClient = useQueryClient();
  const page = useQuery(dayQuery(day));
  const [step, setStep] = useState(0);
  const [again, setAgain] = useState(false);
  const [decisions, setDecisions] = useState<Record<string, TaskDecision>>({});
  const [summary, setSummary] = useState('');
  const [planned, setPlanned] = useState<Planned[]>([]);
  const [finished, setFinished] = useState<DayPage | null>(null);
  const [capture, setCapture] = useState<Capture | null>(null);

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
      }),
    onSuccess: (result) => {
      setFinished(result);
      queryClient.setQueryData(dayQuery(day).queryKey, result);
      refreshAfterChange(queryClient, false);
      window.scrollTo({ top: 0 });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });

  const dayLabel = longDay(day);
  const header = (
    <Stack gap={4}>
      <AnchorLink to="/diary" search={{ day: day === today ? undefined : day }} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          {t('title')}
        </Group>
      </AnchorLink>
      <Group gap="xs" wrap="nowrap">
        <ThemeIcon color="indigo" variant="light" radius="xl" size="lg">
          <IconMoonStars size={20} />
        </ThemeIcon>
        <div style={{ minWidth: 0 }}>
          <Title order={1} size="h2">
            {t('review.title')}
          </Title>
          <Text size="sm" c="dimmed" data-testid="review-day">
            {dayLabel}
          </Text>
        </div>
      </Group>
    </Stack>
  );

  if (page.isError)
    return (
      <Stack gap="md" maw={720}>
        {header}
        <Alert color="red">{errorMessage(t, page.error)}</Alert>
      </Stack>
    );
  if (!page.data)
    return (
      <Stack gap="md" maw={720}>
        {header}
        <Loader mx="auto" />
      </Stack>
    );

  if (finished)
    return (
      <Stack gap="md" maw={720}>
        {header}
        <Finished page={finished} tomorrow={tomorrow} />
      </Stack>
    );

  if (day > today)
    return (
      <Stack gap="md" maw={720}>
        {header}
        <Alert color="blue">{t('review.future')}</Alert>
      </Stack>
    );

  const data = page.data;
  if (data.review && !again)
    return (
      <Stack gap="md" maw={720}>
        {header}
        <Card withBorder padding="lg" data-testid="review-already">
          <Stack gap="xs">
            <Group gap="xs">
              <ThemeIcon color="teal" variant="light" radius="xl">
                <IconCheck size={16} />
              </ThemeIcon>
              <Text fw={600}>{t('review.already')}</Text>
              {data.streak > 0 && (
                <Badge color="orange" variant="light" leftSection={<IconFlame size={14} />}>
                  {t('streak.short', { count: data.streak, formatted: format.number(data.streak) })}
                </Badge>
              )}
            </Group>
            {data.review.summary && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {data.review.summary}
              </Text>
            )}
            <Group gap="xs" mt="xs">
              <Button renderRoot={(props) => <Link {...props} to="/diary" search={{ day: tomorrow }} />}>
                {t('review.finished.tomorrow')}
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setAgain(true);
                  setSummary(data.review?.summary ?? '');
                }}
              >
                {t('review.again')}
              </Button>
            </Group>
          </Stack>
        </Card>
      </Stack>
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
          <TaskDecisions
            tasks={open}
            doneCount={doneCount}
            decisions={decisions}
            onDecide={(id, decision) => setDecisions((d) => ({ ...d, [id]: decision }))}
          />
        </Stepper.Step>
        <Stepper.Step label={t('review.steps.notes')}>
          <WhatHappened
            page={data}
            summary={summary}
            onSummary={setSummary}
            onAddNote={() => setCapture({ kind: 'note' })}
            onEdit={(entry) => setCapture({ kind: entry.kind, entry })}
          />
        </Stepper.Step>
        <Stepper.Step label={t('review.steps.plan')}>
          <Title order={2} size="h4" mb="xs">
            {longDay(tomorrow)}
          </Title>
          <TomorrowPlan
            tomorrow={tomorrow}
            moving={moving}
            planned={planned}
            onAdd={(item) => setPlanned((p) => [...p, { ...item, key: Date.now() + p.length }])}
            onRemove={(key) => setPlanned((p) => p.filter((item) => item.key !== key))}
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
              loading={finish.isPending}
              onClick={() => finish.mutate(open)}
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
          onClick={() =>
            setDecisions(Object.fromEntries(open.map((task) => [task.id, decisions[task.id] ?? 'move'])))
          }
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
