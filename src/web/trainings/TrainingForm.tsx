// A training's form, new or edited: topic, date and optional start, format with its place or link, and
// a description. Offline shows the place, online the link (https only). The server's field errors land
// at their fields.
import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { localToday } from '../contacts/api.ts';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import {
  createTraining,
  LIMITS,
  refreshTrainings,
  type TrainingDetail,
  type TrainingFormat,
  updateTraining,
} from './api.ts';

interface Values {
  topic: string;
  heldOn: string;
  startsAt: string;
  format: TrainingFormat;
  place: string;
  link: string;
  description: string;
}

const valuesOf = (training?: TrainingDetail): Values => ({
  topic: training?.topic ?? '',
  heldOn: training?.heldOn ?? localToday(),
  startsAt: training?.startsAt ?? '',
  format: training?.format ?? 'offline',
  place: training?.place ?? '',
  link: training?.link ?? '',
  description: training?.description ?? '',
});

export function TrainingForm({
  training,
  onDone,
  onCancel,
}: {
  /** Editing this training instead of creating one. */
  training?: TrainingDetail;
  onDone: (saved: TrainingDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['trainings', 'errors', 'common']);
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: valuesOf(training),
    validate: {
      topic: (v) => (v.trim() ? null : t('errors:field.required')),
      heldOn: (v) => (v ? null : t('errors:field.required')),
      place: (v, values) => (values.format === 'offline' && !v.trim() ? t('form.placeRequired') : null),
      link: (v, values) => {
        if (values.format !== 'online') return null;
        if (!v.trim()) return t('form.linkRequired');
        return /^https:\/\/\S+$/i.test(v.trim()) ? null : t('form.linkHttps');
      },
    },
  });

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        topic: v.topic.trim(),
        format: v.format,
        heldOn: v.heldOn,
        startsAt: v.startsAt || null,
        place: v.format === 'offline' ? v.place.trim() : null,
        link: v.format === 'online' ? v.link.trim() : null,
        description: v.description.trim() || null,
      };
      return training ? updateTraining(training.id, body) : createTraining(body);
    },
    onSuccess: (saved) => {
      refreshTrainings(queryClient, saved);
      notifications.show({
        color: 'teal',
        message: t(training ? 'form.updated' : 'form.created', { topic: saved.topic }),
      });
      onDone(saved);
    },
    onError: (error) => {
      form.setErrors(fieldErrors(t, error));
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="training-form" noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('fields.topic')}
          placeholder={t('form.topicHint')}
          required
          data-autofocus
          maxLength={LIMITS.topic}
          autoComplete="off"
          {...form.getInputProps('topic')}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput type="date" label={t('fields.heldOn')} required {...form.getInputProps('heldOn')} />
          <TextInput type="time" label={t('fields.startsAt')} {...form.getInputProps('startsAt')} />
        </SimpleGrid>
        <NativeSelect
          label={t('fields.format')}
          data={[
            { value: 'offline', label: t('format.offline') },
            { value: 'online', label: t('format.online') },
          ]}
          {...form.getInputProps('format')}
        />
        {form.values.format === 'offline' ? (
          <TextInput
            label={t('fields.place')}
            placeholder={t('form.placeHint')}
            required
            maxLength={LIMITS.place}
            {...form.getInputProps('place')}
          />
        ) : (
          <TextInput
            label={t('fields.link')}
            type="url"
            inputMode="url"
            placeholder="https://"
            required
            maxLength={LIMITS.link}
            {...form.getInputProps('link')}
          />
        )}
        <Textarea
          label={t('fields.description')}
          autosize
          minRows={2}
          maxLength={LIMITS.description}
          {...form.getInputProps('description')}
        />
        <Group justify="flex-end" gap="xs" mt="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {training ? t('form.save') : t('form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
