// Bulk writes to the sponsor tree for imports and demo data: many members in few statements, paths
// computed in Node. Everything here runs inside the caller's transaction.
import { randomFillSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { isInSubtree, SEGMENT_WIDTH } from '../../core/structure/path.ts';
import type { Db } from '../../db/client.ts';

/** Members per INSERT: each statement sends one array per column, so the size is not bound by parameters. */
export const BULK_BATCH = 10_000;

export interface BulkMember {
  id: string;
  seq: number;
  path: string;
  depth: number;
  sponsorId: string | null;
  externalId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  country: string | null;
  kind: 'customer' | 'partner';
  status: 'active' | 'inactive' | 'left';
  role?: 'admin' | 'member';
  userId?: string | null;
  locale?: 'en' | 'de' | 'bg' | null;
  joinedOn: string;
}

let lastMs = 0;
let counter = 0;
const pool = Buffer.alloc(16 * 4096);
let poolOffset = pool.length;

/**
 * A time-ordered UUID (version 7 layout: milliseconds, then a counter, then random bits). Ids made one
 * after the other sort in that order, so a bulk insert appends to the primary-key index instead of
 * writing all over it.
 */
export function timeOrderedUuid(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    counter++;
    if (counter > 0xfff) {
      lastMs = ++ms;
      counter = 0;
    }
  } else {
    lastMs = ms;
    counter = 0;
  }
  if (poolOffset + 16 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const b = pool.subarray(poolOffset, poolOffset + 16);
  poolOffset += 16;
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | ((counter >> 8) & 0x0f);
  b[7] = counter & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Inserts members with their numbers and paths already given, in batches of multi-row INSERTs. */
export async function insertMembersBulk(
  db: Db,
  organizationId: string,
  rows: readonly BulkMember[],
  batchSize = BULK_BATCH,
): Promise<void> {
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const column = <T>(pick: (m: BulkMember) => T) => sql.param(batch.map(pick));
    await db.execute(sql`
      insert into members (organization_id, id, seq, path, depth, sponsor_id, external_id, name, email,
        phone, city, country, kind, status, role, user_id, locale, joined_on)
      select ${organizationId}::uuid, * from unnest(
        ${column((m) => m.id)}::uuid[], ${column((m) => m.seq)}::bigint[], ${column((m) => m.path)}::text[],
        ${column((m) => m.depth)}::int[], ${column((m) => m.sponsorId)}::uuid[],
        ${column((m) => m.externalId)}::text[], ${column((m) => m.name)}::text[],
        ${column((m) => m.email)}::text[], ${column((m) => m.phone)}::text[],
        ${column((m) => m.city)}::text[], ${column((m) => m.country)}::text[],
        ${column((m) => m.kind)}::text[]::member_kind[], ${column((m) => m.status)}::text[]::member_status[],
        ${column((m) => m.role ?? 'member')}::text[]::member_role[], ${column((m) => m.userId ?? null)}::text[],
        ${column((m) => m.locale ?? null)}::text[]::locale[], ${column((m) => m.joinedOn)}::text[]::date[])`);
  }
}

export interface FieldUpdate {
  id: string;
  name?: string;
  email?: string;
  phone?: string;
  city?: string;
  country?: string;
  kind?: 'customer' | 'partner';
  joinedOn?: string;
}

/** Updates profile fields of many members; a field left out (undefined) keeps its value. */
export async function updateMembersBulk(
  db: Db,
  organizationId: string,
  updates: readonly FieldUpdate[],
  batchSize = BULK_BATCH,
): Promise<void> {
  for (let start = 0; start < updates.length; start += batchSize) {
    const batch = updates.slice(start, start + batchSize);
    const column = (pick: (u: FieldUpdate) => string | undefined) =>
      sql.param(batch.map((u) => pick(u) ?? null));
    await db.execute(sql`
      update members m set
        name = coalesce(v.name, m.name), email = coalesce(v.email, m.email),
        phone = coalesce(v.phone, m.phone), city = coalesce(v.city, m.city),
        country = coalesce(v.country, m.country), kind = coalesce(v.kind, m.kind),
        joined_on = coalesce(v.joined_on, m.joined_on), updated_at = now()
      from unnest(${column((u) => u.id)}::uuid[], ${column((u) => u.name)}::text[],
        ${column((u) => u.email)}::text[], ${column((u) => u.phone)}::text[],
        ${column((u) => u.city)}::text[], ${column((u) => u.country)}::text[],
        ${column((u) => u.kind)}::text[]::member_kind[], ${column((u) => u.joinedOn)}::text[]::date[])
        as v(id, name, email, phone, city, country, kind, joined_on)
      where m.organization_id = ${organizationId} and m.id = v.id`);
  }
}

export class SubtreeMoveError extends Error {}

/**
 * Moves a member and their whole downline under another sponsor: one UPDATE rewrites the paths and
 * depths of the subtree's range of the path index. The member keeps their number (the last segment).
 */
export async function moveSubtree(
  db: Db,
  organizationId: string,
  member: { id: string; path: string },
  sponsor: { id: string; path: string },
): Promise<void> {
  if (isInSubtree(sponsor.path, member.path)) {
    throw new SubtreeMoveError('A member cannot be moved into their own downline.');
  }
  const newPath = sponsor.path + member.path.slice(-SEGMENT_WIDTH);
  const delta = (newPath.length - member.path.length) / SEGMENT_WIDTH;
  await db.execute(sql`
    update members set
      path = ${newPath} || substr(path, ${member.path.length + 1}),
      depth = depth + ${delta}::int,
      sponsor_id = case when id = ${member.id}::uuid then ${sponsor.id}::uuid else sponsor_id end,
      updated_at = now()
    where organization_id = ${organizationId} and path >= ${member.path} and path < (${member.path} || '~')`);
}
