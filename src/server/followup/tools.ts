// A member's own starter tools: the business card (with its standing invitation link, whose QR code the
// card shows) and the 2-minute presentation with its practice runs. Saving them ticks the matching
// follow-up steps (observe.ts).
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { FOLLOWUP_LIMITS } from '../../core/followup/template.ts';
import type { Db } from '../../db/client.ts';
import { businessCards, invitations, presentations } from '../../db/schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../http/types.ts';
import { invitationService } from '../invitations/service.ts';
import { getOrganization } from '../organizations/queries.ts';
import { getMember } from '../structure/queries.ts';
import { loadTemplate } from './queries.ts';
import type { cardBody, presentationBody } from './schemas.ts';

export function toolsService(deps: Deps) {
  const { database, clock } = deps;
  const { db } = database;
  const links = invitationService(deps);

  async function cardRow(tx: Db, actor: Actor) {
    const [row] = await tx
      .select()
      .from(businessCards)
      .where(
        and(
          eq(businessCards.organizationId, actor.organizationId),
          eq(businessCards.memberId, actor.memberId),
        ),
      );
    return row ?? null;
  }

  /** The card's link while it can still be used (withdrawn or used-up links are not shown). */
  async function linkOf(tx: Db, actor: Actor, invitationId: string | null) {
    if (!invitationId) return null;
    const [row] = await tx
      .select({ token: invitations.token, revokedAt: invitations.revokedAt })
      .from(invitations)
      .where(and(eq(invitations.organizationId, actor.organizationId), eq(invitations.id, invitationId)));
    return row && !row.revokedAt ? `/join/${row.token}` : null;
  }

  async function presentCard(tx: Db, actor: Actor) {
    const [member, organization, row] = await Promise.all([
      getMember(tx, actor.organizationId, actor.memberId),
      getOrganization(tx, actor.organizationId),
      cardRow(tx, actor),
    ]);
    return {
      saved: row !== null,
      name: member!.name,
      headline: row?.headline ?? null,
      organization: organization!.name,
      phone: member!.phone,
      email: member!.email,
      city: member!.city,
      messengers: member!.messengers,
      showPhone: row?.showPhone ?? true,
      showEmail: row?.showEmail ?? true,
      showMessengers: row?.showMessengers ?? true,
      kind: row?.kind ?? 'partner',
      path: await linkOf(tx, actor, row?.invitationId ?? null),
    };
  }

  async function newLink(tx: Db, actor: Actor, kind: 'customer' | 'partner') {
    const invitation = await links.create(actor, { kind }, tx);
    return invitation.id;
  }

  async function presentPresentation(tx: Db, actor: Actor) {
    const [[row], { template }] = await Promise.all([
      tx
        .select()
        .from(presentations)
        .where(
          and(
            eq(presentations.organizationId, actor.organizationId),
            eq(presentations.memberId, actor.memberId),
          ),
        ),
      loadTemplate(tx, actor.organizationId),
    ]);
    return {
      text: row?.text ?? '',
      updatedAt: row?.updatedAt.toISOString() ?? null,
      practiceCount: row?.practiceCount ?? 0,
      lastPractisedAt: row?.lastPractisedAt?.toISOString() ?? null,
      lastSeconds: row?.lastSeconds ?? null,
      starters: template.presentations,
      seconds: FOLLOWUP_LIMITS.presentationSeconds,
    };
  }

  return {
    card: (actor: Actor) => presentCard(db, actor),

    /** The card as a vCard: only the ways to reach the member that the card shows. */
    async vcard(actor: Actor) {
      const card = await presentCard(db, actor);
      return {
        ...card,
        phone: card.showPhone ? card.phone : null,
        email: card.showEmail ? card.email : null,
        messengers: card.showMessengers ? card.messengers : {},
      };
    },

    async saveCard(actor: Actor, input: z.infer<typeof cardBody>) {
      return db.transaction(async (tx) => {
        const existing = await cardRow(tx, actor);
        const values = {
          headline: input.headline ?? null,
          showPhone: input.showPhone,
          showEmail: input.showEmail,
          showMessengers: input.showMessengers,
          kind: input.kind,
          updatedAt: clock.now(),
        };
        if (!existing) {
          const invitationId = await newLink(tx, actor, input.kind);
          await tx.insert(businessCards).values({
            organizationId: actor.organizationId,
            memberId: actor.memberId,
            ...values,
            invitationId,
          });
        } else {
          await tx
            .update(businessCards)
            .set(values)
            .where(
              and(
                eq(businessCards.organizationId, actor.organizationId),
                eq(businessCards.memberId, actor.memberId),
              ),
            );
          // Printed cards keep working: the same link, now placing sign-ups as the chosen kind.
          if (existing.invitationId && existing.kind !== input.kind)
            await tx
              .update(invitations)
              .set({ kind: input.kind })
              .where(
                and(
                  eq(invitations.organizationId, actor.organizationId),
                  eq(invitations.id, existing.invitationId),
                ),
              );
        }
        return presentCard(tx, actor);
      });
    },

    /** A new link for the card; the old one is withdrawn (e.g. a card that went to the wrong people). */
    async renewLink(actor: Actor) {
      return db.transaction(async (tx) => {
        const existing = await cardRow(tx, actor);
        const kind = existing?.kind ?? 'partner';
        if (existing?.invitationId)
          await tx
            .update(invitations)
            .set({ revokedAt: clock.now() })
            .where(
              and(
                eq(invitations.organizationId, actor.organizationId),
                eq(invitations.id, existing.invitationId),
              ),
            );
        const invitationId = await newLink(tx, actor, kind);
        await tx
          .insert(businessCards)
          .values({ organizationId: actor.organizationId, memberId: actor.memberId, kind, invitationId })
          .onConflictDoUpdate({
            target: [businessCards.organizationId, businessCards.memberId],
            set: { invitationId, updatedAt: clock.now() },
          });
        return presentCard(tx, actor);
      });
    },

    presentation: (actor: Actor) => presentPresentation(db, actor),

    async savePresentation(actor: Actor, input: z.infer<typeof presentationBody>) {
      return db.transaction(async (tx) => {
        await tx
          .insert(presentations)
          .values({
            organizationId: actor.organizationId,
            memberId: actor.memberId,
            text: input.text,
            updatedAt: clock.now(),
          })
          .onConflictDoUpdate({
            target: [presentations.organizationId, presentations.memberId],
            set: { text: input.text, updatedAt: clock.now() },
          });
        return presentPresentation(tx, actor);
      });
    },

    async practice(actor: Actor, seconds: number) {
      return db.transaction(async (tx) => {
        const now = clock.now();
        await tx
          .insert(presentations)
          .values({
            organizationId: actor.organizationId,
            memberId: actor.memberId,
            practiceCount: 1,
            lastPractisedAt: now,
            lastSeconds: seconds,
          })
          .onConflictDoUpdate({
            target: [presentations.organizationId, presentations.memberId],
            set: {
              practiceCount: sql`${presentations.practiceCount} + 1`,
              lastPractisedAt: now,
              lastSeconds: seconds,
            },
          });
        return presentPresentation(tx, actor);
      });
    },
  };
}
