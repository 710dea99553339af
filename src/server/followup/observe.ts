// Steps that complete themselves: before a follow-up is shown, its open observable steps are checked
// against what the new member has done in the app (contacts on both lists, a diary entry, a saved
// business card or presentation, a held 2+1 meeting, intake answers, the annual goal, a 3-month plan).
// A step ticks with the time of its evidence — when the contact, entry, card or plan was written, or
// when the meeting was held — not the moment someone looked, so "done on time" and "done late" are true.
// Once done, a step stays done even if the evidence is later removed.
import { and, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { cityKey } from '../../core/contacts/fields.ts';
import { STEP_CONDITIONS, type StepCondition } from '../../core/followup/template.ts';
import type { Db } from '../../db/client.ts';
import { followupSteps, members } from '../../db/schema/index.ts';
import { arrayOf } from '../../db/sql.ts';

type Observed = Exclude<StepCondition, 'manual'>;

/** A member for whom a condition holds, and since when. */
interface Evidence {
  id: string;
  at: Date;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * When each condition first held for the member `m.id` (null while it does not), as a scalar subquery.
 * `m.city_key` is the member's own city, folded, for the two lists.
 */
function firstTime(org: string, condition: Observed, now: Date): SQL {
  switch (condition) {
    case 'intake_answered':
      return sql`select coalesce(f.intake_updated_at, f.created_at) from followups f
        where f.organization_id = ${org} and f.member_id = m.id and f.intake <> '{}'::jsonb`;
    case 'diary_started':
      return sql`select min(e.created_at) from diary_entries e
        where e.organization_id = ${org} and e.owner_id = m.id`;
    case 'business_card':
      return sql`select c.created_at from business_cards c
        where c.organization_id = ${org} and c.member_id = m.id`;
    case 'presentation_written':
      return sql`select p.updated_at from presentations p
        where p.organization_id = ${org} and p.member_id = m.id and p.text <> ''`;
    case 'goal_set':
      return sql`select min(g.created_at) from annual_goals g
        where g.organization_id = ${org} and g.member_id = m.id`;
    case 'three_month_plan':
      return sql`select min(p.created_at) from plans p
        where p.organization_id = ${org} and p.member_id = m.id and p.level = 'three_months'`;
    case 'two_plus_one':
      return twoPlusOneHeld(org, now);
    case 'contacts_both_lists': {
      // The list a contact is on, computed from the member's own city as the contacts area does.
      const firstOn = (list: 'own' | 'other') => sql`(select min(c.created_at) from contacts c
        where c.organization_id = ${org} and c.owner_id = m.id
          and coalesce(c.list_override::text,
            case when c.city_key = '' or c.city_key = m.city_key then 'own' else 'other' end) = ${list})`;
      // Both lists have someone from the moment the later of the two first contacts was written.
      return sql`select case when own is null or other is null then null else greatest(own, other) end
        from (select ${firstOn('own')} as own, ${firstOn('other')} as other) lists`;
    }
  }
}

/**
 * A 2+1 meeting (or an online presentation, the online way of sponsoring) that took place: the member
 * logged one with a contact (when the log line was written), or held one in their diary (when it began,
 * unless cancelled, as diary/links.ts), or was invited to one in someone else's diary — their sponsor's,
 * usually — and accepted it, counted once it has ended (its end, or its start without one) unless
 * cancelled.
 */
function twoPlusOneHeld(org: string, now: Date): SQL {
  const twoPlusOne = sql`e.event_type = 'two_plus_one' and e.cancelled_at is null`;
  const ended = sql`coalesce(e.ends_at, e.starts_at)`;
  return sql`select least(
    (select min(i.created_at) from contact_interactions i
      join contacts c on c.organization_id = ${org} and c.id = i.contact_id
      where i.organization_id = ${org} and c.owner_id = m.id
        and i.kind in ('two_plus_one', 'online_presentation')),
    (select min(e.starts_at) from diary_entries e
      where e.organization_id = ${org} and e.owner_id = m.id and ${twoPlusOne} and e.starts_at <= ${now.toISOString()}::timestamptz),
    (select min(${ended}) from diary_entry_links l
      join diary_entries e on e.organization_id = ${org} and e.id = l.entry_id
      where l.organization_id = ${org} and l.member_id = m.id and l.response = 'accepted'
        and e.owner_id <> m.id and ${twoPlusOne} and ${ended} <= ${now.toISOString()}::timestamptz))`;
}

/** Of `owners` (members and their own city), those for whom the condition holds, since when (never after now). */
async function evidence(
  db: Db,
  org: string,
  condition: Observed,
  owners: { id: string; city: string | null }[],
  now: Date,
): Promise<Evidence[]> {
  const rows = rowsOf<{ id: string; at: Date | string }>(
    await db.execute(sql`
      select id, at from (
        select m.id, (${firstTime(org, condition, now)}) as at
        from unnest(${arrayOf(
          owners.map((o) => o.id),
          'uuid',
        )}, ${arrayOf(
          owners.map((o) => cityKey(o.city)),
          'text',
        )}) as m(id, city_key)) seen
      where at is not null`),
  );
  // Never after now (a clock running behind the database's).
  return rows.map((r) => {
    const at = new Date(r.at);
    return { id: r.id, at: at > now ? now : at };
  });
}

/**
 * Ticks every open observable step of these members whose condition now holds, with the time of its
 * evidence. A step someone opened again by hand (done_by set, done_at empty) is left to them. Conditions
 * go in one fixed order, so two requests ticking the same members lock their rows in the same order.
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
  if (open.length === 0) return;
  // The members with something open, read once for every condition (their city decides the lists).
  const owners = await db
    .select({ id: members.id, city: members.city })
    .from(members)
    .where(
      and(
        eq(members.organizationId, organizationId),
        inArray(members.id, [...new Set(open.map((s) => s.memberId))]),
      ),
    );
  for (const condition of STEP_CONDITIONS) {
    if (condition === 'manual') continue;
    const waiting = new Set(open.filter((s) => s.condition === condition).map((s) => s.memberId));
    const who = owners.filter((o) => waiting.has(o.id)).sort((a, b) => a.id.localeCompare(b.id));
    if (who.length === 0) continue;
    const done = await evidence(db, organizationId, condition, who, now);
    if (done.length === 0) continue;
    await db.execute(sql`
      update followup_steps s set done_at = e.at
      from unnest(${arrayOf(
        done.map((d) => d.id),
        'uuid',
      )}, ${arrayOf(
        done.map((d) => d.at.toISOString()),
        'timestamptz',
      )}) as e(member_id, at)
      where s.organization_id = ${organizationId} and s.member_id = e.member_id
        and s.condition = ${condition} and s.done_at is null and s.done_by_id is null`);
  }
}
