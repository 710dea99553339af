// The sponsor tree's use cases: policy first, then queries, writes in one transaction.
import type { z } from 'zod';
import { isInSubtree } from '../../core/structure/path.ts';
import { endSessionsOfUser } from '../accounts/sessions.ts';
import type { Actor } from '../auth/actor.ts';
import { isNewcomer, openFollowup } from '../followup/queries.ts';
import { AppError, errors } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { memberAccess, structurePolicy } from './policy.ts';
import {
  countStructure,
  type DownlineFilter,
  getMember,
  getUpline,
  insertAuditEvent,
  listDownline,
  listFrontline,
  moveSubtree,
  searchDownline,
  streamDownline,
  updateMember,
} from './queries.ts';
import type { addMemberBody, downlineQuery, updateMemberBody } from './schemas.ts';
import { lockStructure, placeMember } from './tree.ts';

export function structureService({ database, clock }: Deps) {
  const { db } = database;

  /** The member if the actor may see them in full; otherwise "not found", whether or not they exist. */
  async function visibleMember(actor: Actor, id: string) {
    const member = await getMember(db, actor.organizationId, id);
    if (!member) throw errors.notFound('Member');
    structurePolicy.read(actor, member);
    return member;
  }

  return {
    visibleMember,

    async page(actor: Actor, id: string) {
      const member = await visibleMember(actor, id);
      const [upline, counts] = await Promise.all([
        getUpline(db, actor.organizationId, member.path),
        countStructure(db, actor.organizationId, member),
      ]);
      let canEdit = true;
      try {
        structurePolicy.edit(actor, member);
      } catch {
        canEdit = false;
      }
      return { member, upline: upline.map(({ id, name }) => ({ id, name })), counts, canEdit };
    },

    async frontline(actor: Actor, id: string, page: { offset: number; limit: number }) {
      const member = await visibleMember(actor, id);
      return { member, ...(await listFrontline(db, actor.organizationId, member.id, page)) };
    },

    async downline(actor: Actor, id: string, q: z.infer<typeof downlineQuery>) {
      const member = await visibleMember(actor, id);
      const { offset, limit, sort, direction, ...filter } = q;
      const result = await listDownline(db, actor.organizationId, member, {
        filter,
        sort,
        direction,
        offset,
        limit,
      });
      return { member, ...result };
    },

    async exportDownline(actor: Actor, id: string, filter: DownlineFilter) {
      const member = await visibleMember(actor, id);
      return { member, batches: streamDownline(db, actor.organizationId, member, filter) };
    },

    async search(actor: Actor, id: string, q: string, limit: number) {
      const member = await visibleMember(actor, id);
      return { member, rows: await searchDownline(db, actor.organizationId, member, q, limit) };
    },

    async add(actor: Actor, input: z.infer<typeof addMemberBody>) {
      const { sponsorId, ...profile } = input;
      return db.transaction(async (tx) => {
        const sponsor = await getMember(tx, actor.organizationId, sponsorId);
        if (!sponsor) throw sponsorNotFound();
        try {
          structurePolicy.addUnder(actor, sponsor);
        } catch {
          throw sponsorNotFound();
        }
        const member = await placeMember(tx, actor.organizationId, sponsor.id, {
          ...profile,
          messengers: profile.messengers ?? {},
          joinedOn: profile.joinedOn ?? clock.now().toISOString().slice(0, 10),
          role: 'member',
        });
        // The sponsor's follow-up of a newcomer starts with them (counted from their join date); someone
        // who joined long ago and is only now entered is not new.
        if (isNewcomer(member.joinedOn, clock.now().toISOString().slice(0, 10)))
          await openFollowup(tx, actor.organizationId, member);
        return member;
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof updateMemberBody>) {
      return db.transaction(async (tx) => {
        const member = await getMember(tx, actor.organizationId, id);
        if (!member) throw errors.notFound('Member');
        structurePolicy.edit(actor, member);
        return (await updateMember(tx, actor.organizationId, id, patch))!;
      });
    },

    async move(actor: Actor, id: string, sponsorId: string) {
      structurePolicy.move(actor);
      return db.transaction(async (tx) => {
        await lockStructure(tx, actor.organizationId);
        const member = await getMember(tx, actor.organizationId, id);
        if (!member) throw errors.notFound('Member');
        const sponsor = await getMember(tx, actor.organizationId, sponsorId);
        if (!sponsor) throw sponsorNotFound();
        if (member.sponsorId === null) {
          throw new AppError(409, 'move_refused', 'The root of the organization cannot be moved.');
        }
        if (isInSubtree(sponsor.path, member.path)) {
          throw new AppError(
            409,
            'move_refused',
            'A member cannot be placed under themselves or anyone in their own downline.',
            [
              {
                path: 'sponsorId',
                code: 'cycle',
                message: 'The new sponsor is in the downline of the member',
              },
            ],
          );
        }
        if (member.sponsorId === sponsor.id) return { member, subtreeSize: 0 };
        const { newPath, subtreeSize } = await moveSubtree(tx, actor.organizationId, member, sponsor);
        await insertAuditEvent(tx, {
          organizationId: actor.organizationId,
          actorMemberId: actor.memberId,
          action: 'member.moved',
          subjectId: member.id,
          data: {
            fromSponsorId: member.sponsorId,
            toSponsorId: sponsor.id,
            fromPath: member.path,
            toPath: newPath,
            subtreeSize,
          },
        });
        return { member: (await getMember(tx, actor.organizationId, id))!, subtreeSize };
      });
    },

    /**
     * Ends every session of the member's account, so they are signed out on all devices at once (e.g.
     * a lost phone). Sessions belong to the account: if it is also a member elsewhere, it is signed out
     * there too and signs in again. A member without an account has none to end.
     */
    async signOut(actor: Actor, id: string) {
      return db.transaction(async (tx) => {
        const member = await getMember(tx, actor.organizationId, id);
        if (!member) throw errors.notFound('Member');
        structurePolicy.signOut(actor, member);
        return { sessionsEnded: member.userId ? await endSessionsOfUser(tx, member.userId) : 0 };
      });
    },

    access: memberAccess,
  };
}

const sponsorNotFound = () =>
  new AppError(404, 'not_found', 'Sponsor not found.', [
    { path: 'sponsorId', code: 'not_found', message: 'No such member in your structure' },
  ]);
