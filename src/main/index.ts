import { app, BrowserWindow, ipcMain, net, protocol, session, shell } from 'electron';
import inspector from 'node:inspector';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore } from './core';
import { registerIpc, isTrustedSender } from './ipc/register';
import { eventChannel } from '../shared/contract';
import { createLogger } from './platform/log';
import { createSafeStorageBox } from './platform/safe-storage-box';
import { createLoginItems } from './platform/login-items';
import { createElectronClipboard } from './platform/electron-clipboard';
import { createElectronNotifier } from './platform/notifier-electron';
import { isAllowedExternalUrl } from './platform/external-links';
import { installSecurityGuards } from './window/guards';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, mainWindowOptions } from './window/options';
import { resolveAppRequest, responseHeaders } from './window/protocol';
import { ElectronTray } from './tray/electron-tray';

// Composition only: lifecycle, single instance, window, tray, services.

const isDevelopment = !app.isPackaged && process.env.NODE_ENV !== 'production';
const devServerUrl = isDevelopment ? process.env.ELECTRON_RENDERER_URL : undefined;
const startHidden = process.argv.includes('--hidden');
/** How long quitting waits for the services to stop. */
const STOP_TIME_LIMIT_MS = 3_000;
const log = createLogger();

if (process.env.DOORMAN_USER_DATA)
  app.setPath('userData', path.resolve(process.env.DOORMAN_USER_DATA));

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    // codeCache: V8 keeps the compiled renderer scripts between starts (it needs `standard`),
    // so a start after the first one skips compiling them.
    privileges: {
      standard: true,
      secure: true,
      supportFetchAPI: false,
      corsEnabled: false,
      codeCache: true,
    },
  },
]);

/**
 * Switches that open a running Doorman to other programs on this computer: Node's inspector
 * (main holds the decrypted API key) and Chromium's remote debugging (the window can create
 * sessions and show their one-time links). Fine while developing; a packaged Doorman started
 * with one quits before it reads the key.
 */
const DEBUGGING_SWITCHES = [
  'inspect',
  'inspect-brk',
  'remote-debugging-port',
  'remote-debugging-pipe',
];

function debuggingRequested(): boolean {
  return (
    inspector.url() !== undefined ||
    DEBUGGING_SWITCHES.some((name) => app.commandLine.hasSwitch(name))
  );
}

if (app.isPackaged && debuggingRequested()) {
  log.warn('Doorman was started with a debugging switch; a packaged build does not run so.');
  app.quit();
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void main();
}

async function main(): Promise<void> {
  let window: BrowserWindow | null = null;
  let quitting = false;
  const rendererRoot = path.join(import.meta.dirname, '../renderer');
  const resourcesDir = app.isPackaged
    ? process.resourcesPath
    : path.join(import.meta.dirname, '../../resources');
  const origins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN];

  const openExternal = async (url: string) => {
    if (isAllowedExternalUrl(url)) await shell.openExternal(url);
  };

  const showWindow = () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  app.on('second-instance', showWindow);
  await app.whenReady();

  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppRequest(request.url, rendererRoot);
    if (!file) return new Response('Not found', { status: 404 });
    // net.fetch rejects for a file that is not there (net::ERR_FILE_NOT_FOUND).
    const response = await net.fetch(pathToFileURL(file).toString()).catch(() => null);
    if (!response?.ok) return new Response('Not found', { status: 404 });
    return new Response(response.body, { status: 200, headers: responseHeaders(file) });
  });

  installSecurityGuards({
    app,
    session: session.defaultSession,
    isAppUrl: (url) => origins.some((origin) => url.startsWith(`${origin}/`)),
    openExternal: (url) => void openExternal(url),
  });

  const core = createCore({
    dataDir: app.getPath('userData'),
    info: {
      name: app.getName(),
      version: app.getVersion(),
      platform: ['darwin', 'win32', 'linux'].includes(process.platform)
        ? (process.platform as 'darwin' | 'win32' | 'linux')
        : 'other',
      isDevelopment,
    },
    secretBox: createSafeStorageBox(process.platform),
    fetch: (input, init) => net.fetch(input as string, init),
    clock: () => new Date(),
    log,
    openExternal,
    // Finishes a staged backup restore: the next process applies it before any store opens.
    // Electron starts the new instance once this one has exited, so the single-instance lock is free.
    relaunch: () => {
      app.relaunch();
      app.quit();
    },
    clipboard: createElectronClipboard(),
    notifier: createElectronNotifier(path.join(resourcesDir, 'icon.png')),
    systemLanguage: () => (app.getLocale().toLowerCase().startsWith('ru') ? 'ru' : 'en'),
    isOnline: () => net.isOnline(),
    loginItems: createLoginItems({
      platform: process.platform,
      execPath: process.execPath,
      configHome: process.env.XDG_CONFIG_HOME ?? path.join(app.getPath('home'), '.config'),
      setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
    }),
  });

  registerIpc(ipcMain, core.dispatch, (facts) =>
    isTrustedSender(facts, { webContentsId: window?.webContents.id ?? null, origins }),
  );
  core.events.subscribe((event, payload) => {
    // Services still announce changes while Doorman quits, after the window is gone.
    if (window && !window.isDestroyed()) window.webContents.send(eventChannel(event), payload);
    // Tray items and notification clicks ask for a screen: the window comes forward for it.
    if (event === 'navigate') showWindow();
  });

  window = new BrowserWindow(
    mainWindowOptions({
      preloadPath: path.join(import.meta.dirname, '../preload/index.cjs'),
      isDevelopment,
    }),
  );
  window.on('close', (event) => {
    // Closing hides to the tray; quitting is explicit (tray menu or the OS).
    if (!quitting) {
      event.preventDefault();
      window?.hide();
    }
  });
  window.on('closed', () => {
    window = null;
  });
  window.once('ready-to-show', () => {
    if (!startHidden && !core.settings.get().startHidden) showWindow();
  });
  await window.loadURL(devServerUrl ?? APP_ENTRY_URL);

  const tray = new ElectronTray({
    resourcesDir,
    platform: process.platform,
    onClick: showWindow,
    onAction: (id) => {
      if (id === 'open') showWindow();
      else if (id === 'quit') app.quit();
      // Lockdown…, Refresh now, Revoke… (which only opens a confirmation in the window).
      else core.trayState.handleAction(id);
    },
  });
  // Until the checklist has been evaluated the tray says "unknown"; then it follows the state.
  tray.render({
    language: app.getLocale().toLowerCase().startsWith('ru') ? 'ru' : 'en',
    overall: 'unknown',
    sections: [],
  });
  core.trayState.onChange((state) => tray.render(state));

  await core.start();

  app.on('before-quit', () => {
    quitting = true;
  });
  let coreStopped = false;
  app.on('will-quit', (event) => {
    tray.destroy();
    if (coreStopped) return;
    // Electron does not wait for async work here: the quit waits until the core has stopped
    // (one-time links cleared from the clipboard, stores written), then goes on. A stop that
    // hangs does not keep Doorman from quitting.
    event.preventDefault();
    const timeLimit = new Promise<void>((resolve) => setTimeout(resolve, STOP_TIME_LIMIT_MS));
    void Promise.race([core.stop(), timeLimit])
      .catch((error: unknown) => log.error('Doorman did not stop cleanly', error))
      .finally(() => {
        coreStopped = true;
        app.quit();
      });
  });
  // Living in the tray: closing every window does not quit.
  app.on('window-all-closed', () => undefined);
  app.on('activate', showWindow);
}
