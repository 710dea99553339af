// What a member actually did, per activity and day of their own calendar: the numbers plans are measured
// against. Everything is counted from the records the app already keeps — contacts written on the lists,
// diary events that have taken place (one's own, and meetings one was invited to and accepted once they
// have ended), the contact log, contacts moved to "invited", members who joined
// under them, trainings they attended, evening reviews — so nobody types progress in. Deleted records
// simply stop counting.
import { sql } from 'drizzle-orm';
import type { MeasuredActivity } from '../../core/plans/fields.ts';
import type { DayCounts } from '../../core/plans/progress.ts';
import type { Db } from '../../db/client.ts';

export interface Subject {
  organizationId: string;
  memberId: string;
  /** IANA time zone of the member's days. */
  timeZone: string;
}

/**
 * Counts from `from` to `to` (calendar days in the member's zone, both included), up to `now`: a diary
 * event counts once it has begun, a log line once its day has come.
 */
export async function dayCounts(
  db: Db,
  who: Subject,
  from: string,
  to: string,
  now: Date,
): Promise<DayCounts> {
  const { organizationId: org, memberId: me, timeZone: tz } = who;
  const result = (await db.execute(sql`
    with span as (
      select (${from}::date::timestamp at time zone ${tz}) as lo,
             ((${to}::date + 1)::timestamp at time zone ${tz}) as hi,
             (${now.toISOString()}::timestamptz at time zone ${tz})::date as today
    ),
    own_contacts as (
      select c.id from contacts c where c.organization_id = ${org} and c.owner_id = ${me}
    )
    select 'contacts_added' as activity, (c.created_at at time zone ${tz})::date::text as day, count(*)::int as n
      from contacts c, span
      where c.organization_id = ${org} and c.owner_id = ${me} and c.created_at >= span.lo
        and c.created_at < span.hi and c.created_at <= ${now.toISOString()}::timestamptz
      group by 2
    union all
    select case e.event_type when 'call' then 'calls' when 'presentation' then 'presentations'
             else 'two_plus_one' end, e.day::text, count(*)::int
      from diary_entries e
      where e.organization_id = ${org} and e.owner_id = ${me} and e.kind = 'event'
        and e.event_type in ('call', 'presentation', 'two_plus_one') and e.cancelled_at is null
        and e.day between ${from}::date and ${to}::date and e.starts_at <= ${now.toISOString()}::timestamptz
      group by 1, 2
    union all
    -- 2+1 meetings and presentations of others' diaries the member was invited to and accepted, once
    -- they have ended (their end, or their start without one) and unless they were cancelled.
    select case e.event_type when 'presentation' then 'presentations' else 'two_plus_one' end,
           e.day::text, count(*)::int
      from diary_entry_links l
      join diary_entries e on e.organization_id = l.organization_id and e.id = l.entry_id
      where l.organization_id = ${org} and l.member_id = ${me} and l.response = 'accepted'
        and e.owner_id <> ${me} and e.kind = 'event' and e.event_type in ('presentation', 'two_plus_one')
        and e.cancelled_at is null and e.day between ${from}::date and ${to}::date
        and coalesce(e.ends_at, e.starts_at) <= ${now.toISOString()}::timestamptz
      group by 1, 2
    union all
    -- The contact log, less the lines a diary event wrote (those are counted as the event).
    select case i.kind when 'call' then 'calls' when 'online_presentation' then 'presentations'
             else 'two_plus_one' end, i.occurred_on::text, count(*)::int
      from contact_interactions i join own_contacts oc on oc.id = i.contact_id, span
      where i.organization_id = ${org} and i.kind in ('call', 'online_presentation', 'two_plus_one')
        and i.occurred_on between ${from}::date and least(${to}::date, span.today)
        and not exists (select 1 from diary_entry_links l
                        where l.organization_id = i.organization_id and l.interaction_id = i.id)
      group by 1, 2
    union all
    select 'invitations', c.invited_on::text, count(*)::int
      from contacts c, span
      where c.organization_id = ${org} and c.owner_id = ${me}
        and c.invited_on between ${from}::date and least(${to}::date, span.today)
      group by 2
    union all
    select 'registrations', m.joined_on::text, count(*)::int
      from members m, span
      where m.organization_id = ${org} and m.sponsor_id = ${me}
        and m.joined_on between ${from}::date and least(${to}::date, span.today)
      group by 2
    union all
    select 'trainings_attended', t.held_on::text, count(*)::int
      from training_registrations r
      join trainings t on t.organization_id = r.organization_id and t.id = r.training_id, span
      where r.organization_id = ${org} and r.member_id = ${me} and r.attended_at is not null
        and t.cancelled_at is null and t.held_on between ${from}::date and least(${to}::date, span.today)
      group by 2
    union all
    select 'evening_reviews', d.day::text, count(*)::int
      from diary_reviews d
      where d.organization_id = ${org} and d.owner_id = ${me} and d.day between ${from}::date and ${to}::date
      group by 2
  `)) as unknown as { rows: { activity: MeasuredActivity; day: string; n: number }[] };
  const counts: DayCounts = {};
  for (const row of result.rows) {
    counts[row.activity] ??= {};
    const byDay = counts[row.activity]!;
    byDay[row.day] = (byDay[row.day] ?? 0) + Number(row.n);
  }
  return counts;
}
