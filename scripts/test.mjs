// `npm test`: every test pass, one after the other (CI machines have 2 cores), then one summary.
//
//   1. unit + API on PGlite          vitest --project unit --project api-pglite
//   2. API on PostgreSQL             vitest --project api-postgres (a throwaway server; needs initdb/pg_ctl)
//   3. end-to-end in Chromium        ensure-build, then playwright test
//
// A pass whose tools are missing is skipped with a loud warning — except on CI (CI=true), where it fails.
// The last line of the output is `N passed, N failed` (`, N skipped` when any). A pass that cannot run
// where it must, or that fails outside any test (a crash, a global setup error), counts as one failure.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPostgresBinaries } from './postgres.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = path.join(root, '.tmp', 'test-reports');
const CI = process.env.CI === 'true';
const started = performance.now();
const childEnv = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };

/** @type {{ name: string, passed: number, failed: number, skipped: number, ms: number, note?: string, ran: boolean }[]} */
const passes = [];
const warnings = [];

function loud(message) {
  const line = '!'.repeat(78);
  console.error(`\n${line}\n!! ${message.split('\n').join('\n!! ')}\n${line}\n`);
  warnings.push(message.split('\n')[0]);
}

function heading(text) {
  console.log(`\n━━ ${text} ${'━'.repeat(Math.max(0, 74 - text.length))}`);
}

function run(command, args, env = childEnv) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', (err) => {
      console.error(`Could not start ${command}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function emptyCounts() {
  return { passed: 0, failed: 0, skipped: 0 };
}

/** Counts per group from vitest's JSON report; a file that failed without a failing test counts once. */
function vitestCounts(report, groupOf) {
  const groups = new Map();
  for (const file of report?.testResults ?? []) {
    const group = groupOf(path.relative(root, file.name).split(path.sep).join('/'));
    const counts = groups.get(group) ?? emptyCounts();
    let failed = 0;
    for (const test of file.assertionResults) {
      if (test.status === 'passed') counts.passed++;
      else if (test.status === 'failed') failed++;
      else counts.skipped++;
    }
    if (file.status === 'failed' && failed === 0) failed = 1;
    counts.failed += failed;
    groups.set(group, counts);
  }
  return groups;
}

const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');

async function vitestPass(projects, reportName) {
  const outputFile = path.join(reportDir, reportName);
  rmSync(outputFile, { force: true });
  const t0 = performance.now();
  const code = await run(process.execPath, [
    vitestBin,
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${outputFile}`,
  ]);
  return { code, report: readJson(outputFile), ms: performance.now() - t0 };
}

function addPass(name, counts, ms, { code = 0, note } = {}) {
  const pass = { name, ...counts, ms, ran: true, note };
  if (code !== 0 && pass.failed === 0) {
    pass.failed = 1;
    pass.note = `exited with code ${code} outside any test — see the output above`;
  }
  passes.push(pass);
}

function skipPass(name, note, { fail = false } = {}) {
  passes.push({ name, ...emptyCounts(), failed: fail ? 1 : 0, ms: 0, ran: false, note });
}

mkdirSync(reportDir, { recursive: true });

// ── 1. unit + API on PGlite ─────────────────────────────────────────────────────────────────────────
heading('unit + API on PGlite');
{
  const { code, report, ms } = await vitestPass(['unit', 'api-pglite'], 'vitest-unit-pglite.json');
  const isApi = (file) => /^(src\/server|src\/db|tests\/integration)\//.test(file);
  const groups = vitestCounts(report, (file) => (isApi(file) ? 'api' : 'unit'));
  const unit = groups.get('unit') ?? emptyCounts();
  const apiCounts = groups.get('api') ?? emptyCounts();
  // A failure outside the tests cannot be told apart by project: it is charged to the API pass.
  passes.push({ name: 'unit', ...unit, ms: NaN, ran: true, note: 'timed with the PGlite pass' });
  addPass('API on PGlite', apiCounts, ms, { code: code !== 0 && unit.failed > 0 ? 0 : code });
  if (!report) passes.at(-1).note = 'no JSON report was written';
}

// ── 2. API on PostgreSQL ────────────────────────────────────────────────────────────────────────────
heading('API on PostgreSQL');
{
  const postgres = findPostgresBinaries();
  if (postgres) {
    const { code, report, ms } = await vitestPass(['api-postgres'], 'vitest-postgres.json');
    const counts = vitestCounts(report, () => 'api').get('api') ?? emptyCounts();
    addPass('API on PostgreSQL', counts, ms, { code, note: `PostgreSQL ${postgres.version}` });
  } else if (CI) {
    console.error(
      'PostgreSQL server binaries (initdb, pg_ctl) are missing. On CI install the Debian package:',
    );
    console.error('  apt-get -o DPkg::Lock::Timeout=300 install -y postgresql');
    skipPass('API on PostgreSQL', 'FAILED: PostgreSQL is not installed (required on CI)', { fail: true });
  } else {
    loud(
      'The API tests did NOT run on PostgreSQL: initdb/pg_ctl were not found\n' +
        '(on PATH or in /usr/lib/postgresql/<version>/bin). Production runs on PostgreSQL;\n' +
        'install it (Debian: apt-get install postgresql) to run this pass.',
    );
    skipPass('API on PostgreSQL', 'SKIPPED: PostgreSQL is not installed');
  }
}

// ── 3. End-to-end in Chromium ───────────────────────────────────────────────────────────────────────
heading('end-to-end in Chromium');
{
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path.join(root, 'playwright.config.ts'))) {
    console.log('No playwright.config.ts yet: the browser tests are skipped.');
    skipPass('Chromium', 'skipped: no playwright.config.ts yet');
  } else if (!existsSync(chromium)) {
    if (CI) {
      console.error(`Chromium is missing at ${chromium} (set CHROMIUM_PATH or install it). On CI:`);
      console.error('  apt-get -o DPkg::Lock::Timeout=300 install -y chromium');
      skipPass('Chromium', 'FAILED: Chromium is not installed (required on CI)', { fail: true });
    } else {
      loud(
        `The browser tests did NOT run: no Chromium at ${chromium}.\n` +
          'Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.',
      );
      skipPass('Chromium', 'SKIPPED: Chromium is not installed');
    }
  } else {
    const t0 = performance.now();
    const built = await run(process.execPath, [path.join(root, 'scripts', 'ensure-build.mjs')]);
    if (built !== 0) {
      addPass('Chromium', emptyCounts(), performance.now() - t0, { code: built });
      passes.at(-1).note = 'the web app did not build — see the output above';
    } else {
      const outputFile = path.join(reportDir, 'playwright.json');
      rmSync(outputFile, { force: true });
      const code = await run(
        path.join(root, 'node_modules', '.bin', 'playwright'),
        ['test', '--reporter=list,json'],
        {
          ...childEnv,
          PLAYWRIGHT_JSON_OUTPUT_NAME: outputFile,
        },
      );
      const stats = readJson(outputFile)?.stats;
      const counts = stats
        ? {
            passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
            failed: stats.unexpected ?? 0,
            skipped: stats.skipped ?? 0,
          }
        : emptyCounts();
      addPass('Chromium', counts, performance.now() - t0, {
        code,
        note: stats?.flaky ? `${stats.flaky} flaky (passed on retry)` : undefined,
      });
    }
  }
}

// ── Summary ─────────────────────────────────────────────────────────────────────────────────────────
const total = passes.reduce(
  (sum, p) => ({
    passed: sum.passed + p.passed,
    failed: sum.failed + p.failed,
    skipped: sum.skipped + p.skipped,
  }),
  emptyCounts(),
);
const seconds = (ms) => (Number.isFinite(ms) && ms > 0 ? `${(ms / 1000).toFixed(1)} s` : '');
const countsText = (c) =>
  `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;

heading('summary');
for (const p of passes) {
  const counts = p.ran ? countsText(p) : p.failed ? '1 failed' : '—';
  console.log(
    `${p.name.padEnd(20)}${counts.padEnd(34)}${seconds(p.ms).padStart(8)}${p.note ? `   ${p.note}` : ''}`,
  );
}
if (warnings.length) {
  console.log('');
  for (const w of warnings) console.log(`!! ${w}`);
}
console.log(`\nWall time: ${seconds(performance.now() - started)}`);
console.log(countsText(total));
process.exitCode = total.failed > 0 ? 1 : 0;
