import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLoginItems, linuxAutostartEntry } from '../../../src/main/platform/login-items';

const dirs: string[] = [];
function tempConfigHome(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-login-items-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the Linux autostart entry', () => {
  it('is a valid XDG desktop entry that starts Doorman hidden in the tray', () => {
    const entry = linuxAutostartEntry('/opt/Doorman/doorman', true);
    const lines = entry.trimEnd().split('\n');
    expect(lines[0]).toBe('[Desktop Entry]');
    expect(lines).toContain('Type=Application');
    expect(lines).toContain('Name=Doorman');
    expect(lines).toContain('Exec=/opt/Doorman/doorman --hidden');
    expect(lines).toContain('Terminal=false');
    expect(entry.endsWith('\n')).toBe(true);
  });

  it('starts visible when the creator turned start-hidden off', () => {
    expect(linuxAutostartEntry('/usr/bin/doorman', false)).toContain('Exec=/usr/bin/doorman\n');
  });

  it('quotes a path with spaces or quotes so the shell-like Exec parser reads one argument', () => {
    expect(linuxAutostartEntry('/home/me/My Apps/doorman', true)).toContain(
      'Exec="/home/me/My Apps/doorman" --hidden',
    );
    // Escaped for the Exec key, then again as a string value: each backslash is doubled.
    expect(linuxAutostartEntry('/home/me/a"b$c/doorman', false)).toContain(
      'Exec="/home/me/a\\\\"b\\\\$c/doorman"\n',
    );
    expect(linuxAutostartEntry('/home/me/a\\b/doorman', false)).toContain(
      'Exec="/home/me/a\\\\\\\\b/doorman"\n',
    );
    // A literal percent sign is not a field code.
    expect(linuxAutostartEntry('/opt/100%/doorman', false)).toContain('Exec=/opt/100%%/doorman\n');
  });

  it('refuses a path with a line break, which could add keys (a second Exec) to the entry', () => {
    for (const execPath of [
      '/home/me/Downloads/x\nExec=sh -c id>/tmp/pwned\nX=/doorman',
      '/home/me/a\rb/doorman',
    ]) {
      expect(() => linuxAutostartEntry(execPath, true)).toThrow(/control character/);
    }
  });
});

describe('launch at login', () => {
  it('on Linux writes ~/.config/autostart/doorman.desktop, rewrites it, and removes it', async () => {
    const configHome = tempConfigHome();
    const calls: unknown[] = [];
    const items = createLoginItems({
      platform: 'linux',
      execPath: '/opt/Doorman/doorman',
      configHome,
      setLoginItemSettings: (settings) => calls.push(settings),
    });
    const file = path.join(configHome, 'autostart', 'doorman.desktop');

    await items.apply(true, true);
    expect(fs.readFileSync(file, 'utf8')).toBe(linuxAutostartEntry('/opt/Doorman/doorman', true));
    await items.apply(true, false);
    expect(fs.readFileSync(file, 'utf8')).toContain('Exec=/opt/Doorman/doorman\n');
    await items.apply(false, false);
    expect(fs.existsSync(file)).toBe(false);
    // Turning it off twice is harmless.
    await items.apply(false, false);
    expect(calls).toEqual([]);
  });

  it.each(['darwin', 'win32'] as const)('on %s uses the OS login items', async (platform) => {
    const configHome = tempConfigHome();
    const calls: unknown[] = [];
    const items = createLoginItems({
      platform,
      execPath: 'C:\\Doorman\\Doorman.exe',
      configHome,
      setLoginItemSettings: (settings) => calls.push(settings),
    });
    await items.apply(true, true);
    await items.apply(false, false);
    expect(calls).toEqual([
      { openAtLogin: true, openAsHidden: true, args: ['--hidden'] },
      { openAtLogin: false, openAsHidden: false, args: [] },
    ]);
    expect(fs.readdirSync(configHome)).toEqual([]);
  });
});
