import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

/**
 * The real app: built main, preload and renderer in the real Electron, with a temporary
 * profile (DOORMAN_USER_DATA) and no network beyond loopback. Started by
 * scripts/electron-e2e.mjs, which hands over the binary it found.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

function electronBinary(): string {
  const named = process.env.DOORMAN_ELECTRON_BINARY;
  if (named && fs.existsSync(named)) return named;
  throw new Error('Run this tier with `npm run test:electron`: it finds the Electron binary.');
}

type PageGlobals = {
  api?: { settings: { get(): Promise<unknown>; set(patch: unknown): Promise<unknown> } };
  require?: unknown;
  process?: unknown;
};

let app: ElectronApplication;
let window: Page;
let profile: string;

test.beforeEach(async () => {
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-electron-'));
  const args = [
    // No network: every host name fails to resolve, and anything else goes to a proxy that
    // is not there. Loopback (a fake gateway) bypasses proxies by default.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    '--proxy-server=127.0.0.1:9',
  ];
  // Chromium refuses to start as root with its sandbox (containers, CI).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  app = await _electron.launch({
    executablePath: electronBinary(),
    args: [...args, path.join(ROOT, 'out/main/index.js')],
    cwd: ROOT,
    env: {
      ...process.env,
      DOORMAN_USER_DATA: profile,
      XDG_CONFIG_HOME: path.join(profile, 'xdg-config'),
      NODE_ENV: 'production',
    },
  });
  window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
});

test.afterEach(async () => {
  await app?.close().catch(() => undefined);
  fs.rmSync(profile, { recursive: true, force: true });
});

test('opens one window showing the app from app://doorman', async () => {
  await expect(window).toHaveTitle('Doorman');
  expect(window.url()).toBe('app://doorman/index.html');
  await expect(window.getByRole('navigation')).toBeVisible();
  expect(app.windows()).toHaveLength(1);
});

test('the window is sandboxed and isolated, with no Node in the page', async () => {
  const preferences = await app.evaluate(({ BrowserWindow }) => {
    // Electron's own record of what the window runs with (undocumented in electron.d.ts).
    const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
      getLastWebPreferences?: () => Record<string, unknown> | null;
    };
    if (typeof contents.getLastWebPreferences !== 'function') {
      throw new Error('webContents.getLastWebPreferences() is gone: check the window another way');
    }
    const prefs = contents.getLastWebPreferences();
    return {
      sandbox: prefs?.sandbox,
      contextIsolation: prefs?.contextIsolation,
      nodeIntegration: prefs?.nodeIntegration,
      webviewTag: prefs?.webviewTag,
      devTools: prefs?.devTools,
    };
  });
  expect(preferences).toEqual({
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webviewTag: false,
    devTools: false,
  });
  const page = await window.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    return { api: typeof g.api, require: typeof g.require, process: typeof g.process };
  });
  expect(page).toEqual({ api: 'object', require: 'undefined', process: 'undefined' });
});

test('the page reaches main through window.api, and main checks what it sends', async () => {
  const answers = await window.evaluate(async () => {
    const api = (globalThis as unknown as PageGlobals).api!;
    return {
      get: await api.settings.get(),
      bad: await api.settings.set({ theme: 'neon' }),
      good: await api.settings.set({ theme: 'dark' }),
    };
  });
  expect(answers.get).toMatchObject({ ok: true, data: { theme: 'system' } });
  expect(answers.bad).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
  expect(answers.good).toMatchObject({ ok: true, data: { theme: 'dark' } });
  // Kept in the temporary profile, not the user's.
  const saved = JSON.parse(fs.readFileSync(path.join(profile, 'settings.json'), 'utf8')) as {
    data: { theme: string };
  };
  expect(saved.data.theme).toBe('dark');
});

test('closing the window hides it to the tray instead of quitting', async () => {
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
  await expect
    .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible()))
    .toBe(false);
  const state = await app.evaluate(({ BrowserWindow }) => ({
    windows: BrowserWindow.getAllWindows().length,
    destroyed: BrowserWindow.getAllWindows()[0]!.isDestroyed(),
  }));
  expect(state).toEqual({ windows: 1, destroyed: false });
});

test('navigation away from the app and window.open are refused', async () => {
  await window.evaluate(() => {
    (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/');
    (globalThis as unknown as { location: { href: string } }).location.href =
      'https://example.com/';
  });
  await window.waitForTimeout(500);
  expect(window.url()).toBe('app://doorman/index.html');
  expect(app.windows()).toHaveLength(1);
});
