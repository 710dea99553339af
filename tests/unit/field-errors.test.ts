// A refused field shows the server's reason in the person's language: a rule of our own (a date in the
// future, an end before its start) by its own text, a limit by what it limits — never a generic
// "choose one of the offered values".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/core/locales.ts';
import { ApiError } from '../../src/web/api.ts';
import { fieldErrors, fieldReasonKey } from '../../src/web/ui/errors.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales');
const errorsOf = (locale: string) => JSON.parse(readFileSync(path.join(root, locale, 'errors.json'), 'utf8'));

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'en',
    fallbackLng: 'en',
    ns: ['errors'],
    resources: Object.fromEntries(LOCALES.map((l) => [l, { errors: errorsOf(l) }])),
    interpolation: { escapeValue: false },
  });
});

const refused = (...fields: { path: string; code: string; params?: Record<string, string | number> }[]) =>
  new ApiError(
    400,
    'validation_failed',
    'Invalid request',
    fields.map((f) => ({ message: 'in English', ...f })),
  );

describe('field reasons', () => {
  it('the reason code picks the text; limits read by what they limit', () => {
    expect(fieldReasonKey({ code: 'future_date' })).toBe('future_date');
    expect(fieldReasonKey({ code: 'invalid_format', params: { format: 'email' } })).toBe('invalid_email');
    expect(fieldReasonKey({ code: 'too_small', params: { origin: 'string', minimum: 8 } })).toBe('too_small');
    expect(fieldReasonKey({ code: 'too_small', params: { origin: 'string', minimum: 1 } })).toBe('required');
    expect(fieldReasonKey({ code: 'too_small', params: { origin: 'number', minimum: 1 } })).toBe(
      'too_small_number',
    );
    expect(fieldReasonKey({ code: 'too_big', params: { origin: 'array', maximum: 20 } })).toBe(
      'too_big_array',
    );
  });

  it('shows the server’s reason, translated, not "choose one of the offered values"', async () => {
    const error = refused(
      { path: 'occurredOn', code: 'future_date' },
      { path: 'to', code: 'range_too_long', params: { maximum: 62 } },
      { path: 'quantity', code: 'too_small', params: { origin: 'number', minimum: 1 } },
    );
    const t = i18n.getFixedT('en');
    expect(fieldErrors(t, error)).toEqual({
      occurredOn: 'This date cannot be in the future.',
      to: 'Choose at most 62 days.',
      quantity: 'Enter at least 1.',
    });
    expect(fieldErrors(i18n.getFixedT('de'), error).occurredOn).toBe(
      'Dieses Datum darf nicht in der Zukunft liegen.',
    );
    expect(fieldErrors(i18n.getFixedT('bg'), error).occurredOn).toBe('Датата не може да е в бъдещето.');
  });

  it('an unknown reason gets the generic text in the person’s language, never the server’s English', () => {
    const error = refused({ path: 'x', code: 'something_new' });
    expect(fieldErrors(i18n.getFixedT('en'), error)).toEqual({ x: 'This value is not valid.' });
    expect(fieldErrors(i18n.getFixedT('bg'), error)).toEqual({ x: 'Стойността не е валидна.' });
  });

  it('every reason code the server sends has a text in every language', () => {
    // The codes of the server's own rules (reason(...) and invalidField(...) in src/server).
    const server = [
      'future_date',
      'date_range',
      'date_order',
      'range_too_long',
      'two_decimals',
      'currency',
      'not_for_buyer',
      'plan_start',
      'duplicate_activity',
      'week_start',
      'one_language',
      'reserved_key',
      'duplicate_key',
      'nothing_to_change',
      'time_zone',
      'empty_note',
      'not_open_task',
      'same_day',
      'not_on_day',
      'not_for_kind',
      'not_found',
      'not_sold',
      'not_in_downline',
      'not_own_contact',
      'unknown_question',
      'order_too_large',
      'before_order',
      'cycle',
      'nul_character',
      'column_count',
      'too_many',
      'taken',
      'required',
    ];
    for (const locale of LOCALES) {
      const field = errorsOf(locale).field as Record<string, string>;
      expect(server.filter((code) => !field[code])).toEqual([]);
    }
  });
});
