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

describe('upgrading goals written for a calendar year', () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  });

  it('makes each of them run from January to December of its year', async () => {
    const client = await PGlite.create();
    const db = drizzle(client);
    // Up to 0008: goals were keyed by year.
    const before = migrationsUpTo(9);
    folders.push(before);
    await migrate(db, { migrationsFolder: before });
    await client.exec(`
      insert into organizations (id, name) values ('11111111-1111-4111-8111-111111111111', 'Team');
      insert into members (organization_id, id, name, role, path, depth, joined_on, seq)
        values ('11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', 'Owner', 'admin', '000001', 0, '2025-01-01', 1);
      insert into annual_goals (organization_id, member_id, year, statement)
        values ('11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', 2025, 'First'),
               ('11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', 2026, 'Second');
    `);

    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });

    const goals = await client.query<{ starts_on: string; ends_on: string; statement: string }>(
      `select starts_on::text, ends_on::text, statement from annual_goals order by starts_on`,
    );
    expect(goals.rows).toEqual([
      { starts_on: '2025-01-01', ends_on: '2025-12-31', statement: 'First' },
      { starts_on: '2026-01-01', ends_on: '2026-12-31', statement: 'Second' },
    ]);
    await client.close();
  });
});
