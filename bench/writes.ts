// What a bulk insert of members costs, and what each part of it costs: the same planned import written
// with `unnest` batches and with COPY, then with the sponsor foreign key and indexes dropped one after
// another (on a throwaway database: the schema is only changed to measure, never in the app).
//
//   npm run bench -- writes [--size 200000] [--runs 2] [--tuned] [--fsync-on]
//
// Server settings as in the structure bench (bench/postgres-settings.ts); the output lists them.
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { demoCsv } from '../src/core/structure/demo.ts';
import { parseMembersCsv, planImport } from '../src/core/structure/import.ts';
import { childPath } from '../src/core/structure/path.ts';
import { type Db, openDatabase } from '../src/db/client.ts';
import {
  type BulkMember,
  bulkMemberOf,
  insertMembersBulk,
  timeOrderedUuid,
} from '../src/server/imports/bulk.ts';
import { loadImportContext } from '../src/server/imports/service.ts';
import { createOrganizationWithOwner } from '../src/server/organizations/service.ts';
import { describeSettings, serverSettings, startBenchPostgres } from './postgres-settings.ts';

type Insert = (tx: Db, organizationId: string, rows: BulkMember[]) => Promise<void>;

/** The path PGlite takes. */
const unnest: Insert = (tx, org, rows) => insertMembersBulk(tx, org, rows, { method: 'unnest' });
const copy: Insert = (tx, org, rows) => insertMembersBulk(tx, org, rows);

const VARIANTS: { label: string; ddl: string[]; insert: Insert }[] = [
  { label: 'INSERT … SELECT FROM unnest, 10,000-row batches', ddl: [], insert: unnest },
  { label: 'COPY FROM STDIN (what imports use on PostgreSQL)', ddl: [], insert: copy },
  {
    label: '… without the members_sponsor_fk check',
    ddl: ['alter table members drop constraint members_sponsor_fk'],
    insert: copy,
  },
  { label: '… and without the sponsor index', ddl: ['drop index members_sponsor_idx'], insert: copy },
  {
    label: '… and without the external id index (primary key + path only)',
    ddl: ['drop index members_external_id_key'],
    insert: copy,
  },
];

export async function run(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string', default: '200000' },
      runs: { type: 'string', default: '2' },
      tuned: { type: 'boolean', default: false },
      'fsync-on': { type: 'boolean', default: false },
    },
  });
  const size = Number(values.size);
  const runs = Number(values.runs);
  const parsed = parseMembersCsv(demoCsv({ members: size, locale: 'bg', seed: 1, delimiter: ';' }));
  const server = await startBenchPostgres(
    serverSettings({ tuned: values.tuned, fsyncOn: values['fsync-on'] }),
    console.log,
  );
  const lines: string[] = [];
  let settings = '';
  try {
    const admin = await openDatabase({ kind: 'postgres', url: server.url, poolSize: 1 });
    settings = await describeSettings(admin.db);
    console.log(`Server settings: ${settings}`);
    await admin.db.execute(sql`create database bench_writes`);
    await admin.close();
    const database = await openDatabase({
      kind: 'postgres',
      url: server.urlFor('bench_writes'),
      poolSize: 2,
    });
    const { db } = database;
    try {
      await database.migrate();
      for (const { label, ddl, insert } of VARIANTS) {
        for (const statement of ddl) await db.execute(sql.raw(statement));
        const rates: number[] = [];
        for (let r = 0; r < runs; r++) {
          await db.execute(sql`truncate organizations cascade`);
          await db.execute(sql`vacuum members`);
          const { organization } = await db.transaction((tx) =>
            createOrganizationWithOwner(tx, {
              organizationName: 'Bench',
              locale: 'bg',
              owner: { userId: null as unknown as string, name: 'Owner', email: 'owner@example.com' },
              today: '2026-01-01',
            }),
          );
          await db.transaction(async (tx) => {
            const rows = await plannedRows(tx, organization.id, parsed);
            const t = performance.now();
            await insert(tx, organization.id, rows);
            rates.push(rows.length / ((performance.now() - t) / 1000));
          });
        }
        const line = `| ${label} | ${rates.map((r) => `${(r / 1000).toFixed(0)}k`).join(', ')} |`;
        console.log(line);
        lines.push(line);
      }
    } finally {
      await database.close();
    }
  } finally {
    await server.stop();
  }
  console.log(
    `\nServer settings: ${settings}\n\n${size.toLocaleString('en')} members, rows/s per run:\n\n| insert | rows/s |\n|---|---:|\n${lines.join('\n')}`,
  );
}

/** The import's insert rows, built as server/imports/service.ts builds them. */
async function plannedRows(tx: Db, organizationId: string, parsed: ReturnType<typeof parseMembersCsv>) {
  const context = await loadImportContext(tx, organizationId);
  const plan = planImport(parsed, context);
  const ids: string[] = [];
  const paths: string[] = [];
  return plan.inserts.map((insert, i): BulkMember => {
    const s = insert.sponsorInsert;
    const sponsor =
      s >= 0 ? { id: ids[s]!, path: paths[s]! } : { id: context.rootId, path: context.root.path };
    const path = childPath(sponsor.path, i + 2);
    ids[i] = timeOrderedUuid();
    paths[i] = path;
    return bulkMemberOf(insert, { id: ids[i]!, seq: i + 2, path, sponsorId: sponsor.id }, '2026-01-01');
  });
}
