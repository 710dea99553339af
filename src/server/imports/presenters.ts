// The JSON of an import preview or result: counts, problems by line, and the first planned rows.
import { z } from 'zod';
import type { ImportIssue } from '../../core/structure/import.ts';
import type { ImportOutcome } from './service.ts';

/** At most this many errors and skipped rows are listed (the counts are always complete). */
export const LISTED_ISSUES = 1000;
export const PREVIEW_ROWS = 20;

export const importIssueSchema = z.object({
  line: z.number().int(),
  externalId: z.string().optional(),
  field: z.string().optional(),
  code: z.string(),
  message: z.string(),
});

export const importResultSchema = z
  .object({
    mode: z.enum(['preview', 'import']),
    fileName: z.string(),
    written: z.boolean(),
    counts: z.object({
      rows: z.number().int(),
      inserts: z.number().int(),
      updates: z.number().int(),
      moves: z.number().int(),
      unchanged: z.number().int(),
      errors: z.number().int(),
      skipped: z.number().int(),
    }),
    errors: z.array(importIssueSchema),
    skipped: z.array(importIssueSchema),
    rows: z.array(
      z.object({
        line: z.number().int(),
        externalId: z.string(),
        action: z.enum(['insert', 'update', 'move', 'update_move']),
        name: z.string().optional(),
        sponsorExternalId: z.string().nullable().optional(),
        changes: z.array(z.string()).optional(),
      }),
    ),
  })
  .meta({ id: 'MemberImport' });

export type ImportResult = z.infer<typeof importResultSchema>;
type PlannedRow = ImportResult['rows'][number];

const issue = (i: ImportIssue) => ({
  line: i.line,
  ...(i.externalId !== undefined ? { externalId: i.externalId } : {}),
  ...(i.field !== undefined ? { field: i.field } : {}),
  code: i.code,
  message: i.message,
});

/** The first planned changes in file order. */
export function plannedRows(outcome: ImportOutcome, limit = PREVIEW_ROWS): PlannedRow[] {
  const { plan } = outcome;
  const byLine = new Map<number, PlannedRow>();
  const keep = (row: PlannedRow) => {
    byLine.set(row.line, row);
  };
  // Only rows that can be among the first `limit` lines are looked at closely.
  const lines = [
    ...plan.inserts.map((r) => r.line),
    ...plan.updates.map((r) => r.line),
    ...plan.moves.map((r) => r.line),
  ].sort((a, b) => a - b);
  const cutoff = lines[Math.min(lines.length, limit * 2) - 1] ?? 0;
  for (const r of plan.inserts) {
    if (r.line <= cutoff)
      keep({
        line: r.line,
        externalId: r.externalId,
        action: 'insert',
        name: r.fields.name,
        sponsorExternalId: r.sponsorExternalId,
      });
  }
  for (const r of plan.updates) {
    if (r.line <= cutoff)
      keep({
        line: r.line,
        externalId: r.externalId,
        action: 'update',
        name: r.changes.name,
        changes: Object.keys(r.changes),
      });
  }
  for (const r of plan.moves) {
    if (r.line > cutoff) continue;
    const update = byLine.get(r.line);
    keep({
      ...(update ?? { line: r.line, externalId: r.externalId }),
      action: update ? 'update_move' : 'move',
      sponsorExternalId: r.sponsorExternalId,
    });
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line).slice(0, limit);
}

export function presentImport(outcome: ImportOutcome): ImportResult {
  return {
    mode: outcome.mode,
    fileName: outcome.fileName,
    written: outcome.written,
    counts: outcome.counts,
    errors: outcome.errors.slice(0, LISTED_ISSUES).map(issue),
    skipped: outcome.skipped.slice(0, LISTED_ISSUES).map(issue),
    rows: plannedRows(outcome),
  };
}
