// Reading the KPIs: never from raw orders, always from member_rollups (server/kpis/rollups.ts) — one row
// per member and period, found by its key.
import { sql } from 'drizzle-orm';
import type { Grain } from '../../core/kpis/periods.ts';
import { downlineRange } from '../../core/structure/path.ts';
import type { Db } from '../../db/client.ts';
import { anyOf } from '../../db/sql.ts';
import type { Kpi } from './schemas.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export interface StoredFigures {
  period: string;
  points: number;
  joined: number;
  structurePoints: number;
  structureJoined: number;
  frontlineJoined: number;
  structureTrained: number;
  structureTrainedOffline: number;
  structureTrainedOnline: number;
}

const FIGURE_COLUMNS = sql.raw(`period::text as period, points, joined, structure_points,
  structure_joined, frontline_joined, structure_trained, structure_trained_offline, structure_trained_online`);

type RawFigures = Record<string, string | number>;

const toFigures = (r: RawFigures): StoredFigures => ({
  period: String(r.period),
  points: Number(r.points),
  joined: Number(r.joined),
  structurePoints: Number(r.structure_points),
  structureJoined: Number(r.structure_joined),
  frontlineJoined: Number(r.frontline_joined),
  structureTrained: Number(r.structure_trained),
  structureTrainedOffline: Number(r.structure_trained_offline),
  structureTrainedOnline: Number(r.structure_trained_online),
});

/** A member's stored figures for some periods of one grain; periods without a row are left out. */
export async function figuresOf(
  db: Db,
  organizationId: string,
  memberId: string,
  grain: Grain,
  periods: string[],
): Promise<Map<string, StoredFigures>> {
  const rows = rowsOf<RawFigures>(
    await db.execute(sql`select ${FIGURE_COLUMNS} from member_rollups
      where organization_id = ${organizationId} and grain = ${grain}
        and ${anyOf(sql`period`, periods, 'date')}
        and member_id = ${memberId}`),
  );
  return new Map(rows.map((r) => [String(r.period), toFigures(r)]));
}

export interface LegRow {
  id: string;
  name: string;
  kind: 'customer' | 'partner';
  figures: StoredFigures | null;
}

/** The frontline of a member with their structure figures in one period, biggest points first. */
export async function legsOf(
  db: Db,
  organizationId: string,
  memberId: string,
  grain: Grain,
  period: string,
  limit: number,
): Promise<{ rows: LegRow[]; total: number }> {
  const rows = rowsOf<RawFigures & { id: string; name: string; kind: LegRow['kind']; total: number }>(
    await db.execute(sql`select m.id, m.name, m.kind, r.member_id is not null as has_row,
        ${sql.raw(`r.${['points', 'joined', 'structure_points', 'structure_joined', 'frontline_joined', 'structure_trained', 'structure_trained_offline', 'structure_trained_online'].join(', r.')}`)},
        ${period}::text as period, count(*) over () as total
      from members m
      left join member_rollups r on r.organization_id = m.organization_id and r.grain = ${grain}
        and r.period = ${period} and r.member_id = m.id
      where m.organization_id = ${organizationId} and m.sponsor_id = ${memberId}
      order by coalesce(r.structure_points, 0) desc, coalesce(r.structure_joined, 0) desc, m.path
      limit ${limit}`),
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      figures: r.has_row ? toFigures(r) : null,
    })),
  };
}

export interface DrilldownRow {
  id: string;
  name: string;
  kind: 'customer' | 'partner';
  joinedOn: string;
  depth: number;
  sponsorName: string | null;
  points: number;
  trainedOffline: number;
  trainedOnline: number;
  interested: boolean;
}

/**
 * The members behind one number of a member's structure in one period: whose own points, join or
 * attendance it adds up. One range of the period's rows, joined to the members of the subtree.
 */
export async function drilldown(
  db: Db,
  organizationId: string,
  member: { id: string; path: string },
  query: { kpi: Kpi; grain: Grain; period: string; filter?: string; offset: number; limit: number },
): Promise<{ rows: DrilldownRow[]; total: number }> {
  const { upper } = downlineRange(member.path);
  const which =
    query.kpi === 'points'
      ? sql`r.points <> 0`
      : query.kpi === 'newMembers'
        ? query.filter === 'frontline'
          ? sql`r.joined = 1 and m.sponsor_id = ${member.id}`
          : sql`r.joined = 1 and m.id <> ${member.id}`
        : query.filter === 'offline'
          ? sql`r.trained_offline = 1`
          : query.filter === 'online'
            ? sql`r.trained_online = 1`
            : sql`r.trained = 1`;
  const order = query.kpi === 'points' ? sql`r.points desc, m.path` : sql`m.path`;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select m.id, m.name, m.kind, m.joined_on::text as joined_on, m.depth,
        s.name as sponsor_name, r.points, r.trained_offline, r.trained_online,
        m.development_interest_at is not null as interested, count(*) over () as total
      from member_rollups r
      join members m on m.organization_id = r.organization_id and m.id = r.member_id
      left join members s on s.organization_id = m.organization_id and s.id = m.sponsor_id
      where r.organization_id = ${organizationId} and r.grain = ${query.grain} and r.period = ${query.period}
        and m.path >= ${member.path} and m.path < ${upper} and ${which}
      order by ${order}
      limit ${query.limit} offset ${query.offset}`),
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      kind: r.kind as DrilldownRow['kind'],
      joinedOn: String(r.joined_on),
      depth: Number(r.depth),
      sponsorName: (r.sponsor_name as string | null) ?? null,
      points: Number(r.points),
      trainedOffline: Number(r.trained_offline),
      trainedOnline: Number(r.trained_online),
      interested: Boolean(r.interested),
    })),
  };
}
