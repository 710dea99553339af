// One more task or event for tomorrow, written in the review's last step.
import { Button, Card, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EVENT_TYPES,
  type EventType,
  DIARY_LIMITS as L,
  type TaskCategory,
} from '../../../core/diary/fields.ts';
import type { PlanItem } from '../api.ts';
import { CategoryPicker } from '../forms/fields.tsx';

export function PlanForm({ onAdd }: { onAdd: (item: PlanItem) => void }) {
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
