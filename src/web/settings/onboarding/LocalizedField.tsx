// One of the template's texts in the language being edited: under it, which other languages are still
// empty, or — when this one is — the language its readers get instead, shown as the placeholder.
import { Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Localized } from '../../../core/followup/template.ts';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../../../core/locales.ts';
import { useMe } from '../../accounts/hooks.ts';

/** One text in the language being edited, saying which other languages are still empty. */
export function LocalizedField({
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
