// The committed migrations must match the schema, and the migrated database must keep the tenant key
// where a distributed PostgreSQL (Citus) needs it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { sql } from 'drizzle-orm';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/database.ts';
import type { Database } from './client.ts';
import * as schema from './schema/index.ts';

const migrationsDir = new URL('./migrations/', import.meta.url);

interface Journal {
  entries: { idx: number; tag: string }[];
}

function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(relative, migrationsDir)), 'utf8')) as T;
}

function latestSnapshot() {
  const journal = readJson<Journal>('meta/_journal.json');
  const last = journal.entries.at(-1)!;
  const prefix = last.tag.split('_', 1)[0];
  return readJson<Parameters<typeof generateMigration>[0]>(`meta/${prefix}_snapshot.json`);
}

async function pendingStatements(imports: Record<string, unknown>) {
  const snapshot = latestSnapshot();
  const current = generateDrizzleJson(imports, snapshot.id);
  return generateMigration(snapshot, current);
}

describe('migrations', () => {
  it('every journal entry has its SQL file and snapshot', () => {
    const journal = readJson<Journal>('meta/_journal.json');
    expect(journal.entries.length).toBeGreaterThan(0);
    journal.entries.forEach((entry, i) => {
      expect(entry.idx).toBe(i);
      expect(() => readFileSync(fileURLToPath(new URL(`${entry.tag}.sql`, migrationsDir)))).not.toThrow();
      expect(() => readJson(`meta/${entry.tag.split('_', 1)[0]}_snapshot.json`)).not.toThrow();
    });
  });

  it('the schema has no changes without a migration (run `npm run db:generate`)', async () => {
    const statements = await pendingStatements(schema);
    expect(statements, 'schema changes not in src/db/migrations').toEqual([]);
  });

  it('the check notices a change (so the empty result above means something)', async () => {
    const extra = pgTable('migration_check_probe', { id: text('id').primaryKey() });
    const statements = await pendingStatements({ ...schema, extra });
    expect(statements.join('\n')).toContain('CREATE TABLE "migration_check_probe"');
  });
});

interface TableReport {
  table: string;
  has_organization_id: boolean;
  primary_key_first: string | null;
  unique_without_organization_id: string[];
  foreign_keys_without_organization_id: string[];
}

describe('tenancy of the migrated database', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  async function report(): Promise<TableReport[]> {
    const result = await database.db.execute(sql`
      select c.relname::text as "table",
        exists (
          select 1 from pg_attribute a
          where a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped
        ) as has_organization_id,
        (
          select a.attname::text from pg_constraint k
          join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
          where k.conrelid = c.oid and k.contype = 'p'
        ) as primary_key_first,
        array(
          select i.relname::text from pg_index x join pg_class i on i.oid = x.indexrelid
          where x.indrelid = c.oid and x.indisunique and not exists (
            select 1 from pg_attribute a
            where a.attrelid = c.oid and a.attname = 'organization_id' and a.attnum = any (x.indkey::int2[])
          )
          order by 1
        ) as unique_without_organization_id,
        array(
          select k.conname::text from pg_constraint k join pg_class r on r.oid = k.confrelid
          where k.conrelid = c.oid and k.contype = 'f' and r.relname not like 'auth\\_%' and not exists (
            select 1 from pg_attribute a
            where a.attrelid = c.oid and a.attname = 'organization_id' and a.attnum = any (k.conkey)
          )
          order by 1
        ) as foreign_keys_without_organization_id
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
      order by 1
    `);
    return (result as unknown as { rows: TableReport[] }).rows;
  }

  it('the expected tables exist', async () => {
    const tables = (await report()).map((r) => r.table);
    expect(tables).toEqual(expect.arrayContaining(['auth_user', 'auth_account', 'organizations', 'members']));
  });

  it('every domain table leads its primary key with organization_id and keeps it in every unique key', async () => {
    const domain = (await report()).filter(
      (r) => !r.table.startsWith('auth_') && r.table !== 'organizations',
    );
    expect(domain.length).toBeGreaterThan(0);
    for (const table of domain) {
      expect(
        {
          table: table.table,
          hasOrganizationId: table.has_organization_id,
          primaryKeyFirst: table.primary_key_first,
          uniqueWithoutOrganizationId: table.unique_without_organization_id,
          foreignKeysWithoutOrganizationId: table.foreign_keys_without_organization_id,
        },
        `${table.table} breaks the tenant-key rule (docs: ARCHITECTURE, scale-out)`,
      ).toEqual({
        table: table.table,
        hasOrganizationId: true,
        primaryKeyFirst: 'organization_id',
        uniqueWithoutOrganizationId: [],
        foreignKeysWithoutOrganizationId: [],
      });
    }
  });

  it('the check notices a table that breaks the rule', async () => {
    await database.db.execute(sql`
      create table tenancy_probe (
        id uuid primary key,
        organization_id uuid not null references organizations (id),
        sponsor_id uuid references tenancy_probe (id),
        email text unique
      )
    `);
    try {
      const probe = (await report()).find((r) => r.table === 'tenancy_probe')!;
      expect(probe.primary_key_first).toBe('id');
      expect(probe.unique_without_organization_id).toEqual(['tenancy_probe_email_key', 'tenancy_probe_pkey']);
      expect(probe.foreign_keys_without_organization_id).toEqual(['tenancy_probe_sponsor_id_fkey']);
    } finally {
      await database.db.execute(sql`drop table tenancy_probe`);
    }
  });

  it('running the migrations again changes nothing', async () => {
    const before = await report();
    await database.migrate();
    expect(await report()).toEqual(before);
  });
});
