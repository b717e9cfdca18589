import { defineConfig } from '@playwright/test';

/**
 * Electron end-to-end tier, run through `npm run test:electron` (scripts/electron-e2e.mjs),
 * which finds the installed Electron binary and skips the tier when there is none.
 */
export default defineConfig({
  testDir: 'tests/electron',
  outputDir: 'test-results/electron',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/electron-results.json' }]],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
