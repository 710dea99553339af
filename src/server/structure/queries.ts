// Reads and writes of the sponsor tree. Every function takes the organization id; a downline is always
// one range of the (organization_id, path) index, never a recursive walk.
import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, gt, gte, ilike, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import {
  ancestorPaths,
  depthOf,
  downlineRange,
  isInSubtree,
  SEGMENT_WIDTH,
} from '../../core/structure/path.ts';
import type { Db } from '../../db/client.ts';
import { auditEvents, members } from '../../db/schema/index.ts';
import { endContactShares } from '../contacts/queries.ts';
import { addToRollups, deltasOn, lockForPosting, shiftRollups } from '../kpis/rollups.ts';

export type MemberRow = typeof members.$inferSelect;

export async function getMember(db: Db, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.organizationId, organizationId), eq(members.id, id)));
  return row ?? null;
}

/** The upline of a path, root first: names only are ever shown of it. */
export async function getUpline(db: Db, organizationId: string, path: string) {
  const paths = ancestorPaths(path);
  if (paths.length === 0) return [];
  return db
    .select({ id: members.id, name: members.name, path: members.path, depth: members.depth })
    .from(members)
    .where(and(eq(members.organizationId, organizationId), inArray(members.path, paths)))
    .orderBy(asc(members.path));
}

function inDownline(organizationId: string, path: string): SQL {
  const { lower, upper } = downlineRange(path);
  return and(eq(members.organizationId, organizationId), gt(members.path, lower), lt(members.path, upper))!;
}

/** Downline size, by kind, and the frontline size. */
export async function countStructure(db: Db, organizationId: string, member: Pick<MemberRow, 'id' | 'path'>) {
  const byKind = await db
    .select({ kind: members.kind, n: count() })
    .from(members)
    .where(inDownline(organizationId, member.path))
    .groupBy(members.kind);
  const [frontline] = await db
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.organizationId, organizationId), eq(members.sponsorId, member.id)));
  const kinds = { customer: 0, partner: 0 };
  for (const row of byKind) kinds[row.kind] = Number(row.n);
  return { downline: kinds.customer + kinds.partner, frontline: Number(frontline?.n ?? 0), ...kinds };
}

// Spelled out: drizzle leaves the outer columns unqualified, which inside the subquery would mean `c`.
const childCount =
  sql<number>`(select count(*) from members c where c.organization_id = members.organization_id and c.sponsor_id = members.id)`.mapWith(
    Number,
  );

/** The direct members of a sponsor, in the order they joined the tree, each with their own frontline size. */
export async function listFrontline(
  db: Db,
  organizationId: string,
  sponsorId: string,
  page: { offset: number; limit: number },
) {
  const where = and(eq(members.organizationId, organizationId), eq(members.sponsorId, sponsorId));
  const [rows, [total]] = await Promise.all([
    db
      .select({ member: members, children: childCount })
      .from(members)
      .where(where)
      .orderBy(asc(members.path))
      .offset(page.offset)
      .limit(page.limit),
    db.select({ n: count() }).from(members).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export interface DownlineFilter {
  /** Levels below the member: 1 = frontline. */
  minDepth?: number;
  maxDepth?: number;
  kind?: MemberRow['kind'];
  status?: MemberRow['status'];
  city?: string;
  joinedFrom?: string;
  joinedTo?: string;
  /** Name, e-mail or city containing this text. */
  q?: string;
}

export type DownlineSort = 'tree' | 'name' | 'joinedOn' | 'depth' | 'city';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function downlineWhere(organizationId: string, root: Pick<MemberRow, 'path' | 'depth'>, f: DownlineFilter) {
  const conditions: SQL[] = [inDownline(organizationId, root.path)];
  if (f.minDepth !== undefined) conditions.push(gte(members.depth, root.depth + f.minDepth));
  if (f.maxDepth !== undefined) conditions.push(lte(members.depth, root.depth + f.maxDepth));
  if (f.kind) conditions.push(eq(members.kind, f.kind));
  if (f.status) conditions.push(eq(members.status, f.status));
  if (f.city) conditions.push(ilike(members.city, escapeLike(f.city)));
  if (f.joinedFrom) conditions.push(gte(members.joinedOn, f.joinedFrom));
  if (f.joinedTo) conditions.push(lte(members.joinedOn, f.joinedTo));
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    conditions.push(
      or(ilike(members.name, pattern), ilike(members.email, pattern), ilike(members.city, pattern))!,
    );
  }
  return and(...conditions)!;
}

function downlineOrder(sort: DownlineSort, direction: 'asc' | 'desc') {
  const dir = direction === 'asc' ? asc : desc;
  switch (sort) {
    case 'tree':
      return [dir(members.path)];
    case 'name':
      return [dir(members.name), asc(members.path)];
    case 'joinedOn':
      return [dir(members.joinedOn), asc(members.path)];
    case 'depth':
      return [dir(members.depth), asc(members.path)];
    case 'city':
      return [dir(sql`lower(${members.city})`), asc(members.path)];
  }
}

export async function listDownline(
  db: Db,
  organizationId: string,
  root: Pick<MemberRow, 'path' | 'depth'>,
  options: {
    filter: DownlineFilter;
    sort: DownlineSort;
    direction: 'asc' | 'desc';
    offset: number;
    limit: number;
  },
) {
  const where = downlineWhere(organizationId, root, options.filter);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(members)
      .where(where)
      .orderBy(...downlineOrder(options.sort, options.direction))
      .offset(options.offset)
      .limit(options.limit),
    db.select({ n: count() }).from(members).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** The filtered downline in batches (for CSV export), in tree order by keyset, never all in memory. */
export async function* streamDownline(
  db: Db,
  organizationId: string,
  root: Pick<MemberRow, 'path' | 'depth'>,
  filter: DownlineFilter,
  batchSize = 2000,
) {
  let after = root.path;
  const where = downlineWhere(organizationId, root, filter);
  while (true) {
    const rows = await db
      .select()
      .from(members)
      .where(and(where, gt(members.path, after)))
      .orderBy(asc(members.path))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.path;
  }
}

/**
 * Members of a downline (the member included) whose name or city contains the text, nearest first, each
 * with the trail of members from the downline's root to it — what the tree opens to show it.
 */
export async function searchDownline(
  db: Db,
  organizationId: string,
  root: Pick<MemberRow, 'path'>,
  q: string,
  limit: number,
) {
  const pattern = `%${escapeLike(q)}%`;
  const { upper } = downlineRange(root.path);
  const found = await db
    .select()
    .from(members)
    .where(
      and(
        eq(members.organizationId, organizationId),
        gte(members.path, root.path),
        lt(members.path, upper),
        or(ilike(members.name, pattern), ilike(members.city, pattern)),
      ),
    )
    .orderBy(asc(members.depth), asc(members.name))
    .limit(limit);
  const trailPaths = new Set<string>();
  for (const m of found) {
    for (const p of ancestorPaths(m.path)) if (p.length > root.path.length) trailPaths.add(p);
  }
  const trail =
    trailPaths.size === 0
      ? []
      : await db
          .select({ id: members.id, name: members.name, path: members.path })
          .from(members)
          .where(and(eq(members.organizationId, organizationId), inArray(members.path, [...trailPaths])));
  const byPath = new Map(trail.map((t) => [t.path, t]));
  return found.map((member) => ({
    member,
    trail: ancestorPaths(member.path)
      .filter((p) => p.length > root.path.length)
      .map((p) => byPath.get(p))
      .filter((t) => t !== undefined)
      .map(({ id, name }) => ({ id, name })),
  }));
}

export class SubtreeMoveError extends Error {}

/** Rows a write changed: node-postgres says `rowCount`, PGlite `affectedRows`. */
function changedRows(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}

/**
 * Re-parents a member with their whole downline under a new sponsor: one UPDATE rewrites the paths and
 * depths of the subtree (its range of the path index) and the member's sponsor. The member keeps their
 * number (the last segment of the path). The caller locks the structure; a move into the member's own
 * downline throws SubtreeMoveError. Used by the move endpoint and by imports.
 */
export async function moveSubtree(
  db: Db,
  organizationId: string,
  member: { id: string; path: string },
  newSponsor: { id: string; path: string },
): Promise<{ newPath: string; subtreeSize: number }> {
  if (isInSubtree(newSponsor.path, member.path)) {
    throw new SubtreeMoveError('A member cannot be moved into their own downline.');
  }
  const newPath = newSponsor.path + member.path.slice(-SEGMENT_WIDTH);
  const depthDelta = depthOf(newPath) - depthOf(member.path);
  const { upper } = downlineRange(member.path);
  // No RETURNING: the driver's row count is the subtree's size, without sending its ids back.
  const result = await db.execute(sql`
    update members set
      path = ${newPath} || substr(path, ${member.path.length + 1}),
      depth = depth + ${depthDelta}::int,
      sponsor_id = case when id = ${member.id}::uuid then ${newSponsor.id}::uuid else sponsor_id end,
      updated_at = now()
    where organization_id = ${organizationId} and path >= ${member.path} and path < ${upper}`);
  // The member's contacts shared with the old sponsor are theirs no longer to read: the move ends the
  // shares (the members below keep their sponsors, and their shares).
  await endContactShares(db, organizationId, member.id);
  // The subtree's numbers leave the old upline's totals and join the new upline's.
  await shiftRollups(db, organizationId, member.id, member.path, newPath);
  return { newPath, subtreeSize: changedRows(result) };
}

export async function insertAuditEvent(db: Db, event: Omit<typeof auditEvents.$inferInsert, 'id'>) {
  await db.insert(auditEvents).values({ ...event, id: randomUUID() });
}

export async function updateMember(
  db: Db,
  organizationId: string,
  id: string,
  patch: Partial<
    Pick<
      MemberRow,
      | 'name'
      | 'email'
      | 'phone'
      | 'messengers'
      | 'city'
      | 'country'
      | 'locale'
      | 'notes'
      | 'kind'
      | 'status'
      | 'joinedOn'
    >
  >,
) {
  // A new join date moves the join between periods: take the posting lock, then the member's row, and
  // count from the date read under that lock (two edits at once must not both subtract the same date).
  let before: { joinedOn: string } | null = null;
  if (patch.joinedOn) {
    await lockForPosting(db, organizationId);
    const [locked] = (
      (await db.execute(sql`select joined_on::text as "joinedOn" from members
        where organization_id = ${organizationId} and id = ${id} for no key update`)) as unknown as {
        rows: { joinedOn: string }[];
      }
    ).rows;
    before = locked ?? null;
  }
  const [row] = await db
    .update(members)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(members.organizationId, organizationId), eq(members.id, id)))
    .returning();
  // A corrected join date moves the member's join to another month and week in the upline's numbers.
  if (row && before && before.joinedOn !== row.joinedOn) {
    await addToRollups(db, organizationId, row.path, [
      ...deltasOn(before.joinedOn, { joined: -1 }),
      ...deltasOn(row.joinedOn, { joined: 1 }),
    ]);
  }
  return row ?? null;
}

/** The partners of a leader's team still with us — their frontline or whole downline — in tree order. */
export async function teamPage(
  db: Db,
  organizationId: string,
  leader: { id: string; path: string },
  scope: 'frontline' | 'downline',
  page: { offset: number; limit: number },
) {
  const { upper } = downlineRange(leader.path);
  const where = and(
    eq(members.organizationId, organizationId),
    scope === 'frontline'
      ? eq(members.sponsorId, leader.id)
      : and(gt(members.path, leader.path), lt(members.path, upper)),
    eq(members.kind, 'partner'),
    sql`${members.status} <> 'left'`,
  );
  const [rows, [total]] = await Promise.all([
    db.select().from(members).where(where).orderBy(asc(members.path)).limit(page.limit).offset(page.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(members).where(where),
  ]);
  const n = Number(total?.n ?? 0);
  const next = page.offset + rows.length;
  return { rows, total: n, nextOffset: next < n ? next : null };
}
