// The intake questions: what the sponsor asks a new member in the first conversation, in each language.
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FOLLOWUP_LIMITS as L } from '../../../core/followup/template.ts';
import { Section } from '../../ui/Section.tsx';
import { newQuestion } from './draft.ts';
import { ItemList } from './ItemList.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { type EditorProps, fieldsOf } from './parts.tsx';

export function QuestionsEditor({ form, lang }: EditorProps) {
  const { t } = useTranslation('onboarding');
  const { values, errors } = form;
  const { text } = fieldsOf(form, lang);
  return (
    <Section
      title={t('questions.title')}
      description={t('questions.body')}
      padding="md"
      testId="template-questions"
    >
      <Stack gap="sm">
        {values.questions.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('questions.none')}
          </Text>
        )}
        <ItemList
          form={form}
          list="questions"
          maximum={L.questions}
          name={(n) => t('questions.one', { n })}
          addLabel={t('questions.add')}
          newItem={newQuestion}
          testId="template-question"
        >
          {(question, i) => (
            <LocalizedField
              label={t('questions.text')}
              value={question.text}
              multiline
              maxLength={L.question}
              {...text(`questions.${i}.text`, errors[`questions.${i}.key`])}
              testId="question-text"
            />
          )}
        </ItemList>
      </Stack>
    </Section>
  );
}
