import { isAllowedExternalUrl } from '../platform/external-links';

/** The slices of Electron the guards touch, so they are tested with fakes under Node. */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardedApp {
  on(
    event: 'web-contents-created',
    listener: (event: unknown, contents: GuardedContents) => void,
  ): unknown;
}

export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void;
}

/**
 * Defence in depth for every WebContents ever created (as Signal Desktop does): no
 * navigation away from the app, no new windows (allowlisted https links go to the browser
 * instead), no <webview>, and every permission request denied.
 */
export function installSecurityGuards(deps: {
  app: GuardedApp;
  session: GuardedSession;
  isAppUrl: (url: string) => boolean;
  openExternal: (url: string) => void;
}): void {
  deps.app.on('web-contents-created', (_event, contents) => {
    const blockNavigation = (event: { preventDefault(): void }, url: string) => {
      if (!deps.isAppUrl(url)) event.preventDefault();
    };
    contents.on('will-navigate', blockNavigation);
    contents.on('will-redirect', blockNavigation);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) deps.openExternal(url);
      return { action: 'deny' };
    });
  });
  deps.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  deps.session.setPermissionCheckHandler(() => false);
}
