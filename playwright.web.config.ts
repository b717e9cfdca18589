import { defineConfig } from '@playwright/test';
import { requireChromium } from './scripts/find-chromium.mjs';

// Before any worker imports electron-store (through the core): see tests/web/env.ts.
process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent-electron-dist';

/**
 * Web end-to-end tier: the built renderer (`npm run build` first) in a system Chromium,
 * with `window.api` answered by the real core through tests/web/bridge.ts. Playwright never
 * downloads a browser here: it is given one (DOORMAN_CHROMIUM or a well-known install).
 */
export default defineConfig({
  testDir: 'tests/web',
  outputDir: 'test-results/web',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous: CI and dev machines here have 2 cores, and a flaky timeout hides real failures.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/web-results.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'en-US',
    colorScheme: 'light',
    viewport: { width: 1100, height: 760 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: requireChromium(),
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
});
