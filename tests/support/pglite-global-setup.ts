// api-pglite: migrate one PGlite database once and dump its data directory. Creating a PGlite instance
// runs initdb inside WebAssembly (about 2 s); loading a dump takes about 0.5 s, so every test database
// starts from this dump instead.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.ts';
import './provided.ts';

export default async function setup(project: TestProject) {
  const started = performance.now();
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  const opened = performance.now();
  await database.migrate();
  const migrated = performance.now();
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  await database.close();

  const dir = await mkdtemp(path.join(os.tmpdir(), 'downline-pglite-'));
  const file = path.join(dir, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplateFile', file);
  console.log(
    `PGlite template: created in ${Math.round(opened - started)} ms, migrated in ` +
      `${Math.round(migrated - opened)} ms, dumped in ${Math.round(performance.now() - migrated)} ms`,
  );

  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
