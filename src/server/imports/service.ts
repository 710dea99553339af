// Importing members from a back-office CSV: parse and validate (core/structure/import.ts), plan against
// the organization's members, and apply the plan in one transaction — or, when the file has errors,
// write nothing unless the caller asked to import the valid rows.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { periodsOfDays } from '../../core/kpis/periods.ts';
import {
  type ExistingMember,
  type ImportContext,
  type ImportIssue,
  type ImportPlan,
  type ParsedImport,
  parseMembersCsv,
  planImport,
} from '../../core/structure/import.ts';
import { childPath } from '../../core/structure/path.ts';
import type { Db } from '../../db/client.ts';
import { auditEvents, members } from '../../db/schema/index.ts';
import { rebuildRollups } from '../kpis/rebuild.ts';
import { moveSubtree } from '../structure/queries.ts';
import { reserveMemberSeqs } from '../structure/tree.ts';
import {
  type BulkMember,
  bulkMemberOf,
  insertMembersBulk,
  timeOrderedUuid,
  updateMembersBulk,
} from './bulk.ts';

export interface ImportRequest {
  organizationId: string;
  csv: string;
  fileName: string;
  /** The member who imports; null from the command line. */
  actorMemberId: string | null;
  /** `preview` plans and reports without writing. */
  mode: 'preview' | 'import';
  /** With errors in the file: import the rows that can be placed anyway (otherwise nothing is written). */
  importValidRows?: boolean;
  /** YYYY-MM-DD, the join date of rows that have none. */
  today: string;
}

export interface ImportCounts {
  rows: number;
  inserts: number;
  updates: number;
  moves: number;
  unchanged: number;
  errors: number;
  skipped: number;
}

export interface ImportOutcome {
  mode: 'preview' | 'import';
  fileName: string;
  /** Whether members were written (an import with changes that went through). */
  written: boolean;
  counts: ImportCounts;
  errors: ImportIssue[];
  skipped: ImportIssue[];
  plan: ImportPlan;
  /** Milliseconds per step, for the command line and the benchmark. */
  timings: { parse: number; load: number; plan: number; write: number };
}

/** The file has errors and the caller did not ask to import the valid rows: nothing was written. */
export class ImportInvalidError extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super(
      `The file has ${outcome.counts.errors} error${outcome.counts.errors === 1 ? '' : 's'}; nothing was imported.`,
    );
  }
}

export function countsOf(plan: ImportPlan): ImportCounts {
  return {
    rows: plan.rowCount,
    inserts: plan.inserts.length,
    updates: plan.updates.length,
    moves: plan.moves.length,
    unchanged: plan.unchanged,
    errors: plan.errors.length,
    skipped: plan.skipped.length,
  };
}

/** The organization's root member and every member with an external id, as the planner compares them. */
export async function loadImportContext(
  db: Db,
  organizationId: string,
): Promise<ImportContext & { rootId: string }> {
  const [root] = await db
    .select({ id: members.id, path: members.path, externalId: members.externalId })
    .from(members)
    .where(and(eq(members.organizationId, organizationId), isNull(members.sponsorId)))
    .orderBy(asc(members.path))
    .limit(1);
  if (!root) throw new Error(`organization ${organizationId} has no root member`);
  const rows = await db
    .select({
      id: members.id,
      externalId: members.externalId,
      path: members.path,
      name: members.name,
      email: members.email,
      phone: members.phone,
      city: members.city,
      country: members.country,
      kind: members.kind,
      joinedOn: members.joinedOn,
    })
    .from(members)
    .where(and(eq(members.organizationId, organizationId), isNotNull(members.externalId)));
  const existing = new Map<string, ExistingMember>();
  for (const { externalId, ...member } of rows) existing.set(externalId!, member);
  return {
    root: { path: root.path, externalId: root.externalId },
    rootId: root.id,
    existing,
  };
}

/**
 * Plans an import and, in `import` mode, applies it in one transaction: new members (numbers reserved
 * at once, paths computed here, written in batches), field updates, then sponsor changes (each a path
 * rewrite of the moved subtree), and an audit event. Throws ImportInvalidError when the file has errors
 * and `importValidRows` is not set.
 */
export async function importMembers(db: Db, request: ImportRequest): Promise<ImportOutcome> {
  const t0 = performance.now();
  const parsed = parseMembersCsv(request.csv);
  const t1 = performance.now();
  const timings = { parse: t1 - t0, load: 0, plan: 0, write: 0 };

  const run = async (tx: Db, write: boolean): Promise<ImportOutcome> => {
    const l0 = performance.now();
    if (write) {
      // One import at a time per organization: the counter row stays locked until the end.
      await tx.execute(sql`select id from organizations where id = ${request.organizationId} for update`);
    }
    const context = await loadImportContext(tx, request.organizationId);
    const l1 = performance.now();
    const plan = planImport(parsed, context);
    const l2 = performance.now();
    timings.load = l1 - l0;
    timings.plan = l2 - l1;
    const outcome: ImportOutcome = {
      mode: request.mode,
      fileName: request.fileName,
      written: false,
      counts: countsOf(plan),
      errors: plan.errors,
      skipped: plan.skipped,
      plan,
      timings,
    };
    if (!write) return outcome;
    if (plan.errors.length && !request.importValidRows) throw new ImportInvalidError(outcome);
    const changed = plan.inserts.length + plan.updates.length + plan.moves.length;
    if (changed === 0) return outcome;
    await applyPlan(tx, request, parsed, plan, context);
    timings.write = performance.now() - l2;
    outcome.written = true;
    return outcome;
  };

  if (request.mode === 'preview') return run(db, false);
  return db.transaction((tx) => run(tx, true));
}

async function applyPlan(
  tx: Db,
  request: ImportRequest,
  parsed: ParsedImport,
  plan: ImportPlan,
  context: Awaited<ReturnType<typeof loadImportContext>>,
) {
  const { organizationId } = request;
  const root = { id: context.rootId, path: context.root.path };
  const ids: string[] = new Array(plan.inserts.length);
  const paths: string[] = new Array(plan.inserts.length);
  const joinDays = new Set<string>();
  // New members by external id, for moves under them (built only when there are moves).
  let placed: Map<string, number> | null = null;
  const find = (externalId: string | null): { id: string; path: string } => {
    if (externalId === null) return root;
    if (!placed) placed = new Map(plan.inserts.map((insert, i) => [insert.externalId, i]));
    const i = placed.get(externalId);
    return i === undefined ? context.existing.get(externalId)! : { id: ids[i]!, path: paths[i]! };
  };

  if (plan.inserts.length) {
    const first = await reserveMemberSeqs(tx, organizationId, plan.inserts.length);
    // A generator: each row is built as COPY asks for it, while the server writes the previous chunk.
    const rows = function* (): Generator<BulkMember> {
      for (let i = 0; i < plan.inserts.length; i++) {
        const insert = plan.inserts[i]!;
        // Sponsors come first in the plan: a new sponsor's id and path are already here.
        const s = insert.sponsorInsert;
        const sponsor =
          s >= 0
            ? { id: ids[s]!, path: paths[s]! }
            : insert.sponsorExternalId === null
              ? root
              : context.existing.get(insert.sponsorExternalId)!;
        const seq = first + i;
        const path = childPath(sponsor.path, seq);
        const id = timeOrderedUuid();
        ids[i] = id;
        paths[i] = path;
        const member = bulkMemberOf(insert, { id, seq, path, sponsorId: sponsor.id }, request.today);
        joinDays.add(member.joinedOn);
        yield member;
      }
    };
    await insertMembersBulk(tx, organizationId, rows());
  }

  if (plan.updates.length) {
    // A corrected join date takes the join out of its old month and week.
    const redated = plan.updates.filter((u) => u.changes.joinedOn).map((u) => u.memberId);
    if (redated.length) {
      const before = await tx
        .select({ joinedOn: members.joinedOn })
        .from(members)
        .where(
          and(
            eq(members.organizationId, organizationId),
            sql`${members.id} = any(${sql.param(redated)}::uuid[])`,
          ),
        );
      for (const row of before) joinDays.add(row.joinedOn);
      for (const u of plan.updates) if (u.changes.joinedOn) joinDays.add(u.changes.joinedOn);
    }
    await updateMembersBulk(
      tx,
      organizationId,
      plan.updates.map((u) => ({ id: u.memberId, ...u.changes })),
    );
  }

  // Moves in plan order (a sponsor's own move first); paths are read fresh, as earlier moves change them.
  for (const move of plan.moves) {
    const sponsorId = find(move.sponsorExternalId).id;
    const current = await tx
      .select({ id: members.id, path: members.path })
      .from(members)
      .where(
        and(
          eq(members.organizationId, organizationId),
          sql`${members.id} in (${move.memberId}::uuid, ${sponsorId}::uuid)`,
        ),
      );
    const member = current.find((m) => m.id === move.memberId)!;
    const sponsor = current.find((m) => m.id === sponsorId)!;
    await moveSubtree(tx, organizationId, member, sponsor);
  }

  // The joins counted in the periods they fall in, for the new members and their whole upline (moves
  // have already shifted the totals of the other periods).
  await rebuildRollups(tx, organizationId, periodsOfDays(joinDays));

  await tx.insert(auditEvents).values({
    organizationId,
    id: randomUUID(),
    actorMemberId: request.actorMemberId,
    action: 'members.imported',
    subjectId: null,
    data: {
      fileName: request.fileName,
      rows: parsed.rowCount,
      inserted: plan.inserts.length,
      updated: plan.updates.length,
      moved: plan.moves.length,
      unchanged: plan.unchanged,
      errors: plan.errors.length,
      skipped: plan.skipped.length,
      importValidRows: request.importValidRows ?? false,
      by: request.actorMemberId ? 'member' : 'command line',
    },
  });
}
