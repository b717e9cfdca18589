import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeElectron,
  fakeEvent,
  type FakeElectron,
  type FakeElectronOptions,
  type FakeMenuItem,
  type FakeWindow,
} from './fake-electron';
import { makeTempDir } from '../notes/temp-dir';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/window/options';
import { FORBIDDEN_SENDER } from '../../../src/main/ipc/register';

const REPO = path.resolve(import.meta.dirname, '../../..');
/** Under vitest, index.ts's `import.meta.dirname + '../renderer'` is src/renderer. */
const RENDERER_ROOT = path.join(REPO, 'src/renderer');
const RESOURCES = path.join(REPO, 'resources');

const booted: { fake: FakeElectron; dir: string }[] = [];

afterEach(async () => {
  for (const { fake, dir } of booted.splice(0)) {
    if (fake.app.isReady() && !fake.calls.includes('app.exited')) fake.app.quit();
    // core.stop() runs unawaited from will-quit: let it finish before its folder goes.
    await settle();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  Reflect.deleteProperty(process, 'resourcesPath');
  vi.unstubAllEnvs();
  vi.doUnmock('electron');
});

const settle = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Loads src/main/index.ts afresh against a new fake Electron, with its profile in a temp
 * folder. The app is not ready yet: `start` makes it so and waits until main() is done.
 */
async function load(
  options: {
    electron?: FakeElectronOptions;
    argv?: string[];
    env?: Record<string, string>;
    profile?: string;
  } = {},
) {
  const dir = makeTempDir('composition');
  const profile = options.profile ?? path.join(dir, 'profile');
  const fake = createFakeElectron({ paths: { home: path.join(dir, 'home') }, ...options.electron });
  booted.push({ fake, dir });
  vi.stubEnv('DOORMAN_USER_DATA', profile);
  // Linux login items write under XDG_CONFIG_HOME: never the real ~/.config.
  vi.stubEnv('XDG_CONFIG_HOME', path.join(dir, 'config'));
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
  for (const [name, value] of Object.entries(options.env ?? {})) vi.stubEnv(name, value);
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  const argv = process.argv;
  process.argv = [...argv, ...(options.argv ?? [])];
  try {
    await import('../../../src/main/index');
  } finally {
    process.argv = argv;
  }
  return { fake, dir, profile };
}

/** Makes the app ready and waits for main() to finish (its last step listens for `activate`). */
async function start(fake: FakeElectron): Promise<FakeWindow> {
  fake.becomeReady();
  await vi.waitFor(() => expect(fake.app.listenerCount('activate')).toBe(1), { timeout: 5_000 });
  const window = fake.windows[0];
  if (!window) throw new Error('main() created no window');
  return window;
}

async function boot(options: Parameters<typeof load>[0] = {}) {
  const loaded = await load(options);
  const window = await start(loaded.fake);
  return { ...loaded, window };
}

/** An IPC request from the window's own main frame, as its renderer would send it. */
function invokeFromWindow(
  fake: FakeElectron,
  window: FakeWindow,
  channel: string,
  input?: unknown,
) {
  const contents = window.webContents;
  return fake.invoke(
    channel,
    contents,
    contents.mainFrame,
    ...(input === undefined ? [] : [input]),
  );
}

function menuItem(fake: FakeElectron, label: string): FakeMenuItem {
  const tray = fake.trays.at(-1);
  const walk = (items: FakeMenuItem[]): FakeMenuItem | undefined => {
    for (const item of items) {
      if (item.label === label) return item;
      const inner = item.submenu && walk(item.submenu.items);
      if (inner) return inner;
    }
    return undefined;
  };
  const found = tray?.contextMenu && walk(tray.contextMenu.items);
  if (!found) throw new Error(`no tray menu item '${label}'`);
  return found;
}

const request = (fake: FakeElectron, url: string) => {
  const handler = fake.protocolHandlers.get('app');
  if (!handler) throw new Error('app:// is not handled');
  return handler(new Request(url));
};

describe('start-up order', () => {
  it('registers app:// as a secure, code-cached standard scheme before the app is ready', async () => {
    const { fake } = await load();
    expect(fake.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          codeCache: true,
          supportFetchAPI: false,
          corsEnabled: false,
        }),
      },
    ]);
    // Nothing that needs a ready app has run yet; main() is waiting for it.
    expect(fake.calls).toContain('app.whenReady');
    expect(fake.protocolHandlers.size).toBe(0);
    expect(fake.windows).toHaveLength(0);

    await start(fake);
    const order = (call: string) => fake.calls.indexOf(call);
    expect(order('protocol.registerSchemesAsPrivileged')).toBeLessThan(order('app.ready'));
    expect(order('app.ready')).toBeLessThan(order('protocol.handle:app'));
  });

  it('keeps its profile in DOORMAN_USER_DATA, set before the app is ready', async () => {
    const { fake, window, profile } = await boot();
    expect(fake.calls.indexOf('app.setPath:userData')).toBeLessThan(
      fake.calls.indexOf('app.ready'),
    );
    expect(fake.app.getPath('userData')).toBe(profile);

    await invokeFromWindow(fake, window, 'settings:set', { theme: 'dark' });
    expect(fs.readdirSync(profile).some((name) => name.startsWith('settings'))).toBe(true);
  });

  it('lets only one instance run: a second one quits before doing anything', async () => {
    const { fake } = await load({ electron: { singleInstanceLock: false } });
    expect(fake.app.quitCount).toBe(1);
    expect(fake.calls).not.toContain('app.whenReady');
    fake.becomeReady();
    await settle();
    expect(fake.windows).toHaveLength(0);
    expect(fake.protocolHandlers.size).toBe(0);
  });

  it('a packaged build started with a debugging switch quits before reading anything', async () => {
    for (const name of ['remote-debugging-port', 'inspect']) {
      const { fake, profile } = await load({ electron: { isPackaged: true, switches: [name] } });
      expect(fake.app.quitCount).toBe(1);
      expect(fake.calls).not.toContain('app.whenReady');
      fake.becomeReady();
      await settle();
      expect(fake.windows).toHaveLength(0);
      expect(fs.existsSync(profile)).toBe(false);
    }
    // While developing, the same switch is allowed.
    const dev = await boot({ electron: { switches: ['remote-debugging-port'] } });
    expect(dev.fake.app.quitCount).toBe(0);
  });

  it('brings the running window forward when a second instance starts', async () => {
    const { fake, window } = await boot();
    window.minimize();
    window.hide();
    fake.app.emit('second-instance', fakeEvent(), [], REPO, {});
    expect(window.isVisible()).toBe(true);
    expect(window.isMinimized()).toBe(false);
    expect(window.focusCount).toBeGreaterThan(0);
  });
});

describe('the app:// protocol', () => {
  it('serves files from the renderer folder with the CSP, the type and no sniffing', async () => {
    const { fake } = await boot();
    for (const url of ['app://doorman/index.html', 'app://doorman/']) {
      const response = await request(fake, url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe(
        fs.readFileSync(path.join(RENDERER_ROOT, 'index.html'), 'utf8'),
      );
    }
  });

  it.each([
    'app://doorman/..%2f..%2fpackage.json',
    'app://doorman/%2e%2e%2f%2e%2e%2fpackage.json',
    'app://other/index.html',
  ])('answers 404 to %s without reading any file', async (url) => {
    const { fake } = await boot();
    const before = fake.fetched.length;
    const response = await request(fake, url);
    expect(response.status).toBe(404);
    expect(fake.fetched).toHaveLength(before);
  });

  // index.ts:75 expects net.fetch to answer a missing file with a non-ok response, but
  // Electron's net.fetch rejects (net::ERR_FILE_NOT_FOUND): the handler throws, Electron logs
  // it and fails the request with ERR_UNEXPECTED instead of the intended 404.
  it('answers 404 for a file missing from the renderer folder', async () => {
    const { fake } = await boot();
    const response = await request(fake, 'app://doorman/assets/missing.js');
    expect(response.status).toBe(404);
  });
});

describe('IPC', () => {
  it('answers the window’s own main frame on app://doorman', async () => {
    const { fake, window } = await boot();
    const answer = await invokeFromWindow(fake, window, 'settings:get');
    expect(answer).toEqual({ ok: true, data: expect.objectContaining({ startHidden: false }) });
  });

  it('refuses another WebContents, an iframe, and a main frame showing another origin', async () => {
    const { fake, window } = await boot();
    const contents = window.webContents;
    const ourPage = { url: 'app://doorman/index.html' };
    const stranger = { id: contents.id + 1, mainFrame: ourPage };
    expect(await fake.invoke('settings:get', stranger, ourPage)).toEqual(FORBIDDEN_SENDER);
    expect(await fake.invoke('settings:get', contents, { ...ourPage })).toEqual(FORBIDDEN_SENDER);
    contents.mainFrame.url = 'https://evil.example/';
    expect(await fake.invoke('settings:get', contents, contents.mainFrame)).toEqual(
      FORBIDDEN_SENDER,
    );
  });
});

describe('events and the window', () => {
  it('forwards core events to the window', async () => {
    const { fake, window } = await boot();
    await invokeFromWindow(fake, window, 'settings:set', { theme: 'dark' });
    expect(window.webContents.sent).toContainEqual([
      'event:stateChanged',
      { topics: ['settings'] },
    ]);
  });

  it('shows the window once it is ready to show', async () => {
    const { window } = await boot();
    expect(window.options.show).toBe(false);
    expect(window.isVisible()).toBe(false);
    window.emit('ready-to-show');
    expect(window.isVisible()).toBe(true);
  });

  it('stays in the tray when started with --hidden', async () => {
    const { window } = await boot({ argv: ['--hidden'] });
    window.emit('ready-to-show');
    expect(window.isVisible()).toBe(false);
  });

  it('stays in the tray when the "start hidden" setting was saved in an earlier run', async () => {
    const first = await boot();
    await invokeFromWindow(first.fake, first.window, 'settings:set', { startHidden: true });
    first.fake.app.quit();
    await settle();

    const { window } = await boot({ profile: first.profile });
    window.emit('ready-to-show');
    expect(window.isVisible()).toBe(false);
  });

  it('hides to the tray when the window is closed', async () => {
    const { fake, window } = await boot();
    window.emit('ready-to-show');
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(window.isVisible()).toBe(false);
    expect(fake.app.quitCount).toBe(0);
  });

  it('keeps running when its last window is gone', async () => {
    const { fake, window } = await boot();
    window.destroy();
    expect(fake.app.quitCount).toBe(0);
  });
});

describe('the tray', () => {
  it('shows a state icon that exists, and speaks the system language from the start', async () => {
    const { fake } = await boot({ electron: { locale: 'ru-RU' } });
    const tray = fake.trays[0]!;
    expect(path.dirname(tray.image.path)).toBe(path.join(RESOURCES, 'tray'));
    expect(tray.image.isEmpty()).toBe(false);
    // Before the checklist is evaluated, and after the core has computed the tray state.
    expect(tray.toolTips[0]).toBe('Doorman: Состояние защиты неизвестно');
    expect(menuItem(fake, 'Открыть Doorman').enabled).toBe(true);
  });

  it('"Open Doorman" and a click on the icon bring the window forward', async () => {
    const { fake, window } = await boot();
    menuItem(fake, 'Open Doorman').click();
    expect(window.isVisible()).toBe(true);
    window.hide();
    fake.trays[0]!.emit('click', fakeEvent(), {});
    expect(window.isVisible()).toBe(true);
  });

  it('"Lockdown…" asks the window for the lockdown screen and brings it forward', async () => {
    const { fake, window } = await boot();
    window.minimize();
    await vi.waitFor(() => menuItem(fake, 'Lockdown…'), { timeout: 5_000 });
    menuItem(fake, 'Lockdown…').click();
    expect(window.webContents.sent).toContainEqual(['event:navigate', { screen: 'lockdown' }]);
    expect(window.isVisible()).toBe(true);
    expect(window.isMinimized()).toBe(false);
  });

  it('"Quit Doorman" quits: the window closes, the tray goes and the core stops', async () => {
    const { fake, window } = await boot();
    window.emit('ready-to-show');
    const tray = fake.trays[0]!;
    expect(fake.clipboardState.reads).toBe(0);

    menuItem(fake, 'Quit Doorman').click();
    expect(window.isDestroyed()).toBe(true);
    expect(tray.isDestroyed()).toBe(true);
    // The process ends only once the core has stopped; its last step takes one-time links
    // off the clipboard.
    expect(fake.calls).not.toContain('app.exited');
    await vi.waitFor(() => expect(fake.calls).toContain('app.exited'));
    expect(fake.clipboardState.reads).toBe(1);
  });

  // core.stop() emits stateChanged (the monitor stops) after quitting has destroyed the
  // window; Electron throws "Object has been destroyed" on a send to it, which would stop
  // core.stop() half-way (one-time links left on the clipboard).
  it('quitting never touches the destroyed window', async () => {
    const { fake } = await boot();
    fake.app.quit();
    await settle();
    expect(fake.misuse).toEqual([]);
  });
});

describe('security guards', () => {
  it('keep the main window on the app, send allowlisted links to the browser, deny permissions', async () => {
    const { fake, window } = await boot();
    const contents = window.webContents;
    const navigate = (url: string) => {
      const event = fakeEvent();
      contents.emit('will-navigate', event, url);
      return event.defaultPrevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('app://doorman/index.html')).toBe(false);

    expect(contents.windowOpenHandler?.({ url: 'https://fansly.com/settings' } as never)).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' } as never)).toEqual({
      action: 'deny',
    });
    await settle();
    expect(fake.openedExternally).toEqual(['https://fansly.com/settings']);

    let granted: boolean | undefined;
    fake.defaultSession.permissionRequestHandler?.(contents, 'notifications', (answer) => {
      granted = answer;
    });
    expect(granted).toBe(false);
    expect(fake.defaultSession.permissionCheckHandler?.()).toBe(false);
  });
});

describe('development and packaged builds', () => {
  it('in development loads the dev server and trusts its origin', async () => {
    const { fake, window } = await boot({
      env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' },
    });
    expect(window.webContents.mainFrame.url).toBe('http://localhost:5173');
    expect(window.options.webPreferences?.devTools).toBe(true);
    const answer = await invokeFromWindow(fake, window, 'settings:get');
    expect(answer).toMatchObject({ ok: true });
  });

  it('packaged, ignores ELECTRON_RENDERER_URL: loads app:// and trusts only it', async () => {
    Reflect.set(process, 'resourcesPath', RESOURCES);
    const { fake, window } = await boot({
      electron: { isPackaged: true },
      env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' },
    });
    expect(window.webContents.mainFrame.url).toBe('app://doorman/index.html');
    expect(window.options.webPreferences?.devTools).toBe(false);
    window.webContents.mainFrame.url = 'http://localhost:5173/';
    expect(await invokeFromWindow(fake, window, 'settings:get')).toEqual(FORBIDDEN_SENDER);
  });
});
