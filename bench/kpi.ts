// The three KPIs at scale (issue 7): a demo organization (`downline demo`) with a year of demo orders
// (core/kpis/demo-orders.ts) imported as a back-office CSV through the real import; then the structure
// dashboard read from the rollups against the naive recursive query over raw orders, posting one order
// deep in the tree, recomputing one month for every member, and the import itself. On a throwaway
// PostgreSQL and on PGlite (embedded, data directory on disk).
//
//   npm run bench -- kpi [--sizes 1000000] [--pglite-sizes 100000] [--orders-per-member 10] [--runs 7]
//                        [--out FILE] [--skip postgres,pglite] [--tuned] [--fsync-on]
//
// Server time: each measurement times the service or query call in Node against the database (no HTTP).
// PostgreSQL runs with the tests' settings (fsync off, default memory settings) unless `--tuned` and/or
// `--fsync-on` (bench/postgres-settings.ts). Ten million orders are one CSV file streamed into one
// import; the process re-runs itself with a larger heap (--max-old-space-size) when the orders need it.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { sql } from 'drizzle-orm';
import { demoOrders, demoOrdersCsv } from '../src/core/kpis/demo-orders.ts';
import { periodEnd, periodOf, trendPeriods } from '../src/core/kpis/periods.ts';
import { demoTree, depths, downlineSizes } from '../src/core/structure/demo.ts';
import { type Database, type Db, openDatabase } from '../src/db/client.ts';
import type { Actor } from '../src/server/auth/actor.ts';
import type { Deps } from '../src/server/http/types.ts';
import { createDemoOrganization } from '../src/server/imports/demo.ts';
import { figuresOf, legsOf } from '../src/server/kpis/queries.ts';
import { type RebuildTimings, rebuildRollups } from '../src/server/kpis/rebuild.ts';
import { addToRollups, deltasOn, lockForPosting } from '../src/server/kpis/rollups.ts';
import { kpiService } from '../src/server/kpis/service.ts';
import { importOrders } from '../src/server/orders/import.ts';
import { createOrderBody } from '../src/server/orders/schemas.ts';
import { orderService } from '../src/server/orders/service.ts';
import { lockStructure } from '../src/server/structure/tree.ts';
import { machine, median, pgliteVersion, timed } from './measure.ts';
import {
  createBenchDatabase,
  describeServer,
  serverSettings,
  startBenchPostgres,
} from './postgres-settings.ts';

const SEED = 1;
const LOCALE = 'bg';
/** The demo's last join date and the last day with orders; the dashboards show the year up to it. */
const TODAY = '2025-12-31';
const MONTH = periodOf('month', TODAY);
/** Heap for ten million orders in one import (the rows are kept in memory until they are written). */
const HEAP_MB = 8192;

interface Row {
  backend: string;
  size: number;
  orders: number;
  what: string;
  /** Milliseconds, the rollups' (or only) way. */
  value: number;
  naive?: number;
  target?: string;
  /** Whether each part of the target is met: "yes", "no", "yes / no". */
  met?: string;
  note?: string;
}

const yesNo = (ok: boolean) => (ok ? 'yes' : 'no');

/** Median of `runs` timings after one warm-up run. */
async function measure(runs: number, fn: () => Promise<unknown>): Promise<number> {
  return (await timings(runs, fn)).median;
}

/** The median, fastest and slowest of `runs` timings after one warm-up run, and the machine's load. */
async function timings(runs: number, fn: () => Promise<unknown>) {
  const load = os.loadavg()[0]!;
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(fn));
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), load };
}

/** "runs 4.1–6.3 ms, load 1.2": how much the runs varied and how busy the machine was (1-minute load). */
const spread = (t: { min: number; max: number; load: number }) =>
  `runs ${fmt(t.min)}–${fmt(t.max)}, load ${t.load.toFixed(1)}`;

const rowsOf = <T = Record<string, unknown>>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * The naive way: the member's downline by a recursive walk over sponsor_id, then this month's points
 * from the raw orders of the member and the downline, the downline's members who joined this month,
 * and the distinct members of both who attended a training this month.
 */
const naiveMonth = (db: Db, org: string, memberId: string, from: string, to: string) =>
  db.execute(sql`with recursive d(id, self) as (
      select id, true from members where organization_id = ${org} and id = ${memberId}
      union all
      select m.id, false from members m join d on m.sponsor_id = d.id where m.organization_id = ${org})
    select
      (select coalesce(sum(o.points), 0)::bigint from orders o join d on d.id = o.member_id
        where o.organization_id = ${org} and o.ordered_on between ${from} and ${to}) as points,
      (select count(*)::int from members m join d on d.id = m.id and not d.self
        where m.organization_id = ${org} and m.joined_on between ${from} and ${to}) as joined,
      (select count(distinct r.member_id)::int from training_registrations r
        join trainings t on t.organization_id = r.organization_id and t.id = r.training_id
        join d on d.id = r.member_id
        where r.organization_id = ${org} and r.attended_at is not null and t.cancelled_at is null
          and t.held_on between ${from} and ${to}) as trained`);

/** "; autovacuum on …" when a vacuum is running now (PostgreSQL), so a slow median can be told apart. */
async function vacuumNote(db: Db, when: 'start' | 'end'): Promise<string> {
  const [r] = rowsOf<{ tables: string | null }>(
    await db.execute(
      sql`select string_agg(distinct relid::regclass::text, ', ') as tables from pg_stat_progress_vacuum`,
    ),
  );
  return r?.tables ? `; autovacuum on ${r.tables} at the ${when}` : '';
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Subject {
  label: string;
  actor: Actor;
}

async function benchSize(
  database: Database,
  backend: string,
  size: number,
  options: { runs: number; perMember: number; dir: string },
  log: (line: string) => void,
  facts: string[],
): Promise<Row[]> {
  const { db } = database;
  /** A line for the log and for the report's notes. */
  const fact = (line: string) => {
    log(line);
    facts.push(line.trim());
  };
  const rows: Row[] = [];
  const orderCount = Math.round(size * options.perMember);
  const add = (row: Omit<Row, 'backend' | 'size' | 'orders'>) => {
    rows.push({ backend, size, orders: orderCount, ...row });
    const r = rows.at(-1)!;
    log(
      `  ${backend} ${size}: ${r.what}: ${fmt(r.value)}${r.naive === undefined ? '' : ` (naive ${fmt(r.naive)}, ${ratio(r)})`}${r.note ? ` — ${r.note}` : ''}`,
    );
  };

  // 1. The demo organization (members in bulk, then every join's rollups).
  let load = os.loadavg()[0]!;
  let t = performance.now();
  const demo = await createDemoOrganization(db, { members: size, locale: LOCALE, seed: SEED, today: TODAY });
  add({
    what: `demo organization of ${size.toLocaleString('en')} members (incl. join rollups)`,
    value: performance.now() - t,
    note: `1 run, load ${load.toFixed(1)}`,
  });
  const org = demo.organizationId;

  // 2. A year of orders as a back-office CSV file.
  t = performance.now();
  const file = path.join(options.dir, `orders-${size}.csv`);
  {
    const orders = demoOrders({
      members: size,
      locale: LOCALE,
      seed: SEED,
      today: TODAY,
      perMember: options.perMember,
    });
    if (orders.count !== orderCount)
      throw new Error(`generated ${orders.count} orders, expected ${orderCount}`);
    const out = createWriteStream(file);
    for (const piece of demoOrdersCsv(orders)) if (!out.write(piece)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
  }
  fact(
    `  ${backend} ${size}: CSV of ${orderCount.toLocaleString('en')} orders: ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB in ${seconds(performance.now() - t)} (not measured)`,
  );

  // 3. The import, streamed from the file as the command line does.
  load = os.loadavg()[0]!;
  t = performance.now();
  const outcome = await importOrders(db, {
    organizationId: org,
    actorMemberId: null,
    csv: createReadStream(file),
    dryRun: false,
    today: TODAY,
    fileName: path.basename(file),
  });
  const importMs = performance.now() - t;
  rmSync(file, { force: true });
  if (outcome.counts.new !== orderCount || outcome.counts.errors)
    throw new Error(
      `imported ${outcome.counts.new} of ${orderCount} orders, ${outcome.counts.errors} errors`,
    );
  const s = outcome.timings;
  add({
    what: `import ${orderCount.toLocaleString('en')} orders (CSV → validated, written, rollups of ${outcome.periods} periods rebuilt)`,
    value: importMs,
    target: orderCount >= 10_000_000 ? '≤ 60 s' : undefined,
    met: orderCount >= 10_000_000 ? yesNo(importMs <= 60_000) : undefined,
    note: `1 run, load ${load.toFixed(1)}: parse ${seconds(s.parse)}, validate ${seconds(s.validate)}, write ${seconds(s.write)}, rollups ${seconds(s.rollups)}`,
  });
  heap((line) => fact(`  ${backend} ${size}: after the import: ${line.trim()}`));

  // What autovacuum does after bulk writes anyway (visibility map, statistics).
  t = performance.now();
  await db.execute(sql`vacuum analyze members`);
  await db.execute(sql`vacuum analyze orders`);
  await db.execute(sql`vacuum analyze member_rollups`);
  fact(`  ${backend} ${size}: vacuum analyze: ${seconds(performance.now() - t)} (not measured)`);
  for (const table of ['orders', 'member_rollups', 'members']) {
    const [r] = rowsOf<{ n: number; bytes: string }>(
      await db.execute(
        sql`select (select count(*) from ${sql.identifier(table)})::int as n, pg_total_relation_size(${table}::regclass)::text as bytes`,
      ),
    );
    fact(
      `  ${backend} ${size}: table ${table}: ${r!.n.toLocaleString('en')} rows, ${(Number(r!.bytes) / 2 ** 20).toFixed(0)} MiB with indexes`,
    );
  }

  // 4. Subjects from the demo tree: the root, the leader whose downline is closest to 1%, the deepest leaf.
  const { sponsor } = demoTree(size, SEED);
  const sizes = downlineSizes(sponsor);
  const depth = depths(sponsor);
  let leader = 1;
  let leaf = 1;
  for (let i = 1; i < size; i++) {
    if (Math.abs(sizes[i]! - size / 100) < Math.abs(sizes[leader]! - size / 100)) leader = i;
    if (sizes[i] === 0 && depth[i]! > depth[leaf]!) leaf = i;
  }
  const actorOf = async (externalId: string, role: Actor['role']): Promise<Actor> => {
    const [m] = rowsOf<{ id: string; path: string; name: string }>(
      await db.execute(
        sql`select id, path, name from members where organization_id = ${org} and external_id = ${externalId}`,
      ),
    );
    return {
      userId: '',
      email: '',
      name: m!.name,
      locale: null,
      organizationId: org,
      memberId: m!.id,
      path: m!.path,
      role,
    };
  };
  const externalIdOf = (index: number) => `D${String(index + 1).padStart(7, '0')}`;
  const subjects: Subject[] = [
    { label: `root (${size.toLocaleString('en')})`, actor: await actorOf(externalIdOf(0), 'admin') },
    {
      label: `1% leader (${(sizes[leader]! + 1).toLocaleString('en')})`,
      actor: await actorOf(externalIdOf(leader), 'member'),
    },
    { label: `deepest leaf (depth ${depth[leaf]})`, actor: await actorOf(externalIdOf(leaf), 'member') },
  ];

  const deps = { database, clock: { now: () => new Date(`${TODAY}T12:00:00Z`) } } as unknown as Deps;
  const kpis = kpiService(deps);
  const dashboard = (actor: Actor) => kpis.dashboard(actor, { grain: 'month', day: TODAY });
  const end = periodEnd('month', MONTH);

  // 5. The dashboards first (before the naive queries' scans of ten million orders go through the
  // caches), then the naive query for the same member: first the same three numbers, then the times.
  const views = [];
  for (const { label, actor } of subjects) {
    const vacuum = await vacuumNote(db, 'start');
    const fast = await timings(options.runs, () => dashboard(actor));
    const trendMs = await measure(options.runs, () =>
      figuresOf(db, org, actor.memberId, 'month', trendPeriods('month', TODAY)),
    );
    const legsMs = await measure(options.runs, () => legsOf(db, org, actor.memberId, 'month', MONTH, 50));
    fact(
      `  ${backend} ${size}: dashboard of the ${label}: its queries alone — 12 months ${fmt(trendMs)}, legs ${fmt(legsMs)} (the service also reads the member, then runs both side by side)`,
    );
    views.push({ view: await dashboard(actor), fast, vacuum: vacuum + (await vacuumNote(db, 'end')) });
  }
  for (const [s, { label, actor }] of subjects.entries()) {
    const { view, fast, vacuum } = views[s]!;
    const [naive] = rowsOf<{ points: string | number; joined: number; trained: number }>(
      await naiveMonth(db, org, actor.memberId, MONTH, end),
    );
    const shown = view.trend.at(-1)!;
    const expected = { points: Number(naive!.points) / 100, joined: naive!.joined, trained: naive!.trained };
    const got = { points: shown.structurePoints, joined: shown.newMembers, trained: shown.trained };
    if (JSON.stringify(expected) !== JSON.stringify(got))
      throw new Error(`${label}: rollups ${JSON.stringify(got)}, naive ${JSON.stringify(expected)}`);
    const slow = await measure(options.runs, () => naiveMonth(db, org, actor.memberId, MONTH, end));
    add({
      what: `dashboard (12 months + ${view.legCount.toLocaleString('en')} legs): ${label}`,
      value: fast.median,
      naive: slow,
      target: backend === 'PGlite' ? '≤ 10 ms / ≥ 1,000×' : '≤ 5 ms / ≥ 1,000×',
      met: `${yesNo(fast.median <= (backend === 'PGlite' ? 10 : 5))} / ${yesNo(slow / fast.median >= 1000)}`,
      note: `${shown.structurePoints.toLocaleString('en')} points, ${shown.newMembers} new, ${shown.trained} trained in ${MONTH.slice(0, 7)}; ${spread(fast)}${vacuum}`,
    });
  }

  // 6. Posting one order for the deepest member, with every upline total, through the orders service.
  const posting = subjects[2]!;
  const orderingService = orderService(deps);
  const body = createOrderBody.parse({
    orderedOn: TODAY,
    points: 42.5,
    amount: 79.9,
    product: 'Bench order',
  });
  const before = (await dashboard(subjects[0]!.actor)).trend.at(-1)!.structurePoints;
  const postRuns = Math.max(options.runs, 9);
  const postVacuum = await vacuumNote(db, 'start');
  const post = await timings(postRuns, () => orderingService.post(posting.actor, body));
  const postVacuumEnd = await vacuumNote(db, 'end');
  // Of which the rollups: the same points added to the member's and the upline's rows alone.
  const rollup = await timings(postRuns, () =>
    db.transaction(async (tx) => {
      await lockForPosting(tx, org);
      await addToRollups(tx, org, posting.actor.path, deltasOn(TODAY, { points: 4250 }));
    }),
  );
  const after = (await dashboard(subjects[0]!.actor)).trend.at(-1)!.structurePoints;
  if (Math.round((after - before) * 100) !== 2 * 4250 * (postRuns + 1))
    throw new Error(`the root's points grew by ${after - before}, expected ${2 * 42.5 * (postRuns + 1)}`);
  add({
    what: `post one order for the member at depth ${depth[leaf]} (its rollups and ${depth[leaf]} upline members', month and week)`,
    value: post.median,
    target: '≤ 10 ms',
    met: yesNo(post.median <= 10),
    note: `${postRuns} posts after a warm-up, through the orders service; the root's points follow; ${spread(post)}${postVacuum}${postVacuumEnd}`,
  });
  add({
    what: '… of which the rollups alone (lockForPosting + addToRollups in a transaction)',
    value: rollup.median,
    note: `${postRuns} runs after a warm-up; ${spread(rollup)}`,
  });

  // 7. Recomputing one month's structure totals for every member, as an import does. Last, because
  // each run leaves the month's old rows behind for autovacuum, which then competes with what follows.
  const rebuilds: RebuildTimings[] = [];
  const rebuildVacuum = await vacuumNote(db, 'start');
  const rebuild = await timings(options.runs, async () => {
    const timings = await db.transaction(async (tx) => {
      await lockStructure(tx, org);
      return rebuildRollups(tx, org, [{ grain: 'month', period: MONTH }]);
    });
    rebuilds.push(timings);
  });
  add({
    what: `recompute one month (${MONTH.slice(0, 7)}) for all ${size.toLocaleString('en')} members (transaction)`,
    value: rebuild.median,
    target: '≤ 1 s',
    met: yesNo(rebuild.median <= 1000),
    note: `medians: load tree ${fmt(median(rebuilds.map((r) => r.loadTree)))}, compute + write ${fmt(median(rebuilds.map((r) => r.periods)))}; ${rebuilds[0]!.rows.toLocaleString('en')} rows; ${spread(rebuild)}${rebuildVacuum}${await vacuumNote(db, 'end')}`,
  });
  return rows;
}

function heap(log: (line: string) => void) {
  const used = process.memoryUsage();
  log(`  heap used ${(used.heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(used.rss / 2 ** 20).toFixed(0)} MiB`);
}

const fmt = (ms: number) =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`;

const ratio = (r: Row) =>
  r.naive === undefined ? '' : `${(r.naive / r.value).toFixed(r.naive / r.value >= 10 ? 0 : 1)}×`;

export function table(rows: Row[]): string {
  const lines = [
    '| database | members | orders | measurement | median | naive WITH RECURSIVE (median) | naive / rollups | target | met |',
    '|---|---:|---:|---|---:|---:|---:|---|---|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.backend} | ${r.size.toLocaleString('en')} | ${r.orders.toLocaleString('en')} | ${r.what}${r.note ? ` (${r.note})` : ''} | ${fmt(r.value)} | ${r.naive === undefined ? '—' : fmt(r.naive)} | ${ratio(r)} | ${r.target ?? ''} | ${r.met ?? ''} |`,
    );
  }
  return lines.join('\n');
}

/** Re-runs this process with a larger heap when the orders need one. Returns true if it did. */
function withLargerHeap(orders: number): boolean {
  const limitMb = v8.getHeapStatistics().heap_size_limit / 2 ** 20;
  if (orders < 2_000_000 || limitMb >= HEAP_MB * 0.9 || process.env.DOWNLINE_BENCH_HEAP) return false;
  console.log(`  re-running with --max-old-space-size=${HEAP_MB} (heap limit ${limitMb.toFixed(0)} MiB)`);
  const result = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      DOWNLINE_BENCH_HEAP: '1',
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${HEAP_MB}`.trim(),
    },
  });
  if (result.status !== 0) throw new Error(`the benchmark failed (exit ${result.status})`);
  return true;
}

export async function run(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '1000000' },
      'pglite-sizes': { type: 'string', default: '100000' },
      'orders-per-member': { type: 'string', default: '10' },
      runs: { type: 'string', default: '7' },
      out: { type: 'string', default: '.tmp/bench-kpi.md' },
      skip: { type: 'string', default: '' },
      tuned: { type: 'boolean', default: false },
      'fsync-on': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').filter(Boolean).map(Number);
  const pgliteSizes = values['pglite-sizes'].split(',').filter(Boolean).map(Number);
  const perMember = Number(values['orders-per-member']);
  const runs = Number(values.runs);
  const skip = new Set(values.skip.split(','));
  const largest = Math.max(
    ...(skip.has('postgres') ? [] : sizes),
    ...(skip.has('pglite') ? [] : pgliteSizes),
    0,
  );
  if (withLargerHeap(largest * perMember)) return;

  const log = (line: string) => console.log(line);
  const started = performance.now();
  const rows: Row[] = [];
  const facts: string[] = [];
  const versions: string[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'downline-bench-kpi-'));
  const options = { runs, perMember, dir };
  log(`  heap limit ${(v8.getHeapStatistics().heap_size_limit / 2 ** 20).toFixed(0)} MiB`);
  try {
    if (!skip.has('postgres')) {
      const extra = serverSettings({ tuned: values.tuned, fsyncOn: values['fsync-on'] });
      const server = await startBenchPostgres(extra, log);
      try {
        versions.push(await describeServer(server.url, values.tuned));
        log(`  ${versions.at(-1)}`);
        for (const size of sizes) {
          const name = `bench_kpi_${size}`;
          await createBenchDatabase(server.url, name);
          // The server's default pool (db/client.ts), so the dashboard's two queries run side by side.
          const database = await openDatabase({ kind: 'postgres', url: server.urlFor(name), poolSize: 10 });
          try {
            await database.migrate();
            rows.push(...(await benchSize(database, 'PostgreSQL', size, options, log, facts)));
          } finally {
            await database.close();
          }
        }
      } finally {
        await server.stop();
      }
    }

    if (!skip.has('pglite')) {
      versions.push(await pgliteVersion());
      for (const size of pgliteSizes) {
        const pgliteDir = mkdtempSync(path.join(os.tmpdir(), 'downline-bench-pglite-'));
        const database = await openDatabase({ kind: 'pglite', dataDir: path.join(pgliteDir, 'pglite') });
        try {
          await database.migrate();
          rows.push(...(await benchSize(database, 'PGlite', size, options, log, facts)));
        } finally {
          await database.close();
          rmSync(pgliteDir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const report =
    `Machine: ${machine(versions)}\n\nRun time: ${seconds(performance.now() - started)}; ` +
    `heap limit ${(v8.getHeapStatistics().heap_size_limit / 2 ** 20).toFixed(0)} MiB\n\n${table(rows)}\n\n` +
    `${facts.map((f) => `- ${f}`).join('\n')}\n`;
  console.log(`\n${report}`);
  writeFileSync(values.out, report);
  console.log(`Written to ${values.out}`);
}
