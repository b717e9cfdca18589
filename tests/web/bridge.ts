import './env';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Page } from '@playwright/test';
import { eventChannel } from '../../src/shared/contract';
import { createCore, type Core, type CoreDeps } from '../../src/main/core';
import { isTrustedSender, registerIpc, senderFacts } from '../../src/main/ipc/register';
import { createMemoryLogger } from '../../src/main/platform/log';
import { createTestSecretBox } from '../../src/main/platform/secret-box';
import { resolveAppRequest, responseHeaders } from '../../src/main/window/protocol';

/**
 * The web test bridge: the built renderer in Chromium, with `window.api` made by the real
 * built preload and answered by the real main-process core (same handler table, same sender
 * check, same validation) running in the Playwright worker. Only Electron itself is faked:
 * `contextBridge`, `ipcRenderer` and the IPC transport.
 */

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = path.join(REPO_ROOT, 'out/renderer');
export const PRELOAD_FILE = path.join(REPO_ROOT, 'out/preload/index.cjs');

const BINDING = '__doormanIpc';
const EMIT = '__doormanIpcEmit';
/** Stand-in WebContents ids: our page, and anything else (popups) that might call. */
const OUR_WEB_CONTENTS_ID = 1;
const FOREIGN_WEB_CONTENTS_ID = 2;

// ---------------------------------------------------------------------------------------
// Static server for out/renderer, with the same path resolution and headers (CSP) as the
// app:// protocol handler in main.

export interface RendererServer {
  /** e.g. `http://127.0.0.1:41234`: the only origin the bridge trusts. */
  origin: string;
  close(): Promise<void>;
}

export async function startRendererServer(root = RENDERER_DIR): Promise<RendererServer> {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${path.relative(REPO_ROOT, root)} is not built: run \`npm run build\` first.`);
  }
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    // Reuse main's resolver: the browser tier then also exercises its traversal checks.
    const file = resolveAppRequest(`app://doorman${request.url ?? '/'}`, root);
    if (!file) {
      response.writeHead(404).end('Not found');
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404).end('Not found');
        return;
      }
      response.writeHead(200, { ...responseHeaders(file), 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------
// The page side: the real preload, evaluated with a fake `require('electron')`.

/**
 * Script run in every frame before the page's own scripts. It mirrors what a sandboxed
 * preload sees: `require('electron')` gives `contextBridge` and `ipcRenderer`, nothing else.
 * `ipcRenderer` events hand listeners a fake IpcRendererEvent first, so a preload that
 * leaked it to the page would be caught. Exposed values are frozen, as contextBridge copies.
 */
export function bridgeInitScript(preloadSource: string): string {
  return `(() => {
  const binding = window[${JSON.stringify(BINDING)}];
  if (typeof binding !== 'function') throw new Error('Doorman test bridge: binding missing');
  try { delete window[${JSON.stringify(BINDING)}]; } catch {}
  const listeners = new Map();
  const ipcRenderer = {
    // Answers arrive as JSON text (see the binding in createBridge).
    invoke: (channel, ...args) =>
      binding(channel, args).then((text) => (text === undefined ? undefined : JSON.parse(text))),
    on(channel, listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  const deepFreeze = (value) => {
    if (value && (typeof value === 'object' || typeof value === 'function') && !Object.isFrozen(value)) {
      Object.freeze(value);
      for (const key of Object.keys(value)) deepFreeze(value[key]);
    }
    return value;
  };
  const contextBridge = {
    exposeInMainWorld(key, value) {
      Object.defineProperty(window, key, { value: deepFreeze(value), enumerable: true });
    },
  };
  Object.defineProperty(window, ${JSON.stringify(EMIT)}, {
    value: (channel, payload) => {
      const fakeEvent = { sender: { id: 1 }, senderFrame: null, ports: [] };
      for (const listener of [...(listeners.get(channel) ?? [])]) listener(fakeEvent, payload);
    },
  });
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error('A sandboxed preload can only require electron, not ' + name);
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${preloadSource}
  })(require, module, module.exports);
})();`;
}

// ---------------------------------------------------------------------------------------
// The main side.

export type TrafficEntry =
  /** What the page sent: channel and the raw argument list given to `ipcRenderer.invoke`. */
  | { kind: 'request'; channel: string; args: unknown[]; trusted: boolean }
  /** What main answered (a Result). */
  | { kind: 'answer'; channel: string; result: unknown }
  /** A request main refused to handle at all (no handler for that channel). */
  | { kind: 'rejected'; channel: string; reason: string }
  /** An event main pushed to the page. */
  | { kind: 'event'; channel: string; payload: unknown };

export interface BridgeOptions {
  /** Defaults to `createTestSecretBox()` (OS-protected, backend 'test'). */
  secretBox?: CoreDeps['secretBox'];
  clock?: CoreDeps['clock'];
  /** Behind the loopback-only guard either way. */
  fetch?: CoreDeps['fetch'];
  /** Anything else for `createCore`, applied last (new deps features add to CoreDeps). */
  coreDeps?: Partial<CoreDeps>;
  /** Use this data directory instead of a fresh temp dir (it is then not deleted). */
  dataDir?: string;
}

export interface Bridge {
  readonly page: Page;
  /** Origin of the static server; the only one the bridge trusts. */
  readonly origin: string;
  /** The temp directory the core keeps its files in (kept across `restart`). */
  readonly dataDir: string;
  /** The core currently answering (a new one after each `restart`). */
  readonly core: Core;
  /** Every request, answer, refusal and event since the fixture started, across restarts. */
  readonly traffic: TrafficEntry[];
  /** Main's log lines (memory logger, already redacted), across restarts. */
  readonly logLines: string[];
  /** URLs main was asked to open in the browser. */
  readonly openedExternal: string[];
  /** Calls main made to register/remove the login item. */
  readonly loginItemCalls: { enabled: boolean; startHidden: boolean }[];
  /** Uncaught errors in the page. */
  readonly pageErrors: string[];
  /** What the page's Content-Security-Policy refused (Chromium reports it on the console). */
  readonly cspViolations: string[];
  /** URLs main tried to fetch off loopback: refused as a network failure, listed here. */
  readonly blockedFetches: string[];
  /** Navigates to the app and waits until `window.api` is there and the app has rendered. */
  open(): Promise<void>;
  /**
   * Stops the core, starts a new one on the same data dir (as quitting and starting the app
   * would) and reloads the page unless `reload: false`.
   */
  restart(options?: { reload?: boolean }): Promise<void>;
  /** All traffic as one JSON string, for "this secret never crossed the bridge" checks. */
  trafficText(): string;
  /** Every file under the data dir, concatenated, for "never on disk in plain text" checks. */
  dataDirText(): Promise<string>;
  dispose(): Promise<void>;
}

function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fsp.readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export async function createBridge(
  page: Page,
  server: RendererServer,
  options: BridgeOptions = {},
): Promise<Bridge> {
  if (!fs.existsSync(PRELOAD_FILE)) {
    throw new Error('out/preload/index.cjs is not built: run `npm run build` first.');
  }
  const preloadSource = await fsp.readFile(PRELOAD_FILE, 'utf8');
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await fsp.mkdtemp(path.join(os.tmpdir(), 'doorman-web-')));
  const log = createMemoryLogger();
  const traffic: TrafficEntry[] = [];
  const openedExternal: string[] = [];
  const loginItemCalls: { enabled: boolean; startHidden: boolean }[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  const blockedFetches: string[] = [];
  // The tests use no network but 127.0.0.1: anything else fails as if offline.
  const loopbackFetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
      blockedFetches.push(url.origin);
      return Promise.reject(new TypeError('fetch failed (network blocked in tests)'));
    }
    return (options.fetch ?? globalThis.fetch)(input, init);
  };
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });

  // A stand-in for ipcMain: registerIpc fills it exactly as in the app.
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  const fakeIpcMain: Pick<IpcMain, 'handle' | 'removeHandler'> = {
    handle: (channel, listener) => {
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      handlers.delete(channel);
    },
  };

  let core: Core;
  let unregister: () => void = () => undefined;
  let unsubscribe: () => void = () => undefined;

  const startCore = async () => {
    core = createCore({
      dataDir,
      info: { name: 'Doorman', version: packageVersion(), platform: 'linux', isDevelopment: false },
      secretBox: options.secretBox ?? createTestSecretBox(),
      fetch: loopbackFetch,
      clock: options.clock ?? (() => new Date()),
      log,
      openExternal: async (url) => {
        openedExternal.push(url);
      },
      loginItems: {
        apply: (enabled, startHidden) => {
          loginItemCalls.push({ enabled, startHidden });
        },
      },
      ...options.coreDeps,
    });
    unregister = registerIpc(fakeIpcMain, core.dispatch, (facts) =>
      isTrustedSender(facts, { webContentsId: OUR_WEB_CONTENTS_ID, origins: [server.origin] }),
    );
    unsubscribe = core.events.subscribe((event, payload) => {
      const channel = eventChannel(event);
      traffic.push({ kind: 'event', channel, payload });
      void page
        .evaluate(
          ([name, c, p]) => {
            const emit = (globalThis as unknown as Record<string, unknown>)[name];
            if (typeof emit === 'function') emit(c, p);
          },
          [EMIT, channel, payload] as const,
        )
        .catch(() => undefined); // the page may be navigating; Electron drops those too
    });
    await core.start();
  };

  const stopCore = async () => {
    unsubscribe();
    unregister();
    await core.stop();
  };

  await page.exposeBinding(BINDING, async (source, rawChannel: unknown, rawArgs: unknown) => {
    const channel = String(rawChannel);
    const args = Array.isArray(rawArgs) ? rawArgs : [rawArgs];
    // The facts Electron would give main about this sender.
    const frameUrl = source.frame.url();
    const isMain = source.frame === page.mainFrame();
    const senderFrame = { url: frameUrl };
    const event = {
      sender: {
        id: source.page === page ? OUR_WEB_CONTENTS_ID : FOREIGN_WEB_CONTENTS_ID,
        mainFrame: isMain ? senderFrame : { url: page.mainFrame().url() },
      },
      senderFrame,
    } as unknown as IpcMainInvokeEvent;
    const trusted = isTrustedSender(senderFacts(event), {
      webContentsId: OUR_WEB_CONTENTS_ID,
      origins: [server.origin],
    });
    traffic.push({ kind: 'request', channel, args, trusted });
    const handler = handlers.get(channel);
    if (!handler) {
      // What Electron's ipcMain does for a channel nobody registered.
      const reason = `No handler registered for '${channel}'`;
      traffic.push({ kind: 'rejected', channel, reason });
      throw new Error(reason);
    }
    const result = await handler(event, ...args);
    traffic.push({ kind: 'answer', channel, result });
    // As JSON text: Playwright's own value serialiser walks an answer value by value (about
    // 20 ms for a list of 200 sessions, where Electron's structured clone takes well under
    // one), which would make the app look slower here than it is. Every answer is plain
    // data the dispatcher has just validated against its schema, so JSON carries it whole.
    return JSON.stringify(result);
  });
  await page.addInitScript({ content: bridgeInitScript(preloadSource) });
  await startCore();

  const waitForApp = async () => {
    await page.waitForFunction(() => {
      const g = globalThis as unknown as {
        api?: unknown;
        document: { querySelector(s: string): { childElementCount: number } | null };
      };
      return (
        typeof g.api === 'object' && (g.document.querySelector('#root')?.childElementCount ?? 0) > 0
      );
    });
  };

  return {
    page,
    origin: server.origin,
    dataDir,
    get core() {
      return core;
    },
    traffic,
    logLines: log.lines,
    openedExternal,
    loginItemCalls,
    pageErrors,
    cspViolations,
    blockedFetches,
    async open() {
      await page.goto(`${server.origin}/index.html`);
      await waitForApp();
    },
    async restart({ reload = true } = {}) {
      await stopCore();
      await startCore();
      if (reload) {
        await page.reload();
        await waitForApp();
      }
    },
    trafficText: () => JSON.stringify(traffic),
    async dataDirText() {
      const files = await filesUnder(dataDir);
      const parts = await Promise.all(files.map((file) => fsp.readFile(file, 'utf8')));
      return parts.join('\n');
    },
    async dispose() {
      await stopCore();
      if (ownsDataDir) await fsp.rm(dataDir, { recursive: true, force: true });
    },
  };
}
