// Turns API errors into text in the person's language: a general message and one per field.
import type { TFunction } from 'i18next';
import { ApiError } from '../api.ts';

export function errorMessage(t: TFunction, error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'internal';
  return t(`errors:code.${code}`, {
    defaultValue: error instanceof Error ? error.message : t('errors:code.internal'),
  });
}

interface FieldReason {
  code: string;
  params?: Record<string, string | number>;
}

/**
 * The key of `errors:field` that says why a field was refused. The server's reason code decides
 * (zod's `too_small`, or a rule of our own such as `future_date`); a few depend on what the limit
 * applies to: `too_small` of a number ("at least 1") reads differently from that of a text ("at
 * least 8 characters").
 */
export function fieldReasonKey(field: FieldReason): string {
  const { code, params } = field;
  if (code === 'invalid_format' && params?.format === 'email') return 'invalid_email';
  if ((code === 'too_small' || code === 'too_big') && typeof params?.origin === 'string') {
    const origin = params.origin;
    if (code === 'too_small' && origin === 'string' && Number(params.minimum) === 1) return 'required';
    if (origin === 'number' || origin === 'int' || origin === 'bigint') return `${code}_number`;
    if (origin === 'array' || origin === 'set') return `${code}_array`;
    if (origin === 'date') return `${code}_date`;
  }
  return code;
}

/** Field errors keyed by field name, translated; unknown reasons get a generic text. */
export function fieldErrors(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const field of error.fields) {
    result[field.path] ??= t(`errors:field.${fieldReasonKey(field)}`, {
      ...field.params,
      defaultValue: t('errors:field.invalid'),
    });
  }
  return result;
}
