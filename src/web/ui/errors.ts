// Turns API errors into text in the person's language: a general message and one per field.
import type { TFunction } from 'i18next';
import { ApiError } from '../api.ts';

export function errorMessage(t: TFunction, error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'internal';
  return t(`errors:code.${code}`, {
    defaultValue: error instanceof Error ? error.message : t('errors:code.internal'),
  });
}

/** Field errors keyed by field name, translated; unknown reasons get a generic text. */
export function fieldErrors(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const field of error.fields) {
    const code =
      field.code === 'invalid_format' && field.params?.format === 'email' ? 'invalid_email' : field.code;
    result[field.path] ??= t(`errors:field.${code}`, {
      ...field.params,
      defaultValue: t('errors:field.invalid'),
    });
  }
  return result;
}
