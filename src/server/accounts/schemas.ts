import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../core/accounts.ts';
import { canonicalTimeZone, isTimeZone } from '../../core/plans/periods.ts';
import { LOCALES } from '../../db/schema/enums.ts';
import { reason } from '../http/errors.ts';
import { organizationSchema } from '../organizations/presenters.ts';

const email = z.string().trim().toLowerCase().pipe(z.email('Enter a valid e-mail address').max(254));
const name = z.string().trim().min(1, 'Enter a name').max(100);

export const signUpBody = z.object({
  name,
  email,
  password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
  organizationName: z.string().trim().min(1, 'Enter the name of your team or company').max(120),
  locale: z.enum(LOCALES).default('en'),
  /** Required when the server sets DOWNLINE_SETUP_TOKEN. */
  setupToken: z.string().max(200).optional(),
});

export const signInBody = z.object({
  email,
  password: z.string().min(1, 'Enter your password').max(PASSWORD_MAX),
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
  })
  .refine((v) => v.name !== undefined || v.locale !== undefined || v.timeZone !== undefined, {
    ...reason('nothing_to_change', 'Send name, locale or timeZone'),
  });

export const meSchema = z
  .object({
    user: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      locale: z.enum(LOCALES).nullable(),
    }),
    member: z.object({
      id: z.uuid(),
      role: z.enum(['admin', 'member']),
      /** The time zone the member's days are counted in (null: not known yet, UTC). */
      timeZone: z.string().nullable(),
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
