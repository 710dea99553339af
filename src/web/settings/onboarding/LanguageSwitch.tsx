// The language being edited, one at a time, kept in view while scrolling: each language says how many of
// the template's texts are still empty in it.
import { Badge, Card, Group, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Localized } from '../../../core/followup/template.ts';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../../../core/locales.ts';
import type { TemplateValues } from './draft.ts';

/** How many texts are still empty in each language. */
function emptyCounts(values: TemplateValues): Record<Locale, number> {
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

export function LanguageSwitch({
  value,
  onChange,
  values,
}: {
  value: Locale;
  onChange: (lang: Locale) => void;
  values: TemplateValues;
}) {
  const { t } = useTranslation('onboarding');
  const counts = emptyCounts(values);
  return (
    <Card withBorder padding="sm" style={{ position: 'sticky', top: 64, zIndex: 3 }}>
      <Text size="sm" fw={600} mb={6} id="template-language">
        {t('language.label')}
      </Text>
      <SegmentedControl<Locale>
        fullWidth
        value={value}
        onChange={onChange}
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
  );
}
