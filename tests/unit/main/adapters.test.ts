import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, fakeEvent, type FakeElectronOptions } from './fake-electron';
import type { TrayState } from '../../../src/main/tray/menu-model';

const RESOURCES = path.resolve(import.meta.dirname, '../../../resources');

afterEach(() => {
  vi.doUnmock('electron');
});

/** A ready fake Electron, and the adapters loaded afresh against it. */
async function withElectron(options: FakeElectronOptions = {}) {
  const fake = createFakeElectron(options);
  fake.becomeReady();
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  const tray = await import('../../../src/main/tray/electron-tray');
  return {
    fake,
    ...tray,
    /** An ElectronTray on the shipped icons (Linux unless told), ignoring clicks unless told. */
    newTray: (deps: Partial<ConstructorParameters<typeof tray.ElectronTray>[0]> = {}) =>
      new tray.ElectronTray({
        resourcesDir: RESOURCES,
        platform: 'linux',
        onAction: () => undefined,
        onClick: () => undefined,
        ...deps,
      }),
    ...(await import('../../../src/main/platform/notifier-electron')),
    ...(await import('../../../src/main/platform/electron-clipboard')),
    ...(await import('../../../src/main/platform/safe-storage-box')),
  };
}

const ATTENTION: TrayState = {
  language: 'en',
  overall: 'attention',
  sections: [
    [
      {
        kind: 'submenu',
        label: 'Main: 1 active session',
        items: [
          { kind: 'label', label: 'Main: needs attention' },
          { kind: 'separator' },
          { kind: 'action', id: 'revoke:1', label: 'Revoke “Agency”…', enabled: true },
        ],
      },
    ],
    [
      { kind: 'action', id: 'lockdown', label: 'Lockdown…', enabled: false },
      { kind: 'action', id: 'refresh', label: 'Refresh now', enabled: true },
    ],
  ],
};

describe('the Electron tray', () => {
  it.each([
    ['secure', 'linux', 'tray-normal.png'],
    ['unknown', 'win32', 'tray-normal.png'],
    ['attention', 'linux', 'tray-attention.png'],
    ['atRisk', 'win32', 'tray-atRisk.png'],
    ['secure', 'darwin', 'tray-normalTemplate.png'],
    ['atRisk', 'darwin', 'tray-atRiskTemplate.png'],
  ] as const)('shows %s on %s with %s, a file that ships', async (overall, platform, file) => {
    const { trayIconPath } = await withElectron();
    const icon = trayIconPath(RESOURCES, overall, platform);
    expect(icon).toBe(path.join(RESOURCES, 'tray', file));
    expect(fs.existsSync(icon)).toBe(true);
  });

  it('builds the icon, tooltip and menu from the state; a picked item reports its id', async () => {
    const { fake, newTray } = await withElectron();
    const actions: string[] = [];
    const tray = newTray({ onAction: (id) => actions.push(id) });
    tray.render(ATTENTION);

    const [shown] = fake.trays;
    expect(fake.trays).toHaveLength(1);
    expect(shown!.image.path).toBe(path.join(RESOURCES, 'tray', 'tray-attention.png'));
    expect(shown!.image.isTemplateImage()).toBe(false);
    expect(shown!.toolTips).toEqual(['Doorman: Needs attention']);
    const items = shown!.contextMenu!.items;
    expect(items.map((item) => [item.type, item.label, item.enabled])).toEqual([
      ['normal', 'Open Doorman', true],
      ['normal', 'Needs attention', false],
      ['separator', '', true],
      ['submenu', 'Main: 1 active session', true],
      ['separator', '', true],
      ['normal', 'Lockdown…', false],
      ['normal', 'Refresh now', true],
      ['separator', '', true],
      ['normal', 'Quit Doorman', true],
    ]);
    const submenu = items[3]!.submenu!.items;
    expect(submenu.map((item) => [item.type, item.label, item.enabled])).toEqual([
      ['normal', 'Main: needs attention', false],
      ['separator', '', true],
      ['normal', 'Revoke “Agency”…', true],
    ]);

    for (const item of [...items, ...submenu]) item.click();
    // Labels and the disabled "Lockdown…" do nothing.
    expect(actions).toEqual(['open', 'refresh', 'quit', 'revoke:1']);
  });

  it('uses template images on macOS', async () => {
    const { fake, newTray } = await withElectron();
    const tray = newTray({ platform: 'darwin' });
    tray.render(ATTENTION);
    expect(fake.trays[0]!.image.isTemplateImage()).toBe(true);
    expect(fake.trays[0]!.image.path).toBe(
      path.join(RESOURCES, 'tray', 'tray-attentionTemplate.png'),
    );
  });

  it('re-renders the same tray icon in place, and a click on it opens the window', async () => {
    const { fake, newTray } = await withElectron();
    let clicks = 0;
    const tray = newTray({ onClick: () => void (clicks += 1) });
    tray.render({ language: 'en', overall: 'unknown', sections: [] });
    tray.render({ language: 'ru', overall: 'atRisk', sections: [] });

    expect(fake.trays).toHaveLength(1);
    const [shown] = fake.trays;
    expect(shown!.image.path).toBe(path.join(RESOURCES, 'tray', 'tray-atRisk.png'));
    expect(shown!.toolTips.at(-1)).toBe('Doorman: Под угрозой: откройте Doorman');
    expect(shown!.contextMenu!.items[0]!.label).toBe('Открыть Doorman');
    shown!.emit('click', fakeEvent(), {});
    expect(clicks).toBe(1);
  });

  it('destroys the tray icon, and a later render makes a new one', async () => {
    const { fake, newTray } = await withElectron();
    const tray = newTray();
    tray.render(ATTENTION);
    tray.destroy();
    tray.destroy();
    expect(fake.trays[0]!.isDestroyed()).toBe(true);
    tray.render(ATTENTION);
    expect(fake.trays).toHaveLength(2);
    expect(fake.misuse).toEqual([]);
  });
});

describe('Electron notifications', () => {
  it('reports whether the system shows notifications', async () => {
    const supported = await withElectron({ notificationsSupported: true });
    expect(supported.createElectronNotifier().isSupported()).toBe(true);
    const unsupported = await withElectron({ notificationsSupported: false });
    expect(unsupported.createElectronNotifier().isSupported()).toBe(false);
  });

  it('shows the title and body with the app icon; a click calls onClick, closing does not', async () => {
    const { fake, createElectronNotifier } = await withElectron();
    const notifier = createElectronNotifier('/res/icon.png');
    const clicked: string[] = [];
    notifier.show({ title: 'New login', body: 'Berlin', onClick: () => clicked.push('login') });
    notifier.show({ title: 'Review due', body: 'Agency', onClick: () => clicked.push('review') });

    expect(fake.shownNotifications).toEqual([
      { title: 'New login', body: 'Berlin', silent: false, icon: '/res/icon.png' },
      { title: 'Review due', body: 'Agency', silent: false, icon: '/res/icon.png' },
    ]);
    fake.notifications[0]!.deref()!.emit('click', fakeEvent());
    fake.notifications[1]!.deref()!.emit('close', fakeEvent());
    expect(clicked).toEqual(['login']);
  });

  it('keeps each notification alive until it is clicked or closed, then lets it go', async () => {
    const { fake, createElectronNotifier } = await withElectron();
    const notifier = createElectronNotifier();
    notifier.show({ title: 'A', body: 'a' });
    notifier.show({ title: 'B', body: 'b' });
    notifier.show({ title: 'C', body: 'c' });
    const alive = () => fake.notifications.map((ref) => ref.deref() !== undefined);

    await collectGarbage();
    expect(alive()).toEqual([true, true, true]);

    fake.notifications[0]!.deref()!.emit('click', fakeEvent());
    fake.notifications[1]!.deref()!.emit('close', fakeEvent());
    await collectGarbage();
    expect(alive()).toEqual([false, false, true]);
  });
});

/**
 * A full collection once the current job is over (WeakRef targets read in a job stay alive
 * until it ends). `--expose-gc` set at run time hands out `gc` to new contexts.
 */
async function collectGarbage(): Promise<void> {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  for (let round = 0; round < 3; round += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
}

describe('the Electron clipboard', () => {
  it('writes, reads and clears the system clipboard, always as promises', async () => {
    const { fake, createElectronClipboard } = await withElectron();
    const board = createElectronClipboard();
    await board.writeText('https://fansly.com/claim/abc');
    expect(fake.clipboardState.text).toBe('https://fansly.com/claim/abc');
    fake.clipboardState.text = 'copied elsewhere';
    expect(await board.readText()).toBe('copied elsewhere');
    const cleared = board.clear();
    expect(cleared).toBeInstanceOf(Promise);
    await cleared;
    expect(fake.clipboardState.text).toBe('');
  });
});

describe('safeStorage as the secret box', () => {
  it.each([
    ['darwin', 'keychain', true],
    ['win32', 'dpapi', true],
    ['linux', 'kwallet6', true],
    ['freebsd', 'unknown', false],
  ] as const)('on %s the backend is %s (OS-protected: %s)', async (platform, backend, safe) => {
    const { fake, createSafeStorageBox } = await withElectron({ storageBackend: 'kwallet6' });
    const box = createSafeStorageBox(platform);
    expect(box.backend()).toBe(backend);
    expect(box.isOsProtected()).toBe(safe);
    // Only Linux has a choice of backends to ask about.
    expect(fake.backendAsked.length > 0).toBe(platform === 'linux');
  });

  it.each(['basic_text', 'unknown'] as const)(
    'on Linux with %s the key is not protected by the OS',
    async (storageBackend) => {
      const { createSafeStorageBox } = await withElectron({ storageBackend });
      const box = createSafeStorageBox('linux');
      expect(box.backend()).toBe(storageBackend);
      expect(box.isOsProtected()).toBe(false);
    },
  );

  it('encrypts through safeStorage and decrypts back to the plain string', async () => {
    const { createSafeStorageBox } = await withElectron();
    const box = createSafeStorageBox('linux');
    const cipher = await box.encrypt('sk_live_1234567890');
    expect(cipher.toString('utf8')).not.toContain('sk_live_1234567890');
    expect(await box.decrypt(cipher)).toBe('sk_live_1234567890');
  });

  it('reports whether encryption is available right now', async () => {
    const available = await withElectron({ encryptionAvailable: true });
    expect(await available.createSafeStorageBox('darwin').isAvailable()).toBe(true);
    const unavailable = await withElectron({ encryptionAvailable: false });
    expect(await unavailable.createSafeStorageBox('darwin').isAvailable()).toBe(false);
  });
});
