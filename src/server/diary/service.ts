// The diary's use cases: a day, a range (week, month), entries (links in links.ts), moving tasks, the
// evening review with its streak, and activity counts for the upline. The calendar feed is in feed.ts.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { nextDay, reviewStreak } from '../../core/diary/fields.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../auth/actor.ts';
import { contactService } from '../contacts/service.ts';
import { AppError, errors } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { planService } from '../plans/service.ts';
import { structurePolicy } from '../structure/policy.ts';
import { getMember } from '../structure/queries.ts';
import { diaryLinks } from './links.ts';
import { diaryPolicy } from './policy.ts';
import { dayOrder, presentEntry, presentMeeting } from './presenters.ts';
import {
  askAgain,
  deleteEntry,
  type EntryRow,
  entriesOfDays,
  getEntry,
  getReview,
  insertEntry,
  insertLinks,
  invitationsOf,
  linkRows,
  linksOf,
  openTasks,
  reopenMovedTo,
  reviewedDays,
  saveResponse,
  saveReview,
  updateEntry,
  weeklyActivity,
} from './queries.ts';
import type { answerBody, createEntryBody, reviewBody, updateEntryBody } from './schemas.ts';

type CreateInput = z.infer<typeof createEntryBody>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long an unanswered invitation stays on Today after its time (it can still be answered). */
const OPEN_INVITATION_DAYS = 14;

export function diaryService(deps: Deps) {
  const { database, clock } = deps;
  const { db } = database;
  const contacts = contactService(deps);
  const plans = planService(deps);
  const todayOf = (today?: string) => today ?? clock.now().toISOString().slice(0, 10);

  /** The entry if it is the actor's; anything else is "not found", whether or not it exists. */
  async function ownEntry(actor: Actor, id: string, tx: Db = db) {
    return diaryPolicy.own(actor, await getEntry(tx, actor.organizationId, id, tx !== db));
  }

  /** Events of other members' diaries I am invited to, as I may see them. */
  async function meetings(actor: Actor, scope: Parameters<typeof invitationsOf>[3], tx: Db = db) {
    const rows = await invitationsOf(tx, actor.organizationId, actor.memberId, scope);
    const links = await linksOf(
      tx,
      actor.organizationId,
      rows.map((r) => r.entry.id),
    );
    return rows.map((r) =>
      presentMeeting(r, links.get(r.entry.id) ?? { contacts: [], members: [] }, actor.memberId),
    );
  }

  async function presented(actor: Actor, id: string) {
    const entry = (await getEntry(db, actor.organizationId, id))!;
    const [moved, links] = await Promise.all([
      entry.movedToId ? getEntry(db, actor.organizationId, entry.movedToId) : null,
      linksOf(db, actor.organizationId, [id]),
    ]);
    return presentEntry({
      entry,
      movedTo: moved?.day ?? null,
      links: links.get(id) ?? { contacts: [], members: [] },
    });
  }

  const { link, unlogEntry, relogEntry, dayAfterToday } = diaryLinks(deps);

  async function create(actor: Actor, input: CreateInput, tx: Db) {
    const now = clock.now();
    const base = {
      organizationId: actor.organizationId,
      id: randomUUID(),
      ownerId: actor.memberId,
      kind: input.kind,
      day: input.day,
      details: input.details ?? null,
      createdAt: now,
      updatedAt: now,
    };
    let row: EntryRow;
    if (input.kind === 'event') {
      const startsAt = new Date(input.startsAt);
      const endsAt = input.endsAt ? new Date(input.endsAt) : null;
      if (endsAt && endsAt < startsAt)
        throw new AppError(400, 'validation_failed', 'An event cannot end before it starts.', [
          { path: 'endsAt', code: 'date_order', message: 'An event cannot end before it starts' },
        ]);
      checkEventDay(input.day, startsAt, 'startsAt');
      row = {
        ...emptyEntry(),
        ...base,
        title: input.title,
        eventType: input.eventType,
        startsAt,
        endsAt,
        place: input.place ?? null,
        link: input.link ?? null,
      };
    } else if (input.kind === 'task') {
      row = { ...emptyEntry(), ...base, title: input.title, category: input.category, state: 'open' };
    } else {
      const parts = Object.fromEntries(Object.entries(input.parts ?? {}).filter(([, v]) => v));
      row = {
        ...emptyEntry(),
        ...base,
        title: input.title || parts.met || parts.discussed || '…',
        parts,
        callBackOn: input.callBackOn ?? null,
      };
    }
    await insertEntry(tx, row);
    const contactIds = [...(input.contactIds ?? [])];
    if (input.kind === 'note') {
      for (const person of input.newContacts ?? []) contactIds.push(await contacts.insert(actor, person, tx));
    }
    await link(tx, actor, row, contactIds, input.memberIds ?? []);
    return row.id;
  }

  async function dayPage(actor: Actor, day: string) {
    const [rows, review, days, invited] = await Promise.all([
      entriesOfDays(db, actor.organizationId, actor.memberId, day, day),
      getReview(db, actor.organizationId, actor.memberId, day),
      reviewedDays(db, actor.organizationId, actor.memberId, day),
      meetings(actor, { days: { from: day, to: day } }),
    ]);
    const visible = rows.filter((r) => !r.entry.cancelledAt);
    visible.sort((a, b) => dayOrder(a.entry, b.entry));
    return {
      day,
      entries: visible.map(presentEntry),
      review: review ? { completedAt: review.completedAt.toISOString(), summary: review.summary } : null,
      streak: reviewStreak(days, day),
      meetings: invited,
    };
  }

  return {
    day: dayPage,

    async range(actor: Actor, from: string, to: string) {
      const [rows, days, invited] = await Promise.all([
        entriesOfDays(db, actor.organizationId, actor.memberId, from, to),
        reviewedDays(db, actor.organizationId, actor.memberId, to, from),
        meetings(actor, { days: { from, to } }),
      ]);
      const visible = rows.filter((r) => !r.entry.cancelledAt);
      visible.sort((a, b) =>
        a.entry.day === b.entry.day ? dayOrder(a.entry, b.entry) : a.entry.day < b.entry.day ? -1 : 1,
      );
      return {
        from,
        to,
        entries: visible.map(presentEntry),
        reviewedDays: days.sort(),
        meetings: invited,
      };
    },

    /** Meetings I am invited to on some days. */
    async meetings(actor: Actor, from: string, to: string) {
      return { meetings: await meetings(actor, { days: { from, to } }) };
    },

    /** Invitations still open for Today: meetings to come, and unanswered ones of the last two weeks. */
    async invitations(actor: Actor) {
      const now = clock.now();
      const since = new Date(now.getTime() - OPEN_INVITATION_DAYS * DAY_MS);
      return { meetings: await meetings(actor, { open: { now, since } }) };
    },

    /** The invited member accepts or declines (again, as often as they like, until it is cancelled). */
    async answer(actor: Actor, id: string, input: z.infer<typeof answerBody>) {
      return db.transaction(async (tx) => {
        const [found] = await invitationsOf(tx, actor.organizationId, actor.memberId, { entryId: id }, true);
        diaryPolicy.answer(actor, found);
        await saveResponse(tx, actor.organizationId, id, actor.memberId, input.response, clock.now());
        const [meeting] = await meetings(actor, { entryId: id }, tx);
        return meeting!;
      });
    },

    async create(actor: Actor, input: CreateInput) {
      const id = await db.transaction((tx) => create(actor, input, tx));
      return presented(actor, id);
    },

    async update(actor: Actor, id: string, input: z.infer<typeof updateEntryBody>) {
      await db.transaction(async (tx) => {
        const entry = await ownEntry(actor, id, tx);
        const { cancelled, ...fields } = input;
        const values: Partial<EntryRow> = { updatedAt: clock.now() };
        for (const [key, value] of Object.entries(fields))
          if (value !== undefined) Object.assign(values, { [key]: value });
        if (input.startsAt) values.startsAt = new Date(input.startsAt);
        if (input.endsAt !== undefined) values.endsAt = input.endsAt ? new Date(input.endsAt) : null;
        const wrongKind = (field: string, kind: string) =>
          new AppError(400, 'validation_failed', `Only ${kind}s have ${field}.`, [
            { path: field, code: 'not_for_kind', message: `Only ${kind}s have this field` },
          ]);
        for (const field of ['eventType', 'startsAt', 'endsAt', 'place', 'link'] as const)
          if (input[field] !== undefined && entry.kind !== 'event') throw wrongKind(field, 'event');
        if (cancelled !== undefined && entry.kind !== 'event') throw wrongKind('cancelled', 'event');
        for (const field of ['category', 'state'] as const)
          if (input[field] !== undefined && entry.kind !== 'task') throw wrongKind(field, 'task');
        if (input.parts !== undefined && entry.kind !== 'note') throw wrongKind('parts', 'note');
        if (entry.state === 'moved' && input.state)
          throw new AppError(409, 'task_closed', 'This task was moved to another day; change it there.');
        const startsAt = values.startsAt ?? entry.startsAt;
        const endsAt = values.endsAt !== undefined ? values.endsAt : entry.endsAt;
        if (startsAt && endsAt && endsAt < startsAt)
          throw new AppError(400, 'validation_failed', 'An event cannot end before it starts.', [
            { path: 'endsAt', code: 'date_order', message: 'An event cannot end before it starts' },
          ]);
        if (cancelled !== undefined) values.cancelledAt = cancelled ? clock.now() : null;
        // A cancelled meeting did not happen: the contacts' log lines it wrote go.
        if (cancelled && !entry.cancelledAt) await unlogEntry(tx, actor, entry);
        // Moved to another day: its log lines move too, or go while that day is still ahead.
        else if (values.day && values.day !== entry.day && !entry.cancelledAt) {
          if (values.day > dayAfterToday()) await unlogEntry(tx, actor, entry);
          else await relogEntry(tx, actor, entry, values.day);
        }
        checkEventDay(values.day ?? entry.day, startsAt, values.day ? 'day' : 'startsAt');
        // A meeting moved to another time asks the invited members again.
        const time = (d: Date | null | undefined) => d?.getTime() ?? null;
        if (
          entry.kind === 'event' &&
          ((values.day !== undefined && values.day !== entry.day) ||
            (values.startsAt !== undefined && time(values.startsAt) !== time(entry.startsAt)) ||
            (values.endsAt !== undefined && time(values.endsAt) !== time(entry.endsAt)))
        )
          await askAgain(tx, actor.organizationId, id);
        await updateEntry(tx, actor.organizationId, id, values);
      });
      return presented(actor, id);
    },

    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const entry = await ownEntry(actor, id, tx);
        // The contact log lines it wrote go with it; a task moved here is open again where it was.
        await unlogEntry(tx, actor, entry);
        await reopenMovedTo(tx, actor.organizationId, id, clock.now());
        await deleteEntry(tx, actor.organizationId, id);
      });
    },

    /** Moves an open task to another day: it stays here as moved, an open copy appears there. */
    async moveTask(actor: Actor, id: string, to: string) {
      const copyId = await db.transaction(async (tx) =>
        moveTask(tx, actor, await ownEntry(actor, id, tx), to),
      );
      return presented(actor, copyId);
    },

    /** The evening review: decides the day's open tasks, plans the next day, and records the evening. */
    async review(actor: Actor, day: string, input: z.infer<typeof reviewBody>) {
      if (day > dayAfterToday())
        throw new AppError(400, 'validation_failed', 'A day can be reviewed once it has come.', [
          { path: 'day', code: 'future_date', message: 'A day can be reviewed once it has come' },
        ]);
      const tomorrow = nextDay(day);
      await db.transaction(async (tx) => {
        const open = new Map(
          (await openTasks(tx, actor.organizationId, actor.memberId, day)).map((t) => [t.id, t]),
        );
        for (const [i, decision] of input.tasks.entries()) {
          const task = open.get(decision.id);
          if (!task)
            throw new AppError(400, 'validation_failed', 'Not an open task of this day.', [
              { path: `tasks.${i}.id`, code: 'not_open_task', message: 'Not an open task of this day' },
            ]);
          open.delete(decision.id);
          if (decision.action === 'move') await moveTask(tx, actor, task, tomorrow);
          else
            await updateEntry(tx, actor.organizationId, task.id, {
              state: decision.action === 'done' ? 'done' : 'dropped',
              updatedAt: clock.now(),
            });
        }
        for (const item of input.plan) await create(actor, { ...item, day: tomorrow } as CreateInput, tx);
        if (input.dayPlan) await plans.writeOwn(tx, actor, 'day', tomorrow, input.dayPlan.items);
        await saveReview(tx, {
          organizationId: actor.organizationId,
          ownerId: actor.memberId,
          day,
          summary: input.summary ?? null,
          completedAt: clock.now(),
        });
      });
      return dayPage(actor, day);
    },

    /** Counts only — what the upline sees of a member's diary: the basis for who works the system. */
    async activity(actor: Actor, memberId: string, weeks: number, today?: string) {
      const member = await getMember(db, actor.organizationId, memberId);
      if (!member) throw errors.notFound('Member');
      structurePolicy.read(actor, member);
      const day = todayOf(today);
      const monday = new Date(`${day}T00:00:00Z`);
      monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
      const from = new Date(monday.getTime() - (weeks - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
      const to = new Date(monday.getTime() + 6 * DAY_MS).toISOString().slice(0, 10);
      const [counts, days] = await Promise.all([
        weeklyActivity(db, actor.organizationId, member.id, from, to),
        reviewedDays(db, actor.organizationId, member.id, day),
      ]);
      const result = [];
      for (let i = 0; i < weeks; i++) {
        const week = new Date(Date.parse(`${from}T00:00:00Z`) + i * 7 * DAY_MS).toISOString().slice(0, 10);
        const e = counts.entries.find((r) => r.week === week);
        result.push({
          week,
          events: e?.events ?? 0,
          tasksDone: e?.tasksDone ?? 0,
          reviews: counts.reviews.find((r) => r.week === week)?.n ?? 0,
        });
      }
      return { weeks: result, streak: reviewStreak(days, day) };
    },
  };

  async function moveTask(tx: Db, actor: Actor, task: EntryRow, to: string) {
    if (task.kind !== 'task' || task.state !== 'open')
      throw new AppError(409, 'task_closed', 'Only open tasks can be moved.');
    if (to === task.day)
      throw new AppError(400, 'validation_failed', 'The task is already on that day.', [
        { path: 'to', code: 'same_day', message: 'The task is already on that day' },
      ]);
    const now = clock.now();
    const copy: EntryRow = {
      ...task,
      id: randomUUID(),
      day: to,
      state: 'open',
      movedToId: null,
      sequence: 0,
      createdAt: now,
      updatedAt: now,
    };
    await insertEntry(tx, copy);
    const links = await linkRows(tx, actor.organizationId, task.id);
    await insertLinks(
      tx,
      links.map((l) => ({ ...l, id: randomUUID(), entryId: copy.id, interactionId: null })),
    );
    await updateEntry(tx, actor.organizationId, task.id, {
      state: 'moved',
      movedToId: copy.id,
      updatedAt: now,
    });
    return copy.id;
  }
}

/**
 * An event's start must fall on its day somewhere on Earth (UTC−12 to UTC+14), so the day view, the
 * week and the calendar feed agree.
 */
function checkEventDay(day: string, startsAt: Date | null, field: 'day' | 'startsAt') {
  if (!startsAt) return;
  const dayStart = Date.parse(`${day}T00:00:00Z`);
  const t = startsAt.getTime();
  if (t >= dayStart - 14 * 3_600_000 && t < dayStart + 36 * 3_600_000) return;
  throw new AppError(400, 'validation_failed', 'The start time is not on the event’s day.', [
    { path: field, code: 'not_on_day', message: 'The start time is not on the event’s day' },
  ]);
}

function emptyEntry(): Omit<
  EntryRow,
  'organizationId' | 'id' | 'ownerId' | 'kind' | 'day' | 'title' | 'createdAt' | 'updatedAt'
> {
  return {
    details: null,
    eventType: null,
    startsAt: null,
    endsAt: null,
    place: null,
    link: null,
    category: null,
    state: null,
    movedToId: null,
    parts: null,
    callBackOn: null,
    sequence: 0,
    cancelledAt: null,
  };
}
