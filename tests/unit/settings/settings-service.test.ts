import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../src/main/platform/events';
import { StorageNoticeLog } from '../../../src/main/platform/json-store';
import { SettingsService, type LoginItems } from '../../../src/main/services/settings';
import { DEFAULT_SETTINGS, type StateTopic } from '../../../src/shared/contract';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function setUp(dataDir?: string, loginItems?: LoginItems) {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-settings-'));
  if (!dataDir) dirs.push(dir);
  const events = new EventBus();
  const topics: StateTopic[][] = [];
  events.subscribe((event, payload) => {
    if (event === 'stateChanged') topics.push((payload as { topics: StateTopic[] }).topics);
  });
  const applied: [boolean, boolean][] = [];
  const notices = new StorageNoticeLog();
  const settings = new SettingsService(
    { dataDir: dir, notices },
    events,
    loginItems ?? { apply: (enabled, hidden) => void applied.push([enabled, hidden]) },
  );
  return { dir, settings, topics, applied, notices };
}

describe('settings', () => {
  it('start from the defaults: follow the OS for language and theme, not at login', () => {
    const { settings } = setUp();
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(settings.get()).toMatchObject({
      language: 'system',
      theme: 'system',
      launchAtLogin: false,
      startHidden: false,
    });
  });

  it('keep a change across a restart of Doorman', async () => {
    const { dir, settings } = setUp();
    await settings.set({ language: 'ru', theme: 'dark', gatewayBaseUrl: 'http://127.0.0.1:4477/' });
    const afterRestart = setUp(dir).settings;
    expect(afterRestart.get()).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'ru',
      theme: 'dark',
      gatewayBaseUrl: 'http://127.0.0.1:4477',
    });
  });

  it('tell the window and other services what changed', async () => {
    const { settings, topics } = setUp();
    const seen: [string, string][] = [];
    const stop = settings.onChange((next, previous) => seen.push([previous.theme, next.theme]));
    await settings.set({ theme: 'dark' });
    stop();
    await settings.set({ theme: 'light' });
    expect(seen).toEqual([['system', 'dark']]);
    expect(topics).toEqual([['settings'], ['settings']]);
  });

  it('register the login item only when launch-at-login or start-hidden change', async () => {
    const { settings, applied } = setUp();
    await settings.set({ theme: 'dark' });
    await settings.set({ launchAtLogin: true });
    await settings.set({ launchAtLogin: true });
    await settings.set({ startHidden: true });
    await settings.set({ launchAtLogin: false });
    expect(applied).toEqual([
      [true, false],
      [true, true],
      [false, true],
    ]);
  });

  it('are not saved when the login item could not be registered', async () => {
    const { dir, settings } = setUp(undefined, {
      apply: () => {
        throw new Error('autostart folder is read-only');
      },
    });
    await expect(settings.set({ launchAtLogin: true })).rejects.toThrow('read-only');
    expect(settings.get().launchAtLogin).toBe(false);
    expect(setUp(dir).settings.get().launchAtLogin).toBe(false);
  });

  it('keep a change made while the login item of an earlier one is being registered', async () => {
    let registered!: () => void;
    const { settings } = setUp(undefined, {
      apply: () => new Promise<void>((resolve) => (registered = resolve)),
    });
    const first = settings.set({ launchAtLogin: true });
    const second = settings.set({ refreshIntervalMinutes: 60, notifyNewLogin: false });
    await vi.waitFor(() => expect(registered).toBeTypeOf('function'));
    registered();
    await Promise.all([first, second]);
    expect(settings.get()).toMatchObject({
      launchAtLogin: true,
      refreshIntervalMinutes: 60,
      notifyNewLogin: false,
    });
    // A change that fails does not hold up the ones after it.
    const failing = setUp(undefined, {
      apply: () => Promise.reject(new Error('autostart folder is read-only')),
    }).settings;
    const refused = failing.set({ launchAtLogin: true });
    await expect(refused).rejects.toThrow('read-only');
    await expect(failing.set({ theme: 'dark' })).resolves.toMatchObject({ theme: 'dark' });
  });

  it('refuse a gateway address that is not https (loopback http aside)', async () => {
    const { settings } = setUp();
    await expect(settings.set({ gatewayBaseUrl: 'http://gateway.example.com' })).rejects.toThrow();
    await expect(settings.set({ gatewayBaseUrl: 'https://u:p@gw.example.com' })).rejects.toThrow();
    expect(settings.get().gatewayBaseUrl).toBe(DEFAULT_SETTINGS.gatewayBaseUrl);
  });

  it('fall back field by field when the file holds a damaged value', () => {
    const { dir } = setUp();
    fs.writeFileSync(
      path.join(dir, 'settings.json'),
      JSON.stringify({
        schemaVersion: 1,
        data: { ...DEFAULT_SETTINGS, language: 'ru', theme: 'purple', gatewayBaseUrl: 'ftp://x' },
      }),
    );
    const { settings, notices } = setUp(dir);
    expect(settings.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'ru' });
    expect(notices.list()).toEqual([]);
  });

  it('set a file that is not JSON aside and start from defaults, with a notice', () => {
    const { dir } = setUp();
    fs.rmSync(path.join(dir, 'settings.last-good.json'));
    fs.writeFileSync(path.join(dir, 'settings.json'), '{{{');
    const { settings, notices } = setUp(dir);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(notices.list().map((notice) => notice.kind)).toEqual([
      'corruptSetAside',
      'resetToDefaults',
    ]);
    expect(fs.readdirSync(dir).some((name) => name.startsWith('settings.corrupt-'))).toBe(true);
  });
});
