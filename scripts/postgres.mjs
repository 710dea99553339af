// A throwaway PostgreSQL server for tests: a fresh cluster in a temporary directory, trust
// authentication, listening on 127.0.0.1 and a free port, durability switched off for speed.
// Used by the API tests' global setup (tests/support/postgres-global-setup.ts) and by scripts/test.mjs.
//
//   node scripts/postgres.mjs    starts one, prints its DATABASE_URL and stops it on Ctrl-C.
//
// initdb refuses to run as root, so as root every server command runs as the `postgres` system user
// (through runuser) and the temporary directory is handed to that user.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SUPERUSER = 'postgres';

/** The server settings the tests run with: durability off for speed, otherwise PostgreSQL's defaults. */
export const TEST_SETTINGS = Object.freeze({
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: 200,
});
const DEBIAN_ROOT = '/usr/lib/postgresql';

/**
 * Where initdb, pg_ctl and postgres live: on PATH, else the newest /usr/lib/postgresql/<version>/bin.
 * Null when PostgreSQL is not installed.
 * @returns {{ binDir: string, initdb: string, pgCtl: string, version: string } | null}
 */
export function findPostgresBinaries() {
  const candidates = [];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const initdb = path.join(dir, 'initdb');
    // On Debian, PATH usually holds symlinks (or pg_wrapper); follow them to the real bin directory.
    if (existsSync(initdb)) candidates.push(path.dirname(realpathSync(initdb)));
  }
  if (existsSync(DEBIAN_ROOT)) {
    const versions = readdirSync(DEBIAN_ROOT)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    for (const v of versions) candidates.push(path.join(DEBIAN_ROOT, v, 'bin'));
  }
  for (const binDir of candidates) {
    const initdb = path.join(binDir, 'initdb');
    const pgCtl = path.join(binDir, 'pg_ctl');
    if (!existsSync(initdb) || !existsSync(pgCtl) || !existsSync(path.join(binDir, 'postgres'))) continue;
    const out = spawnSync(pgCtl, ['--version'], { encoding: 'utf8' });
    if (out.status !== 0) continue;
    const version = /(\d+(?:\.\d+)?)/.exec(out.stdout)?.[1] ?? 'unknown';
    return { binDir, initdb, pgCtl, version };
  }
  return null;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Runs a server command, as the postgres system user when we are root. */
function run(binary, args, { cwd } = {}) {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', SUPERUSER, '--', binary, ...args]] : [binary, args];
  const out = spawnSync(cmd, argv, { encoding: 'utf8', cwd });
  if (out.error) throw out.error;
  if (out.status !== 0) {
    throw new Error(`${path.basename(binary)} failed (exit ${out.status}):\n${out.stdout}\n${out.stderr}`);
  }
  return out.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Creates and starts a cluster. The returned `url` points at the `postgres` database as the superuser;
 * `urlFor(name)` at another database on the same server. Call `stop()` when done: it stops the server
 * and deletes the directory (also done on process exit if forgotten).
 *
 * `settings` adds or overrides server settings (`-c name=value`), e.g. `{ shared_buffers: '4GB' }` for a
 * benchmark; without it the server runs with TEST_SETTINGS (what the tests use). listen_addresses, port
 * and unix_socket_directories cannot be overridden.
 * @param {{ log?: (line: string) => void, settings?: Record<string, string | number> }} [options]
 */
export async function startPostgres({ log = () => {}, settings = {} } = {}) {
  const bins = findPostgresBinaries();
  if (!bins) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) were not found.');
  const started = performance.now();
  const baseDir = mkdtempSync(path.join(os.tmpdir(), 'downline-pg-'));
  const dataDir = path.join(baseDir, 'data');
  const logFile = path.join(baseDir, 'server.log');
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8' }).trim());
    chownSync(baseDir, uid, gid);
  }
  // The working directory must be readable by the server user (ours may be root's home).
  const cwd = baseDir;

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', stop);
    try {
      if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
        run(bins.pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], { cwd });
      }
    } finally {
      rmSync(baseDir, { recursive: true, force: true });
    }
  };
  process.once('exit', stop);

  try {
    run(
      bins.initdb,
      ['-D', dataDir, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'],
      { cwd },
    );
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const all = {
        ...TEST_SETTINGS,
        ...settings,
        listen_addresses: '127.0.0.1',
        port,
        unix_socket_directories: `'${baseDir}'`,
      };
      const options = Object.entries(all)
        .map(([name, value]) => `-c ${name}=${value}`)
        .join(' ');
      try {
        run(bins.pgCtl, ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '30', 'start'], { cwd });
        break;
      } catch (err) {
        // Another process may have taken the port between our probe and the server's bind.
        if (attempt >= 3) throw new Error(`${err instanceof Error ? err.message : err}\n${tail(logFile)}`);
      }
    }
    const url = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`;
    log(`PostgreSQL ${bins.version} on 127.0.0.1:${port} (${Math.round(performance.now() - started)} ms)`);
    return {
      url,
      port,
      host: '127.0.0.1',
      version: bins.version,
      dataDir,
      /** Connection URL of another database on this server. */
      urlFor: (database) => `postgres://${SUPERUSER}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
      stop: async () => stop(),
    };
  } catch (err) {
    stop();
    throw err;
  }
}

/** Stops a server started by startPostgres. */
export async function stopPostgres(server) {
  await server.stop();
}

// Run directly: start a server for manual use and stop it on Ctrl-C.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startPostgres({ log: (line) => console.log(line) });
  console.log(`DATABASE_URL=${server.url}`);
  console.log('Press Ctrl-C to stop and delete it.');
  const shutdown = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  setInterval(() => {}, 1 << 30);
}
