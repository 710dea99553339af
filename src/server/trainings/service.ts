// Trainings: creating, editing and cancelling them, members registering, the organizer recording
// attendance, and the "interested in development" flag. Attendance feeds the KPI "people in training":
// every change that alters whose attendance counts, and in which period, refreshes those members'
// training figures in member_rollups inside the same transaction (kpis/rollups.ts).
import type { z } from 'zod';
import { addDays } from '../../core/kpis/periods.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError, errors } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { lockForPosting, refreshTrainingFigures } from '../kpis/rollups.ts';
import { trainingPolicy } from './policy.ts';
import { presentInterest, presentRegistration, presentTraining } from './presenters.ts';
import {
  attendeesOf,
  getMember,
  getRegistration,
  getTraining,
  insertTraining,
  listTrainings,
  lockMembersForRollups,
  lockTraining,
  register,
  registrationsOf,
  searchCandidates,
  setAttendance,
  setDevelopmentInterest,
  type TrainingRow,
  trainingWithCounts,
  unregister,
  updateTraining,
} from './queries.ts';
import type {
  createTrainingBody,
  TrainingFormat,
  trainingDetailSchema,
  updateTrainingBody,
} from './schemas.ts';

/** How far back the list reaches unless asked otherwise. */
const PAST_DAYS = 30;

const notFound = () => errors.notFound('Training');
const closed = (message: string) => new AppError(409, 'training_closed', message);

const required = (path: 'place' | 'link', message: string) =>
  new AppError(400, 'validation_failed', message, [{ path, code: 'required', message }]);

interface Venue {
  format: TrainingFormat;
  place: string | null;
  link: string | null;
}

/** An offline training needs its place and an online one its link; the other one is not kept. */
function venueOf(v: Venue): Venue {
  if (v.format === 'offline') {
    if (!v.place) throw required('place', 'An offline training needs a place');
    return { format: v.format, place: v.place, link: null };
  }
  if (!v.link) throw required('link', 'An online training needs a link');
  return { format: v.format, place: null, link: v.link };
}

export function trainingService(deps: Deps) {
  const { database, clock } = deps;
  const { db } = database;
  /** The device's date while it is within a day of the server's (time zones); otherwise the server's. */
  const todayOf = (today?: string) => {
    const server = clock.now().toISOString().slice(0, 10);
    if (!today) return server;
    return today >= addDays(server, -1) && today <= addDays(server, 1) ? today : server;
  };

  async function actorMember(tx: Db, actor: Actor) {
    const member = await getMember(tx, actor.organizationId, actor.memberId);
    if (!member) throw errors.unauthenticated();
    return member;
  }

  async function detail(
    tx: Db,
    actor: Actor,
    id: string,
    today: string,
  ): Promise<z.infer<typeof trainingDetailSchema>> {
    const row = await trainingWithCounts(tx, actor.organizationId, actor.memberId, id);
    if (!row) throw notFound();
    const training = row.training;
    const shown = (await registrationsOf(tx, actor.organizationId, id)).filter((r) =>
      trainingPolicy.seesRegistration(actor, training, { path: r.path }),
    );
    const presented = presentTraining(row);
    const manage = trainingPolicy.canManage(actor, training);
    const open = training.cancelledAt === null;
    const past = training.heldOn < today;
    return {
      ...presented,
      today,
      past,
      registrations: shown.map((r) => presentRegistration(r, actor)),
      can: {
        edit: manage && open,
        cancel: manage && open,
        recordAttendance: manage && open && training.heldOn <= today,
        register: open && !past && !presented.me.registered,
        unregister: open && !past && presented.me.registered && !presented.me.attended,
      },
    };
  }

  /**
   * A change of attendance, date or format: the members' training figures for these days are brought
   * in line with what is recorded now. The caller took lockForPosting first.
   */
  async function refreshFigures(tx: Db, organizationId: string, memberIds: string[], days: string[]) {
    const people = await lockMembersForRollups(tx, organizationId, memberIds);
    for (const member of people) await refreshTrainingFigures(tx, organizationId, member, days);
  }

  /** The training, locked for a change by its organizer or an admin (others: 403). */
  async function managed(tx: Db, actor: Actor, id: string) {
    const training = await lockTraining(tx, actor.organizationId, id, 'update');
    if (!training) throw notFound();
    trainingPolicy.manage(actor, training);
    return training;
  }

  const openOnly = (training: TrainingRow) => {
    if (training.cancelledAt !== null) throw closed('This training is cancelled.');
  };

  return {
    async list(actor: Actor, query: { from?: string; to?: string; today?: string }) {
      const today = todayOf(query.today);
      const from = query.from ?? addDays(today, -PAST_DAYS);
      const to = query.to ?? null;
      return db.transaction(async (tx) => {
        const me = await actorMember(tx, actor);
        const rows = await listTrainings(tx, actor.organizationId, actor.memberId, { from, to });
        return {
          today,
          from,
          to,
          me: {
            ...presentInterest(me.developmentInterestAt),
            canCreate: trainingPolicy.canCreate(actor, me.kind),
          },
          trainings: rows.map(presentTraining),
        };
      });
    },

    async get(actor: Actor, id: string, today?: string) {
      return db.transaction((tx) => detail(tx, actor, id, todayOf(today)));
    },

    async create(actor: Actor, input: z.infer<typeof createTrainingBody>, today?: string) {
      return db.transaction(async (tx) => {
        const me = await actorMember(tx, actor);
        trainingPolicy.create(actor, me.kind);
        const venue = venueOf({ format: input.format, place: input.place ?? null, link: input.link ?? null });
        const training = await insertTraining(tx, actor.organizationId, {
          topic: input.topic,
          ...venue,
          heldOn: input.heldOn,
          startsAt: input.startsAt ?? null,
          description: input.description ?? null,
          organizerId: actor.memberId,
        });
        return detail(tx, actor, training.id, todayOf(today));
      });
    },

    async update(actor: Actor, id: string, input: z.infer<typeof updateTrainingBody>, today?: string) {
      return db.transaction(async (tx) => {
        // A new date or format changes which periods the attendance counts in.
        await lockForPosting(tx, actor.organizationId);
        const training = await managed(tx, actor, id);
        openOnly(training);
        const venue = venueOf({
          format: input.format ?? training.format,
          place: input.place === undefined ? training.place : input.place,
          link: input.link === undefined ? training.link : input.link,
        });
        const heldOn = input.heldOn ?? training.heldOn;
        const moves = heldOn !== training.heldOn || venue.format !== training.format;
        const attendees = moves ? await attendeesOf(tx, actor.organizationId, id) : [];
        // Attendance is recorded from the day on, so a training people attended stays in the past.
        if (attendees.length > 0 && heldOn > todayOf(today))
          throw closed('Attendance is recorded for this training: it cannot move to a day after today.');
        await updateTraining(tx, actor.organizationId, id, {
          ...venue,
          heldOn,
          ...(input.topic !== undefined && { topic: input.topic }),
          ...(input.startsAt !== undefined && { startsAt: input.startsAt }),
          ...(input.description !== undefined && { description: input.description }),
        });
        if (attendees.length > 0)
          await refreshFigures(tx, actor.organizationId, attendees, [training.heldOn, heldOn]);
        return detail(tx, actor, id, todayOf(today));
      });
    },

    /** Cancelling twice changes nothing; the attendance it had stops counting. */
    async cancel(actor: Actor, id: string, today?: string) {
      return db.transaction(async (tx) => {
        await lockForPosting(tx, actor.organizationId);
        const training = await managed(tx, actor, id);
        if (training.cancelledAt === null) {
          await updateTraining(tx, actor.organizationId, id, { cancelledAt: clock.now() });
          const attendees = await attendeesOf(tx, actor.organizationId, id);
          await refreshFigures(tx, actor.organizationId, attendees, [training.heldOn]);
        }
        return detail(tx, actor, id, todayOf(today));
      });
    },

    async register(actor: Actor, id: string, today?: string) {
      const day = todayOf(today);
      return db.transaction(async (tx) => {
        const training = await lockTraining(tx, actor.organizationId, id, 'share');
        if (!training) throw notFound();
        openOnly(training);
        if (training.heldOn < day) throw closed('This training is over.');
        await register(tx, actor.organizationId, id, actor.memberId, clock.now());
        return detail(tx, actor, id, day);
      });
    },

    async unregister(actor: Actor, id: string, today?: string) {
      const day = todayOf(today);
      return db.transaction(async (tx) => {
        const training = await lockTraining(tx, actor.organizationId, id, 'share');
        if (!training) throw notFound();
        openOnly(training);
        if (training.heldOn < day) throw closed('This training is over.');
        const registration = await getRegistration(tx, actor.organizationId, id, actor.memberId);
        if (registration?.attendedAt) throw closed('Your attendance is recorded.');
        await unregister(tx, actor.organizationId, id, actor.memberId);
        return detail(tx, actor, id, day);
      });
    },

    async recordAttendance(actor: Actor, id: string, memberId: string, attended: boolean, today?: string) {
      const day = todayOf(today);
      return db.transaction(async (tx) => {
        await lockForPosting(tx, actor.organizationId);
        const training = await managed(tx, actor, id);
        openOnly(training);
        if (training.heldOn > day) throw closed('Attendance is recorded from the day of the training on.');
        const member = await getMember(tx, actor.organizationId, memberId);
        if (!member) throw errors.notFound('Member');
        const registration = await getRegistration(tx, actor.organizationId, id, memberId);
        trainingPolicy.recordFor(actor, member, registration !== null);
        const was = registration?.attendedAt != null;
        if (was !== attended) {
          await setAttendance(
            tx,
            actor.organizationId,
            id,
            memberId,
            attended ? clock.now() : null,
            actor.memberId,
          );
          await refreshFigures(tx, actor.organizationId, [memberId], [training.heldOn]);
        }
        return detail(tx, actor, id, day);
      });
    },

    /** Members to add as walk-ins, found by name. */
    async candidates(actor: Actor, id: string, q: string) {
      return db.transaction(async (tx) => {
        const training = await getTraining(tx, actor.organizationId, id);
        if (!training) throw notFound();
        trainingPolicy.manage(actor, training);
        const rows = await searchCandidates(
          tx,
          actor.organizationId,
          id,
          q,
          trainingPolicy.searchScope(actor),
        );
        return {
          rows: rows.map((r) => ({
            id: r.id,
            name: r.name,
            city: trainingPolicy.seesCity(actor, r) ? r.city : null,
            registered: Boolean(r.registered),
            attended: Boolean(r.attended),
          })),
        };
      });
    },

    async setInterest(actor: Actor, interested: boolean) {
      const at = await setDevelopmentInterest(
        db,
        actor.organizationId,
        actor.memberId,
        interested ? clock.now() : null,
      );
      return presentInterest(at);
    },
  };
}
