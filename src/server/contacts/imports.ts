// Importing contacts from phones and mail programs: read the file (core), find duplicates among the
// member's contacts and earlier rows, and — only when asked to import — write everything in one
// transaction. A preview writes nothing.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { type ContactDraft, emailKey } from '../../core/contacts/fields.ts';
import type { ImportRow } from '../../core/contacts/import/types.ts';
import { ContactFileError, readContactFile } from '../../core/contacts/import.ts';
import { phoneKey } from '../../core/contacts/phone.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { getMember } from '../structure/queries.ts';
import { draftOfContact } from './presenters.ts';
import {
  type ContactRow,
  contactKeys,
  contactsByIds,
  insertContacts,
  mergeContacts,
  type NewContact,
} from './queries.ts';
import type { DUPLICATE_ACTIONS, importBody, importPreviewSchema } from './schemas.ts';
import { derivedColumns } from './service.ts';

type Action = (typeof DUPLICATE_ACTIONS)[number];
type Preview = z.infer<typeof importPreviewSchema>;
type PreviewRow = Preview['rows'][number];

/** A file of one member's contacts: generous for a phone book, bounded for one transaction. */
export const MAX_IMPORT_ROWS = 20_000;
/** Clean rows shown in a preview as a sample (rows with problems are all shown). */
const SAMPLE_ROWS = 50;
/** Duplicates listed with a choice each; beyond them, the default choice applies (counts say how many). */
const DUPLICATE_ROWS = 500;
/** Row problems named in a 422 answer. */
const ERROR_FIELDS = 100;

type Target =
  | { kind: 'existing'; contact: Pick<ContactRow, 'id' | 'name'>; merged: ContactDraft | null }
  | { kind: 'new'; line: number; draft: ContactDraft };

/** Fills what the target lacks from a duplicate row: empty fields, tags, other notes, the later last contact. */
export function mergeDraft(into: ContactDraft, from: ContactDraft): ContactDraft {
  const pick = <K extends keyof ContactDraft>(key: K) => (into[key] ?? from[key]) as ContactDraft[K];
  const tags = [...into.tags];
  for (const tag of from.tags) if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
  // A different phone or e-mail in the row is kept in the notes, not dropped.
  const extra = [
    from.phone && into.phone && !samePhone(from.phone, into.phone) ? `Other phones: ${from.phone}` : null,
    from.email && into.email && from.email.toLowerCase() !== into.email.toLowerCase()
      ? `Other e-mails: ${from.email}`
      : null,
    from.notes,
  ].filter((n): n is string => !!n && !(into.notes ?? '').includes(n));
  const notes = extra.length ? [into.notes, ...extra].filter(Boolean).join('\n\n') : into.notes;
  const last = [into.lastContactOn, from.lastContactOn].filter(Boolean).sort().at(-1) ?? null;
  return {
    ...into,
    phone: pick('phone'),
    email: pick('email'),
    city: pick('city'),
    relationship: pick('relationship'),
    source: pick('source'),
    interests: pick('interests'),
    needs: pick('needs'),
    nextFollowUpOn: pick('nextFollowUpOn'),
    messengers: { ...from.messengers, ...into.messengers },
    tags: tags.slice(0, 20),
    notes: notes ? notes.slice(0, 4000) : null,
    lastContactOn: last,
  };
}

/** Two spellings of one number: the same digits, one perhaps with a country code or trunk zero. */
function samePhone(a: string, b: string) {
  const [x, y] = [a, b].map((p) => p.replace(/\D/g, '').replace(/^0+/, ''));
  return !!x && !!y && (x.endsWith(y) || y.endsWith(x));
}

function unreadable(err: ContactFileError) {
  return new AppError(422, 'import_invalid', err.message, [
    { path: 'data', code: err.code, message: err.message },
  ]);
}

export function contactImports({ database, clock }: Deps) {
  const { db } = database;

  return {
    async run(actor: Actor, input: z.infer<typeof importBody>): Promise<Preview> {
      const owner = await getMember(db, actor.organizationId, actor.memberId);
      if (!owner) throw new AppError(401, 'unauthenticated', 'Sign in to continue.');
      let read: ReturnType<typeof readContactFile>;
      try {
        read = readContactFile(Buffer.from(input.data, 'base64'), input.fileName);
      } catch (err) {
        if (err instanceof ContactFileError) throw unreadable(err);
        throw err;
      }
      const { file } = read;
      if (file.rowCount > MAX_IMPORT_ROWS)
        throw new AppError(
          422,
          'import_invalid',
          `The file has ${file.rowCount} rows; at most ${MAX_IMPORT_ROWS} can be imported at once.`,
          [
            {
              path: 'data',
              code: 'too_many',
              message: `At most ${MAX_IMPORT_ROWS} rows`,
              params: { maximum: MAX_IMPORT_ROWS },
            },
          ],
        );
      if (input.mapping && file.format === 'csv' && input.mapping.length !== file.columns.length) {
        const message = `The file has ${file.columns.length} columns; the mapping names ${input.mapping.length}.`;
        throw new AppError(400, 'validation_failed', message, [
          { path: 'mapping', code: 'column_count', message },
        ]);
      }
      const mapping = file.format === 'csv' ? (input.mapping ?? file.suggestedMapping) : [];
      const rows = read.rows(file.format === 'csv' ? mapping : undefined);

      // Duplicates: the same phone (normalized) or e-mail as a contact I have, or as an earlier row.
      const targets = new Map<string, Target>();
      const keysOf = (phone: string | null, email: string | null) =>
        [phone, emailKey(email)]
          .map((k, i) => (k ? `${i === 0 ? 'p' : 'e'}:${k}` : null))
          .filter((k): k is string => k !== null);
      for (const c of await contactKeys(db, actor.organizationId, owner.id)) {
        const target: Target = { kind: 'existing', contact: c, merged: null };
        for (const key of keysOf(c.phoneKey, c.email)) if (!targets.has(key)) targets.set(key, target);
      }
      const existing = new Map<string, ContactRow>();
      const creates: Target[] = [];
      const counts = { rows: rows.length, invalid: 0, duplicates: 0, create: 0, merge: 0, skip: 0 };
      const shown: PreviewRow[] = [];
      let clean = 0;
      let shownDuplicates = 0;

      for (const row of rows) {
        const draft = row.draft;
        if (!draft) {
          counts.invalid++;
          shown.push(previewRow(row, null, null, 'invalid'));
          continue;
        }
        const keys = keysOf(phoneKey(draft.phone, owner.country), draft.email);
        const target = keys.map((k) => targets.get(k)).find(Boolean) ?? null;
        let action: Action = input.decisions?.[String(row.line)] ?? (target ? input.duplicates : 'create');
        if (!target && action === 'merge') action = 'create';
        counts[action]++;
        if (target) counts.duplicates++;
        if (action === 'create') {
          const created: Target = { kind: 'new', line: row.line, draft };
          creates.push(created);
          for (const key of keys) if (!targets.has(key)) targets.set(key, created);
        } else if (action === 'merge' && target) {
          if (target.kind === 'new') target.draft = mergeDraft(target.draft, draft);
          else target.merged = mergeDraft(target.merged ?? { ...draft, name: target.contact.name }, draft);
          for (const key of keys) if (!targets.has(key)) targets.set(key, target);
        }
        if (target ? shownDuplicates++ < DUPLICATE_ROWS : clean++ < SAMPLE_ROWS)
          shown.push(previewRow(row, target, draft, action));
      }

      const preview: Preview = {
        format: file.format,
        source: file.source,
        encoding: file.encoding,
        delimiter: file.delimiter,
        columns: file.columns.map((c, i) => ({ ...c, field: mapping[i] ?? null })),
        counts,
        rows: shown,
        imported: null,
      };
      if (input.mode === 'preview') return preview;

      if (counts.invalid > 0 && !input.skipInvalidRows) {
        const problems = rows.flatMap((r) => r.errors.map((e) => ({ line: r.line, ...e })));
        throw new AppError(
          422,
          'import_invalid',
          `${counts.invalid} rows have errors, so nothing was imported.`,
          problems.slice(0, ERROR_FIELDS).map((e) => ({
            path: 'data',
            code: e.code,
            message: `Line ${e.line}: ${e.message}`,
            params: { line: e.line, ...(e.field ? { field: e.field } : {}) },
          })),
        );
      }

      const now = clock.now();
      const merges = [...new Set(targets.values())].filter(
        (t): t is Extract<Target, { kind: 'existing' }> => t.kind === 'existing' && t.merged !== null,
      );
      await db.transaction(async (tx) => {
        if (merges.length) {
          const ids = merges.map((m) => m.contact.id);
          for (const c of await contactsByIds(tx, actor.organizationId, owner.id, ids)) existing.set(c.id, c);
        }
        const inserts: NewContact[] = creates.map((t) => {
          const draft = (t as Extract<Target, { kind: 'new' }>).draft;
          return {
            ...draft,
            ...derivedColumns(draft, owner.country),
            organizationId: actor.organizationId,
            id: randomUUID(),
            ownerId: owner.id,
            createdAt: now,
            updatedAt: now,
          };
        });
        for (let i = 0; i < inserts.length; i += 500) await insertContacts(tx, inserts.slice(i, i + 500));
        const updates = merges.flatMap((m) => {
          const current = existing.get(m.contact.id);
          if (!current || !m.merged) return [];
          const merged = mergeDraft(draftOfContact(current), m.merged);
          return [{ id: current.id, ...merged, ...derivedColumns(merged, owner.country) }];
        });
        for (let i = 0; i < updates.length; i += 500)
          await mergeContacts(tx, actor.organizationId, owner.id, updates.slice(i, i + 500), now);
      });
      return {
        ...preview,
        rows: [],
        imported: { created: counts.create, merged: counts.merge, skipped: counts.skip + counts.invalid },
      };
    },
  };
}

function previewRow(
  row: ImportRow,
  target: Target | null,
  draft: ContactDraft | null,
  action: PreviewRow['action'],
): PreviewRow {
  return {
    line: row.line,
    name: draft?.name ?? null,
    phone: draft?.phone ?? null,
    email: draft?.email ?? null,
    city: draft?.city ?? null,
    tags: draft?.tags ?? [],
    errors: row.errors,
    duplicateOf: target
      ? target.kind === 'existing'
        ? { contact: target.contact, line: null }
        : { contact: null, line: target.line }
      : null,
    action,
  };
}
