import fs from 'node:fs/promises';
import path from 'node:path';
import { DoormanError } from '../../shared/errors';
import type { LoginItems } from '../services/settings';

/** Characters the Exec key reserves: an argument holding one is quoted. */
const EXEC_RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * The program path as one argument of a desktop entry's Exec key (Desktop Entry spec,
 * "The Exec key"): quoted when needed, with `"`, `` ` ``, `$` and `\` escaped inside the
 * quotes, then escaped again as the key's string value (so each of those backslashes is
 * doubled), and `%` written `%%` (field codes). A control character (a line break in a
 * folder name) could end the line and add keys of its own: refused.
 */
export function desktopExecArgument(execPath: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(execPath)) {
    throw new DoormanError(
      'internal',
      'The folder Doorman is in has a line break or another control character in its name, so launch at login cannot be set up safely. Move Doorman to another folder.',
    );
  }
  const percent = execPath.replace(/%/g, '%%');
  if (!EXEC_RESERVED.test(percent)) return percent;
  const quoted = `"${percent.replace(/(["`$\\])/g, '\\$1')}"`;
  return quoted.replace(/\\/g, '\\\\');
}

/** The freedesktop autostart entry for Linux (XDG Autostart spec). */
export function linuxAutostartEntry(execPath: string, startHidden: boolean): string {
  const quoted = desktopExecArgument(execPath);
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
