// Following up new members: the board, one follow-up, intake answers, ticks, touchpoints, and the
// organization's onboarding template. Reads first let the app tick the steps it can observe.
import type { z } from 'zod';
import { addDays, FOLLOWUP_LIMITS, type OnboardingTemplate } from '../../core/followup/template.ts';
import { depthOf } from '../../core/structure/path.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../auth/actor.ts';
import { errors, invalidField } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { observeSteps } from './observe.ts';
import { followupPolicy } from './policy.ts';
import {
  byUrgency,
  contactState,
  presentBoardRow,
  presentFollowedMember,
  presentStep,
  presentTouchpoint,
} from './presenters.ts';
import {
  boardMembers,
  deleteTouchpoint,
  type FollowedMember,
  followedMember,
  getFollowup,
  getTouchpoint,
  insertTouchpoint,
  lastTouchpoints,
  listTouchpoints,
  loadTemplate,
  resetTemplate,
  saveIntake,
  saveTemplate,
  setStepDone,
  stepsOf,
} from './queries.ts';
import type { intakeBody, templateBody, touchpointBody } from './schemas.ts';

export function followupService(deps: Deps) {
  const { database, clock } = deps;
  const { db } = database;
  const serverToday = () => clock.now().toISOString().slice(0, 10);
  const todayOf = (today?: string) => today ?? serverToday();

  /**
   * The board's rows for these members, after the app has ticked what it can see (of them and of
   * `alsoObserve`, checked in the same few queries).
   */
  async function rows(
    tx: Db,
    organizationId: string,
    followed: (FollowedMember & { intake: Record<string, string>; openedOn: string })[],
    today: string,
    rootDepth: number,
    alsoObserve: string[] = [],
  ) {
    const ids = followed.map((m) => m.id);
    await observeSteps(tx, organizationId, [...alsoObserve, ...ids], clock.now());
    const [{ template }, steps, last] = await Promise.all([
      loadTemplate(tx, organizationId),
      stepsOf(tx, organizationId, ids),
      lastTouchpoints(tx, organizationId, ids),
    ]);
    const context = { today, interval: template.contactIntervalDays, rootDepth };
    // The steps come ordered by member: group them once rather than filter per row.
    const stepsByMember = new Map<string, typeof steps>();
    for (const step of steps) {
      const list = stepsByMember.get(step.memberId);
      if (list) list.push(step);
      else stepsByMember.set(step.memberId, [step]);
    }
    return {
      interval: template.contactIntervalDays,
      rows: followed
        .map((m) =>
          presentBoardRow(m, stepsByMember.get(m.id) ?? [], m.intake, last.get(m.id) ?? null, context),
        )
        .sort(byUrgency),
    };
  }

  /** The board's days: joined in the last 90 days, up to tomorrow (a phone ahead of the server). */
  const boardDays = (today: string) => ({
    since: addDays(today, -(FOLLOWUP_LIMITS.boardDays - 1)),
    until: addDays(today, 1),
  });

  /** A member the actor may follow up (or themselves), with the follow-up; 404 otherwise. */
  async function visible(tx: Db, actor: Actor, memberId: string) {
    const member = await followedMember(tx, actor.organizationId, memberId);
    if (!member) throw errors.notFound('Follow-up');
    followupPolicy.read(actor, member);
    const followup = await getFollowup(tx, actor.organizationId, memberId);
    if (!followup) throw errors.notFound('Follow-up');
    return { member, followup };
  }

  async function present(tx: Db, actor: Actor, memberId: string, today: string) {
    // Observing ticks steps only; the follow-up row read here stays as it is.
    const { member, followup } = await visible(tx, actor, memberId);
    await observeSteps(tx, actor.organizationId, [memberId], clock.now());
    const [{ template }, steps, touchpointRows, last] = await Promise.all([
      loadTemplate(tx, actor.organizationId),
      stepsOf(tx, actor.organizationId, [memberId]),
      listTouchpoints(tx, actor.organizationId, memberId),
      lastTouchpoints(tx, actor.organizationId, [memberId]),
    ]);
    const updatedBy = followup.intakeUpdatedById
      ? await followedMember(tx, actor.organizationId, followup.intakeUpdatedById)
      : null;
    const isSelf = member.id === actor.memberId;
    return {
      member: presentFollowedMember(member),
      today,
      contactIntervalDays: template.contactIntervalDays,
      steps: steps.map((s) => presentStep(s, today)),
      intake: {
        questions: followup.questions.map((q) => ({
          key: q.key,
          text: q.text,
          answer: Object.hasOwn(followup.intake, q.key) ? followup.intake[q.key]! : '',
        })),
        updatedAt: followup.intakeUpdatedAt?.toISOString() ?? null,
        updatedBy:
          followup.intakeUpdatedById && updatedBy ? { id: updatedBy.id, name: updatedBy.name } : null,
      },
      // The member does not see what the upline noted about keeping in touch with them.
      touchpoints: isSelf ? [] : touchpointRows.map((t) => presentTouchpoint(t, actor.memberId)),
      can: {
        tick: followupPolicy.canChange(actor, member),
        editIntake: followupPolicy.canChange(actor, member),
        logTouchpoint: followupPolicy.canLogTouchpoint(actor, member),
      },
      isSelf,
      ...contactState(followup.openedOn, last.get(memberId) ?? null, today, template.contactIntervalDays),
    };
  }

  return {
    async board(actor: Actor, scope: 'frontline' | 'downline', today?: string) {
      const day = todayOf(today);
      return db.transaction(async (tx) => {
        const followed = await boardMembers(
          tx,
          actor.organizationId,
          scope === 'frontline' ? { frontlineOf: actor.memberId } : { downlineOf: actor.path },
          boardDays(day),
        );
        const board = await rows(tx, actor.organizationId, followed, day, depthOf(actor.path));
        return { today: day, contactIntervalDays: board.interval, rows: board.rows };
      });
    },

    /** My own getting-started steps while they are open, and the frontline members who need me. */
    async today(actor: Actor, today?: string) {
      const day = todayOf(today);
      return db.transaction(async (tx) => {
        const window = boardDays(day);
        const [followed, own] = await Promise.all([
          boardMembers(tx, actor.organizationId, { frontlineOf: actor.memberId }, window),
          getFollowup(tx, actor.organizationId, actor.memberId),
        ]);
        const ownIsNew = !!own && own.openedOn >= window.since && own.openedOn <= window.until;
        // My own steps are observed together with my frontline's.
        const board = await rows(
          tx,
          actor.organizationId,
          followed,
          day,
          depthOf(actor.path),
          ownIsNew ? [actor.memberId] : [],
        );
        let mine = null;
        if (ownIsNew) {
          const steps = (await stepsOf(tx, actor.organizationId, [actor.memberId])).map((s) =>
            presentStep(s, day),
          );
          const done = steps.filter((s) => s.done).length;
          if (done < steps.length) mine = { steps, done, total: steps.length };
        }
        return {
          today: day,
          mine,
          // Overdue steps, steps due today, or too long without contact.
          attention: board.rows.filter(
            (r) => r.overdue > 0 || r.flagged || r.steps.some((s) => !s.done && s.dueOn === day),
          ),
        };
      });
    },

    async get(actor: Actor, memberId: string, today?: string) {
      return db.transaction((tx) => present(tx, actor, memberId, todayOf(today)));
    },

    async saveIntake(actor: Actor, memberId: string, input: z.infer<typeof intakeBody>, today?: string) {
      return db.transaction(async (tx) => {
        const { member, followup } = await visible(tx, actor, memberId);
        followupPolicy.change(actor, member);
        const known = new Set(followup.questions.map((q) => q.key));
        const answers: Record<string, string> = {};
        for (const [key, answer] of Object.entries(input.answers)) {
          if (!known.has(key))
            throw invalidField(
              `answers.${key}`,
              'unknown_question',
              `There is no question ${key} in this intake`,
            );
          if (answer) answers[key] = answer;
        }
        await saveIntake(tx, actor.organizationId, memberId, answers, actor.memberId, clock.now());
        return present(tx, actor, memberId, todayOf(today));
      });
    },

    async tick(actor: Actor, memberId: string, key: string, done: boolean, today?: string) {
      return db.transaction(async (tx) => {
        const { member } = await visible(tx, actor, memberId);
        followupPolicy.change(actor, member);
        const found = await setStepDone(
          tx,
          actor.organizationId,
          memberId,
          key,
          actor.memberId,
          done ? clock.now() : null,
        );
        if (!found) throw errors.notFound('Step');
        return present(tx, actor, memberId, todayOf(today));
      });
    },

    async logTouchpoint(actor: Actor, memberId: string, input: z.infer<typeof touchpointBody>) {
      if (input.on > addDays(serverToday(), 1))
        throw invalidField('on', 'future_date', 'A touchpoint is logged once it has happened');
      return db.transaction(async (tx) => {
        const member = await followedMember(tx, actor.organizationId, memberId);
        if (!member) throw errors.notFound('Member');
        followupPolicy.logTouchpoint(actor, member);
        const row = await insertTouchpoint(tx, {
          organizationId: actor.organizationId,
          memberId,
          byMemberId: actor.memberId,
          kind: input.kind,
          on: input.on,
          note: input.note ?? null,
        });
        return presentTouchpoint({ ...row, byName: actor.name }, actor.memberId);
      });
    },

    async deleteTouchpoint(actor: Actor, memberId: string, touchpointId: string) {
      await db.transaction(async (tx) => {
        const member = await followedMember(tx, actor.organizationId, memberId);
        if (!member) throw errors.notFound('Touchpoint');
        followupPolicy.read(actor, member);
        const touchpoint = await getTouchpoint(tx, actor.organizationId, memberId, touchpointId);
        if (!touchpoint) throw errors.notFound('Touchpoint');
        followupPolicy.deleteTouchpoint(actor, touchpoint);
        await deleteTouchpoint(tx, actor.organizationId, touchpointId);
      });
    },

    async template(actor: Actor) {
      followupPolicy.editTemplate(actor);
      return presentTemplate(await loadTemplate(db, actor.organizationId));
    },

    async saveTemplate(actor: Actor, input: z.infer<typeof templateBody>) {
      followupPolicy.editTemplate(actor);
      await saveTemplate(db, actor.organizationId, input as OnboardingTemplate, actor.memberId, clock.now());
      return presentTemplate(await loadTemplate(db, actor.organizationId));
    },

    async resetTemplate(actor: Actor) {
      followupPolicy.editTemplate(actor);
      await resetTemplate(db, actor.organizationId);
      return presentTemplate(await loadTemplate(db, actor.organizationId));
    },
  };
}

function presentTemplate(loaded: Awaited<ReturnType<typeof loadTemplate>>) {
  return {
    template: loaded.template,
    isDefault: loaded.isDefault,
    updatedAt: loaded.updatedAt?.toISOString() ?? null,
  };
}
