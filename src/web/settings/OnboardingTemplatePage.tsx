// The organization's onboarding template, for admins: the sponsor's steps (titles for both sides in each
// language, due within N days, what ticks them), the intake questions, the 2-minute presentation starters
// and the contact interval. One language is edited at a time; the others show what is still empty. Saved
// as a whole; the server's objections appear at the field. New follow-ups use it, running ones keep theirs.
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconArrowDown,
  IconArrowLeft,
  IconArrowUp,
  IconInfoCircle,
  IconLock,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FOLLOWUP_LIMITS as L,
  type Localized,
  STEP_CONDITIONS,
  type StepCondition,
} from '../../core/followup/template.ts';
import { isLocale, LANGUAGE_NAMES, LOCALES, type Locale } from '../../core/locales.ts';
import { useMe } from '../accounts/hooks.ts';
import { ApiError } from '../api.ts';
import {
  resetTemplate,
  saveTemplate,
  type Template,
  type TemplateInput,
  type TemplatePage,
  templateQuery,
  templateSaved,
} from '../tools/api.ts';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';

// --- The form's values: the template with a stable id per item for React, and no key yet for new ones.

interface StepDraft {
  uid: string;
  key: string | null;
  title: Localized;
  memberTitle: Localized;
  dueDays: number | string;
  condition: StepCondition;
}
interface QuestionDraft {
  uid: string;
  key: string | null;
  text: Localized;
}
interface StarterDraft {
  uid: string;
  key: string | null;
  title: Localized;
  text: Localized;
}
interface Values {
  steps: StepDraft[];
  questions: QuestionDraft[];
  presentations: StarterDraft[];
  contactIntervalDays: number | string;
}

type ListName = 'steps' | 'questions' | 'presentations';

const empty = (): Localized => ({ en: '', de: '', bg: '' });
const randomSlug = () => Math.random().toString(36).slice(2, 8).padEnd(6, '0');
const newUid = () => `new:${randomSlug()}${randomSlug()}`;

function draftsOf(template: Template): Values {
  const uid = (list: string, key: string) => `${list}:${key}`;
  return {
    steps: template.steps.map((s) => ({ ...s, uid: uid('s', s.key) })),
    questions: template.questions.map((q) => ({ ...q, uid: uid('q', q.key) })),
    presentations: template.presentations.map((p) => ({ ...p, uid: uid('p', p.key) })),
    contactIntervalDays: template.contactIntervalDays,
  };
}

/**
 * A key for a new item: from its title in Latin letters ("Call the sponsor" → call_the_sponsor), else a
 * short random slug; never one the list already has.
 */
function newKey(title: Localized, taken: Set<string>): string {
  const source = title.en || title.de || title.bg;
  let base = source
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 30)
    .replace(/_+$/, '');
  if (!base) base = randomSlug();
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

function withKeys<T extends { uid: string; key: string | null }>(
  items: T[],
  title: (item: T) => Localized,
): (Omit<T, 'uid' | 'key'> & { key: string })[] {
  const taken = new Set(items.flatMap((item) => (item.key ? [item.key] : [])));
  return items.map((item) => {
    const { uid: _uid, key: _key, ...rest } = item;
    let key = item.key;
    if (!key) {
      key = newKey(title(item), taken);
      taken.add(key);
    }
    return { ...rest, key };
  });
}

const asNumber = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? null : Number(v));

function bodyOf(values: Values): TemplateInput {
  return {
    steps: withKeys(values.steps, (s) => s.title).map((s) => ({
      ...s,
      dueDays: asNumber(s.dueDays) as number,
    })),
    questions: withKeys(values.questions, (q) => q.text),
    presentations: withKeys(values.presentations, (p) => p.title),
    contactIntervalDays: asNumber(values.contactIntervalDays) as number,
  };
}

/** The server's field errors, at the fields; its own reasons (and numbers' limits) in this page's words. */
function templateErrors(t: TFunction, error: unknown): Record<string, string> {
  const result = fieldErrors(t, error);
  if (!(error instanceof ApiError)) return result;
  for (const field of error.fields) {
    const last = field.path.split('.').at(-1) ?? '';
    const origin = field.params?.origin;
    if (last === 'key') result[field.path] = t('onboarding:errors.key');
    else if (field.path === 'steps') result[field.path] = t('onboarding:errors.noSteps');
    else if (field.code === 'custom' && ['title', 'memberTitle', 'text'].includes(last))
      result[field.path] = t('onboarding:errors.oneLanguage');
    else if (origin === 'number' && field.code === 'too_small')
      result[field.path] = t('onboarding:errors.min', { minimum: field.params?.minimum });
    else if (origin === 'number' && field.code === 'too_big')
      result[field.path] = t('onboarding:errors.max', { maximum: field.params?.maximum });
  }
  return result;
}

/** A field's error: at the text as a whole, or at one of its languages (too long). */
function errorAt(errors: Record<string, ReactNode>, path: string, lang: Locale): ReactNode {
  return (
    errors[path] ??
    errors[`${path}.${lang}`] ??
    LOCALES.map((l) => errors[`${path}.${l}`] && `${LANGUAGE_NAMES[l]}: ${errors[`${path}.${l}`]}`).find(
      Boolean,
    )
  );
}

// --- Pieces.

function Section({
  title,
  description,
  children,
  testId,
}: {
  title: string;
  description?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Title order={2} size="h4" mb={description ? 4 : 'sm'}>
        {title}
      </Title>
      {description && (
        <Text c="dimmed" size="sm" mb="sm">
          {description}
        </Text>
      )}
      {children}
    </Card>
  );
}

/** One text in the language being edited, saying which other languages are still empty. */
function LocalizedField({
  label,
  value,
  lang,
  error,
  multiline = false,
  maxLength,
  onChange,
  testId,
}: {
  label: string;
  value: Localized;
  lang: Locale;
  error?: ReactNode;
  multiline?: boolean;
  maxLength: number;
  onChange: (value: Localized) => void;
  testId?: string;
}) {
  const { t } = useTranslation('onboarding');
  const me = useMe();
  const others = LOCALES.filter((l) => l !== lang);
  const missing = others.filter((l) => !value[l].trim()).map((l) => LANGUAGE_NAMES[l]);
  // The language readers of this one get instead, in the order `localized()` falls back.
  const shownInstead = value[lang].trim()
    ? undefined
    : [me.organization.defaultLocale, 'en' as const, ...LOCALES].find((l) => value[l].trim());
  const description = shownInstead
    ? t('language.shownInstead', { language: LANGUAGE_NAMES[shownInstead] })
    : value[lang].trim() && missing.length
      ? t('language.missingIn', { languages: missing.join(', ') })
      : undefined;
  const props = {
    label,
    value: value[lang],
    description,
    error,
    maxLength,
    placeholder: shownInstead ? value[shownInstead] : undefined,
    lang,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      onChange({ ...value, [lang]: e.currentTarget.value }),
    inputWrapperOrder: ['label', 'input', 'description', 'error'] as (
      | 'label'
      | 'input'
      | 'description'
      | 'error'
    )[],
    'data-testid': testId,
    'data-lang': lang,
  };
  // Titles wrap over lines on a phone too, but stay one line: Enter does not break them.
  return multiline ? (
    <Textarea autosize minRows={2} maxRows={12} {...props} />
  ) : (
    <Textarea
      autosize
      minRows={1}
      maxRows={4}
      {...props}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.preventDefault();
      }}
    />
  );
}

/** Up, down, remove — for one item of a list. */
function ItemActions({
  index,
  count,
  minimum = 0,
  onMove,
  onRemove,
  what,
}: {
  index: number;
  count: number;
  minimum?: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  what: string;
}) {
  const { t } = useTranslation('onboarding');
  const actions = [
    { label: t('item.up', { what }), icon: IconArrowUp, disabled: index === 0, run: () => onMove(index - 1) },
    {
      label: t('item.down', { what }),
      icon: IconArrowDown,
      disabled: index === count - 1,
      run: () => onMove(index + 1),
    },
  ];
  return (
    <Group gap={4} wrap="nowrap">
      {actions.map((a) => (
        <Tooltip key={a.label} label={a.label} openDelay={400}>
          <ActionIcon variant="default" size="lg" aria-label={a.label} disabled={a.disabled} onClick={a.run}>
            <a.icon size={16} />
          </ActionIcon>
        </Tooltip>
      ))}
      <Tooltip label={t('item.remove', { what })} openDelay={400}>
        <ActionIcon
          variant="subtle"
          color="red"
          size="lg"
          aria-label={t('item.remove', { what })}
          disabled={count <= minimum}
          onClick={onRemove}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

function ItemHeader({ children, actions }: { children: ReactNode; actions: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" mb="xs">
      <Text fw={650} size="sm" c="dimmed" tt="uppercase">
        {children}
      </Text>
      {actions}
    </Group>
  );
}

function AddButton({ label, onClick, disabled }: { label: string; onClick: () => void; disabled: boolean }) {
  return (
    <Group>
      <Button variant="light" leftSection={<IconPlus size={16} />} onClick={onClick} disabled={disabled}>
        {label}
      </Button>
    </Group>
  );
}

/** How many texts are still empty in each language, for the language switch. */
function emptyCounts(values: Values): Record<Locale, number> {
  const texts: Localized[] = [
    ...values.steps.flatMap((s) => [s.title, s.memberTitle]),
    ...values.questions.map((q) => q.text),
    ...values.presentations.flatMap((p) => [p.title, p.text]),
  ];
  return Object.fromEntries(LOCALES.map((l) => [l, texts.filter((x) => !x[l].trim()).length])) as Record<
    Locale,
    number
  >;
}

// --- The editor.

function TemplateEditor({ page }: { page: TemplatePage }) {
  const { t, i18n } = useTranslation(['onboarding', 'common', 'errors']);
  const queryClient = useQueryClient();
  const format = useFormat();
  const [lang, setLang] = useState<Locale>(isLocale(i18n.language) ? i18n.language : 'en');
  const [confirmReset, setConfirmReset] = useState(false);
  const form = useForm<Values>({ initialValues: draftsOf(page.template) });
  const { values, errors } = form;

  const loaded = (updated: TemplatePage) => {
    templateSaved(queryClient, updated);
    const drafts = draftsOf(updated.template);
    form.setValues(drafts);
    form.resetDirty(drafts);
    form.clearErrors();
  };
  const save = useMutation({
    mutationFn: (v: Values) => saveTemplate(bodyOf(v)),
    onSuccess: (updated) => {
      loaded(updated);
      notifications.show({ color: 'teal', message: t('saved') });
    },
    onError: (error) => {
      form.setErrors(templateErrors(t, error));
      notifications.show({ color: 'red', message: errorMessage(t, error) });
      // The first objection into view: on a phone it is easily far up or down the page.
      requestAnimationFrame(() =>
        document.querySelector('[data-template-error="true"]')?.scrollIntoView({ block: 'center' }),
      );
    },
  });
  const reset = useMutation({
    mutationFn: resetTemplate,
    onSuccess: (updated) => {
      loaded(updated);
      setConfirmReset(false);
      notifications.show({ color: 'teal', message: t('reset.done') });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });

  // Moving or removing items changes the positions the server's objections refer to: they go.
  const move = (list: ListName, from: number, to: number) => {
    form.reorderListItem(list, { from, to });
    form.clearErrors();
  };
  const remove = (list: ListName, index: number) => {
    form.removeListItem(list, index);
    form.clearErrors();
  };
  const setText = (path: string, value: Localized) => {
    form.setFieldValue(path, value as never);
    form.clearFieldError(path);
    for (const l of LOCALES) form.clearFieldError(`${path}.${l}`);
  };
  const err = (path: string) => errorAt(errors, path, lang);
  const marked = (node: ReactNode) => (node ? <span data-template-error="true">{node}</span> : undefined);

  const counts = emptyCounts(values);
  const conditions = STEP_CONDITIONS.map((c) => ({ value: c, label: t(`conditions.${c}`) }));

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="md">
        <Group gap="xs">
          <Badge variant="light" color={page.isDefault ? 'gray' : 'teal'} data-testid="template-state">
            {page.isDefault ? t('state.default') : t('state.custom')}
          </Badge>
          {!page.isDefault && page.updatedAt && (
            <Text size="xs" c="dimmed">
              {t('state.updated', { date: format.date(page.updatedAt, { dateStyle: 'medium' }) })}
            </Text>
          )}
        </Group>
        <Alert color="blue" variant="light" icon={<IconInfoCircle />} data-testid="template-note">
          {t('note')}
        </Alert>

        <Card withBorder padding="sm" style={{ position: 'sticky', top: 64, zIndex: 3 }}>
          <Text size="sm" fw={600} mb={6} id="template-language">
            {t('language.label')}
          </Text>
          <SegmentedControl<Locale>
            fullWidth
            value={lang}
            onChange={setLang}
            aria-labelledby="template-language"
            data-testid="template-language"
            data={LOCALES.map((l) => ({
              value: l,
              label: (
                <Group gap={6} justify="center" wrap="nowrap">
                  <span>{LANGUAGE_NAMES[l]}</span>
                  {counts[l] > 0 && (
                    <Badge
                      size="xs"
                      circle
                      color="orange"
                      variant="filled"
                      title={t('language.empty', { count: counts[l] })}
                      aria-label={t('language.empty', { count: counts[l] })}
                    >
                      {counts[l]}
                    </Badge>
                  )}
                </Group>
              ),
            }))}
          />
        </Card>

        <Section title={t('steps.title')} description={t('steps.body')} testId="template-steps">
          <Stack gap="sm">
            {errors.steps && (
              <Text c="red" size="sm" data-template-error="true">
                {errors.steps}
              </Text>
            )}
            {values.steps.map((step, i) => (
              <Card key={step.uid} withBorder padding="sm" bg="gray.0" data-testid="template-step">
                <ItemHeader
                  actions={
                    <ItemActions
                      index={i}
                      count={values.steps.length}
                      minimum={1}
                      what={t('steps.one', { n: i + 1 })}
                      onMove={(to) => move('steps', i, to)}
                      onRemove={() => remove('steps', i)}
                    />
                  }
                >
                  {t('steps.one', { n: i + 1 })}
                </ItemHeader>
                <Stack gap="xs">
                  <LocalizedField
                    label={t('steps.sponsorTitle')}
                    value={step.title}
                    lang={lang}
                    maxLength={L.title}
                    error={marked(err(`steps.${i}.title`))}
                    onChange={(v) => setText(`steps.${i}.title`, v)}
                    testId="step-title"
                  />
                  <LocalizedField
                    label={t('steps.memberTitle')}
                    value={step.memberTitle}
                    lang={lang}
                    maxLength={L.title}
                    error={marked(err(`steps.${i}.memberTitle`))}
                    onChange={(v) => setText(`steps.${i}.memberTitle`, v)}
                    testId="step-member-title"
                  />
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="xs">
                    <Select
                      label={t('steps.condition')}
                      data={conditions}
                      allowDeselect={false}
                      {...form.getInputProps(`steps.${i}.condition`)}
                      error={marked(errors[`steps.${i}.condition`])}
                      data-testid="step-condition"
                    />
                    <NumberInput
                      label={t('steps.dueDays')}
                      min={1}
                      max={L.dueDays}
                      allowDecimal={false}
                      allowNegative={false}
                      {...form.getInputProps(`steps.${i}.dueDays`)}
                      error={marked(errors[`steps.${i}.dueDays`])}
                      data-testid="step-due"
                    />
                  </SimpleGrid>
                  <Text size="xs" c="dimmed">
                    {step.condition === 'manual' ? t('steps.hintManual') : t('steps.hintAuto')}
                  </Text>
                  {errors[`steps.${i}.key`] && (
                    <Text c="red" size="xs" data-template-error="true">
                      {errors[`steps.${i}.key`]}
                    </Text>
                  )}
                </Stack>
              </Card>
            ))}
            <AddButton
              label={t('steps.add')}
              disabled={values.steps.length >= L.steps}
              onClick={() => {
                form.insertListItem('steps', {
                  uid: newUid(),
                  key: null,
                  title: empty(),
                  memberTitle: empty(),
                  dueDays: 7,
                  condition: 'manual',
                } satisfies StepDraft);
                form.clearErrors();
              }}
            />
          </Stack>
        </Section>

        <Section title={t('questions.title')} description={t('questions.body')} testId="template-questions">
          <Stack gap="sm">
            {values.questions.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('questions.none')}
              </Text>
            )}
            {values.questions.map((question, i) => (
              <Card key={question.uid} withBorder padding="sm" bg="gray.0" data-testid="template-question">
                <ItemHeader
                  actions={
                    <ItemActions
                      index={i}
                      count={values.questions.length}
                      what={t('questions.one', { n: i + 1 })}
                      onMove={(to) => move('questions', i, to)}
                      onRemove={() => remove('questions', i)}
                    />
                  }
                >
                  {t('questions.one', { n: i + 1 })}
                </ItemHeader>
                <LocalizedField
                  label={t('questions.text')}
                  value={question.text}
                  lang={lang}
                  multiline
                  maxLength={L.question}
                  error={marked(err(`questions.${i}.text`) ?? errors[`questions.${i}.key`])}
                  onChange={(v) => setText(`questions.${i}.text`, v)}
                  testId="question-text"
                />
              </Card>
            ))}
            <AddButton
              label={t('questions.add')}
              disabled={values.questions.length >= L.questions}
              onClick={() => {
                form.insertListItem('questions', {
                  uid: newUid(),
                  key: null,
                  text: empty(),
                } satisfies QuestionDraft);
                form.clearErrors();
              }}
            />
          </Stack>
        </Section>

        <Section
          title={t('presentations.title')}
          description={t('presentations.body')}
          testId="template-presentations"
        >
          <Stack gap="sm">
            {values.presentations.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('presentations.none')}
              </Text>
            )}
            {values.presentations.map((starter, i) => (
              <Card key={starter.uid} withBorder padding="sm" bg="gray.0" data-testid="template-starter">
                <ItemHeader
                  actions={
                    <ItemActions
                      index={i}
                      count={values.presentations.length}
                      what={t('presentations.one', { n: i + 1 })}
                      onMove={(to) => move('presentations', i, to)}
                      onRemove={() => remove('presentations', i)}
                    />
                  }
                >
                  {t('presentations.one', { n: i + 1 })}
                </ItemHeader>
                <Stack gap="xs">
                  <LocalizedField
                    label={t('presentations.starterTitle')}
                    value={starter.title}
                    lang={lang}
                    maxLength={L.title}
                    error={marked(err(`presentations.${i}.title`) ?? errors[`presentations.${i}.key`])}
                    onChange={(v) => setText(`presentations.${i}.title`, v)}
                    testId="starter-title"
                  />
                  <LocalizedField
                    label={t('presentations.text')}
                    value={starter.text}
                    lang={lang}
                    multiline
                    maxLength={L.presentation}
                    error={marked(err(`presentations.${i}.text`))}
                    onChange={(v) => setText(`presentations.${i}.text`, v)}
                    testId="starter-text"
                  />
                </Stack>
              </Card>
            ))}
            <AddButton
              label={t('presentations.add')}
              disabled={values.presentations.length >= L.presentations}
              onClick={() => {
                form.insertListItem('presentations', {
                  uid: newUid(),
                  key: null,
                  title: empty(),
                  text: empty(),
                } satisfies StarterDraft);
                form.clearErrors();
              }}
            />
          </Stack>
        </Section>

        <Section title={t('contact.title')} description={t('contact.body')}>
          <NumberInput
            label={t('contact.days')}
            min={1}
            max={L.contactIntervalDays}
            allowDecimal={false}
            allowNegative={false}
            maw={240}
            {...form.getInputProps('contactIntervalDays')}
            error={marked(errors.contactIntervalDays)}
            data-testid="contact-interval"
          />
        </Section>

        <Group>
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconArrowBackUp size={16} />}
            onClick={() => setConfirmReset(true)}
            disabled={page.isDefault && !form.isDirty()}
            data-testid="template-reset"
          >
            {t('reset.button')}
          </Button>
        </Group>

        <Card
          withBorder
          padding="sm"
          style={{ position: 'sticky', bottom: 8, zIndex: 3 }}
          shadow="sm"
          data-testid="template-actions"
        >
          <Group gap="sm" wrap="nowrap">
            <Button
              type="submit"
              loading={save.isPending}
              disabled={!form.isDirty()}
              style={{ flexShrink: 0 }}
              data-testid="template-save"
            >
              {t('common:actions.save')}
            </Button>
            <Text size="sm" c="dimmed">
              {form.isDirty() ? t('unsaved') : t('upToDate')}
            </Text>
          </Group>
        </Card>
      </Stack>

      <Modal opened={confirmReset} onClose={() => setConfirmReset(false)} title={t('reset.title')} centered>
        <Text size="sm" mb="md">
          {t('reset.body')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirmReset(false)}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            color="red"
            loading={reset.isPending}
            onClick={() => reset.mutate()}
            data-testid="template-reset-confirm"
          >
            {t('reset.confirm')}
          </Button>
        </Group>
      </Modal>
    </form>
  );
}

function AdminEditor() {
  const { data } = useSuspenseQuery(templateQuery);
  return <TemplateEditor page={data} />;
}

export default function OnboardingTemplatePage() {
  const { t } = useTranslation(['onboarding', 'settings']);
  const me = useMe();
  const isAdmin = me.member.role === 'admin';
  return (
    <Stack gap="md" maw={820} pb="md">
      <AnchorLink to="/settings" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          {t('settings:title')}
        </Group>
      </AnchorLink>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('intro')}
        </Text>
      </Stack>
      {isAdmin ? (
        <AdminEditor />
      ) : (
        <Alert color="gray" icon={<IconLock />} title={t('forbidden.title')} data-testid="template-forbidden">
          {t('forbidden.body')}
        </Alert>
      )}
    </Stack>
  );
}
