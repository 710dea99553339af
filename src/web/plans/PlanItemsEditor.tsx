// The items of a plan being written: per row an activity with its target count, or an own action in
// words; rows added and removed. Controlled (value and onChange), so the plan editor, the evening review
// (tomorrow's day plan) and the weekly analysis (next week's plan) share it. Errors come keyed by the
// request's field paths (`items.2.target`, `dayPlan.items.0.title`) and land under their row.
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ACTIVITIES, type Activity, PLAN_LIMITS as L } from '../../core/plans/fields.ts';
import type { Plan, PlanItemInput, ProposedItem } from './api.ts';

export interface DraftItem {
  /** For React only. */
  key: number;
  /** An existing item keeps its id (and so a custom item its tick). */
  id?: string;
  activity: Activity;
  target: number | string;
  title: string;
}

let lastKey = 0;
const newKey = () => ++lastKey;

/** The rows to start from: the plan's own items, else the proposal from the level above. */
export function draftsOf(plan: Plan | null | undefined, proposal: ProposedItem[] = []): DraftItem[] {
  if (plan?.items.length)
    return plan.items.map((item) => ({
      key: newKey(),
      id: item.id,
      activity: item.activity,
      target: item.target ?? '',
      title: item.title ?? '',
    }));
  return proposal.map((p) => ({ key: newKey(), activity: p.activity, target: p.target, title: '' }));
}

/** The rows as the API takes them. */
export function inputsOf(drafts: DraftItem[]): PlanItemInput[] {
  return drafts.map((d): PlanItemInput => {
    const id = d.id ? { id: d.id } : {};
    return d.activity === 'custom'
      ? { ...id, activity: 'custom', title: d.title.trim() }
      : { ...id, activity: d.activity, target: Number(d.target) };
  });
}

/** What is wrong before sending, keyed like the server's field errors (`${prefix}.2.target`). */
export function checkDrafts(t: TFunction, drafts: DraftItem[], prefix = 'items'): Record<string, string> {
  const errors: Record<string, string> = {};
  drafts.forEach((d, i) => {
    if (d.activity === 'custom') {
      if (!d.title.trim()) errors[`${prefix}.${i}.title`] = t('plans:editor.titleRequired');
      return;
    }
    const n = Number(d.target);
    if (d.target === '' || !Number.isInteger(n) || n < 1 || n > L.target)
      errors[`${prefix}.${i}.target`] = t('plans:editor.targetRange');
  });
  return errors;
}

export function PlanItemsEditor({
  value,
  onChange,
  errors = {},
  prefix = 'items',
  testId = 'plan-items-editor',
}: {
  value: DraftItem[];
  onChange: (items: DraftItem[]) => void;
  /** Messages by field path, e.g. from `fieldErrors` of the failed request or from `checkDrafts`. */
  errors?: Record<string, string>;
  /** Where the items sit in the request (`items`, `dayPlan.items`, `nextWeekPlan.items`). */
  prefix?: string;
  testId?: string;
}) {
  const { t } = useTranslation('plans');
  const used = new Set(value.map((d) => d.activity));
  const set = (key: number, patch: Partial<DraftItem>) =>
    onChange(value.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const add = () => {
    const activity = ACTIVITIES.find((a) => a !== 'custom' && !used.has(a)) ?? 'custom';
    onChange([...value, { key: newKey(), activity, target: '', title: '' }]);
  };
  const error = (path: string) => errors[`${prefix}.${path}`];

  return (
    <Stack gap="xs" maw={560} data-testid={testId}>
      {value.map((d, i) => {
        // Each activity once per plan: the others' activities are not offered again (custom ones are).
        const data = ACTIVITIES.filter((a) => a === 'custom' || a === d.activity || !used.has(a)).map(
          (a) => ({
            value: a,
            label: t(a === 'custom' ? 'editor.custom' : `activity.${a}`),
          }),
        );
        const rowError = error(`${i}`) ?? error(`${i}.activity`) ?? error(`${i}.id`);
        return (
          <Stack key={d.key} gap={4} data-testid="plan-item-row">
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Select
                aria-label={t('editor.activity')}
                data={data}
                value={d.activity}
                allowDeselect={false}
                onChange={(v) => v && set(d.key, { activity: v as Activity })}
                error={rowError}
                style={{ flex: 1, minWidth: 0 }}
                comboboxProps={{ withinPortal: true }}
                data-testid="plan-item-activity"
              />
              {d.activity !== 'custom' && (
                <NumberInput
                  aria-label={t('editor.target')}
                  placeholder={t('editor.target')}
                  value={d.target}
                  onChange={(v) => set(d.key, { target: v })}
                  min={1}
                  max={L.target}
                  allowDecimal={false}
                  allowNegative={false}
                  error={error(`${i}.target`)}
                  w={96}
                  data-testid="plan-item-target"
                />
              )}
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                mt={2}
                aria-label={t('editor.remove')}
                onClick={() => onChange(value.filter((x) => x.key !== d.key))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            {d.activity === 'custom' && (
              <TextInput
                aria-label={t('editor.title')}
                placeholder={t('editor.titleHint')}
                value={d.title}
                maxLength={L.title}
                autoComplete="off"
                onChange={(e) => set(d.key, { title: e.currentTarget.value })}
                error={error(`${i}.title`)}
                mr={40}
                data-testid="plan-item-title"
              />
            )}
          </Stack>
        );
      })}
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('editor.none')}
        </Text>
      )}
      {errors[prefix] && (
        <Text size="sm" c="red">
          {errors[prefix]}
        </Text>
      )}
      <Button
        variant="light"
        size="compact-sm"
        leftSection={<IconPlus size={14} />}
        style={{ alignSelf: 'flex-start' }}
        disabled={value.length >= L.items}
        onClick={add}
        data-testid="plan-item-add"
      >
        {t('editor.add')}
      </Button>
    </Stack>
  );
}
