// The organization's onboarding template, for admins: the sponsor's steps, the intake questions, the
// 2-minute presentation starters and the contact interval. One language is edited at a time; the others
// show what is still empty. Saved as a whole; the server's objections appear at the field. New follow-ups
// use it, running ones keep theirs.
import { Alert, Badge, Button, Card, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOWUP_LIMITS as L } from '../../../core/followup/template.ts';
import { isLocale, type Locale } from '../../../core/locales.ts';
import { resetTemplate, saveTemplate, type TemplatePage, templateSaved } from '../../tools/api.ts';
import { Confirm } from '../../ui/Confirm.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { useFormat } from '../../ui/format.ts';
import { Section } from '../../ui/Section.tsx';
import { bodyOf, draftsOf, type TemplateValues, templateErrors } from './draft.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { marked } from './parts.tsx';
import { QuestionsEditor } from './QuestionsEditor.tsx';
import { StartersEditor } from './StartersEditor.tsx';
import { StepsEditor } from './StepsEditor.tsx';

export function TemplateEditor({ page }: { page: TemplatePage }) {
  const { t, i18n } = useTranslation(['onboarding', 'common', 'errors']);
  const queryClient = useQueryClient();
  const format = useFormat();
  const [lang, setLang] = useState<Locale>(isLocale(i18n.language) ? i18n.language : 'en');
  const [confirmReset, setConfirmReset] = useState(false);
  const form = useForm<TemplateValues>({ initialValues: draftsOf(page.template) });
  const { values, errors } = form;

  const loaded = (updated: TemplatePage) => {
    templateSaved(queryClient, updated);
    const drafts = draftsOf(updated.template);
    form.setValues(drafts);
    form.resetDirty(drafts);
    form.clearErrors();
  };
  const save = useMutation({
    mutationFn: (v: TemplateValues) => saveTemplate(bodyOf(v)),
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

        <LanguageSwitch value={lang} onChange={setLang} values={values} />
        <StepsEditor form={form} lang={lang} />
        <QuestionsEditor form={form} lang={lang} />
        <StartersEditor form={form} lang={lang} />

        <Section title={t('contact.title')} description={t('contact.body')} padding="md">
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

      <Confirm
        opened={confirmReset}
        onClose={() => setConfirmReset(false)}
        title={t('reset.title')}
        body={t('reset.body')}
        confirm={t('reset.confirm')}
        loading={reset.isPending}
        onConfirm={() => reset.mutate()}
        testId="template-reset-confirm"
      />
    </form>
  );
}
