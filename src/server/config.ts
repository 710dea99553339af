// Reads the environment once at start. A wrong value stops the start with a message naming the variable.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DatabaseTarget } from '../db/client.ts';

export interface Config {
  port: number;
  host: string;
  /** Public address of the app, e.g. https://team.example.org. Null: the address each request came to. */
  baseUrl: string | null;
  /** Extra origins allowed to send mutating requests (the web dev server). */
  trustedOrigins: string[];
  /**
   * Reverse proxies whose X-Forwarded-* headers are believed: false, a hop count, or their addresses.
   * Never "every hop": the client writes the left end of X-Forwarded-For itself.
   */
  trustProxy: false | number | string[];
  dataDir: string;
  database: DatabaseTarget;
  secret: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Built web app; not served when the folder does not exist. */
  webDir: string;
  signInRateLimit: { max: number; windowMs: number };
  /** When set, the first sign-up (which makes the owner) must present it: for servers others can reach. */
  setupToken: string | null;
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DOWNLINE_BASE_URL: z.url().optional(),
  DOWNLINE_TRUSTED_ORIGINS: z.string().optional(),
  DOWNLINE_TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d+|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/,
      'true, false, a hop count, or proxy addresses',
    )
    .optional(),
  DOWNLINE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DOWNLINE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DOWNLINE_WEB_DIR: z.string().optional(),
  DOWNLINE_SIGN_IN_LIMIT: z.coerce.number().int().min(1).default(10),
  DOWNLINE_SETUP_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DOWNLINE_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    baseUrl: e.DOWNLINE_BASE_URL ? new URL(e.DOWNLINE_BASE_URL).origin : null,
    trustedOrigins: (e.DOWNLINE_TRUSTED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    trustProxy: parseTrustProxy(e.DOWNLINE_TRUST_PROXY),
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    secret: e.DOWNLINE_SECRET ?? loadOrCreateSecret(dataDir),
    logLevel: e.LOG_LEVEL,
    webDir: path.resolve(e.DOWNLINE_WEB_DIR ?? 'dist/web'),
    signInRateLimit: { max: e.DOWNLINE_SIGN_IN_LIMIT, windowMs: 60_000 },
    setupToken: e.DOWNLINE_SETUP_TOKEN ?? null,
  };
}

function parseTrustProxy(value: string | undefined): Config['trustProxy'] {
  if (!value || value === 'false') return false;
  if (value === 'true') return 1; // one proxy in front, e.g. nginx or Caddy on the same machine
  if (/^\d+$/.test(value)) return Number(value) || false;
  return value.split(',').map((a) => a.trim());
}

/** Without DOWNLINE_SECRET, a random secret is created once and kept in the data directory. */
function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length < 32)
      throw new ConfigError(`${file} holds no usable secret: delete it to create a new one.`);
    return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
