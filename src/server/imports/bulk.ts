// Bulk writes to the sponsor tree for imports and demo data: many members in few statements, paths
// computed in Node. Everything here runs inside the caller's transaction.
import { randomFillSync } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PlannedInsert } from '../../core/structure/import.ts';
import { depthOf } from '../../core/structure/path.ts';
import { type Db, pgClientOf } from '../../db/client.ts';

/** Members per INSERT: each statement sends one array per column, so the size is not bound by parameters. */
export const BULK_BATCH = 10_000;
/** Members per chunk of COPY text: Node builds the next chunk while the server writes this one. */
const COPY_CHUNK = 2_000;

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
/** The row an import inserts for a planned new member, placed under `sponsor` with member number `seq`. */
export function bulkMemberOf(
  insert: Pick<PlannedInsert, 'externalId' | 'fields'>,
  placement: { id: string; seq: number; path: string; sponsorId: string },
  defaultJoinedOn: string,
): BulkMember {
  const f = insert.fields;
  return {
    ...placement,
    depth: depthOf(placement.path),
    externalId: insert.externalId,
    name: f.name,
    email: f.email ?? null,
    phone: f.phone ?? null,
    city: f.city ?? null,
    country: f.country ?? null,
    kind: f.kind ?? 'partner',
    status: 'active',
    joinedOn: f.joinedOn ?? defaultJoinedOn,
  };
}

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

export interface BulkInsertOptions {
  batchSize?: number;
  /** `unnest` even where COPY works (the write benchmark compares them). */
  method?: 'unnest';
}

/**
 * Inserts members with their numbers and paths already given. On PostgreSQL inside a transaction: one
 * COPY FROM STDIN streamed in chunks (no statement per batch, no parameter arrays to parse); elsewhere
 * (PGlite) INSERT … SELECT FROM unnest(one array per column) in batches. The rows may be a generator:
 * they are read as the chunks are sent, so building them in Node overlaps with the server's writes.
 */
export async function insertMembersBulk(
  db: Db,
  organizationId: string,
  rows: Iterable<BulkMember>,
  options: BulkInsertOptions = {},
): Promise<void> {
  const batchSize = options.batchSize ?? BULK_BATCH;
  const client = options.method === 'unnest' ? null : pgClientOf(db);
  if (client) await copyMembers(client, organizationId, rows);
  else await insertMembersUnnest(db, organizationId, rows, batchSize);
}

const MEMBER_COLUMNS =
  'organization_id, id, seq, path, depth, sponsor_id, external_id, name, email, phone, city, country, ' +
  'kind, status, role, user_id, locale, joined_on';

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIAL_ALL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in COPY's text format: \N for null; backslash, tab and line breaks escaped. */
export function copyText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return COPY_SPECIAL.test(value) ? value.replace(COPY_SPECIAL_ALL, (c) => COPY_ESCAPES[c]!) : value;
}

function* copyChunks(organizationId: string, rows: Iterable<BulkMember>) {
  let chunk = '';
  let inChunk = 0;
  for (const m of rows) {
    chunk +=
      `${organizationId}\t${m.id}\t${m.seq}\t${m.path}\t${m.depth}\t${copyText(m.sponsorId)}\t` +
      `${copyText(m.externalId)}\t${copyText(m.name)}\t${copyText(m.email)}\t${copyText(m.phone)}\t` +
      `${copyText(m.city)}\t${copyText(m.country)}\t${m.kind}\t${m.status}\t${m.role ?? 'member'}\t` +
      `${copyText(m.userId)}\t${copyText(m.locale)}\t${m.joinedOn}\n`;
    if (++inChunk === COPY_CHUNK) {
      yield chunk;
      chunk = '';
      inChunk = 0;
    }
  }
  if (inChunk) yield chunk;
}

async function copyMembers(client: pg.ClientBase, organizationId: string, rows: Iterable<BulkMember>) {
  const copy = client.query(copyFrom(`copy members (${MEMBER_COLUMNS}) from stdin`));
  await pipeline(Readable.from(copyChunks(organizationId, rows)), copy);
}

async function insertMembersUnnest(
  db: Db,
  organizationId: string,
  rows: Iterable<BulkMember>,
  batchSize: number,
): Promise<void> {
  let batch: BulkMember[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === batchSize) {
      await insertBatch(db, organizationId, batch);
      batch = [];
    }
  }
  if (batch.length) await insertBatch(db, organizationId, batch);
}

async function insertBatch(db: Db, organizationId: string, batch: readonly BulkMember[]): Promise<void> {
  const column = <T>(pick: (m: BulkMember) => T) => sql.param(batch.map(pick));
  await db.execute(sql`
    insert into members (${sql.raw(MEMBER_COLUMNS)})
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
