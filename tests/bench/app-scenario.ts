import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import type { Core } from '../../src/main/core';
import { createTestCore } from '../test-core';
import { createMemoryLogger } from '../../src/main/platform/log';
import { contract } from '../../src/shared/contract';
import {
  REPO_ROOT,
  createBridge,
  startRendererServer,
  type Bridge,
  type RendererServer,
} from '../web/bridge';
import type { ReadyCondition } from './browser';
import { NotMeasured } from './lib';

/**
 * Doorman with one connected account holding `sessionCount` management sessions: a fake
 * gateway seeded with them, and a data dir the real core has filled by talking to it (key
 * saved, account listed, sessions refreshed). Each `openPage` is a fresh browser context
 * and a fresh core on that data dir, as a restart of the app would be.
 */
export interface AppScenario {
  sessionCount: number;
  accountId: string;
  /** The start screen (overview) interactive, listing the sessions: the cold-start end point. */
  readyCondition: ReadyCondition;
  /** The Sessions screen with its list and search box, reached through the navigation. */
  sessionsReadyCondition: ReadyCondition;
  openPage(
    browser: Browser,
    options?: { probe?: string; beforeNavigate?: (page: Page) => Promise<void> },
  ): Promise<OpenedApp>;
  close(): Promise<void>;
}

export interface OpenedApp {
  page: Page;
  /** Everything that crossed the bridge (see tests/web/bridge.ts). */
  traffic: Bridge['traffic'];
  close(): Promise<void>;
}

/** Selectors of the sessions screen; one place to change if its markup does. */
export const SESSION_LIST_SELECTOR = '[data-testid="session-list"]';
export const SESSION_ROW_SELECTOR = `${SESSION_LIST_SELECTOR} [role="option"]`;
export const SESSION_SEARCH_SELECTOR = 'input[type="search"]';
/** The start screen's list of who can get in: one button per active management session. */
export const OVERVIEW_ROW_SELECTOR =
  '[data-testid="overview-access"] [data-testid="access-row"] button';
/**
 * The app opens on the overview, which shows the account; the probe then goes to Sessions
 * through the nav at once.
 */
const BENCH_USERNAME = 'benchcreator';
export const SESSIONS_NAV = { selector: 'nav button', text: 'Sessions', whenText: BENCH_USERNAME };

const FAKE_GATEWAY_MODULE = path.join(REPO_ROOT, 'tests/fake-gateway/server.ts');
const SESSIONS_FEATURE_DIR = path.join(REPO_ROOT, 'src/renderer/features/sessions');

interface FakeGatewayLike {
  url: string;
  apiKey: string;
  state: {
    addUser(user: { username: string; password: string }): object;
    connect(user: object, name: string, countryCode: string): { accountId: string };
    createManagementSession(user: object, label: string, permissions: string[]): unknown;
  };
  close(): Promise<void>;
}

export function requireFeatures(needs: { channels?: string[]; sessionsUi?: boolean }): void {
  for (const channel of needs.channels ?? []) {
    if (!Object.hasOwn(contract, channel))
      throw new NotMeasured(`channel ${channel} does not exist yet`);
  }
  if (needs.sessionsUi && !fs.existsSync(SESSIONS_FEATURE_DIR)) {
    throw new NotMeasured('the sessions screen (src/renderer/features/sessions) is not built yet');
  }
  if (!fs.existsSync(FAKE_GATEWAY_MODULE)) throw new NotMeasured('no fake gateway yet');
}

export async function startFakeGateway(options: Record<string, unknown>): Promise<FakeGatewayLike> {
  const module = (await import(pathToFileURL(FAKE_GATEWAY_MODULE).href)) as {
    startFakeGateway?: (options: Record<string, unknown>) => Promise<FakeGatewayLike>;
  };
  if (typeof module.startFakeGateway !== 'function') {
    throw new NotMeasured('tests/fake-gateway/server.ts has no startFakeGateway()');
  }
  return module.startFakeGateway(options);
}

export function createBenchCore(dataDir: string): Core & { logLines: string[] } {
  const log = createMemoryLogger();
  const core = createTestCore(dataDir, { log });
  return Object.assign(core, { logLines: log.lines });
}

/** Calls a channel through the real dispatcher; a refusal is a broken scenario. */
export async function call(core: Core, channel: string, input?: unknown): Promise<unknown> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) {
    throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}`);
  }
  return result.data;
}

const PERMISSION_SETS = [
  ['posts'],
  ['posts', 'messages'],
  ['statistics'],
  ['messages', 'massMessages', 'mediaVault'],
];

export async function createAppScenario(sessionCount: number): Promise<AppScenario> {
  requireFeatures({
    channels: ['vault:setKey', 'accounts:refresh', 'sessions:refresh'],
    sessionsUi: true,
  });
  const gateway = await startFakeGateway({ seed: 'empty', rateLimitPerMinute: null });
  const user = gateway.state.addUser({ username: BENCH_USERNAME, password: 'bench-password' });
  const connection = gateway.state.connect(user, 'Bench creator', 'US');
  for (let i = 0; i < sessionCount; i++) {
    gateway.state.createManagementSession(
      user,
      `Manager ${String(i).padStart(5, '0')} ${['Agency', 'Editor', 'Chat', 'Stats'][i % 4]}`,
      PERMISSION_SETS[i % PERMISSION_SETS.length]!,
    );
  }
  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'doorman-bench-'));
  const seeding = createBenchCore(dataDir);
  try {
    await call(seeding, 'settings:set', { gatewayBaseUrl: gateway.url });
    await call(seeding, 'vault:setKey', { apiKey: gateway.apiKey });
    await call(seeding, 'accounts:refresh');
    await call(seeding, 'sessions:refresh', { accountId: connection.accountId });
  } finally {
    await seeding.stop();
  }

  let server: RendererServer | null = await startRendererServer();
  return {
    sessionCount,
    accountId: connection.accountId,
    readyCondition: {
      all: [{ selector: OVERVIEW_ROW_SELECTOR, min: Math.min(sessionCount, 5) }],
    },
    sessionsReadyCondition: {
      clickFirst: SESSIONS_NAV,
      all: [
        { selector: SESSION_ROW_SELECTOR, min: Math.min(sessionCount, 5) },
        { selector: `${SESSION_SEARCH_SELECTOR}:not([disabled])`, min: 1 },
      ],
    },
    async openPage(browser, options = {}) {
      const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
      const page = await context.newPage();
      const bridge = await createBridge(page, server!, { dataDir, fetch: globalThis.fetch });
      if (options.probe) await page.addInitScript({ content: options.probe });
      // A diagnostic hook (e.g. start a CPU profile); the benchmarks themselves do not use it.
      await options.beforeNavigate?.(page);
      await page.goto(`${server!.origin}/index.html`, { waitUntil: 'commit' });
      return {
        page,
        traffic: bridge.traffic,
        async close() {
          await context.close();
          await bridge.dispose();
        },
      };
    },
    async close() {
      await server?.close();
      server = null;
      await gateway.close();
      await fsp.rm(dataDir, { recursive: true, force: true });
    },
  };
}
