// An installation made before the structure engine (its owner had path '') upgrades cleanly: the root
// becomes member number 1 and the organization's counter continues after it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './client.ts';

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** A copy of the migrations folder that stops after the first `count` migrations. */
function migrationsUpTo(count: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'downline-migrations-'));
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

describe('upgrading an installation from before the structure engine', () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  });

  it('turns the owner into member number 1 with a real path', async () => {
    const client = await PGlite.create();
    const db = drizzle(client);
    const first = migrationsUpTo(1);
    folders.push(first);
    await migrate(db, { migrationsFolder: first });
    await client.exec(`
      insert into organizations (id, name) values ('11111111-1111-4111-8111-111111111111', 'Old Team');
      insert into members (organization_id, id, name, role, path, depth, joined_on)
        values ('11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', 'Owner', 'admin', '', 0, '2026-01-01');
    `);

    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });

    const member = await client.query<{ seq: number; path: string; depth: number }>(
      'select seq::int as seq, path, depth from members',
    );
    expect(member.rows).toEqual([{ seq: 1, path: '000001', depth: 0 }]);
    const org = await client.query<{ member_seq: number }>(
      'select member_seq::int as member_seq from organizations',
    );
    expect(org.rows).toEqual([{ member_seq: 1 }]);
    await client.close();
  });
});
