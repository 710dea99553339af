// The real server process on the embedded database: Ctrl-C (SIGINT) closes it cleanly, and the data
// directory opens again with everything in it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'downline-shutdown-'));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function serverEnv(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DOWNLINE_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  return env;
}

async function start(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/downline.js', 'serve'], {
    cwd: root,
    env: serverEnv(port),
    stdio: 'pipe',
  });
  let output = '';
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy: ${output}`);
}

function interrupt(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

const post = (port: number, url: string, body: unknown) =>
  fetch(`http://127.0.0.1:${port}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
    body: JSON.stringify(body),
  });

describe('server process', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('closes the embedded database cleanly on SIGINT, refuses a second server, and reopens with its data', async () => {
    const port = await freePort();
    const first = await start(port);
    const signUp = await post(port, '/api/v1/auth/sign-up', {
      name: 'Ivan Georgiev',
      email: 'ivan@example.org',
      password: 'a long password',
      organizationName: 'Екип Изгрев',
      locale: 'bg',
    });
    expect(signUp.status).toBe(201);

    // A second server on the same data directory stops at once instead of writing beside the first.
    const second = spawn(process.execPath, ['bin/downline.js', 'serve'], {
      cwd: root,
      env: { ...serverEnv(await freePort()) },
      stdio: 'pipe',
    });
    let secondOutput = '';
    second.stderr?.on('data', (d) => {
      secondOutput += d;
    });
    const secondExit = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(secondExit).toBe(1);
    expect(secondOutput).toContain('in use by another Downline process');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).ok).toBe(true);

    expect(await interrupt(first)).toBe(0);

    const restarted = await start(port);
    try {
      const installation = await fetch(`http://127.0.0.1:${port}/api/v1/installation`).then((r) => r.json());
      expect(installation).toEqual({ needsOwner: false, needsSetupToken: false });
      const signIn = await post(port, '/api/v1/auth/sign-in', {
        email: 'ivan@example.org',
        password: 'a long password',
      });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
      const me = await fetch(`http://127.0.0.1:${port}/api/v1/me`, { headers: { cookie } }).then((r) =>
        r.json(),
      );
      expect(me.organization.name).toBe('Екип Изгрев');
    } finally {
      expect(await interrupt(restarted)).toBe(0);
    }
  }, 120_000);
});
