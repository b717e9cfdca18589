import { clipboard } from 'electron';
import type { Clipboard } from './clipboard';

/** Electron's clipboard (main process), plain text only. */
export function createElectronClipboard(): Clipboard {
  return {
    writeText: (text) => clipboard.writeText(text),
    readText: () => clipboard.readText(),
    clear: async () => clipboard.clear(),
  };
}
