// The intake conversation: the organization's questions with the answers so far, and who wrote them last.
// The sponsor notes the answers in the first talk; the new member may answer them on their own.
import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOWUP_LIMITS } from '../../core/followup/template.ts';
import { useMe } from '../accounts/hooks.ts';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { type Followup, refreshFollowups, saveIntake } from './api.ts';
import { useLocalized } from './parts.tsx';

function IntakeForm({ followup, onDone }: { followup: Followup; onDone: () => void }) {
  const { t } = useTranslation(['followup', 'common']);
  const text = useLocalized();
  const queryClient = useQueryClient();
  const { questions } = followup.intake;
  const [answers, setAnswers] = useState<Record<string, string>>(() =>
    Object.fromEntries(questions.map((q) => [q.key, q.answer])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => saveIntake(followup.member.id, answers),
    onSuccess: (page) => {
      refreshFollowups(queryClient, page);
      notifications.show({ color: 'teal', message: t('intake.saved') });
      onDone();
    },
    onError: (error) => {
      setErrors(fieldErrors(t, error));
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      data-testid="intake-form"
    >
      <Stack gap="sm">
        {questions.map((q) => (
          <Textarea
            key={q.key}
            label={text(q.text)}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={FOLLOWUP_LIMITS.answer}
            error={errors[`answers.${q.key}`]}
            value={answers[q.key] ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setAnswers((prev) => ({ ...prev, [q.key]: value }));
            }}
          />
        ))}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('intake.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function IntakeCard({
  followup,
  editing,
  onEditing,
}: {
  followup: Followup;
  editing: boolean;
  onEditing: (editing: boolean) => void;
}) {
  const { t } = useTranslation('followup');
  const text = useLocalized();
  const format = useFormat();
  const me = useMe();
  const { questions, updatedAt, updatedBy } = followup.intake;
  const self = followup.isSelf;
  const answered = questions.some((q) => q.answer.trim());
  const firstName = followup.member.name.split(/\s+/)[0] ?? followup.member.name;

  return (
    <Card withBorder padding="md" id="intake" data-testid="intake" style={{ scrollMarginTop: 72 }}>
      {/* A long title (German compounds) pushes the button onto the next line rather than out of the card. */}
      <Group justify="space-between" gap="xs" mb={4} align="flex-start">
        <Title order={2} size="h5">
          {t(self ? 'intake.titleSelf' : 'intake.title')}
        </Title>
        {followup.can.editIntake && !editing && questions.length > 0 && (
          <Button
            size="compact-sm"
            variant={answered ? 'subtle' : 'light'}
            leftSection={<IconPencil size={14} />}
            onClick={() => onEditing(true)}
            style={{ flexShrink: 0 }}
          >
            {answered ? t('intake.edit') : t(self ? 'intake.answer' : 'intake.record')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {self ? t('intake.introSelf') : t('intake.intro', { name: firstName })}
      </Text>
      {questions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('intake.noQuestions')}
        </Text>
      ) : editing && followup.can.editIntake ? (
        <IntakeForm followup={followup} onDone={() => onEditing(false)} />
      ) : (
        <Stack gap="sm">
          {questions.map((q) => (
            <div key={q.key} data-testid="intake-question" data-key={q.key}>
              <Text size="sm" fw={600}>
                {text(q.text)}
              </Text>
              {q.answer.trim() ? (
                <Text
                  size="sm"
                  style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                  data-testid="intake-answer"
                >
                  {q.answer}
                </Text>
              ) : (
                <Text size="sm" c="dimmed" fs="italic">
                  {t('intake.noAnswer')}
                </Text>
              )}
            </div>
          ))}
        </Stack>
      )}
      {updatedAt && !editing && (
        <Text size="xs" c="dimmed" mt="sm" data-testid="intake-updated">
          {t('intake.updated', {
            name: updatedBy ? (updatedBy.id === me.member.id ? t('intake.you') : updatedBy.name) : '—',
            date: format.date(updatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
          })}
        </Text>
      )}
    </Card>
  );
}
