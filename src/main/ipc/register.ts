import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { Dispatch } from './dispatcher';

export interface SenderFacts {
  /** The WebContents id that sent the request. */
  webContentsId: number;
  /** True when the request came from the page's main frame, not an iframe. */
  isMainFrame: boolean;
  /** URL of the sending frame. */
  frameUrl: string;
}

/**
 * Only our own window's main frame, showing our own origin, may call main. Checked before
 * any parsing (as VS Code's ipcMain wrapper does), so a compromised iframe or a navigated
 * page learns nothing.
 */
export function isTrustedSender(
  facts: SenderFacts,
  trusted: { webContentsId: number | null; origins: readonly string[] },
): boolean {
  if (trusted.webContentsId === null || facts.webContentsId !== trusted.webContentsId) return false;
  if (!facts.isMainFrame) return false;
  let origin: string;
  try {
    const url = new URL(facts.frameUrl);
    if (url.username || url.password) return false;
    // Node's URL gives custom schemes (our app://doorman) the opaque origin "null", so the
    // origin is rebuilt from scheme and host; http(s) keep the standard origin.
    origin =
      url.protocol === 'file:'
        ? 'file://'
        : url.origin === 'null'
          ? `${url.protocol}//${url.host}`
          : url.origin;
  } catch {
    return false;
  }
  return trusted.origins.includes(origin);
}

export const FORBIDDEN_SENDER: Result<never> = {
  ok: false,
  error: { code: 'forbiddenSender', message: 'This request did not come from Doorman’s window.' },
};

export function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    frameUrl: frame?.url ?? '',
  };
}

/** Registers every contract channel on ipcMain through the dispatcher. Returns an unregister. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  isTrusted: (facts: SenderFacts) => boolean,
): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrusted(senderFacts(event))) return FORBIDDEN_SENDER;
      if (args.length > 1) {
        return {
          ok: false,
          error: { code: 'invalidInput', message: 'Some of the information sent was not valid.' },
        } satisfies Result<never>;
      }
      return dispatch(channel, args[0]);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
