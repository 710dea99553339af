import { z } from 'zod';
import { LOCALES } from '../../core/locales.ts';
import { reason } from '../http/errors.ts';
import { countryCode, optionalText, queryInteger, isoDate as sharedIsoDate } from '../http/schemas.ts';

export const KINDS = ['customer', 'partner'] as const;
export const STATUSES = ['active', 'inactive', 'left'] as const;

const isoDate = sharedIsoDate();

export const messengersSchema = z
  .object({
    whatsapp: z.string().trim().max(100).optional(),
    viber: z.string().trim().max(100).optional(),
    telegram: z.string().trim().max(100).optional(),
  })
  .strict();

export const memberIdParams = z.object({ id: z.uuid() });

/** Everything a member's profile holds; all optional in an update. */
const profileFields = {
  name: z.string().trim().min(1, 'Enter a name').max(120),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.union([z.literal(''), z.email('Enter a valid e-mail address').max(254)]))
    .transform((v) => v || null)
    .nullable()
    .optional(),
  phone: optionalText(40),
  messengers: messengersSchema.optional(),
  city: optionalText(100),
  country: countryCode(),
  locale: z.enum(LOCALES).nullable().optional(),
  notes: optionalText(2000),
  kind: z.enum(KINDS),
  status: z.enum(STATUSES),
  joinedOn: isoDate,
};

export const addMemberBody = z.object({
  sponsorId: z.uuid(),
  ...profileFields,
  kind: profileFields.kind.default('partner'),
  status: profileFields.status.default('active'),
  joinedOn: isoDate.optional(),
});

export const updateMemberBody = z
  .object({
    name: profileFields.name.optional(),
    email: profileFields.email,
    phone: profileFields.phone,
    messengers: profileFields.messengers,
    city: profileFields.city,
    country: profileFields.country,
    locale: profileFields.locale,
    notes: profileFields.notes,
    kind: profileFields.kind.optional(),
    status: profileFields.status.optional(),
    joinedOn: isoDate.optional(),
  })
  .refine(
    (v) => Object.values(v).some((x) => x !== undefined),
    reason('nothing_to_change', 'Send at least one field'),
  );

export const moveMemberBody = z.object({ sponsorId: z.uuid() });

/** How many sessions of the member's account an admin's sign-out ended (0: none, or no account). */
export const signOutSchema = z.object({ sessionsEnded: z.number().int().min(0) });

export const pageQuery = z.object({
  offset: queryInteger({ min: 0, max: 10_000_000 }).default(0),
  limit: queryInteger({ min: 1, max: 200 }).default(50),
});

export const downlineQuery = pageQuery.extend({
  minDepth: queryInteger({ min: 1, max: 500 }).optional(),
  maxDepth: queryInteger({ min: 1, max: 500 }).optional(),
  kind: z.enum(KINDS).optional(),
  status: z.enum(STATUSES).optional(),
  city: z.string().trim().min(1).max(100).optional(),
  joinedFrom: isoDate.optional(),
  joinedTo: isoDate.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(['tree', 'name', 'joinedOn', 'depth', 'city']).default('tree'),
  direction: z.enum(['asc', 'desc']).default('asc'),
});

export const csvQuery = downlineQuery.omit({ offset: true, limit: true }).extend({
  /** Excel in German or Bulgarian settings expects semicolons. */
  delimiter: z.enum(['comma', 'semicolon']).default('comma'),
});

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  limit: queryInteger({ min: 1, max: 50 }).default(20),
});

export const memberSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    messengers: messengersSchema,
    city: z.string().nullable(),
    country: z.string().nullable(),
    locale: z.enum(LOCALES).nullable(),
    notes: z.string().nullable(),
    kind: z.enum(KINDS),
    status: z.enum(STATUSES),
    role: z.enum(['admin', 'member']),
    joinedOn: z.string(),
    sponsorId: z.uuid().nullable(),
    /** Levels below the organization's root. */
    depth: z.number().int(),
    hasAccount: z.boolean(),
    externalId: z.string().nullable(),
  })
  .meta({ id: 'Member' });

/** What the tree and the lists show of a member. */
export const memberSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(KINDS),
    status: z.enum(STATUSES),
    city: z.string().nullable(),
    country: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    joinedOn: z.string(),
    /** Levels below the member whose downline is shown (1 = frontline). */
    level: z.number().int(),
    hasAccount: z.boolean(),
  })
  .meta({ id: 'MemberSummary' });

export const structureCountsSchema = z.object({
  downline: z.number().int(),
  frontline: z.number().int(),
  customer: z.number().int(),
  partner: z.number().int(),
});

export const memberPageSchema = z
  .object({
    member: memberSchema,
    /** Names on the way up to the root, root first. */
    upline: z.array(z.object({ id: z.uuid(), name: z.string() })),
    counts: structureCountsSchema,
    /** Whether the asking person may edit this profile. */
    canEdit: z.boolean(),
  })
  .meta({ id: 'MemberPage' });

export const frontlineSchema = z.object({
  total: z.number().int(),
  rows: z.array(memberSummarySchema.extend({ frontline: z.number().int() })),
});

export const downlinePageSchema = z.object({ total: z.number().int(), rows: z.array(memberSummarySchema) });

export const searchResultSchema = z.object({
  rows: z.array(
    z.object({
      member: memberSummarySchema,
      /** Members between the searched downline's root and the match, top first. */
      trail: z.array(z.object({ id: z.uuid(), name: z.string() })),
    }),
  ),
});
