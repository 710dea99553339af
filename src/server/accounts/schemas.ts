import { z } from 'zod';
import { PASSWORD_MAX } from '../../core/accounts.ts';
import { canonicalTimeZone, isTimeZone } from '../../core/plans/periods.ts';
import { LOCALES } from '../../db/schema/enums.ts';
import { newPasswordSchema } from '../auth/passwords.ts';
import { reason } from '../http/errors.ts';
import { countryCode, optionalText } from '../http/schemas.ts';
import { organizationSchema } from '../organizations/presenters.ts';

const email = z.string().trim().toLowerCase().pipe(z.email('Enter a valid e-mail address').max(254));
const name = z.string().trim().min(1, 'Enter a name').max(100);

export const signUpBody = z.object({
  name,
  email,
  password: newPasswordSchema,
  organizationName: z.string().trim().min(1, 'Enter the name of your team or company').max(120),
  locale: z.enum(LOCALES).default('en'),
  /** The owner's own city: it splits their contacts into their city and other cities. */
  city: optionalText(100),
  /** The owner's own country (ISO 3166-1 alpha-2): it reads their contacts' national phone numbers. */
  country: countryCode(),
  /** Required when the server sets DOWNLINE_SETUP_TOKEN. */
  setupToken: z.string().max(200).optional(),
});

export const signInBody = z.object({
  email,
  password: z.string().min(1, 'Enter your password').max(PASSWORD_MAX),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, 'Enter your current password').max(PASSWORD_MAX),
  newPassword: newPasswordSchema,
});

export const updateMeBody = z
  .object({
    name: name.optional(),
    locale: z.enum(LOCALES).optional(),
    /** The device's time zone (IANA name): the member's days for plans are counted in it. */
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, reason('time_zone', 'Use a time zone name such as Europe/Sofia'))
      .transform(canonicalTimeZone)
      .optional(),
    /** My own city (empty: none): it splits my contacts into my city and other cities. */
    city: optionalText(100),
    /** My own country, ISO 3166-1 alpha-2 (empty: none). */
    country: countryCode(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    ...reason('nothing_to_change', 'Send name, locale, timeZone, city or country'),
  });

export const meSchema = z
  .object({
    user: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      locale: z.enum(LOCALES).nullable(),
      /**
       * The password this account last signed in with breaks the password rule (it is too short, common
       * or contains the name or e-mail): the person is asked to change it. A change clears it.
       */
      passwordChangeRequired: z.boolean(),
    }),
    member: z.object({
      id: z.uuid(),
      role: z.enum(['admin', 'member']),
      /** The time zone the member's days are counted in (null: not known yet, UTC). */
      timeZone: z.string().nullable(),
      city: z.string().nullable(),
      /** ISO 3166-1 alpha-2. */
      country: z.string().nullable(),
      /** My own weekday of the weekly analysis (null: the organization's). */
      reviewWeekday: z.number().int().min(1).max(7).nullable(),
    }),
    organization: organizationSchema,
  })
  .meta({ id: 'Me' });

export const installationSchema = z
  .object({
    /** True on an empty installation: the first sign-up creates the organization. */
    needsOwner: z.boolean(),
    /** The first sign-up must present the server's setup token. */
    needsSetupToken: z.boolean(),
  })
  .meta({ id: 'Installation' });
