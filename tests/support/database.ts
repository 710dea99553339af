// A fresh, migrated database for one test context: PGlite in memory (loaded from the migrated template
// dump made by the global setup), or a new database on the throwaway PostgreSQL server copied from the
// migrated template. Which one comes from DOWNLINE_TEST_DB, set per vitest project.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.ts';
import './provided.ts';

export type TestDatabaseKind = 'pglite' | 'postgres';

export function testDatabaseKind(): TestDatabaseKind {
  const kind = process.env.DOWNLINE_TEST_DB ?? 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') {
    throw new Error(`DOWNLINE_TEST_DB must be pglite or postgres, not ${kind}`);
  }
  return kind;
}

export async function openTestDatabase(): Promise<Database> {
  return testDatabaseKind() === 'postgres' ? openPostgresCopy() : openPgliteCopy();
}

// readFile never returns a SharedArrayBuffer-backed buffer; the cast only narrows the type for Blob.
let templateBytes: Promise<Uint8Array<ArrayBuffer>> | null = null;

async function openPgliteCopy(): Promise<Database> {
  const templateFile = inject('pgliteTemplateFile');
  if (!templateFile) {
    // Without the global setup (a custom vitest invocation): create and migrate from scratch.
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await database.migrate();
    return database;
  }
  templateBytes ??= readFile(templateFile) as Promise<Uint8Array<ArrayBuffer>>;
  return openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: new Blob([await templateBytes]) });
}

async function openPostgresCopy(): Promise<Database> {
  const adminUrl = inject('postgresAdminUrl');
  const template = inject('postgresTemplateDatabase');
  if (!adminUrl || !template) {
    throw new Error(
      'DOWNLINE_TEST_DB=postgres needs the api-postgres project (its global setup starts the server).',
    );
  }
  const name = `test_${randomBytes(6).toString('hex')}`;
  // Copying the files of the small template is about 4× faster than the default WAL_LOG strategy.
  const strategy = (inject('postgresServerVersion') ?? 0) >= 150000 ? ' strategy file_copy' : '';
  await withAdmin(adminUrl, (admin) =>
    admin.query(`create database ${name} template ${template}${strategy}`),
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.href, poolSize: 4 });
  let dropped = false;
  return {
    ...database,
    close: async () => {
      await database.close();
      if (dropped) return;
      dropped = true;
      await withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
