// The sponsor's steps: the title each side sees, in each language, due within how many days, and what
// ticks them off. A template has at least one.
import { NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FOLLOWUP_LIMITS as L, STEP_CONDITIONS } from '../../../core/followup/template.ts';
import { Section } from '../../ui/Section.tsx';
import { newStep } from './draft.ts';
import { ItemList } from './ItemList.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { type EditorProps, fieldsOf } from './parts.tsx';

export function StepsEditor({ form, lang }: EditorProps) {
  const { t } = useTranslation('onboarding');
  const { errors } = form;
  const { text, error } = fieldsOf(form, lang);
  const conditions = STEP_CONDITIONS.map((c) => ({ value: c, label: t(`conditions.${c}`) }));
  return (
    <Section title={t('steps.title')} description={t('steps.body')} padding="md" testId="template-steps">
      <Stack gap="sm">
        {errors.steps && (
          <Text c="red" size="sm" data-template-error="true">
            {errors.steps}
          </Text>
        )}
        <ItemList
          form={form}
          list="steps"
          minimum={1}
          maximum={L.steps}
          name={(n) => t('steps.one', { n })}
          addLabel={t('steps.add')}
          newItem={newStep}
          testId="template-step"
        >
          {(step, i) => (
            <Stack gap="xs">
              <LocalizedField
                label={t('steps.sponsorTitle')}
                value={step.title}
                maxLength={L.title}
                {...text(`steps.${i}.title`)}
                testId="step-title"
              />
              <LocalizedField
                label={t('steps.memberTitle')}
                value={step.memberTitle}
                maxLength={L.title}
                {...text(`steps.${i}.memberTitle`)}
                testId="step-member-title"
              />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="xs">
                <Select
                  label={t('steps.condition')}
                  data={conditions}
                  allowDeselect={false}
                  {...form.getInputProps(`steps.${i}.condition`)}
                  error={error(`steps.${i}.condition`)}
                  data-testid="step-condition"
                />
                <NumberInput
                  label={t('steps.dueDays')}
                  min={1}
                  max={L.dueDays}
                  allowDecimal={false}
                  allowNegative={false}
                  {...form.getInputProps(`steps.${i}.dueDays`)}
                  error={error(`steps.${i}.dueDays`)}
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
          )}
        </ItemList>
      </Stack>
    </Section>
  );
}
