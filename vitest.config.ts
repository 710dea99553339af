// Test projects. `npm test` (scripts/test.mjs) runs unit + api-pglite, then api-postgres, then the
// browser tests, and sums them up. Single projects: `npx vitest run --project api-pglite`.
import { defineConfig } from 'vitest/config';

const apiTests = ['src/server/**/*.test.ts', 'src/db/**/*.test.ts'];

export default defineConfig({
  test: {
    // CI machines have 2 cores; every API test file holds its own database.
    pool: 'forks',
    maxWorkers: 2,
    // Password hashing (argon2id, 19 MiB) is slow on purpose; starting databases takes a moment.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/core/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'api-pglite',
          // The server-process test runs on the embedded database only: it is about its data directory.
          include: [...apiTests, 'tests/integration/**/*.test.ts'],
          environment: 'node',
          env: { DOWNLINE_TEST_DB: 'pglite' },
          globalSetup: ['tests/support/pglite-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'api-postgres',
          include: apiTests,
          environment: 'node',
          env: { DOWNLINE_TEST_DB: 'postgres' },
          globalSetup: ['tests/support/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
