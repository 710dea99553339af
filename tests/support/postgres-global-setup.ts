// api-postgres: start a throwaway PostgreSQL server, migrate a template database once, and hand its
// address to the test files; every test database is a copy (CREATE DATABASE … TEMPLATE), which takes
// milliseconds. The server and its directory are removed in teardown.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.ts';
import { loadPostgresScript } from './postgres-script.ts';
import './provided.ts';

const TEMPLATE = 'downline_template';

export default async function setup(project: TestProject) {
  const { findPostgresBinaries, startPostgres } = await loadPostgresScript();
  if (!findPostgresBinaries()) {
    throw new Error(
      'The api-postgres project needs PostgreSQL server binaries (initdb, pg_ctl), on PATH or in ' +
        '/usr/lib/postgresql/<version>/bin. Install PostgreSQL, or run `npm test`, which skips this project ' +
        'with a warning when they are missing.',
    );
  }
  const server = await startPostgres({ log: (line) => console.log(line) });
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`create database ${TEMPLATE}`);
    const { rows } = await admin.query<{ v: string }>(`select current_setting('server_version_num') as v`);
    await admin.end();

    const started = performance.now();
    const database = await openDatabase({ kind: 'postgres', url: server.urlFor(TEMPLATE), poolSize: 1 });
    await database.migrate();
    // No connection may stay open to a template while it is being copied.
    await database.close();
    console.log(`PostgreSQL template: migrated in ${Math.round(performance.now() - started)} ms`);

    project.provide('postgresAdminUrl', server.url);
    project.provide('postgresTemplateDatabase', TEMPLATE);
    project.provide('postgresServerVersion', Number(rows[0]!.v));
  } catch (err) {
    await server.stop();
    throw err;
  }

  return async () => {
    await server.stop();
  };
}
