import { z } from 'zod';
import {
  CONTACT_LISTS,
  INTERACTION_KINDS,
  INTERACTION_OUTCOMES,
  CONTACT_LIMITS as L,
  RELATIONSHIPS,
  STAGES,
} from '../../core/contacts/fields.ts';
import { IMPORT_FIELDS } from '../../core/contacts/import/types.ts';
import { reason } from '../http/errors.ts';
import { optionalText, queryBoolean, queryInteger, isoDate as sharedIsoDate } from '../http/schemas.ts';
import { KINDS } from '../structure/schemas.ts';

const isoDate = sharedIsoDate();

const messengers = z
  .object({
    whatsapp: z.string().trim().max(L.messenger).optional(),
    viber: z.string().trim().max(L.messenger).optional(),
    telegram: z.string().trim().max(L.messenger).optional(),
  })
  .strict();

/** Every field of a contact; all optional in an update. */
const contactFields = {
  name: z.string().trim().min(1, 'Enter a name').max(L.name),
  phone: optionalText(L.phone),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.union([z.literal(''), z.email('Enter a valid e-mail address').max(L.email)]))
    .transform((v) => v || null)
    .nullable()
    .optional(),
  messengers: messengers.optional(),
  city: optionalText(L.city),
  /** Null: derived from the cities. */
  list: z.enum(CONTACT_LISTS).nullable().optional(),
  relationship: z.enum(RELATIONSHIPS).nullable().optional(),
  source: optionalText(L.source),
  interests: optionalText(L.interests),
  needs: optionalText(L.needs),
  notes: optionalText(L.notes),
  tags: z.array(z.string().trim().min(1).max(L.tag)).max(L.tags).optional(),
  stage: z.enum(STAGES).optional(),
  nextFollowUpOn: isoDate.nullable().optional(),
  lastContactOn: isoDate.nullable().optional(),
};

export const createContactBody = z.object(contactFields);

export const updateContactBody = z
  .object({ ...contactFields, name: contactFields.name.optional() })
  .refine(
    (v) => Object.values(v).some((x) => x !== undefined),
    reason('nothing_to_change', 'Send at least one field'),
  );

export const contactIdParams = z.object({ id: z.uuid() });
export const interactionIdParams = z.object({ id: z.uuid(), interactionId: z.uuid() });

/** `today` is the asking device's date, so "due" follows the member's own day. */
const todayParam = { today: isoDate.optional() };

export const contactFilter = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  list: z.enum(CONTACT_LISTS).optional(),
  /** A city of list 2 as the summary names it (compared folded). */
  city: z.string().trim().min(1).max(L.city).optional(),
  stage: z.enum(STAGES).optional(),
  tag: z.string().trim().min(1).max(L.tag).optional(),
  /** Only contacts whose next follow-up is today or earlier. */
  due: queryBoolean().optional(),
  ...todayParam,
});

export const listContactsQuery = contactFilter.extend({
  sort: z.enum(['name', 'nextFollowUpOn', 'lastContactOn', 'createdAt', 'stage']).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: queryInteger({ min: 0, max: 1_000_000 }).default(0),
  limit: queryInteger({ min: 1, max: 200 }).default(50),
});

export const exportQuery = contactFilter.extend({
  /** Excel in German or Bulgarian settings expects semicolons (CSV only). */
  delimiter: z.enum(['comma', 'semicolon']).default('comma'),
});

export const dueQuery = z.object({
  ...todayParam,
  limit: queryInteger({ min: 1, max: 200 }).default(50),
});

export const todayQuery = z.object(todayParam);

export const logInteractionBody = z.object({
  kind: z.enum(INTERACTION_KINDS),
  /** Default: today (the server's date, or `today`). */
  occurredOn: isoDate.optional(),
  outcome: z.enum(INTERACTION_OUTCOMES).nullable().optional(),
  note: optionalText(L.interactionNote),
  /** Move the contact to this stage. Without it a new contact becomes contacted. */
  stage: z.enum(STAGES).optional(),
  /** Set (a date) or clear (null) the next follow-up. Left out: a follow-up due by this date is done. */
  nextFollowUpOn: isoDate.nullable().optional(),
  ...todayParam,
});

export const shareBody = z.object({ shared: z.boolean() });

export const contactInvitationBody = z.object({
  kind: z.enum(KINDS).default('partner'),
  expiresInDays: z.number().int().min(1).max(365).default(30),
});

export const interactionSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(INTERACTION_KINDS),
    occurredOn: z.string(),
    outcome: z.enum(INTERACTION_OUTCOMES).nullable(),
    note: z.string().nullable(),
    /** The stage this interaction moved the contact to, if it did. */
    stage: z.enum(STAGES).nullable(),
    nextFollowUpOn: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ContactInteraction' });

/** A contact in lists: enough to call, message and sort. */
export const contactSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    messengers: messengers,
    city: z.string().nullable(),
    /** The list it is on now (derived unless chosen). */
    list: z.enum(CONTACT_LISTS),
    relationship: z.enum(RELATIONSHIPS).nullable(),
    tags: z.array(z.string()),
    stage: z.enum(STAGES),
    nextFollowUpOn: z.string().nullable(),
    lastContactOn: z.string().nullable(),
    shared: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ContactSummary' });

export const contactSchema = contactSummarySchema
  .extend({
    /** Whether the list was chosen by hand (else derived from the cities). */
    listChosen: z.boolean(),
    source: z.string().nullable(),
    interests: z.string().nullable(),
    needs: z.string().nullable(),
    notes: z.string().nullable(),
    /** The member this contact became, once they joined. */
    member: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    /** The invitation link made for this contact, if any. */
    invitationId: z.uuid().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Contact' });

export const contactPageSchema = z
  .object({
    contact: contactSchema,
    interactions: z.array(interactionSchema),
    /** `owner`: full access. `sponsor`: shared with me by a member of my frontline, read-only. */
    access: z.enum(['owner', 'sponsor']),
    /** `country` reads the owner's national phone numbers (e.g. for messenger links). */
    owner: z.object({ id: z.uuid(), name: z.string(), country: z.string().nullable() }),
  })
  .meta({ id: 'ContactPage' });

export const contactListSchema = z.object({
  total: z.number().int(),
  rows: z.array(contactSummarySchema),
});

export const dueListSchema = z.object({
  /** All due follow-ups (today and overdue); rows holds the first `limit`, most overdue first. */
  total: z.number().int(),
  overdue: z.number().int(),
  rows: z.array(contactSummarySchema),
});

export const sharedContactsSchema = z.object({
  rows: z.array(contactSummarySchema.extend({ owner: z.object({ id: z.uuid(), name: z.string() }) })),
});

const stageCounts = z.record(z.enum(STAGES), z.number().int());

/** Counts only: what the upline and admins may see of someone's lists. */
export const contactCountsSchema = z
  .object({
    total: z.number().int(),
    lists: z.object({ own: z.number().int(), other: z.number().int() }),
    stages: stageCounts,
    /** Added since Monday and since the first of the month (of `today`). */
    addedThisWeek: z.number().int(),
    addedThisMonth: z.number().int(),
  })
  .meta({ id: 'ContactCounts' });

/** The owner's overview: counts plus the cities of list 2 and the tags in use. */
export const contactSummaryOverviewSchema = contactCountsSchema
  .extend({
    /** The member's own city (list 1); null when their profile has none. */
    ownCity: z.string().nullable(),
    cities: z.array(z.object({ city: z.string(), count: z.number().int() })),
    tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
    due: z.number().int(),
  })
  .meta({ id: 'ContactOverview' });

// Importing: one endpoint previews (writes nothing) and imports (everything or nothing, in one transaction).

export const DUPLICATE_ACTIONS = ['skip', 'merge', 'create'] as const;

export const importBody = z.object({
  fileName: z.string().trim().min(1).max(255),
  /** The file's bytes, base64: the server finds the encoding (UTF-8, UTF-16, Windows-1252/1251). */
  data: z.base64('The file must be sent base64-encoded').min(1, 'The file is empty'),
  mode: z.enum(['preview', 'import']),
  /** CSV: one target per column (null = not imported). Left out: the mapping guessed from the headers. */
  mapping: z.array(z.enum(IMPORT_FIELDS).nullable()).max(500).optional(),
  /** What to do with a row whose phone or e-mail is already in my contacts (or earlier in the file). */
  duplicates: z.enum(DUPLICATE_ACTIONS).default('skip'),
  /** Per-line choices that override `duplicates`, keyed by line number. */
  decisions: z.record(z.string().regex(/^\d+$/), z.enum(DUPLICATE_ACTIONS)).optional(),
  /** Import the valid rows of a file with errors (otherwise it is refused with 422). */
  skipInvalidRows: z.boolean().default(false),
});

const rowErrorSchema = z.object({
  field: z.enum(IMPORT_FIELDS).nullable(),
  code: z.string(),
  message: z.string(),
  value: z.string().optional(),
});

export const importPreviewSchema = z
  .object({
    format: z.enum(['csv', 'vcard']),
    source: z.enum(['google', 'outlook', 'template', 'vcard', 'other']),
    encoding: z.string(),
    delimiter: z.string().nullable(),
    /** CSV: the header with a sample value and the field each column goes to. */
    columns: z.array(
      z.object({ header: z.string(), sample: z.string(), field: z.enum(IMPORT_FIELDS).nullable() }),
    ),
    counts: z.object({
      rows: z.number().int(),
      invalid: z.number().int(),
      duplicates: z.number().int(),
      create: z.number().int(),
      merge: z.number().int(),
      skip: z.number().int(),
    }),
    /** Every row with a problem or a duplicate, then the first clean rows (up to 50) as a sample. */
    rows: z.array(
      z.object({
        line: z.number().int(),
        name: z.string().nullable(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
        city: z.string().nullable(),
        tags: z.array(z.string()),
        errors: z.array(rowErrorSchema),
        /** The contact (or earlier line of the file) with the same phone or e-mail. */
        duplicateOf: z
          .object({
            contact: z.object({ id: z.uuid(), name: z.string() }).nullable(),
            line: z.number().int().nullable(),
          })
          .nullable(),
        action: z.enum([...DUPLICATE_ACTIONS, 'invalid']),
      }),
    ),
    /** Set when mode was `import`: what was written. */
    imported: z
      .object({ created: z.number().int(), merged: z.number().int(), skipped: z.number().int() })
      .nullable(),
  })
  .meta({ id: 'ContactImport' });
