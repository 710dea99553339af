// End-to-end tests: Debian's Chromium drives the built app, served by the real server on a fresh
// embedded database.
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: '.tmp/e2e-results',
  use: {
    baseURL,
    locale: 'en-US',
    timezoneId: 'Europe/Sofia',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // The foundation spec starts from an empty installation (it signs up the owner), so it runs first;
  // the others build on that owner.
  projects: [
    { name: 'foundation', testMatch: 'foundation.spec.ts' },
    { name: 'features', testIgnore: 'foundation.spec.ts', dependencies: ['foundation'] },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: 'localhost',
      DOWNLINE_DATA_DIR: path.resolve('.tmp/e2e-data'),
      DOWNLINE_SIGN_IN_LIMIT: '100',
      LOG_LEVEL: 'warn',
    },
  },
});
