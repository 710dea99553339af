// The structure engine at scale: importing a back-office export, the size and first page of a
// downline through the materialized path versus the naive recursive query over sponsor_id, and moving
// a subtree. On a throwaway PostgreSQL and on PGlite (embedded), with demo data.
//
//   npm run bench -- structure [--sizes 100000,1000000] [--pglite-sizes 100000] [--runs 7] [--out FILE]
//                              [--skip postgres,pglite] [--tuned] [--fsync-on]
//
// PostgreSQL runs with the tests' settings (fsync off, default memory settings) unless `--tuned` (memory,
// WAL and planner settings of a production server on this machine, bench/postgres-settings.ts) and/or
// `--fsync-on` are given; the output lists the server settings used.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { demoCsv, demoTree, depths, downlineSizes } from '../src/core/structure/demo.ts';
import { isInSubtree } from '../src/core/structure/path.ts';
import { type Database, type Db, openDatabase } from '../src/db/client.ts';
import { importMembers } from '../src/server/imports/service.ts';
import { createOrganizationWithOwner } from '../src/server/organizations/service.ts';
import { moveSubtree } from '../src/server/structure/queries.ts';
import { machine, median, pgliteVersion, timed } from './measure.ts';
import {
  createBenchDatabase,
  describeServer,
  serverSettings,
  startBenchPostgres,
} from './postgres-settings.ts';

const SEED = 1;

interface Row {
  backend: string;
  size: number;
  what: string;
  path: number;
  naive?: number;
  note?: string;
}

/** Median of `runs` timings after one warm-up run. */
async function measure(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(fn));
  return median(times);
}

const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

const queries = {
  pathCount: (db: Db, org: string, p: string) =>
    db.execute(sql`select count(*)::int as n from members
      where organization_id = ${org} and path > ${p} and path < (${p} || '~')`),
  pathPage: (db: Db, org: string, p: string) =>
    db.execute(sql`select id, name, city, kind, status, joined_on, depth from members
      where organization_id = ${org} and path > ${p} and path < (${p} || '~') order by path limit 50`),
  naiveCount: (db: Db, org: string, id: string) =>
    db.execute(sql`with recursive d(id) as (
        select id from members where organization_id = ${org} and sponsor_id = ${id}
        union all
        select m.id from members m join d on m.sponsor_id = d.id where m.organization_id = ${org})
      select count(*)::int as n from d`),
  // The same depth-first order as the path, built from member numbers along the way.
  naivePage: (db: Db, org: string, id: string) =>
    db.execute(sql`with recursive d(id, sort) as (
        select id, array[seq] from members where organization_id = ${org} and sponsor_id = ${id}
        union all
        select m.id, d.sort || m.seq from members m join d on m.sponsor_id = d.id where m.organization_id = ${org})
      select m.id, m.name, m.city, m.kind, m.status, m.joined_on, cardinality(d.sort) as level
      from d join members m on m.organization_id = ${org} and m.id = d.id order by d.sort limit 50`),
};

async function newOrganization(db: Db) {
  return db.transaction((tx) =>
    createOrganizationWithOwner(tx, {
      organizationName: 'Bench',
      locale: 'bg',
      owner: { userId: null as unknown as string, name: 'Owner', email: 'owner@example.com' },
      today: '2026-01-01',
    }),
  );
}

async function memberByExternalId(db: Db, org: string, externalId: string) {
  const [row] = rowsOf(
    await db.execute(
      sql`select id, path from members where organization_id = ${org} and external_id = ${externalId}`,
    ),
  );
  return row as { id: string; path: string };
}

const externalIdOf = (index: number) => `D${String(index + 1).padStart(7, '0')}`;

async function benchSize(
  database: Database,
  backend: string,
  size: number,
  csv: string,
  options: { runs: number; importRuns: number },
  log: (line: string) => void,
): Promise<Row[]> {
  const { db } = database;
  const rows: Row[] = [];
  const importTimes: number[] = [];
  let org = '';
  let root = { id: '', path: '' };
  for (let run = 0; run < options.importRuns; run++) {
    const { organization, owner } = await newOrganization(db);
    const t = performance.now();
    const outcome = await importMembers(db, {
      organizationId: organization.id,
      actorMemberId: null,
      fileName: 'bench.csv',
      csv,
      mode: 'import',
      today: '2026-01-01',
    });
    const ms = performance.now() - t;
    if (outcome.counts.inserts !== size) throw new Error(`imported ${outcome.counts.inserts} of ${size}`);
    const s = outcome.timings;
    log(
      `  ${backend} ${size}: import run ${run + 1}: ${(ms / 1000).toFixed(1)} s ` +
        `(parse ${(s.parse / 1000).toFixed(1)}, load+plan ${((s.load + s.plan) / 1000).toFixed(1)}, write ${(s.write / 1000).toFixed(1)})`,
    );
    importTimes.push(ms);
    org = organization.id;
    root = { id: owner.id, path: owner.path };
  }
  rows.push({
    backend,
    size,
    what: `import ${size.toLocaleString('en')} members (CSV → validated, planned, written)`,
    path: median(importTimes),
    note: `${options.importRuns} run${options.importRuns > 1 ? 's' : ''}`,
  });
  // What autovacuum does after a bulk insert anyway; it makes the counts index-only scans.
  await db.execute(sql`vacuum analyze members`);

  // Subjects from the demo tree: a leader with about 1% of the members, a deep leaf.
  const { sponsor } = demoTree(size, SEED);
  const sizes = downlineSizes(sponsor);
  const depth = depths(sponsor);
  let leader = 1;
  let leaf = 1;
  for (let i = 1; i < size; i++) {
    if (Math.abs(sizes[i]! - size / 100) < Math.abs(sizes[leader]! - size / 100)) leader = i;
    if (sizes[i] === 0 && depth[i]! > depth[leaf]!) leaf = i;
  }
  const subjects = [
    { label: `root (${size.toLocaleString('en')})`, member: root, expected: size },
    {
      label: `1% leader (${sizes[leader]!.toLocaleString('en')})`,
      member: await memberByExternalId(db, org, externalIdOf(leader)),
      expected: sizes[leader]!,
    },
    {
      label: `leaf (depth ${depth[leaf]! + 1})`,
      member: await memberByExternalId(db, org, externalIdOf(leaf)),
      expected: 0,
    },
  ];
  for (const { label, member, expected } of subjects) {
    const n1 = rowsOf(await queries.pathCount(db, org, member.path))[0]!.n;
    const n2 = rowsOf(await queries.naiveCount(db, org, member.id))[0]!.n;
    if (n1 !== expected || n2 !== expected)
      throw new Error(`${label}: path ${n1}, recursive ${n2}, expected ${expected}`);
    const p1 = rowsOf(await queries.pathPage(db, org, member.path)).map((r) => r.id);
    const p2 = rowsOf(await queries.naivePage(db, org, member.id)).map((r) => r.id);
    if (JSON.stringify(p1) !== JSON.stringify(p2)) throw new Error(`${label}: the first pages differ`);
    const countPath = await measure(options.runs, () => queries.pathCount(db, org, member.path));
    const countNaive = await measure(options.runs, () => queries.naiveCount(db, org, member.id));
    rows.push({ backend, size, what: `downline size: ${label}`, path: countPath, naive: countNaive });
    const pagePath = await measure(options.runs, () => queries.pathPage(db, org, member.path));
    const pageNaive = await measure(options.runs, () => queries.naivePage(db, org, member.id));
    rows.push({ backend, size, what: `first page (50): ${label}`, path: pagePath, naive: pageNaive });
    log(`  ${backend} ${size}: ${label} done`);
  }

  // Move a ~1% subtree under a member in another leg (a deep leaf), and back.
  const moved = subjects[1]!.member;
  const [home] = rowsOf(
    await db.execute(sql`select s.id, s.path from members m join members s
      on s.organization_id = m.organization_id and s.id = m.sponsor_id
      where m.organization_id = ${org} and m.id = ${moved.id}`),
  ) as { id: string; path: string }[];
  const target = subjects[2]!.member;
  if (isInSubtree(target.path, moved.path)) throw new Error('the target leaf is inside the moved subtree');
  const current = async (tx: Db, id: string) =>
    rowsOf(
      await tx.execute(sql`select id, path from members where organization_id = ${org} and id = ${id}`),
    )[0] as {
      id: string;
      path: string;
    };
  const moveTimes: number[] = [];
  const naiveTimes: number[] = [];
  for (let round = 0; round < Math.max(3, Math.ceil(options.runs / 2)); round++) {
    for (const to of [target, home!]) {
      moveTimes.push(
        await timed(() =>
          db.transaction(async (tx) => {
            const [m, s] = [await current(tx, moved.id), await current(tx, to.id)];
            await moveSubtree(tx, org, m, s);
          }),
        ),
      );
      naiveTimes.push(
        await timed(() =>
          db.execute(sql`update members set sponsor_id = ${to.id}, updated_at = now()
            where organization_id = ${org} and id = ${moved.id}`),
        ),
      );
    }
  }
  // The naive sponsor_id update above ran beside the path move; put the sponsor back in line with the path.
  await db.execute(
    sql`update members set sponsor_id = ${home!.id} where organization_id = ${org} and id = ${moved.id}`,
  );
  rows.push({
    backend,
    size,
    what: `move a 1% subtree (${sizes[leader]!.toLocaleString('en')} members) and back`,
    path: median(moveTimes),
    naive: median(naiveTimes),
    note: `${moveTimes.length} moves; naive = one-row sponsor_id update`,
  });
  return rows;
}

const fmt = (ms: number) =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`;

export function table(rows: Row[]): string {
  const lines = [
    '| database | members | measurement | path (median) | naive WITH RECURSIVE (median) | naive / path |',
    '|---|---:|---|---:|---:|---:|',
  ];
  for (const r of rows) {
    const ratio =
      r.naive === undefined ? '' : `${(r.naive / r.path).toFixed(r.naive / r.path >= 10 ? 0 : 1)}×`;
    lines.push(
      `| ${r.backend} | ${r.size.toLocaleString('en')} | ${r.what}${r.note ? ` (${r.note})` : ''} | ${fmt(r.path)} | ${r.naive === undefined ? '—' : fmt(r.naive)} | ${ratio} |`,
    );
  }
  return lines.join('\n');
}

export async function run(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '100000,1000000' },
      'pglite-sizes': { type: 'string', default: '100000' },
      runs: { type: 'string', default: '7' },
      out: { type: 'string', default: '.tmp/bench-structure.md' },
      skip: { type: 'string', default: '' },
      tuned: { type: 'boolean', default: false },
      'fsync-on': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').filter(Boolean).map(Number);
  const pgliteSizes = values['pglite-sizes'].split(',').filter(Boolean).map(Number);
  const runs = Number(values.runs);
  const skip = new Set(values.skip.split(','));
  const log = (line: string) => console.log(line);
  const rows: Row[] = [];
  const versions: string[] = [];
  const csvs = new Map<number, string>();
  const csvFor = (size: number) => {
    let csv = csvs.get(size);
    if (!csv) {
      const t = performance.now();
      csv = demoCsv({ members: size, locale: 'bg', seed: SEED, delimiter: ';' });
      csvs.set(size, csv);
      log(
        `  CSV of ${size.toLocaleString('en')} members: ${(Buffer.byteLength(csv) / 2 ** 20).toFixed(0)} MiB in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
    }
    return csv;
  };
  const importRuns = (size: number) => (size >= 1_000_000 ? 1 : 3);

  /** Migrates a fresh database, runs every measurement at one size, and closes it. */
  const benchOn = async (database: Database, label: string, size: number) => {
    try {
      await database.migrate();
      return await benchSize(
        database,
        label,
        size,
        csvFor(size),
        { runs, importRuns: importRuns(size) },
        log,
      );
    } finally {
      await database.close();
    }
  };

  if (!skip.has('postgres')) {
    const extra = serverSettings({ tuned: values.tuned, fsyncOn: values['fsync-on'] });
    const server = await startBenchPostgres(extra, log);
    try {
      versions.push(await describeServer(server.url, values.tuned));
      log(`  ${versions.at(-1)}`);
      for (const size of sizes) {
        // A fresh database per size, so the 1M run does not carry the smaller runs' rows.
        const name = `bench_${size}`;
        await createBenchDatabase(server.url, name);
        const database = await openDatabase({ kind: 'postgres', url: server.urlFor(name), poolSize: 2 });
        rows.push(...(await benchOn(database, 'PostgreSQL', size)));
      }
    } finally {
      await server.stop();
    }
  }

  if (!skip.has('pglite')) {
    versions.push(await pgliteVersion());
    for (const size of pgliteSizes) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'downline-bench-pglite-'));
      const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
      try {
        rows.push(...(await benchOn(database, 'PGlite', size)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }

  const report = `Machine: ${machine(versions)}\n\n${table(rows)}\n`;
  console.log(`\n${report}`);
  writeFileSync(values.out, report);
  console.log(`Written to ${values.out}`);
}
