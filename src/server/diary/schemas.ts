import { z } from 'zod';
import { CONTACT_LIMITS } from '../../core/contacts/fields.ts';
import {
  ENTRY_KINDS,
  EVENT_TYPES,
  INVITATION_RESPONSES,
  DIARY_LIMITS as L,
  TASK_CATEGORIES,
  TASK_STATES,
} from '../../core/diary/fields.ts';
import { reason } from '../http/errors.ts';
import {
  MAX_DATE,
  MIN_DATE,
  optionalText,
  queryInteger,
  isoDate as sharedIsoDate,
  YEARS,
} from '../http/schemas.ts';
import { planItemsBody } from '../plans/schemas.ts';

const isoDate = sharedIsoDate();
/** A moment with its offset, between 1900 and 2999 (like dates). */
const moment = z.iso.datetime({ offset: true }).refine(
  (v) => {
    const t = Date.parse(v);
    return t >= Date.parse(`${MIN_DATE}T00:00:00Z`) && t <= Date.parse(`${MAX_DATE}T23:59:59Z`);
  },
  reason('date_range', 'Use a time between 1900 and 2999', YEARS),
);

/** A web address people can open: http or https only. */
const webLink = z
  .url({ protocol: /^https?$/, error: 'Enter a full address, e.g. https://…' })
  .max(L.link)
  .nullable()
  .optional();

const links = {
  /** My own contacts this entry is about. */
  contactIds: z.array(z.uuid()).max(L.links).optional(),
  /** Members of my structure (downline or upline) this entry is about. */
  memberIds: z.array(z.uuid()).max(L.links).optional(),
};

const common = {
  day: isoDate,
  title: z.string().trim().min(1, 'Enter a title').max(L.title),
  details: optionalText(L.text),
  ...links,
};

const noteParts = z
  .object({
    met: z.string().trim().max(L.text).optional(),
    discussed: z.string().trim().max(L.text).optional(),
    infoNeeded: z.string().trim().max(L.text).optional(),
    agreed: z.string().trim().max(L.text).optional(),
  })
  .strict();

/** People met who are not in my lists yet: each becomes a contact (list 1 or 2 by their city). */
const newContact = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(CONTACT_LIMITS.name),
  phone: optionalText(CONTACT_LIMITS.phone),
  city: optionalText(CONTACT_LIMITS.city),
});

export const createEntryBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('event'),
    ...common,
    eventType: z.enum(EVENT_TYPES),
    startsAt: moment,
    endsAt: moment.nullable().optional(),
    place: optionalText(L.place),
    link: webLink,
  }),
  z.object({
    kind: z.literal('task'),
    ...common,
    category: z.enum(TASK_CATEGORIES).default('necessary'),
  }),
  z
    .object({
      kind: z.literal('note'),
      ...common,
      title: common.title.optional(),
      parts: noteParts.optional(),
      /** Sets the next follow-up of every linked contact. */
      callBackOn: isoDate.nullable().optional(),
      newContacts: z.array(newContact).max(L.links).optional(),
    })
    .refine((v) => v.title || Object.values(v.parts ?? {}).some((p) => p?.trim()) || v.newContacts?.length, {
      ...reason('empty_note', 'Write a title, one of the parts, or a new contact'),
      path: ['title'],
    }),
]);

export const updateEntryBody = z
  .object({
    day: isoDate.optional(),
    title: common.title.optional(),
    details: common.details,
    eventType: z.enum(EVENT_TYPES).optional(),
    startsAt: moment.optional(),
    endsAt: moment.nullable().optional(),
    place: optionalText(L.place),
    link: webLink,
    category: z.enum(TASK_CATEGORIES).optional(),
    state: z.enum(['open', 'done', 'dropped'] as const).optional(),
    parts: noteParts.optional(),
    /** Cancel an event: it leaves the day and calendars are told. */
    cancelled: z.boolean().optional(),
  })
  .refine(
    (v) => Object.values(v).some((x) => x !== undefined),
    reason('nothing_to_change', 'Send at least one field'),
  );

export const entryIdParams = z.object({ id: z.uuid() });
export const dayParams = z.object({ day: isoDate });
export const moveTaskBody = z.object({ to: isoDate });

export const rangeQuery = z
  .object({ from: isoDate, to: isoDate })
  .refine((v) => v.from <= v.to, { ...reason('date_order', '`from` must not be after `to`'), path: ['to'] })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 62 * 86_400_000, {
    ...reason('range_too_long', 'At most 62 days at once', { maximum: 62 }),
    path: ['to'],
  });

/** The evening review: a decision for each of the day's open tasks, then tomorrow's plan. */
export const reviewBody = z.object({
  tasks: z
    .array(z.object({ id: z.uuid(), action: z.enum(['done', 'move', 'drop']) }))
    .max(200)
    .default([]),
  summary: optionalText(L.text),
  /** Tasks and events for the next day. */
  plan: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({
          kind: z.literal('task'),
          title: common.title,
          category: z.enum(TASK_CATEGORIES).default('necessary'),
        }),
        z.object({
          kind: z.literal('event'),
          title: common.title,
          eventType: z.enum(EVENT_TYPES),
          startsAt: moment,
          endsAt: moment.nullable().optional(),
          place: optionalText(L.place),
        }),
      ]),
    )
    .max(50)
    .default([]),
  /** The day plan for the next day: target counts of activities and custom actions (see /plans). */
  dayPlan: planItemsBody.optional(),
});

export const activityQuery = z.object({
  /** The last N weeks (Monday to Sunday), up to the week of `today`. */
  weeks: queryInteger({ min: 1, max: 26 }).default(4),
  today: isoDate.optional(),
});

const linkSchema = z.object({
  contacts: z.array(z.object({ id: z.uuid(), name: z.string() })),
  members: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      /** Members linked to an event are invited: their answer. Null on tasks and notes. */
      response: z.enum(INVITATION_RESPONSES).nullable(),
    }),
  ),
});

/**
 * An event of someone else's diary I am invited to, as I see it: when, what kind, where, whose and who
 * else is invited — never the owner's title or details, and the owner's contacts only as a number of
 * guests (a contact is named to its owner alone).
 */
export const meetingSchema = z
  .object({
    /** The event's id in its owner's diary. */
    id: z.uuid(),
    day: z.string(),
    eventType: z.enum(EVENT_TYPES),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime().nullable(),
    place: z.string().nullable(),
    link: z.string().nullable(),
    cancelled: z.boolean(),
    owner: z.object({ id: z.uuid(), name: z.string() }),
    /** Everyone invited, me included, with their answers. */
    members: z.array(
      z.object({ id: z.uuid(), name: z.string(), response: z.enum(INVITATION_RESPONSES), me: z.boolean() }),
    ),
    /** The owner's contacts at the meeting (the prospects), not named. */
    guests: z.number().int(),
    response: z.enum(INVITATION_RESPONSES),
    respondedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'DiaryMeeting' });

export const meetingsSchema = z.object({ meetings: z.array(meetingSchema) }).meta({ id: 'DiaryMeetings' });

export const answerBody = z.object({ response: z.enum(['accepted', 'declined'] as const) });

export const entrySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(ENTRY_KINDS),
    day: z.string(),
    title: z.string(),
    details: z.string().nullable(),
    eventType: z.enum(EVENT_TYPES).nullable(),
    startsAt: z.iso.datetime().nullable(),
    endsAt: z.iso.datetime().nullable(),
    place: z.string().nullable(),
    link: z.string().nullable(),
    category: z.enum(TASK_CATEGORIES).nullable(),
    state: z.enum(TASK_STATES).nullable(),
    /** For a moved task: the day it went to. */
    movedTo: z.string().nullable(),
    parts: noteParts.nullable(),
    callBackOn: z.string().nullable(),
    cancelled: z.boolean(),
    links: linkSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'DiaryEntry' });

export const dayPageSchema = z
  .object({
    day: z.string(),
    /** Events by start, then tasks (urgent, important, necessary), then notes, each in the order written. */
    entries: z.array(entrySchema),
    review: z.object({ completedAt: z.iso.datetime(), summary: z.string().nullable() }).nullable(),
    /** Evenings reviewed in a row up to this day (or the day before, while this one is open). */
    streak: z.number().int(),
    /** Events of other members' diaries I am invited to on this day, by start. */
    meetings: z.array(meetingSchema),
  })
  .meta({ id: 'DiaryDay' });

export const rangePageSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    entries: z.array(entrySchema),
    reviewedDays: z.array(z.string()),
    /** Events of other members' diaries I am invited to on these days, by start. */
    meetings: z.array(meetingSchema),
  })
  .meta({ id: 'DiaryRange' });

export const activitySchema = z
  .object({
    weeks: z.array(
      z.object({
        /** Monday of the week. */
        week: z.string(),
        events: z.number().int(),
        tasksDone: z.number().int(),
        reviews: z.number().int(),
      }),
    ),
    streak: z.number().int(),
  })
  .meta({ id: 'DiaryActivity' });

export const feedSchema = z
  .object({
    /** Path of the secret feed; the app makes the full address from its own. Null: no feed. */
    path: z.string().nullable(),
    createdAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'CalendarFeed' });

export const feedTokenParams = z.object({ token: z.string().min(1).max(100) });
