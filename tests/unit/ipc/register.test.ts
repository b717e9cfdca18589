import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  isTrustedSender,
  registerIpc,
  senderFacts,
  type SenderFacts,
} from '../../../src/main/ipc/register';
import type { Dispatch } from '../../../src/main/ipc/dispatcher';
import { CHANNELS } from '../../../src/shared/contract';

const ORIGIN = 'app://doorman';
const OUR_ID = 7;

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'> = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener as Listener);
    },
    removeHandler: (channel) => {
      handlers.delete(channel);
    },
  };
  return { ipcMain, handlers };
}

/** An IpcMainInvokeEvent as Electron builds it, for a sender we describe. */
function fakeEvent(options: { id?: number; url?: string; iframe?: boolean; noFrame?: boolean }) {
  const mainFrame = { url: `${ORIGIN}/index.html` };
  const senderFrame = options.noFrame
    ? null
    : options.iframe
      ? { url: options.url ?? `${ORIGIN}/index.html` }
      : Object.assign(mainFrame, options.url ? { url: options.url } : {});
  return {
    sender: { id: options.id ?? OUR_ID, mainFrame },
    senderFrame,
  } as unknown as IpcMainInvokeEvent;
}

function setUp() {
  const { ipcMain, handlers } = fakeIpcMain();
  const calls: [string, unknown][] = [];
  const dispatch: Dispatch = async (channel, input) => {
    calls.push([channel, input]);
    return { ok: true, data: null };
  };
  const unregister = registerIpc(ipcMain, dispatch, (facts) =>
    isTrustedSender(facts, { webContentsId: OUR_ID, origins: [ORIGIN] }),
  );
  const invoke = (channel: string, event: IpcMainInvokeEvent, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  };
  return { handlers, calls, invoke, unregister };
}

describe('registering the contract on ipcMain', () => {
  it('registers exactly the contract channels, and unregisters them all', () => {
    const { handlers, unregister } = setUp();
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('passes a request from our window’s main frame to the dispatcher', async () => {
    const { invoke, calls } = setUp();
    const result = await invoke('settings:set', fakeEvent({}), { theme: 'dark' });
    expect(result).toEqual({ ok: true, data: null });
    expect(calls).toEqual([['settings:set', { theme: 'dark' }]]);
  });

  it.each([
    ['another WebContents', { id: 99 }],
    ['an iframe of our window', { iframe: true }],
    ['our window showing another origin', { url: 'https://evil.example/index.html' }],
    ['a file:// page', { url: 'file:///tmp/evil.html' }],
    ['a frame that is gone', { noFrame: true }],
    ['an unparsable URL', { url: 'not a url' }],
  ])('refuses %s as forbiddenSender before parsing anything', async (_name, sender) => {
    const { invoke, calls } = setUp();
    const result = await invoke('settings:get', fakeEvent(sender), undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbiddenSender' } });
    expect(calls).toEqual([]);
  });

  it('refuses more than one argument as invalidInput', async () => {
    const { invoke, calls } = setUp();
    const result = await invoke('settings:set', fakeEvent({}), { theme: 'dark' }, 'extra');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(calls).toEqual([]);
  });

  it('checks the sender even when the arguments are also wrong', async () => {
    const { invoke } = setUp();
    const result = await invoke('settings:set', fakeEvent({ id: 3 }), 1, 2, 3);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbiddenSender' } });
  });
});

describe('which senders are trusted', () => {
  const facts = (over: Partial<SenderFacts>): SenderFacts => ({
    webContentsId: OUR_ID,
    isMainFrame: true,
    frameUrl: `${ORIGIN}/index.html`,
    ...over,
  });
  const trusted = { webContentsId: OUR_ID, origins: [ORIGIN, 'http://localhost:5173'] };

  // Node's URL gives app://doorman the opaque origin "null": this once refused every request.
  it('trusts our main frame on each allowed origin, custom scheme included', () => {
    expect(isTrustedSender(facts({}), trusted)).toBe(true);
    expect(isTrustedSender(facts({ frameUrl: 'http://localhost:5173/' }), trusted)).toBe(true);
  });

  it('trusts nobody before the window exists', () => {
    expect(isTrustedSender(facts({}), { webContentsId: null, origins: [ORIGIN] })).toBe(false);
  });

  it('does not confuse look-alike origins', () => {
    for (const frameUrl of [
      'app://doorman.evil/index.html',
      'http://localhost:5174/',
      'https://localhost:5173/',
      'app://evil@doorman/x',
    ]) {
      expect(isTrustedSender(facts({ frameUrl }), trusted), frameUrl).toBe(false);
    }
  });

  it('reads the facts from the event: main frame is identity, not URL equality', () => {
    const event = fakeEvent({ iframe: true });
    expect(senderFacts(event)).toEqual({
      webContentsId: OUR_ID,
      isMainFrame: false,
      frameUrl: `${ORIGIN}/index.html`,
    });
  });
});
