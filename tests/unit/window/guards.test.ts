import { describe, expect, it } from 'vitest';
import {
  installSecurityGuards,
  type GuardedApp,
  type GuardedContents,
  type GuardedSession,
} from '../../../src/main/window/guards';

type PreventableListener = (event: { preventDefault(): void }, url?: string) => void;

/** A WebContents that records what the guards installed, so the test can fire events. */
function fakeContents() {
  const listeners = new Map<string, PreventableListener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents = {
    on(event: string, listener: PreventableListener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler;
    },
  } as unknown as GuardedContents;
  const fire = (event: string, url?: string) => {
    let prevented = false;
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no ${event} guard`);
    listener({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

function setUp() {
  let created: ((event: unknown, contents: GuardedContents) => void) | undefined;
  const app: GuardedApp = {
    on: (_event, listener) => {
      created = listener;
      return app;
    },
  };
  let requestHandler:
    | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void)
    | undefined;
  let checkHandler: ((...args: unknown[]) => boolean) | undefined;
  const session: GuardedSession = {
    setPermissionRequestHandler: (handler) => (requestHandler = handler),
    setPermissionCheckHandler: (handler) => (checkHandler = handler),
  };
  const opened: string[] = [];
  installSecurityGuards({
    app,
    session,
    isAppUrl: (url) => url.startsWith('app://doorman/'),
    openExternal: (url) => opened.push(url),
  });
  const newContents = () => {
    const fake = fakeContents();
    created!({}, fake.contents);
    return fake;
  };
  return { newContents, opened, requestHandler: requestHandler!, checkHandler: checkHandler! };
}

describe('the global security guards', () => {
  it('deny navigation and redirects away from the app, in every WebContents', () => {
    const { newContents } = setUp();
    for (const contents of [newContents(), newContents()]) {
      expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
      expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
      expect(contents.fire('will-redirect', 'https://fansly.com/')).toBe(true);
      expect(contents.fire('will-navigate', 'app://doorman/index.html')).toBe(false);
    }
  });

  it('block every <webview>', () => {
    const { newContents } = setUp();
    expect(newContents().fire('will-attach-webview')).toBe(true);
  });

  it('deny window.open, sending only allowlisted https links to the browser', () => {
    const { newContents, opened } = setUp();
    const contents = newContents();
    for (const url of [
      'https://fansly.com/settings',
      'https://docs.apifansly.com/',
      'http://fansly.com/',
      'https://fansly.com.evil.example/',
      'javascript:alert(1)',
      'app://doorman/index.html',
    ]) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://fansly.com/settings', 'https://docs.apifansly.com/']);
  });

  it('deny every permission request and check', () => {
    const { requestHandler, checkHandler } = setUp();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      let granted: boolean | undefined;
      requestHandler({}, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(checkHandler({}, permission, 'app://doorman')).toBe(false);
    }
  });
});
