// My 2-minute presentation: my own text (with its length and roughly how long it takes to say), the
// organization's starters to begin from, and a practice mode — a big two-minute countdown with the text
// large for reading, a clear signal at zero, the overtime, and each finished run counted.
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlarm,
  IconCheck,
  IconInfoCircle,
  IconPlayerPause,
  IconPlayerPlay,
  IconRotate,
  IconStopwatch,
  IconTemplate,
} from '@tabler/icons-react';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOWUP_LIMITS, localized } from '../../core/followup/template.ts';
import { isLocale } from '../../core/locales.ts';
import { useMe } from '../accounts/hooks.ts';
import { Confirm } from '../ui/Confirm.tsx';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import {
  countPractice,
  type Presentation,
  presentationQuery,
  presentationSaved,
  type Starter,
  savePresentation,
  spokenSeconds,
  wordCount,
} from './api.ts';
import { clock, usePracticeTimer } from './usePracticeTimer.ts';

/** Text in the interface language, else the organization's, else any filled in. */
function useLocalized() {
  const { i18n } = useTranslation();
  const me = useMe();
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  return (text: Starter['title']) => localized(text, locale, me.organization.defaultLocale);
}

/** A short tone and a buzz where the device can: the time is up. */
function useSignal() {
  const audio = useRef<AudioContext | null>(null);
  useEffect(
    () => () => {
      void audio.current?.close().catch(() => {});
      audio.current = null;
    },
    [],
  );
  return {
    /** Called from a tap, so the browser lets the page make a sound later. */
    prepare() {
      if (audio.current || typeof AudioContext === 'undefined') return;
      try {
        audio.current = new AudioContext();
      } catch {
        audio.current = null;
      }
    },
    play() {
      navigator.vibrate?.([250, 120, 250]);
      const ctx = audio.current;
      if (!ctx) return;
      try {
        void ctx.resume();
        for (const [at, freq] of [
          [0, 880],
          [0.28, 1175],
        ] as const) {
          const osc = ctx.createOscillator();
          const gain = ctx.createGain();
          osc.frequency.value = freq;
          gain.gain.setValueAtTime(0.0001, ctx.currentTime + at);
          gain.gain.exponentialRampToValueAtTime(0.25, ctx.currentTime + at + 0.02);
          gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + at + 0.25);
          osc.connect(gain).connect(ctx.destination);
          osc.start(ctx.currentTime + at);
          osc.stop(ctx.currentTime + at + 0.26);
        }
      } catch {
        // No sound then; the screen and the buzz still say it.
      }
    },
  };
}

function PracticeMode({
  text,
  seconds,
  opened,
  onClose,
}: {
  text: string;
  seconds: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('tools');
  const format = useFormat();
  const queryClient = useQueryClient();
  const phone = useMediaQuery('(max-width: 36em)', undefined, { getInitialValueInEffect: false });
  const signal = useSignal();
  const timer = usePracticeTimer(seconds, signal.play);
  const count = useMutation({
    mutationFn: countPractice,
    onSuccess: (presentation, used) => {
      presentationSaved(queryClient, presentation);
      timer.reset();
      notifications.show({
        color: 'teal',
        message: t('presentation.practice.counted', { time: format.duration(used) }),
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  const close = () => {
    timer.pause();
    onClose();
  };
  const finish = () => {
    const used = timer.finish();
    if (used >= 1) count.mutate(used);
  };
  const color = timer.done ? 'red' : timer.remaining <= 15 && timer.started ? 'orange' : undefined;

  return (
    <Modal
      opened={opened}
      onClose={close}
      fullScreen={phone}
      size="xl"
      title={t('presentation.practice.title')}
      closeButtonProps={{ 'aria-label': t('presentation.practice.close') }}
      data-testid="practice-mode"
    >
      <Stack gap="md">
        <Card
          withBorder
          padding="md"
          bg={timer.done ? 'red.0' : undefined}
          style={{
            borderColor: timer.done ? 'var(--mantine-color-red-5)' : undefined,
            transition: 'all 200ms',
          }}
        >
          <Stack gap={4} align="center">
            <Text
              fz={{ base: 64, sm: 88 }}
              fw={700}
              lh={1}
              c={color}
              style={{ fontVariantNumeric: 'tabular-nums', letterSpacing: '-0.02em' }}
              role="timer"
              aria-live="off"
              data-testid="practice-timer"
            >
              {clock(timer.remaining)}
            </Text>
            {timer.done ? (
              <Group gap={8} aria-live="assertive">
                <Badge color="red" size="lg" leftSection={<IconAlarm size={14} />} data-testid="time-up">
                  {t('presentation.practice.timeUp')}
                </Badge>
                <Text
                  c="red.8"
                  fw={700}
                  style={{ fontVariantNumeric: 'tabular-nums' }}
                  data-testid="practice-overtime"
                >
                  +{clock(timer.overtime)}
                </Text>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {timer.started ? t('presentation.practice.running') : t('presentation.practice.ready')}
              </Text>
            )}
          </Stack>
          <Stack gap="xs" mt="md">
            {timer.running ? (
              <Button
                size="lg"
                variant="light"
                leftSection={<IconPlayerPause size={20} />}
                onClick={timer.pause}
                data-testid="practice-pause"
              >
                {t('presentation.practice.pause')}
              </Button>
            ) : (
              <Button
                size="lg"
                leftSection={<IconPlayerPlay size={20} />}
                onClick={() => {
                  signal.prepare();
                  timer.start();
                }}
                data-testid="practice-start"
              >
                {timer.started ? t('presentation.practice.resume') : t('presentation.practice.start')}
              </Button>
            )}
            <SimpleGrid cols={2} spacing="xs">
              <Button
                variant="outline"
                leftSection={<IconCheck size={18} />}
                disabled={!timer.started || timer.elapsed < 1}
                loading={count.isPending}
                onClick={finish}
                data-testid="practice-finish"
              >
                {t('presentation.practice.finish')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconRotate size={18} />}
                disabled={!timer.started}
                onClick={timer.reset}
                data-testid="practice-reset"
              >
                {t('presentation.practice.reset')}
              </Button>
            </SimpleGrid>
          </Stack>
        </Card>
        {text.trim() ? (
          <Text
            fz={{ base: 20, sm: 24 }}
            lh={1.55}
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            data-testid="practice-text"
          >
            {text}
          </Text>
        ) : (
          <Text c="dimmed">{t('presentation.practice.noText')}</Text>
        )}
      </Stack>
    </Modal>
  );
}

function PracticeSummary({ presentation }: { presentation: Presentation }) {
  const { t } = useTranslation('tools');
  const format = useFormat();
  return (
    <Text size="sm" c="dimmed" data-testid="practice-count">
      {presentation.practiceCount === 0 || presentation.lastSeconds === null
        ? t('presentation.practice.never')
        : t('presentation.practice.summary', {
            count: presentation.practiceCount,
            time: format.duration(presentation.lastSeconds),
            date: presentation.lastPractisedAt
              ? format.date(presentation.lastPractisedAt, { dateStyle: 'medium' })
              : '',
          })}
    </Text>
  );
}

function Starters({ starters, onUse }: { starters: Starter[]; onUse: (starter: Starter) => void }) {
  const { t } = useTranslation('tools');
  const text = useLocalized();
  if (starters.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('presentation.starters.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('presentation.starters.body')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {starters.map((starter) => (
          <Card key={starter.key} withBorder padding="md" data-testid="starter">
            <Stack gap="xs" h="100%">
              <Text fw={650}>{text(starter.title)}</Text>
              <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                {text(starter.text)}
              </Text>
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconTemplate size={14} />}
                  onClick={() => onUse(starter)}
                  data-testid="starter-use"
                >
                  {t('presentation.starters.use')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

export default function PresentationPage() {
  const { t } = useTranslation(['tools', 'common', 'errors']);
  const queryClient = useQueryClient();
  const localize = useLocalized();
  const format = useFormat();
  const { data: presentation } = useSuspenseQuery(presentationQuery);
  const form = useForm({ initialValues: { text: presentation.text } });
  const [replacing, setReplacing] = useState<Starter | null>(null);
  const [practising, setPractising] = useState(false);
  const save = useMutation({
    mutationFn: (text: string) => savePresentation(text),
    onSuccess: (updated) => {
      presentationSaved(queryClient, updated);
      form.setValues({ text: updated.text });
      form.resetDirty({ text: updated.text });
      notifications.show({ color: 'teal', message: t('common:status.saved') });
    },
    onError: (error) => {
      form.setErrors(fieldErrors(t, error));
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });

  const text = form.values.text;
  const spoken = spokenSeconds(text);
  const limit = presentation.seconds;
  const applyStarter = (starter: Starter) => {
    form.setFieldValue('text', localize(starter.text));
    setReplacing(null);
  };

  return (
    <Stack gap="md" maw={860} pb="xl">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('presentation.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('presentation.intro')}
        </Text>
      </Stack>

      <Card withBorder padding="md">
        <form onSubmit={form.onSubmit((values) => save.mutate(values.text))}>
          <Stack gap="sm">
            <Textarea
              label={t('presentation.text')}
              placeholder={t('presentation.placeholder')}
              autosize
              minRows={7}
              maxRows={20}
              maxLength={FOLLOWUP_LIMITS.presentation}
              data-testid="presentation-text"
              {...form.getInputProps('text')}
            />
            <Group gap="xs" justify="space-between" wrap="wrap">
              <Text size="xs" c="dimmed" data-testid="presentation-length">
                {t('presentation.length', {
                  chars: format.number(text.length),
                  max: format.number(FOLLOWUP_LIMITS.presentation),
                  words: format.number(wordCount(text)),
                })}
              </Text>
              {text.trim() && (
                <Text
                  size="xs"
                  c={spoken > limit ? 'orange.8' : 'dimmed'}
                  fw={spoken > limit ? 600 : undefined}
                  data-testid="presentation-spoken"
                >
                  {spoken > limit
                    ? t('presentation.spokenLong', { time: format.duration(spoken) })
                    : t('presentation.spoken', { time: format.duration(spoken) })}
                </Text>
              )}
            </Group>
            <Group gap="xs">
              <Button
                type="submit"
                loading={save.isPending}
                disabled={!form.isDirty()}
                data-testid="presentation-save"
              >
                {t('common:actions.save')}
              </Button>
              <Button
                variant="light"
                leftSection={<IconStopwatch size={18} />}
                onClick={() => setPractising(true)}
                data-testid="practice-open"
              >
                {t('presentation.practice.open')}
              </Button>
            </Group>
            <PracticeSummary presentation={presentation} />
          </Stack>
        </form>
      </Card>

      {presentation.starters.length === 0 && !presentation.text && (
        <Alert color="gray" icon={<IconInfoCircle />}>
          {t('presentation.starters.none')}
        </Alert>
      )}
      <Starters
        starters={presentation.starters}
        onUse={(starter) => (text.trim() ? setReplacing(starter) : applyStarter(starter))}
      />

      <Confirm
        opened={replacing !== null}
        onClose={() => setReplacing(null)}
        title={t('presentation.starters.replaceTitle')}
        body={t('presentation.starters.replaceBody')}
        confirm={t('presentation.starters.replace')}
        onConfirm={() => replacing && applyStarter(replacing)}
        danger={false}
        testId="starter-replace"
      />

      <PracticeMode text={text} seconds={limit} opened={practising} onClose={() => setPractising(false)} />
    </Stack>
  );
}
