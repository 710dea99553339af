import { z } from 'zod';
import { LOCALES } from '../../core/locales.ts';
import { newPasswordSchema } from '../auth/passwords.ts';
import { countryCode, isoDate } from '../http/schemas.ts';
import { KINDS } from '../structure/schemas.ts';

export const STATUSES = ['open', 'expired', 'revoked', 'used_up'] as const;

export const createInvitationBody = z.object({
  kind: z.enum(KINDS).default('partner'),
  /** Whose link it is (default: mine). Admins may make links for anyone. */
  sponsorId: z.uuid().optional(),
  /** A member added by hand who should get an account through this link (one use). */
  memberId: z.uuid().optional(),
  expiresInDays: z.number().int().min(1).max(365).optional(),
  maxUses: z.number().int().min(1).max(10_000).optional(),
  /** Prefilled on the join page, e.g. from a contact. */
  name: z.string().trim().max(120).optional(),
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)).optional(),
});

export const listInvitationsQuery = z.object({ sponsorId: z.uuid().optional() });

export const invitationIdParams = z.object({ id: z.uuid() });
export const tokenParams = z.object({ token: z.string().min(1).max(200) });

export const invitationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(KINDS),
    token: z.string(),
    /** Path of the join page; the web app makes the full link from its own address. */
    path: z.string(),
    sponsor: z.object({ id: z.uuid(), name: z.string() }),
    memberId: z.uuid().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    maxUses: z.number().int().nullable(),
    uses: z.number().int(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    status: z.enum(STATUSES),
  })
  .meta({ id: 'Invitation' });

export const joinInfoSchema = z
  .object({
    status: z.enum(STATUSES),
    kind: z.enum(KINDS),
    organization: z.object({ name: z.string() }),
    sponsor: z.object({ name: z.string() }),
    name: z.string().nullable(),
    email: z.string().nullable(),
    /** Who is signed in on this device, if anyone (the page offers to sign out first): the page's one request. */
    signedInAs: z.object({ name: z.string() }).nullable(),
  })
  .meta({ id: 'JoinInfo' });

export const joinBody = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(120),
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid e-mail address').max(254)),
  password: newPasswordSchema,
  locale: z.enum(LOCALES).default('en'),
  phone: z.string().trim().max(40).optional(),
  /** My own city: it splits my contacts into my city and other cities. */
  city: z.string().trim().max(100).optional(),
  /** My own country, ISO 3166-1 alpha-2: it reads my contacts' national phone numbers. */
  country: countryCode(),
  /** The joining device's own date: the join date (and the follow-up's due dates) count from it. */
  today: isoDate().optional(),
});
