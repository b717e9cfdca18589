import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  mainWindowOptions,
} from '../../../src/main/window/options';

describe('the main window', () => {
  const production = mainWindowOptions({
    preloadPath: '/app/out/preload/index.cjs',
    isDevelopment: false,
  });
  const development = mainWindowOptions({
    preloadPath: '/app/out/preload/index.cjs',
    isDevelopment: true,
  });

  it('runs the page sandboxed and isolated, with no Node anywhere', () => {
    expect(production.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('offers devtools only in development', () => {
    expect(production.webPreferences?.devTools).toBe(false);
    expect(development.webPreferences?.devTools).toBe(true);
    // Nothing else differs between the two.
    expect({ ...development.webPreferences, devTools: false }).toEqual(production.webPreferences);
  });

  it('stays hidden until ready (start hidden in the tray is possible)', () => {
    expect(production.show).toBe(false);
  });

  it('loads from the app:// origin, whose CSP forbids remote code, network and framing', () => {
    expect(APP_ENTRY_URL).toBe('app://doorman/index.html');
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name!, values.join(' ')];
      }),
    );
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
