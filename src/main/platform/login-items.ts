import fs from 'node:fs/promises';
import path from 'node:path';
import type { LoginItems } from '../services/settings';

/** The freedesktop autostart entry for Linux (XDG Autostart spec). */
export function linuxAutostartEntry(execPath: string, startHidden: boolean): string {
  const quoted = /[\s"'\\]/.test(execPath)
    ? `"${execPath.replace(/(["\\`$])/g, '\\$1')}"`
    : execPath;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Doorman',
    'Comment=Who can get into your Fansly account',
    `Exec=${quoted}${startHidden ? ' --hidden' : ''}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * macOS and Windows use the OS login items; Linux gets `~/.config/autostart/doorman.desktop`.
 * Start-at-login always starts hidden in the tray unless the creator turned that off.
 */
export function createLoginItems(deps: {
  platform: NodeJS.Platform;
  execPath: string;
  configHome: string;
  setLoginItemSettings: (settings: {
    openAtLogin: boolean;
    args?: string[];
    openAsHidden?: boolean;
  }) => void;
}): LoginItems {
  return {
    async apply(enabled, startHidden) {
      if (deps.platform === 'linux') {
        const file = path.join(deps.configHome, 'autostart', 'doorman.desktop');
        if (enabled) {
          await fs.mkdir(path.dirname(file), { recursive: true });
          await fs.writeFile(file, linuxAutostartEntry(deps.execPath, startHidden), 'utf8');
        } else {
          await fs.rm(file, { force: true });
        }
        return;
      }
      deps.setLoginItemSettings({
        openAtLogin: enabled,
        openAsHidden: startHidden,
        args: startHidden ? ['--hidden'] : [],
      });
    },
  };
}
