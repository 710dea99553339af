// Server settings for the benchmarks' throwaway PostgreSQL (scripts/postgres.mjs).
//
// By default the benchmarks run on the tests' server: durability off (fsync, synchronous_commit,
// full_page_writes) and PostgreSQL's default memory settings (shared_buffers 128 MB). `--tuned` starts
// it configured as a production server on this machine (24 GiB RAM, 2 cores, SSD) would be, except
// for fsync, which stays off unless `--fsync-on` is given too.
import { sql } from 'drizzle-orm';
import { type Db, openDatabase } from '../src/db/client.ts';
import { loadPostgresScript } from '../tests/support/postgres-script.ts';

export type Settings = Record<string, string | number>;

/** Memory, WAL and planner settings of a production server with 24 GiB RAM on SSD. */
export const TUNED: Settings = {
  shared_buffers: '4GB', // ~1/6 of RAM (25% would be 6 GB; 4 GB already holds the whole 1M table + indexes)
  effective_cache_size: '12GB', // shared_buffers + the OS page cache the planner may count on
  maintenance_work_mem: '1GB', // VACUUM, CREATE INDEX
  work_mem: '64MB', // per sort/hash node
  wal_buffers: '64MB',
  wal_compression: 'on',
  max_wal_size: '8GB', // no checkpoint forced by WAL volume during a 1M import
  min_wal_size: '1GB',
  checkpoint_timeout: '30min',
  checkpoint_completion_target: 0.9, // the default since PostgreSQL 14, listed for completeness
  random_page_cost: 1.1, // SSD
  effective_io_concurrency: 200, // SSD
  // What a production server keeps (the tests turn them off):
  synchronous_commit: 'on',
  full_page_writes: 'on',
};

/** The settings printed with every result: what was changed plus the durability switches. */
const REPORTED = [...new Set(['fsync', 'synchronous_commit', 'full_page_writes', ...Object.keys(TUNED)])];

/** Extra server settings from the bench's `--tuned` / `--fsync-on` flags. */
export function serverSettings(options: { tuned: boolean; fsyncOn: boolean }): Settings {
  return { ...(options.tuned ? TUNED : {}), ...(options.fsyncOn ? { fsync: 'on' } : {}) };
}

/** Starts the throwaway server with extra settings (scripts/postgres.mjs `settings` option). */
export async function startBenchPostgres(settings: Settings, log: (line: string) => void) {
  const { startPostgres } = await loadPostgresScript();
  return startPostgres({ log, settings });
}

/** The server's actual values of the reported settings, as `name=value` pairs (read from pg_settings). */
export async function describeSettings(db: Db): Promise<string> {
  const result = (await db.execute(
    sql`select name, setting, unit from pg_settings where name in ${sql.raw(`(${REPORTED.map((n) => `'${n}'`).join(',')})`)}`,
  )) as unknown as { rows: { name: string; setting: string; unit: string | null }[] };
  const byName = new Map(result.rows.map((r) => [r.name, r]));
  return REPORTED.map((name) => {
    const r = byName.get(name);
    return r ? `${name}=${humanize(r.setting, r.unit)}` : `${name}=?`;
  }).join(', ');
}

/** pg_settings reports memory in units (8kB pages, kB, MB): show it in MB/GB. */
function humanize(setting: string, unit: string | null): string {
  const n = Number(setting);
  const kb = unit === '8kB' ? n * 8 : unit === 'kB' ? n : unit === 'MB' ? n * 1024 : undefined;
  if (kb !== undefined && Number.isFinite(kb)) {
    if (kb >= 1024 * 1024 && kb % (1024 * 1024) === 0) return `${kb / (1024 * 1024)}GB`;
    if (kb >= 1024) return `${+(kb / 1024).toFixed(1)}MB`;
    return `${kb}kB`;
  }
  if (unit === 's' && n % 60 === 0 && n >= 60) return `${n / 60}min`;
  return unit && unit !== '8kB' ? `${setting}${unit}` : setting;
}

/** The server's version, profile and settings, as one line for the results. */
export async function describeServer(url: string, tuned: boolean): Promise<string> {
  const admin = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
  try {
    const result = (await admin.db.execute(
      sql`select current_setting('server_version') as v`,
    )) as unknown as { rows: { v: string }[] };
    const profile = tuned ? 'tuned for the machine' : "tests' settings, default memory settings";
    return `PostgreSQL ${result.rows[0]!.v} (${profile}; ${await describeSettings(admin.db)})`;
  } finally {
    await admin.close();
  }
}

/** A fresh database on the bench server, so one size's run does not carry another's rows. */
export async function createBenchDatabase(url: string, name: string): Promise<void> {
  const admin = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
  try {
    await admin.db.execute(sql.raw(`create database ${name}`));
  } finally {
    await admin.close();
  }
}
