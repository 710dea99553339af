import { fileURLToPath } from 'node:url';
import type { Config } from '../../src/server/config.ts';
import { testDatabaseKind } from './database.ts';

/** A folder that never exists: the API tests run without the built web app. */
export const NO_WEB_DIR = fileURLToPath(new URL('./no-web-app', import.meta.url));

/** The configuration the API tests run with; each test may override parts. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 3000,
    host: '127.0.0.1',
    baseUrl: null,
    trustedOrigins: [],
    trustProxy: false,
    dataDir: fileURLToPath(new URL('./no-data-dir', import.meta.url)),
    // Informational only: buildApp() gets the database handle itself.
    database:
      testDatabaseKind() === 'postgres'
        ? { kind: 'postgres', url: 'postgres://set-by-the-test-context' }
        : { kind: 'pglite', dataDir: null },
    secret: 'test-secret-that-is-long-enough-0123456789',
    logLevel: 'silent',
    webDir: NO_WEB_DIR,
    // High, so that only the rate-limit test ever meets it.
    signInRateLimit: { max: 10_000, windowMs: 60_000 },
    setupToken: null,
    ...overrides,
  };
}
