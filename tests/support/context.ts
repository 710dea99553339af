// One app over one fresh, migrated database. Every test file builds its own (or several, when it needs
// an empty installation or a different configuration).
import type { FastifyServerOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Database, Db } from '../../src/db/client.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Config } from '../../src/server/config.ts';
import { TestClock } from './clock.ts';
import { testConfig } from './config.ts';
import { openTestDatabase } from './database.ts';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export interface TestContextOptions {
  config?: Partial<Config>;
  clock?: TestClock;
  /** The app's logger options; tests run silent unless they read the log. */
  logger?: FastifyServerOptions['logger'];
}

export interface TestContext {
  app: TestApp;
  database: Database;
  db: Db;
  config: Config;
  clock: TestClock;
  /** Milliseconds spent getting the migrated database (for the curious: PGlite ~0.5 s, PostgreSQL ~0.1 s). */
  databaseMs: number;
  close(): Promise<void>;
}

export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const started = performance.now();
  const database = await openTestDatabase();
  const databaseMs = performance.now() - started;
  const config = testConfig(options.config);
  const clock = options.clock ?? new TestClock();
  try {
    const app = await buildApp({ config, database, clock, logger: options.logger ?? false });
    await app.ready();
    // Closing the app closes the database (see buildApp's onClose hook).
    return { app, database, db: database.db, config, clock, databaseMs, close: () => app.close() };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/**
 * Registers beforeAll/afterAll for a context shared by the tests of the enclosing file or describe block.
 * The returned object is filled in before the first test runs.
 */
export function useTestContext(options: TestContextOptions = {}): TestContext {
  const context = {} as TestContext;
  beforeAll(async () => {
    Object.assign(context, await createTestContext(options));
  });
  afterAll(async () => {
    await context.close?.();
  });
  return context;
}
