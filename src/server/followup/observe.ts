// Steps that complete themselves: before a follow-up is shown, its open observable steps are checked
// against what the new member has done in the app (contacts on both lists, a diary entry, a saved
// business card or presentation, a logged 2+1 meeting, intake answers) and ticked with the time seen.
// Once done, a step stays done even if the evidence is later removed.
import { and, eq, exists, inArray, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import { cityKey } from '../../core/contacts/fields.ts';
import { STEP_CONDITIONS, type StepCondition } from '../../core/followup/template.ts';
import type { Db } from '../../db/client.ts';
import {
  businessCards,
  contactInteractions,
  contacts,
  diaryEntries,
  diaryEntryLinks,
  followupSteps,
  followups,
  members,
  presentations,
} from '../../db/schema/index.ts';

type Observed = Exclude<StepCondition, 'manual'>;

/** Of `memberIds`, those for whom the condition holds. */
async function satisfied(
  db: Db,
  organizationId: string,
  condition: Observed,
  memberIds: string[],
  now: Date,
) {
  const org = organizationId;
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  const whereMember = (column: typeof members.id) =>
    and(eq(members.organizationId, org), inArray(column, memberIds));
  const memberRows = (condition: SQL | undefined) =>
    db
      .select({ id: members.id })
      .from(members)
      .where(and(whereMember(members.id), condition));

  switch (condition) {
    case 'intake_answered':
      return ids(
        await db
          .select({ id: followups.memberId })
          .from(followups)
          .where(
            and(
              eq(followups.organizationId, org),
              inArray(followups.memberId, memberIds),
              sql`${followups.intake} <> '{}'::jsonb`,
            ),
          ),
      );
    case 'diary_started':
      return ids(
        await memberRows(
          exists(
            db
              .select({ one: sql`1` })
              .from(diaryEntries)
              .where(and(eq(diaryEntries.organizationId, org), eq(diaryEntries.ownerId, members.id))),
          ),
        ),
      );
    case 'business_card':
      return ids(
        await db
          .select({ id: businessCards.memberId })
          .from(businessCards)
          .where(and(eq(businessCards.organizationId, org), inArray(businessCards.memberId, memberIds))),
      );
    case 'presentation_written':
      return ids(
        await db
          .select({ id: presentations.memberId })
          .from(presentations)
          .where(
            and(
              eq(presentations.organizationId, org),
              inArray(presentations.memberId, memberIds),
              ne(presentations.text, ''),
            ),
          ),
      );
    case 'two_plus_one':
      return ids(await memberRows(twoPlusOneLogged(db, org, now)));
    case 'contacts_both_lists':
      return bothListsStarted(db, org, memberIds);
  }
}

/**
 * A 2+1 meeting (or an online presentation, the online way of sponsoring) that took place: the member
 * logged one with a contact, or held one in their diary (once it has started, unless cancelled, as
 * diary/links.ts), or was invited to one in someone else's diary — their sponsor's, usually — and
 * accepted it, counted once it has ended (its end, or its start without one) unless cancelled.
 */
function twoPlusOneLogged(db: Db, org: string, now: Date): SQL {
  const twoPlusOne = and(eq(diaryEntries.eventType, 'two_plus_one'), isNull(diaryEntries.cancelledAt));
  const inContactLog = db
    .select({ one: sql`1` })
    .from(contactInteractions)
    .innerJoin(
      contacts,
      and(eq(contacts.organizationId, org), eq(contacts.id, contactInteractions.contactId)),
    )
    .where(
      and(
        eq(contactInteractions.organizationId, org),
        eq(contacts.ownerId, members.id),
        inArray(contactInteractions.kind, ['two_plus_one', 'online_presentation']),
      ),
    );
  const inOwnDiary = db
    .select({ one: sql`1` })
    .from(diaryEntries)
    .where(
      and(
        eq(diaryEntries.organizationId, org),
        eq(diaryEntries.ownerId, members.id),
        twoPlusOne,
        lte(diaryEntries.startsAt, now),
      ),
    );
  const invitedAndAccepted = db
    .select({ one: sql`1` })
    .from(diaryEntryLinks)
    .innerJoin(
      diaryEntries,
      and(eq(diaryEntries.organizationId, org), eq(diaryEntries.id, diaryEntryLinks.entryId)),
    )
    .where(
      and(
        eq(diaryEntryLinks.organizationId, org),
        eq(diaryEntryLinks.memberId, members.id),
        eq(diaryEntryLinks.response, 'accepted'),
        ne(diaryEntries.ownerId, members.id),
        twoPlusOne,
        sql`coalesce(${diaryEntries.endsAt}, ${diaryEntries.startsAt}) <= ${now.toISOString()}::timestamptz`,
      ),
    );
  return or(exists(inContactLog), exists(inOwnDiary), exists(invitedAndAccepted))!;
}

/**
 * Members with at least one contact on each list, in one query: the list depends on each member's own
 * city, passed along as (member, city key) pairs.
 */
async function bothListsStarted(db: Db, org: string, memberIds: string[]) {
  const owners = await db
    .select({ id: members.id, city: members.city })
    .from(members)
    .where(and(eq(members.organizationId, org), inArray(members.id, memberIds)));
  if (owners.length === 0) return [];
  const array = (values: string[], type: SQL) =>
    sql`array[${sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    )}]::${type}`;
  const onList = (list: 'own' | 'other') => sql`exists (
    select 1 from ${contacts}
    where ${contacts.organizationId} = ${org} and ${contacts.ownerId} = o.id
      and coalesce(${contacts.listOverride}::text,
        case when ${contacts.cityKey} = '' or ${contacts.cityKey} = o.city_key then 'own' else 'other' end) = ${list})`;
  // Both drivers (node-postgres, PGlite) return `rows`.
  const result = (await db.execute(sql`
    select o.id from unnest(
      ${array(
        owners.map((o) => o.id),
        sql.raw('uuid[]'),
      )},
      ${array(
        owners.map((o) => cityKey(o.city)),
        sql.raw('text[]'),
      )}
    ) as o(id, city_key)
    where ${onList('own')} and ${onList('other')}`)) as unknown as { rows: { id: string }[] };
  return result.rows.map((r) => r.id);
}

/**
 * Ticks every open observable step of these members whose condition now holds. A step someone opened
 * again by hand (done_by set, done_at empty) is left to them. Conditions go in one fixed order, so two
 * requests ticking the same members lock their rows in the same order.
 */
export async function observeSteps(db: Db, organizationId: string, memberIds: string[], now: Date) {
  if (memberIds.length === 0) return;
  const open = await db
    .select({ memberId: followupSteps.memberId, condition: followupSteps.condition })
    .from(followupSteps)
    .where(
      and(
        eq(followupSteps.organizationId, organizationId),
        inArray(followupSteps.memberId, memberIds),
        isNull(followupSteps.doneAt),
        isNull(followupSteps.doneById),
        ne(followupSteps.condition, 'manual'),
      ),
    );
  for (const condition of STEP_CONDITIONS) {
    if (condition === 'manual') continue;
    const waiting = [...new Set(open.filter((s) => s.condition === condition).map((s) => s.memberId))];
    if (waiting.length === 0) continue;
    const done = await satisfied(db, organizationId, condition, waiting.sort(), now);
    if (done.length === 0) continue;
    await db
      .update(followupSteps)
      .set({ doneAt: now })
      .where(
        and(
          eq(followupSteps.organizationId, organizationId),
          inArray(followupSteps.memberId, done),
          eq(followupSteps.condition, condition),
          isNull(followupSteps.doneAt),
          isNull(followupSteps.doneById),
        ),
      );
  }
}
