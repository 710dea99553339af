// Start/sign-up smoke test with a given Node binary (default: the one running this script):
//
//   node scripts/smoke.mjs [path/to/node]
//
// 1. The native modules load and work under that Node: @node-rs/argon2 (password hashes), rolldown and
//    lightningcss (the web build), esbuild (tsx, which runs the server's TypeScript).
// 2. The web app is built if it is missing or stale (scripts/ensure-build.mjs, with that Node).
// 3. `bin/downline.js serve` starts with that Node on a free port and an empty temporary data directory
//    (embedded PGlite); /healthz answers; the first account signs up through the API (as the web app
//    does, with its Origin); /api/v1/me answers for that session; GET / serves the web app's index.html
//    and its script.
// 4. Ctrl-C (SIGINT) stops the server cleanly; the data directory is removed.
//
// Prints each check; exits 1 on the first failure, with the server's output.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node = path.resolve(process.argv[2] ?? process.execPath);
const started = performance.now();

function ok(message) {
  console.log(`  ✓ ${message}`);
}

class SmokeFailure extends Error {}

function assert(condition, message) {
  if (!condition) throw new SmokeFailure(message);
}

/** Runs `node args…` to the end; resolves with its exit code and output. */
function runNode(args, { env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(node, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('error', (err) => resolve({ code: 127, output: err.message }));
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output: output.trim() }));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Each native module is used, not only imported: a missing or incompatible binary fails here.
const nativeCheck = `
const results = [];
const { hash, verify } = await import('@node-rs/argon2');
if (!(await verify(await hash('smoke'), 'smoke'))) throw new Error('argon2 did not verify its own hash');
results.push('@node-rs/argon2');
const { parseAst } = await import('rolldown/parseAst');
if (parseAst('const a = 1;').body.length !== 1) throw new Error('rolldown parsed nothing');
results.push('rolldown');
const { transform: css } = await import('lightningcss');
const out = css({ filename: 'a.css', code: Buffer.from('.a { color: red }'), minify: true });
if (String(out.code) !== '.a{color:red}') throw new Error('lightningcss: ' + out.code);
results.push('lightningcss');
const { transform: ts } = await import('esbuild');
if ((await ts('let a: number = 1', { loader: 'ts' })).code.trim() !== 'let a = 1;') throw new Error('esbuild');
results.push('esbuild');
console.log(results.join(', '));
`;

async function checkNativeModules() {
  const { code, output } = await runNode(['--input-type=module', '-e', nativeCheck]);
  assert(code === 0, `a native module failed under this Node:\n${output}`);
  ok(`native modules load and work: ${output}`);
}

async function ensureBuild() {
  const t0 = performance.now();
  const { code, output } = await runNode([path.join(root, 'scripts', 'ensure-build.mjs')]);
  assert(code === 0, `the web app did not build:\n${output}`);
  const built = output.includes('Building');
  ok(`web app ${built ? `built in ${((performance.now() - t0) / 1000).toFixed(1)} s` : 'is up to date'}`);
}

async function smokeServer() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'downline-smoke-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DOWNLINE_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  // The embedded database, the built web app, and an open first sign-up, whatever the caller's environment.
  delete env.DATABASE_URL;
  delete env.DOWNLINE_SETUP_TOKEN;
  delete env.DOWNLINE_BASE_URL;
  delete env.DOWNLINE_WEB_DIR;

  const server = spawn(node, ['bin/downline.js', 'serve'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (d) => {
    output += d;
  });
  server.stderr.on('data', (d) => {
    output += d;
  });
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(code ?? signal)));

  try {
    // Started and healthy.
    const t0 = performance.now();
    const deadline = Date.now() + 60_000;
    let healthy = false;
    while (!healthy && Date.now() < deadline) {
      assert(server.exitCode === null, `the server exited with code ${server.exitCode}`);
      healthy = await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!healthy) await new Promise((r) => setTimeout(r, 100));
    }
    assert(healthy, 'the server did not answer /healthz within 60 s');
    ok(
      `server started on an empty PGlite data directory; /healthz answered after ${Math.round(performance.now() - t0)} ms`,
    );

    const installation = await fetch(`${base}/api/v1/installation`).then((r) => r.json());
    assert(
      installation.needsOwner === true,
      `a new installation needs its owner: ${JSON.stringify(installation)}`,
    );

    // The first sign-up, as the web app sends it.
    const email = 'smoke-owner@example.test';
    const signUp = await fetch(`${base}/api/v1/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({
        name: 'Smoke Owner',
        email,
        password: randomBytes(15).toString('base64url'),
        organizationName: 'Smoke Team',
        locale: 'en',
      }),
    });
    const signUpBody = await signUp.text();
    assert(signUp.status === 201, `POST /api/v1/auth/sign-up answered ${signUp.status}: ${signUpBody}`);
    const cookie = signUp.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    assert(cookie.includes('session_token='), `sign-up set no session cookie: ${cookie || '(none)'}`);
    ok('POST /api/v1/auth/sign-up: 201 with a session cookie (first owner, password hashed with argon2)');

    const meResponse = await fetch(`${base}/api/v1/me`, { headers: { cookie } });
    const me = await meResponse.json();
    assert(meResponse.status === 200, `GET /api/v1/me answered ${meResponse.status}: ${JSON.stringify(me)}`);
    assert(
      me.user?.email === email && me.organization?.name === 'Smoke Team',
      `GET /api/v1/me does not show the new owner: ${JSON.stringify(me)}`,
    );
    ok(`GET /api/v1/me: 200, ${me.user.email} in "${me.organization.name}"`);
    const anonymous = await fetch(`${base}/api/v1/me`);
    assert(anonymous.status === 401, `GET /api/v1/me without a session answered ${anonymous.status}`);
    ok('GET /api/v1/me without a session: 401');

    // The web app: index.html and the script it loads.
    const page = await fetch(`${base}/`);
    const html = await page.text();
    const built = readFileSync(path.join(root, 'dist', 'web', 'index.html'), 'utf8');
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(built)?.[1];
    assert(script, 'dist/web/index.html names no script under /assets/');
    assert(
      page.status === 200 &&
        page.headers.get('content-type')?.startsWith('text/html') &&
        html.includes(script),
      `GET / did not serve the web app's index.html (${page.status} ${page.headers.get('content-type')})`,
    );
    const asset = await fetch(`${base}${script}`);
    await asset.arrayBuffer();
    assert(
      asset.status === 200 && /javascript/.test(asset.headers.get('content-type') ?? ''),
      `GET ${script} answered ${asset.status} ${asset.headers.get('content-type')}`,
    );
    ok(`GET / serves index.html, and ${script} is served`);

    // A clean stop.
    server.kill('SIGINT');
    let timer;
    const stop = await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 15_000, 'timeout')))]);
    clearTimeout(timer);
    assert(stop === 0, `the server did not stop cleanly on SIGINT (${stop})`);
    ok('SIGINT stopped the server with exit code 0');
  } catch (err) {
    if (err instanceof Error) err.message += `\n--- server output ---\n${output.trim()}`;
    throw err;
  } finally {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGKILL');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

try {
  const { code, output: version } = await runNode(['--version']);
  assert(code === 0 && /^v\d+\.\d+\.\d+$/.test(version), `${node} is not a Node binary: ${version}`);
  console.log(`Smoke test with Node ${version} (${node})`);
  await checkNativeModules();
  await ensureBuild();
  await smokeServer();
  console.log(`Smoke test passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  console.error(`\nSmoke test FAILED: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
}
