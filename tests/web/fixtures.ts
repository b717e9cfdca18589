import './env';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import {
  REPO_ROOT,
  createBridge,
  startRendererServer,
  type Bridge,
  type BridgeOptions,
  type RendererServer,
} from './bridge';
// Types only: erased at run time; the module itself is imported lazily by `fakeGateway`.
import type { FakeGateway, FakeGatewayOptions } from '../fake-gateway/server';

/**
 * Browser end-to-end fixtures. In a spec:
 *
 *   import { expect, test } from './fixtures';
 *
 *   test('…', async ({ app, bridge }) => { … });           // Doorman open, fresh data dir
 *   test('…', async ({ bridge, page }) => {                  // seed first, then open
 *     await bridge.core.settings.set({ theme: 'dark' });
 *     await bridge.open();
 *   });
 *   test('…', async ({ bridge, fakeGateway }) => {           // with the fake gateway
 *     await bridge.core.settings.set({ gatewayBaseUrl: fakeGateway.url });
 *     await bridge.open();
 *   });
 *   test.use({ bridgeOptions: { secretBox: createTestSecretBox({ osProtected: false, backend: 'basic_text' }) } });
 *   test.use({ fakeGatewayOptions: { seed: 'empty' } });
 *
 * `bridge.restart()` quits and restarts the core on the same data dir and reloads the page;
 * `bridge.traffic` / `bridge.trafficText()` hold every request, answer and event (search them
 * for secrets); `bridge.logLines` main's log; `bridge.dataDirText()` every file on disk;
 * `bridge.openedExternal`, `bridge.loginItemCalls`, `bridge.pageErrors` what else happened.
 */
export interface WebFixtures {
  /** Options for the bridge's core: `test.use({ bridgeOptions: { secretBox: ... } })`. */
  bridgeOptions: BridgeOptions;
  /** The test bridge, core started, page not yet opened (seed state, then `bridge.open()`). */
  bridge: Bridge;
  /** The page with Doorman open (the same page and bridge as `page` and `bridge`). */
  app: Page;
  /** Options passed to `startFakeGateway(...)`. */
  fakeGatewayOptions: FakeGatewayOptions;
  /** Opt-in: a fake gateway on 127.0.0.1, stopped after the test. */
  fakeGateway: FakeGateway;
}

export interface WebWorkerFixtures {
  rendererServer: RendererServer;
}

const FAKE_GATEWAY_MODULE = path.join(REPO_ROOT, 'tests/fake-gateway/server.ts');

export const test = base.extend<WebFixtures, WebWorkerFixtures>({
  rendererServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startRendererServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  bridgeOptions: [{}, { option: true }],

  bridge: async ({ page, rendererServer, bridgeOptions }, use, testInfo) => {
    const bridge = await createBridge(page, rendererServer, bridgeOptions);
    try {
      await use(bridge);
      // The built app's CSP is part of what every test exercises: a refused script, style or
      // connection means the app relies on something the policy forbids.
      expect(bridge.cspViolations, 'Content-Security-Policy violations').toEqual([]);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('bridge-traffic.json', {
          body: JSON.stringify(bridge.traffic, null, 2),
          contentType: 'application/json',
        });
        await testInfo.attach('main-log.txt', {
          body: [...bridge.logLines, ...bridge.pageErrors.map((e) => `pageerror ${e}`)].join('\n'),
          contentType: 'text/plain',
        });
      }
      await bridge.dispose();
    }
  },

  app: async ({ bridge }, use) => {
    await bridge.open();
    await use(bridge.page);
  },

  fakeGatewayOptions: [{}, { option: true }],

  fakeGateway: async ({ fakeGatewayOptions }, use) => {
    if (!fs.existsSync(FAKE_GATEWAY_MODULE)) {
      throw new Error('tests/fake-gateway/server.ts does not exist yet: no fake gateway to start.');
    }
    // Imported lazily so specs that do not use the gateway run before it exists.
    const module = (await import(pathToFileURL(FAKE_GATEWAY_MODULE).href)) as {
      startFakeGateway?: (options?: FakeGatewayOptions) => Promise<FakeGateway>;
    };
    if (typeof module.startFakeGateway !== 'function') {
      throw new Error('tests/fake-gateway/server.ts does not export startFakeGateway().');
    }
    const gateway = await module.startFakeGateway(fakeGatewayOptions);
    try {
      await use(gateway);
    } finally {
      await gateway.close();
    }
  },
});

export { expect };
export type { Bridge, BridgeOptions, TrafficEntry } from './bridge';
export type { FakeGateway, FakeGatewayOptions };
