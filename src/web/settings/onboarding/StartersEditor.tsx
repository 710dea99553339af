// The 2-minute presentation's starters: outlines, each a title and a text in each language, that new members
// can start their own presentation from.
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FOLLOWUP_LIMITS as L } from '../../../core/followup/template.ts';
import { Section } from '../../ui/Section.tsx';
import { newStarter } from './draft.ts';
import { ItemList } from './ItemList.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { type EditorProps, fieldsOf } from './parts.tsx';

export function StartersEditor({ form, lang }: EditorProps) {
  const { t } = useTranslation('onboarding');
  const { values, errors } = form;
  const { text } = fieldsOf(form, lang);
  return (
    <Section
      title={t('presentations.title')}
      description={t('presentations.body')}
      padding="md"
      testId="template-presentations"
    >
      <Stack gap="sm">
        {values.presentations.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('presentations.none')}
          </Text>
        )}
        <ItemList
          form={form}
          list="presentations"
          maximum={L.presentations}
          name={(n) => t('presentations.one', { n })}
          addLabel={t('presentations.add')}
          newItem={newStarter}
          testId="template-starter"
        >
          {(starter, i) => (
            <Stack gap="xs">
              <LocalizedField
                label={t('presentations.starterTitle')}
                value={starter.title}
                maxLength={L.title}
                {...text(`presentations.${i}.title`, errors[`presentations.${i}.key`])}
                testId="starter-title"
              />
              <LocalizedField
                label={t('presentations.text')}
                value={starter.text}
                multiline
                maxLength={L.presentation}
                {...text(`presentations.${i}.text`)}
                testId="starter-text"
              />
            </Stack>
          )}
        </ItemList>
      </Stack>
    </Section>
  );
}
