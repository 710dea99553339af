import { z } from 'zod';
import { FOLLOWUP_LIMITS as L, STEP_CONDITIONS, TOUCHPOINT_KINDS } from '../../core/followup/template.ts';
import { reason } from '../http/errors.ts';
import { isoDate, optionalText } from '../http/schemas.ts';
import { KINDS } from '../structure/schemas.ts';

const day = isoDate();

/** Text in each language; at least one must be filled in. */
const localizedInput = (max: number) =>
  z
    .object({
      en: z.string().trim().max(max).default(''),
      de: z.string().trim().max(max).default(''),
      bg: z.string().trim().max(max).default(''),
    })
    .strict()
    .refine((t) => t.en || t.de || t.bg, reason('one_language', 'Write it in at least one language'));

export const localizedSchema = z.object({ en: z.string(), de: z.string(), bg: z.string() });

const key = z
  .string()
  .trim()
  .min(1, 'Enter a key')
  .max(L.key)
  .regex(/^[a-z0-9_-]+$/, 'Use lower-case letters, digits, - and _')
  .refine(
    (k) => !['__proto__', 'constructor', 'prototype'].includes(k),
    reason('reserved_key', 'Choose another key'),
  );

const uniqueKeys = (what: string) => (items: { key: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.key))
      ctx.addIssue({
        code: 'custom',
        path: [i, 'key'],
        ...reason('duplicate_key', `Two ${what} have the key ${item.key}`),
      });
    seen.add(item.key);
  });
};

export const templateBody = z
  .object({
    steps: z
      .array(
        z
          .object({
            key,
            title: localizedInput(L.title),
            memberTitle: localizedInput(L.title),
            dueDays: z.number().int().min(1).max(L.dueDays),
            condition: z.enum(STEP_CONDITIONS),
          })
          .strict(),
      )
      .min(1, 'Keep at least one step')
      .max(L.steps)
      .superRefine(uniqueKeys('steps')),
    questions: z
      .array(z.object({ key, text: localizedInput(L.question) }).strict())
      .max(L.questions)
      .superRefine(uniqueKeys('questions')),
    presentations: z
      .array(z.object({ key, title: localizedInput(L.title), text: localizedInput(L.presentation) }).strict())
      .max(L.presentations)
      .superRefine(uniqueKeys('presentations')),
    contactIntervalDays: z.number().int().min(1).max(L.contactIntervalDays),
  })
  .strict();

export const templateSchema = z
  .object({
    steps: z.array(
      z.object({
        key: z.string(),
        title: localizedSchema,
        memberTitle: localizedSchema,
        dueDays: z.number().int(),
        condition: z.enum(STEP_CONDITIONS),
      }),
    ),
    questions: z.array(z.object({ key: z.string(), text: localizedSchema })),
    presentations: z.array(z.object({ key: z.string(), title: localizedSchema, text: localizedSchema })),
    contactIntervalDays: z.number().int(),
  })
  .meta({ id: 'OnboardingTemplate' });

export const templatePageSchema = z.object({
  template: templateSchema,
  /** True while the organization uses the template Downline ships with. */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});

/** "Today" is the asking device's date, so due and overdue match the person's own calendar. */
export const todayQuery = z.object({ today: day.optional() });

export const boardQuery = todayQuery.extend({
  /** frontline: the people I sponsored; downline: everyone below me. */
  scope: z.enum(['frontline', 'downline']).default('frontline'),
});

export const stepSchema = z.object({
  key: z.string(),
  title: localizedSchema,
  memberTitle: localizedSchema,
  condition: z.enum(STEP_CONDITIONS),
  dueOn: z.string(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  /** Who ticked it; null when the app saw it happen. */
  doneBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  overdue: z.boolean(),
});

const personSchema = z.object({ id: z.uuid(), name: z.string() });

const followedMemberSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(KINDS),
  joinedOn: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  city: z.string().nullable(),
  sponsor: personSchema.nullable(),
});

const contactStateSchema = z.object({
  lastTouchpointOn: z.string().nullable(),
  /** Days since the last touchpoint, or since joining when there was none. */
  daysWithoutContact: z.number().int(),
  /** No touchpoint for the organization's contact interval. */
  flagged: z.boolean(),
});

export const boardRowSchema = z
  .object({
    member: followedMemberSchema,
    steps: z.array(stepSchema),
    done: z.number().int(),
    total: z.number().int(),
    overdue: z.number().int(),
    intakeAnswered: z.boolean(),
    /** 1 = my frontline. */
    level: z.number().int(),
  })
  .extend(contactStateSchema.shape)
  .meta({ id: 'FollowupBoardRow' });

export const boardSchema = z.object({
  today: z.string(),
  contactIntervalDays: z.number().int(),
  /** Members who joined in the last 90 days, the ones who need me first. */
  rows: z.array(boardRowSchema),
});

export const touchpointSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(TOUCHPOINT_KINDS),
    on: z.string(),
    by: personSchema,
    /** Only its author reads it; null for everyone else. */
    note: z.string().nullable(),
    mine: z.boolean(),
  })
  .meta({ id: 'Touchpoint' });

export const followupSchema = z
  .object({
    member: followedMemberSchema,
    today: z.string(),
    contactIntervalDays: z.number().int(),
    steps: z.array(stepSchema),
    intake: z.object({
      questions: z.array(z.object({ key: z.string(), text: localizedSchema, answer: z.string() })),
      updatedAt: z.string().nullable(),
      updatedBy: personSchema.nullable(),
    }),
    touchpoints: z.array(touchpointSchema),
    /** What the asking person may do here. */
    can: z.object({ tick: z.boolean(), editIntake: z.boolean(), logTouchpoint: z.boolean() }),
    /** The asking person is the new member (the getting-started view). */
    isSelf: z.boolean(),
  })
  .extend(contactStateSchema.shape)
  .meta({ id: 'Followup' });

export const stepParams = z.object({ id: z.uuid(), key: z.string().max(L.key) });
export const stepBody = z.object({ done: z.boolean() }).strict();

export const intakeBody = z
  .object({
    answers: z.record(z.string().max(L.key), z.string().trim().max(L.answer)),
  })
  .strict();

export const touchpointBody = z
  .object({
    kind: z.enum(TOUCHPOINT_KINDS),
    on: day,
    note: optionalText(L.note),
  })
  .strict();

export const touchpointParams = z.object({ id: z.uuid(), touchpointId: z.uuid() });

/** Today's part: my own getting-started steps, and the people in my frontline who need me. */
export const todaySchema = z.object({
  today: z.string(),
  /** My own follow-up while I am new (null when I have none or it is complete). */
  mine: z.object({ steps: z.array(stepSchema), done: z.number().int(), total: z.number().int() }).nullable(),
  /** Members of my frontline with overdue steps or without contact for too long. */
  attention: z.array(boardRowSchema),
});

// Business card and 2-minute presentation.

export const cardBody = z
  .object({
    headline: optionalText(L.title),
    showPhone: z.boolean(),
    showEmail: z.boolean(),
    showMessengers: z.boolean(),
    kind: z.enum(KINDS),
  })
  .strict();

export const cardSchema = z
  .object({
    /** False until the member saves their card for the first time. */
    saved: z.boolean(),
    name: z.string(),
    headline: z.string().nullable(),
    organization: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    city: z.string().nullable(),
    messengers: z.object({
      whatsapp: z.string().optional(),
      viber: z.string().optional(),
      telegram: z.string().optional(),
    }),
    showPhone: z.boolean(),
    showEmail: z.boolean(),
    showMessengers: z.boolean(),
    kind: z.enum(KINDS),
    /** The invitation link the QR code opens, as a path of this server (null until saved). */
    path: z.string().nullable(),
  })
  .meta({ id: 'BusinessCard' });

export const presentationBody = z.object({ text: z.string().trim().max(L.presentation) }).strict();

export const practiceBody = z
  .object({
    seconds: z
      .number()
      .int()
      .min(1)
      .max(60 * 60),
  })
  .strict();

export const presentationSchema = z
  .object({
    text: z.string(),
    updatedAt: z.string().nullable(),
    practiceCount: z.number().int(),
    lastPractisedAt: z.string().nullable(),
    lastSeconds: z.number().int().nullable(),
    /** The organization's starters, to begin from. */
    starters: z.array(z.object({ key: z.string(), title: localizedSchema, text: localizedSchema })),
    seconds: z.number().int(),
  })
  .meta({ id: 'Presentation' });
