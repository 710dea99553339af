// Field schemas every domain shares.
import { z } from 'zod';
import { isCountryCode } from '../../core/countries.ts';
import { reason } from './errors.ts';

/** Years a date of this app can have: PostgreSQL has no year 0, and nobody plans for the year 3000. */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2999-12-31';
/** The years of MIN_DATE and MAX_DATE, for messages. */
export const YEARS = { minimum: 1900, maximum: 2999 };

/** A calendar date (YYYY-MM-DD) between 1900 and 2999. */
export const isoDate = () =>
  z.iso
    .date()
    .refine(
      (v) => v >= MIN_DATE && v <= MAX_DATE,
      reason('date_range', 'Use a date between 1900 and 2999', YEARS),
    );

/** Optional text: trimmed, at most `max` characters; empty means none (null). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null)
    .nullable()
    .optional();

/**
 * A country as an ISO 3166-1 alpha-2 code (any case in, upper case out); empty means none (null). A code
 * that names no country is refused with the reason `country`.
 */
export const countryCode = () =>
  z
    .string()
    .trim()
    .toUpperCase()
    .refine(
      (value) => value === '' || isCountryCode(value),
      reason('country', 'Pick a country: its two-letter ISO code, e.g. BG or DE'),
    )
    .transform((v) => v || null)
    .nullable()
    .optional();

// Query strings and path parameters are text on the wire. They are parsed strictly — never with
// z.coerce, which reads `true` as 1, `0x10` as 16, `1e3` as 1000 and ` 7 ` as 7 — and JSON bodies are
// never coerced at all: a number field takes a JSON number, a boolean field a JSON boolean.

/** A whole number in a query string: decimal digits only (no sign, hex, exponent or spaces). */
export const queryInteger = ({ min, max }: { min: number; max: number }) =>
  z
    .string()
    .regex(/^\d{1,15}$/, 'Write a whole number in digits, e.g. 20')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .meta({ description: `A whole number from ${min} to ${max}, in digits` });

/** A yes/no switch in a query string: exactly `true` or `false`. */
export const queryBoolean = () =>
  z.enum(['true', 'false'], 'Use true or false').transform((v) => v === 'true');
