// Invitation links and joining through them.
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { makeInvitationToken, organizationOfToken } from '../../core/structure/invitation-token.ts';
import type { Db } from '../../db/client.ts';
import { members } from '../../db/schema/index.ts';
import { createAccount } from '../accounts/service.ts';
import type { Actor } from '../auth/actor.ts';
import { linkJoinedContacts } from '../contacts/queries.ts';
import { openFollowup } from '../followup/queries.ts';
import { AppError, errors } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { getMember } from '../structure/queries.ts';
import { placeMember } from '../structure/tree.ts';
import { invitationPolicy } from './policy.ts';
import { presentInvitation } from './presenters.ts';
import {
  countUse,
  findByToken,
  getInvitation,
  insertInvitation,
  listInvitations,
  revokeInvitation,
} from './queries.ts';
import type { createInvitationBody, joinBody } from './schemas.ts';
import { invitationStatus } from './status.ts';

const DAY = 24 * 60 * 60 * 1000;

const invitationNotFound = () => new AppError(404, 'not_found', 'This invitation link does not exist.');

export function invitationService(deps: Deps) {
  const { database, clock } = deps;
  const { db } = database;

  async function lookUp(token: string) {
    const organizationId = organizationOfToken(token);
    if (!organizationId) throw invitationNotFound();
    const row = await findByToken(db, organizationId, token);
    if (!row) throw invitationNotFound();
    return row;
  }

  return {
    /** `tx`: run inside the caller's transaction (a contact's invitation is made with the contact locked). */
    async create(actor: Actor, input: z.infer<typeof createInvitationBody>, tx: Db = db) {
      const now = clock.now();
      let sponsorId = input.sponsorId ?? actor.memberId;
      let kind = input.kind;
      let maxUses = input.maxUses ?? null;
      let name = input.name || null;
      let email = input.email ?? null;
      if (input.memberId) {
        // A member added by hand gets their account through a one-time link under their own sponsor.
        const member = await getMember(tx, actor.organizationId, input.memberId);
        if (!member) throw errors.notFound('Member');
        invitationPolicy.inviteExisting(actor, member);
        if (member.userId) throw new AppError(409, 'already_member', 'This member already has an account.');
        if (!member.sponsorId) throw errors.forbidden('The root of the organization cannot be invited.');
        sponsorId = member.sponsorId;
        kind = member.kind;
        maxUses = 1;
        name = name ?? member.name;
        email = email ?? member.email;
      } else {
        const sponsor = await getMember(tx, actor.organizationId, sponsorId);
        if (!sponsor) throw errors.notFound('Member');
        invitationPolicy.manageFor(actor, sponsor);
      }
      const row = await insertInvitation(tx, {
        organizationId: actor.organizationId,
        id: randomUUID(),
        token: makeInvitationToken(actor.organizationId, randomBytes(18)),
        sponsorId,
        kind,
        memberId: input.memberId ?? null,
        name,
        email,
        maxUses,
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY) : null,
        createdByMemberId: actor.memberId,
      });
      const full = (await getInvitation(tx, actor.organizationId, row.id))!;
      return presentInvitation(full.invitation, full.sponsorName, invitationStatus(full.invitation, now));
    },

    async list(actor: Actor, sponsorId: string | undefined) {
      const sponsor = await getMember(db, actor.organizationId, sponsorId ?? actor.memberId);
      if (!sponsor) throw errors.notFound('Member');
      invitationPolicy.manageFor(actor, sponsor);
      const now = clock.now();
      const rows = await listInvitations(db, actor.organizationId, sponsor.id);
      return rows.map((r) => {
        const shown = presentInvitation(r.invitation, r.sponsorName, invitationStatus(r.invitation, now));
        // Whom a link for a new person is addressed to (often a contact) is known to its maker only.
        const addressee = r.invitation.memberId || r.invitation.createdByMemberId === actor.memberId;
        return addressee ? shown : { ...shown, name: null, email: null };
      });
    },

    async revoke(actor: Actor, id: string) {
      const row = await getInvitation(db, actor.organizationId, id);
      if (!row) throw errors.notFound('Invitation');
      invitationPolicy.revoke(actor, row.invitation);
      const now = clock.now();
      if (!row.invitation.revokedAt) await revokeInvitation(db, actor.organizationId, id, now);
      const updated = (await getInvitation(db, actor.organizationId, id))!;
      return presentInvitation(
        updated.invitation,
        updated.sponsorName,
        invitationStatus(updated.invitation, now),
      );
    },

    /** What the join page shows: whose link it is, and whether it can still be used. */
    async info(token: string) {
      const row = await lookUp(token);
      return {
        status: invitationStatus(row.invitation, clock.now()),
        kind: row.invitation.kind,
        organization: { name: row.organizationName },
        sponsor: { name: row.sponsorName },
        name: row.invitation.name,
        email: row.invitation.email,
      };
    },

    /** Creates the account and places the member under the link's sponsor; returns the session headers. */
    async join(token: string, input: z.infer<typeof joinBody>, headers: Headers) {
      const first = await lookUp(token);
      const organizationId = first.invitation.organizationId;
      assertOpen(invitationStatus(first.invitation, clock.now()));
      return createAccount(deps, input, headers, async (tx, userId) => {
        // Checked again under a lock: two people racing for the last use cannot both get in.
        const locked = await findByToken(tx, organizationId, token, true);
        if (!locked) throw invitationNotFound();
        const invitation = locked.invitation;
        assertOpen(invitationStatus(invitation, clock.now()));
        const profile = {
          userId,
          name: input.name,
          email: input.email,
          phone: input.phone || null,
          city: input.city || null,
          country: input.country ?? null,
          locale: input.locale,
        };
        if (invitation.memberId) {
          // What the sponsor wrote (phone, city, country) stays where the new member leaves a field empty.
          const given = Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== null));
          const claimed = await tx
            .update(members)
            .set({ ...given, updatedAt: clock.now() })
            .where(
              and(
                eq(members.organizationId, organizationId),
                eq(members.id, invitation.memberId),
                isNull(members.userId),
              ),
            )
            .returning({ id: members.id });
          if (claimed.length === 0)
            throw new AppError(409, 'already_member', 'This member already has an account.');
        } else {
          const member = await placeMember(tx, organizationId, invitation.sponsorId, {
            ...profile,
            kind: invitation.kind,
            status: 'active',
            role: 'member',
            joinedOn: joinDay(input.today, clock.now()),
          });
          await openFollowup(tx, organizationId, member);
          // A contact this link was made for is now this member (contacts/service.ts invite).
          const stage = invitation.kind === 'partner' ? 'joined_partner' : 'joined_customer';
          await linkJoinedContacts(tx, organizationId, invitation.id, member.id, stage, clock.now());
        }
        await countUse(tx, organizationId, invitation.id);
      });
    },
  };
}

/**
 * The join date: the joining device's own date while it is within a day of the server's (time zones
 * run from UTC−12 to UTC+14), else the server's.
 */
function joinDay(deviceDay: string | undefined, now: Date): string {
  const serverDay = now.toISOString().slice(0, 10);
  if (!deviceDay) return serverDay;
  const days = (Date.parse(`${deviceDay}T00:00:00Z`) - Date.parse(`${serverDay}T00:00:00Z`)) / DAY;
  return Math.abs(days) <= 1 ? deviceDay : serverDay;
}

function assertOpen(status: ReturnType<typeof invitationStatus>) {
  if (status === 'open') return;
  const reason = { expired: 'has expired', revoked: 'was withdrawn', used_up: 'has been used up' }[status];
  throw new AppError(
    410,
    'invitation_closed',
    `This invitation link ${reason}. Ask your sponsor for a new one.`,
  );
}
