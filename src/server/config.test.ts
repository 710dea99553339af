import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'downline-config-'));
const base = { DOWNLINE_DATA_DIR: dataDir };

describe('loadConfig', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('defaults to the embedded database on port 3000 and creates a secret once', () => {
    const first = loadConfig(base);
    expect(first.port).toBe(3000);
    expect(first.database).toEqual({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig(base).secret).toBe(first.secret);
  });

  it('switches to PostgreSQL with DATABASE_URL', () => {
    const config = loadConfig({ ...base, DATABASE_URL: 'postgres://u:p@db:5432/downline' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432/downline' });
  });

  it('names every wrong variable', () => {
    expect(() =>
      loadConfig({ ...base, PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*LOG_LEVEL/);
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['true', 1],
    ['2', 2],
    ['0', false],
    ['10.0.0.1, 10.0.0.2', ['10.0.0.1', '10.0.0.2']],
    ['192.168.0.0/16', ['192.168.0.0/16']],
  ])('DOWNLINE_TRUST_PROXY=%s trusts %j', (value, expected) => {
    expect(loadConfig({ ...base, DOWNLINE_TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('refuses a trust-proxy value it cannot read', () => {
    expect(() => loadConfig({ ...base, DOWNLINE_TRUST_PROXY: 'everyone' })).toThrow(ConfigError);
  });

  it('refuses an empty secret file instead of signing sessions with it', () => {
    const other = mkdtempSync(path.join(os.tmpdir(), 'downline-config-'));
    writeFileSync(path.join(other, 'secret.key'), '\n');
    expect(() => loadConfig({ DOWNLINE_DATA_DIR: other })).toThrow(/no usable secret/);
    rmSync(other, { recursive: true, force: true });
  });
});
