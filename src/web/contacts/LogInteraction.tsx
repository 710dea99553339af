// Logging what happened with a contact: the kind (call, message, meeting, 2+1, online presentation),
// when, how it went, a note, the stage it moved to and when to follow up next — a few taps on a phone.
import {
  Button,
  Card,
  Chip,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONTACT_LIMITS,
  INTERACTION_KINDS,
  INTERACTION_OUTCOMES,
  type InteractionKind,
  type InteractionOutcome,
  STAGES,
  type Stage,
} from '../../core/contacts/fields.ts';
import { api } from '../api.ts';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { KindPicker } from '../ui/KindPicker.tsx';
import {
  addDays,
  CONTACTS_KEY,
  type Contact,
  type ContactPage,
  contactPageQuery,
  localToday,
} from './api.ts';
import { KIND_ICONS, useDay } from './parts.tsx';
import { useToday } from './useToday.ts';

type Next = 'keep' | '1' | '2' | '7' | 'pick' | 'none';

/** 2+1 meetings and online presentations present the business: offer "presented" when not there yet. */
function suggestedStage(kind: InteractionKind, current: Stage): Stage | null {
  if (kind !== 'two_plus_one' && kind !== 'online_presentation') return null;
  return STAGES.indexOf(current) < STAGES.indexOf('presented') ? 'presented' : null;
}

export function LogInteraction({ contact }: { contact: Contact }) {
  const { t } = useTranslation(['contacts', 'common']);
  const day = useDay();
  const queryClient = useQueryClient();
  const today = useToday();
  const [kind, setKind] = useState<InteractionKind>('call');
  // Null until the person picks a date, meaning today: it moves on at midnight and is taken when saving.
  const [pickedOn, setPickedOn] = useState<string | null>(null);
  const occurredOn = pickedOn ?? today;
  const [outcome, setOutcome] = useState<InteractionOutcome | null>(null);
  const [note, setNote] = useState('');
  const [stage, setStage] = useState<Stage | null>(null);
  const [stageTouched, setStageTouched] = useState(false);
  const [next, setNext] = useState<Next>('keep');
  const [picked, setPicked] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  /** The follow-up chosen, the +N chips counted from `from` (today when shown, the day of saving when sent). */
  const nextFollowUpOn = (from: string): string | null | undefined => {
    switch (next) {
      case 'keep':
        return undefined;
      case 'none':
        return null;
      case 'pick':
        return picked || undefined;
      default:
        return addDays(from, Number(next));
    }
  };
  const nextDate = nextFollowUpOn(today);

  const reset = () => {
    setKind('call');
    setPickedOn(null);
    setOutcome(null);
    setNote('');
    setStage(null);
    setStageTouched(false);
    setNext('keep');
    setPicked('');
    setErrors({});
  };

  const log = useMutation({
    mutationFn: () => {
      // The date at the moment of saving, not of the last render (the page may have stayed open overnight).
      const now = localToday();
      const followUp = nextFollowUpOn(now);
      return api<ContactPage>(`/api/v1/contacts/${contact.id}/interactions`, {
        method: 'POST',
        body: {
          kind,
          occurredOn: (pickedOn ?? now) || undefined,
          outcome,
          note: note.trim() || null,
          ...(stage ? { stage } : {}),
          ...(followUp !== undefined ? { nextFollowUpOn: followUp } : {}),
          today: now,
        },
      });
    },
    onSuccess: (page) => {
      queryClient.setQueryData(contactPageQuery(contact.id).queryKey, page);
      void queryClient.invalidateQueries({ queryKey: CONTACTS_KEY });
      notifications.show({
        color: 'teal',
        message: page.contact.nextFollowUpOn
          ? t('log.doneNext', { date: day(page.contact.nextFollowUpOn) })
          : t('log.done'),
      });
      reset();
    },
    onError: (error) => {
      setErrors(fieldErrors(t, error));
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });

  const chooseKind = (value: InteractionKind) => {
    setKind(value);
    if (!stageTouched) setStage(suggestedStage(value, contact.stage));
  };
  const keepHint = contact.nextFollowUpOn
    ? contact.nextFollowUpOn <= (occurredOn || today)
      ? t('log.next.keepDone')
      : t('log.next.keepFuture', { date: day(contact.nextFollowUpOn) })
    : t('log.next.keepNone');

  return (
    <Card withBorder padding="md" data-testid="log-interaction">
      <Title order={2} size="h5" mb="sm">
        {t('log.title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          log.mutate();
        }}
      >
        <Stack gap="sm">
          <KindPicker
            kinds={INTERACTION_KINDS}
            icons={KIND_ICONS}
            value={kind}
            onChange={chooseKind}
            label={t('log.kind')}
            name={(k) => t(`kindShort.${k}`)}
            fullName={(k) => t(`kind.${k}`)}
          />
          <SimpleGrid cols={{ base: 2 }} spacing="sm">
            <TextInput
              type="date"
              label={t('log.date')}
              value={occurredOn}
              max={today}
              error={errors.occurredOn}
              onChange={(e) => setPickedOn(e.currentTarget.value)}
            />
            <Select
              label={t('log.outcome')}
              placeholder={t('log.noOutcome')}
              clearable
              data={INTERACTION_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
              value={outcome}
              onChange={(v) => setOutcome(v as InteractionOutcome | null)}
            />
          </SimpleGrid>
          <Textarea
            label={t('log.note')}
            autosize
            minRows={2}
            maxLength={CONTACT_LIMITS.interactionNote}
            error={errors.note}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Select
            label={t('log.stage')}
            placeholder={
              contact.stage === 'new'
                ? t('log.stageAuto', { stage: t('stage.contacted') })
                : t('log.stageKeep', { stage: t(`stage.${contact.stage}`) })
            }
            clearable
            data={STAGES.filter((s) => s !== contact.stage).map((s) => ({
              value: s,
              label: t(`stage.${s}`),
            }))}
            value={stage}
            onChange={(v) => {
              setStageTouched(true);
              setStage(v as Stage | null);
            }}
          />
          <Stack gap={6}>
            <Text size="sm" fw={500} id="log-next-label">
              {t('log.next.label')}
            </Text>
            <Group gap={6} role="group" aria-labelledby="log-next-label">
              {(['1', '2', '7', 'pick', 'none'] as const).map((option) => (
                <Chip
                  key={option}
                  size="sm"
                  checked={next === option}
                  // Tapping the chosen chip again goes back to "leave as it is".
                  onChange={() => setNext(next === option ? 'keep' : option)}
                >
                  {t(`log.next.${option}`)}
                </Chip>
              ))}
            </Group>
            {next === 'pick' && (
              <TextInput
                type="date"
                aria-label={t('log.next.pick')}
                min={today}
                value={picked}
                onChange={(e) => setPicked(e.currentTarget.value)}
                maw={220}
              />
            )}
            {errors.nextFollowUpOn && (
              <Text size="xs" c="red">
                {errors.nextFollowUpOn}
              </Text>
            )}
            <Text size="xs" c="dimmed" data-testid="log-next-hint">
              {next === 'keep'
                ? keepHint
                : nextDate
                  ? t('log.next.on', {
                      date: day(nextDate, { weekday: 'long', day: 'numeric', month: 'long' }),
                    })
                  : next === 'none'
                    ? t('log.next.cleared')
                    : t('log.next.pickHint')}
            </Text>
          </Stack>
          <Group justify="flex-end">
            <Button type="submit" loading={log.isPending} disabled={next === 'pick' && !picked}>
              {t('log.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
