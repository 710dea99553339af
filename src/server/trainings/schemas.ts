// Trainings over HTTP: what goes in and what comes out. The web app infers its types from these.
import { z } from 'zod';
import { reason } from '../http/errors.ts';
import { isoDate, optionalText } from '../http/schemas.ts';

/** Lengths a training's texts may have (the web form mirrors them). */
export const TRAINING_LIMITS = {
  topic: 200,
  place: 300,
  link: 2000,
  description: 5000,
  /** Trainings one list answer holds at most. */
  list: 500,
  /** Members a walk-in search offers at once. */
  candidates: 20,
} as const;
const L = TRAINING_LIMITS;

export const TRAINING_FORMATS = ['offline', 'online'] as const;
export type TrainingFormat = (typeof TRAINING_FORMATS)[number];

const day = isoDate();

/** The start as the organizer's local wall-clock time, HH:MM (24 hours). */
const startTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time as HH:MM, e.g. 18:30');

/** An online training's link: people open it from the app, so https only. */
const link = z
  .url({ protocol: /^https$/, error: 'Enter a full https:// address' })
  .max(L.link)
  .nullable()
  .optional();

const topic = z.string().trim().min(1, 'Enter a topic').max(L.topic);

/**
 * A new training. Whether an offline one has its place and an online one its link is checked by the
 * service (the same rule holds for a changed one), which names the missing field.
 */
export const createTrainingBody = z
  .object({
    topic,
    format: z.enum(TRAINING_FORMATS),
    heldOn: day,
    startsAt: startTime.nullable().optional(),
    place: optionalText(L.place),
    link,
    description: optionalText(L.description),
  })
  .strict();

export const updateTrainingBody = z
  .object({
    topic: topic.optional(),
    format: z.enum(TRAINING_FORMATS).optional(),
    heldOn: day.optional(),
    startsAt: startTime.nullable().optional(),
    place: optionalText(L.place),
    link,
    description: optionalText(L.description),
  })
  .strict()
  .refine(
    (v) => Object.values(v).some((x) => x !== undefined),
    reason('nothing_to_change', 'Send at least one field'),
  );

/** "Today" is the asking device's date: it decides what is past and what can still be registered for. */
export const todayQuery = z.object({ today: day.optional() });

export const listQuery = z
  .object({
    /** Default: 30 days before today. */
    from: day.optional(),
    to: day.optional(),
    today: day.optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    ...reason('date_order', '`from` must not be after `to`'),
    path: ['to'],
  });

export const trainingIdParams = z.object({ id: z.uuid() });
export const attendanceParams = z.object({ id: z.uuid(), memberId: z.uuid() });
export const attendanceBody = z.object({ attended: z.boolean() }).strict();

export const candidatesQuery = z.object({ q: z.string().trim().min(1).max(100) });

export const interestBody = z.object({ interested: z.boolean() }).strict();

const person = z.object({ id: z.uuid(), name: z.string() });

export const trainingSchema = z
  .object({
    id: z.uuid(),
    topic: z.string(),
    format: z.enum(TRAINING_FORMATS),
    heldOn: z.string(),
    /** HH:MM, or null when no time was given. */
    startsAt: z.string().nullable(),
    place: z.string().nullable(),
    link: z.string().nullable(),
    description: z.string().nullable(),
    organizer: person,
    cancelled: z.boolean(),
    cancelledAt: z.string().nullable(),
    /** Everyone registered, walk-ins included (counts only: who they are follows the visibility rule). */
    registeredCount: z.number().int(),
    attendedCount: z.number().int(),
    me: z.object({ registered: z.boolean(), attended: z.boolean() }),
  })
  .meta({ id: 'Training' });

export const interestSchema = z
  .object({
    interested: z.boolean(),
    /** When the member said so. */
    since: z.string().nullable(),
  })
  .meta({ id: 'DevelopmentInterest' });

export const trainingListSchema = z.object({
  today: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  me: interestSchema.extend({
    /** Partners and admins create trainings. */
    canCreate: z.boolean(),
  }),
  /** Oldest first: the past ones, then the upcoming. */
  trainings: z.array(trainingSchema),
});

export const registrationSchema = z
  .object({
    member: person,
    registeredAt: z.string(),
    attended: z.boolean(),
    attendedAt: z.string().nullable(),
    /** "Interested in development": shown to the member, their upline and admins; null for others. */
    interested: z.boolean().nullable(),
  })
  .meta({ id: 'TrainingRegistration' });

export const trainingDetailSchema = trainingSchema
  .extend({
    today: z.string(),
    /** Whether the training's day is before today. */
    past: z.boolean(),
    /**
     * The organizer and admins see every registration; others see themselves and their own downline.
     * Sorted by name.
     */
    registrations: z.array(registrationSchema),
    /** What the asking person may do here now. */
    can: z.object({
      edit: z.boolean(),
      cancel: z.boolean(),
      recordAttendance: z.boolean(),
      register: z.boolean(),
      unregister: z.boolean(),
    }),
  })
  .meta({ id: 'TrainingDetail' });

export const candidatesSchema = z.object({
  /** Members the organizer may add as walk-ins: admins search everyone, others their own line. */
  rows: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      /** Shown for members of the asking person's own downline (and to admins). */
      city: z.string().nullable(),
      registered: z.boolean(),
      attended: z.boolean(),
    }),
  ),
});
