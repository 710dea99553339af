import { sql } from 'drizzle-orm';
import { type Grain, periodEnd, periodsOf, periodsOfDays } from '../../core/kpis/periods.ts';
import { ancestorPaths, SEGMENT_WIDTH } from '../../core/structure/path.ts';
import type { Db } from '../../db/client.ts';
import { anyOf } from '../../db/sql.ts';

/** A member's own figures in one period; training figures are 0 or 1 (distinct people). */
export interface Figures {
  points: number;
  joined: number;
  trainedOffline: number;
  trainedOnline: number;
  trained: number;
}

export const FIGURES = ['points', 'joined', 'trainedOffline', 'trainedOnline', 'trained'] as const;

export interface PeriodDelta {
  grain: Grain;
  period: string;
  figures: Partial<Figures>;
}

/** The same change in both periods (month and week) a dated event counts in. */
export function deltasOn(day: string, figures: Partial<Figures>): PeriodDelta[] {
  return periodsOf(day).map((p) => ({ ...p, figures }));
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

const ADD_ON_CONFLICT = sql`on conflict (organization_id, grain, period, member_id) do update set
  points = r.points + excluded.points,
  joined = r.joined + excluded.joined,
  trained_offline = r.trained_offline + excluded.trained_offline,
  trained_online = r.trained_online + excluded.trained_online,
  trained = r.trained + excluded.trained,
  structure_points = r.structure_points + excluded.structure_points,
  structure_joined = r.structure_joined + excluded.structure_joined,
  frontline_joined = r.frontline_joined + excluded.frontline_joined,
  structure_trained_offline = r.structure_trained_offline + excluded.structure_trained_offline,
  structure_trained_online = r.structure_trained_online + excluded.structure_trained_online,
  structure_trained = r.structure_trained + excluded.structure_trained`;

export const COLUMNS = sql.raw(`organization_id, member_id, grain, period, points, joined, trained_offline,
  trained_online, trained, structure_points, structure_joined, frontline_joined,
  structure_trained_offline, structure_trained_online, structure_trained`);

/**
 * Adds a member's change of figures to their own row and to the structure totals of their whole upline
 * (and a join to their sponsor's frontline count). `path` is the member's path at the time.
 */
export async function addToRollups(db: Db, organizationId: string, path: string, deltas: PeriodDelta[]) {
  // One row per period: a statement may not update the same row twice.
  const merged = new Map<string, PeriodDelta>();
  for (const d of deltas) {
    const key = `${d.grain}:${d.period}`;
    const into = merged.get(key);
    if (!into) merged.set(key, { ...d, figures: { ...d.figures } });
    else for (const f of FIGURES) into.figures[f] = (into.figures[f] ?? 0) + (d.figures[f] ?? 0);
  }
  const changes = [...merged.values()].filter((d) => FIGURES.some((f) => (d.figures[f] ?? 0) !== 0));
  if (!changes.length) return;
  const paths = [...ancestorPaths(path), path];
  const sponsorPath = path.slice(0, -SEGMENT_WIDTH);
  const values = sql.join(
    changes.map((d) => {
      const f = (name: keyof Figures) => Math.trunc(d.figures[name] ?? 0);
      return sql`(${d.grain}::kpi_grain, ${d.period}::date, ${f('points')}::bigint, ${f('joined')}::int,
        ${f('trainedOffline')}::int, ${f('trainedOnline')}::int, ${f('trained')}::int)`;
    }),
    sql`, `,
  );
  // Rows are locked in path order, so two postings in one structure never wait on each other in a cycle.
  await db.execute(sql`
    insert into member_rollups as r (${COLUMNS})
    select ${organizationId}::uuid, m.id, d.grain, d.period,
      case when m.path = ${path} then d.points else 0 end,
      case when m.path = ${path} then d.joined else 0 end,
      case when m.path = ${path} then d.t_off else 0 end,
      case when m.path = ${path} then d.t_on else 0 end,
      case when m.path = ${path} then d.t_any else 0 end,
      d.points, d.joined, case when m.path = ${sponsorPath} then d.joined else 0 end,
      d.t_off, d.t_on, d.t_any
    from members m, (values ${values}) as d(grain, period, points, joined, t_off, t_on, t_any)
    where m.organization_id = ${organizationId}
      and ${anyOf(sql`m.path`, paths, 'text')}
    order by m.path, d.grain, d.period
    ${ADD_ON_CONFLICT}`);
}

/**
 * After a member moved from `oldPath` to `newPath` (their downline with them): their structure totals
 * of every period leave the old upline and join the new one; their join leaves the old sponsor's
 * frontline count for the new sponsor's. The upline both paths share is left alone.
 */
export async function shiftRollups(
  db: Db,
  organizationId: string,
  memberId: string,
  oldPath: string,
  newPath: string,
) {
  const oldUpline = new Set(ancestorPaths(oldPath));
  const newUpline = new Set(ancestorPaths(newPath));
  const oldSponsor = oldPath.slice(0, -SEGMENT_WIDTH);
  const newSponsor = newPath.slice(0, -SEGMENT_WIDTH);
  if (oldSponsor === newSponsor) return;
  const signs = new Map<string, number>([
    ...[...oldUpline].filter((p) => !newUpline.has(p)).map((p) => [p, -1] as const),
    ...[...newUpline].filter((p) => !oldUpline.has(p)).map((p) => [p, 1] as const),
  ]);
  // Both sponsors' frontline counts change even when one is in the other's upline.
  for (const sponsor of [oldSponsor, newSponsor]) if (!signs.has(sponsor)) signs.set(sponsor, 0);
  const values = sql.join(
    [...signs].map(([p, sign]) => sql`(${p}, ${sign}::int)`),
    sql`, `,
  );
  // The moved member's rows, one index probe per period of the organization: the periods are found
  // by skipping through the primary key (a loose index scan), a few hundred steps for years of data.
  await db.execute(sql`
    with recursive periods(grain, period) as (
      (select grain, period from member_rollups where organization_id = ${organizationId}
        order by grain, period limit 1)
      union all
      select n.grain, n.period from periods p, lateral (
        select grain, period from member_rollups
        where organization_id = ${organizationId} and (grain, period) > (p.grain, p.period)
        order by grain, period limit 1) n
    ),
    s as (
      select r.* from periods p join member_rollups r on r.organization_id = ${organizationId}
        and r.grain = p.grain and r.period = p.period and r.member_id = ${memberId}
    )
    insert into member_rollups as r (${COLUMNS})
    select ${organizationId}::uuid, a.id, s.grain, s.period, 0, 0, 0, 0, 0,
      a.sign * s.structure_points, a.sign * s.structure_joined,
      case when a.path = ${oldSponsor} then -s.joined when a.path = ${newSponsor} then s.joined else 0 end,
      a.sign * s.structure_trained_offline, a.sign * s.structure_trained_online, a.sign * s.structure_trained
    from (select m.id, m.path, x.sign from members m join (values ${values}) as x(path, sign)
            on m.path = x.path collate "C"
          where m.organization_id = ${organizationId}) a,
      s
    order by a.path, s.grain, s.period
    ${ADD_ON_CONFLICT}`);
}

/**
 * Taken by every posting, join and attendance before it reads the member's path: it waits for a move
 * or an import in progress (they lock the organization for update, structure/tree.ts lockStructure) and
 * lets postings run side by side.
 */
export async function lockForPosting(db: Db, organizationId: string) {
  await db.execute(sql`select 1 from organizations where id = ${organizationId} for key share`);
}

/**
 * Brings a member's training figures for the month and week of `day` in line with their recorded
 * attendance (after attendance is recorded or taken back, or a training is moved or cancelled), and
 * the upline's totals with them. Call after lockForPosting, with the member's current path.
 */
export async function refreshTrainingFigures(
  db: Db,
  organizationId: string,
  member: { id: string; path: string },
  days: string | readonly string[],
) {
  // "Read what is stored, add the difference" must not run twice at once for one member.
  await db.execute(sql`select 1 from members where organization_id = ${organizationId}
    and id = ${member.id} for no key update`);
  const deltas: PeriodDelta[] = [];
  // Every period of every day in one statement: its rows are locked in the one global order, so a
  // training moved across a month and a posting in between cannot wait on each other in a cycle.
  for (const { grain, period } of periodsOfDays(typeof days === 'string' ? [days] : days)) {
    const end = periodEnd(grain, period);
    const [actual] = rowsOf<{ offline: boolean; online: boolean }>(
      await db.execute(sql`select
          coalesce(bool_or(t.format = 'offline'), false) as offline,
          coalesce(bool_or(t.format = 'online'), false) as online
        from training_registrations r
        join trainings t on t.organization_id = r.organization_id and t.id = r.training_id
        where r.organization_id = ${organizationId} and r.member_id = ${member.id}
          and r.attended_at is not null and t.cancelled_at is null
          and t.held_on between ${period} and ${end}`),
    );
    const [stored] = rowsOf<{ trained_offline: number; trained_online: number; trained: number }>(
      await db.execute(sql`select trained_offline, trained_online, trained from member_rollups
        where organization_id = ${organizationId} and member_id = ${member.id}
          and grain = ${grain} and period = ${period}`),
    );
    const offline = actual?.offline ? 1 : 0;
    const online = actual?.online ? 1 : 0;
    deltas.push({
      grain,
      period,
      figures: {
        trainedOffline: offline - (stored?.trained_offline ?? 0),
        trainedOnline: online - (stored?.trained_online ?? 0),
        trained: (offline || online ? 1 : 0) - (stored?.trained ?? 0),
      },
    });
  }
  await addToRollups(db, organizationId, member.path, deltas);
}
