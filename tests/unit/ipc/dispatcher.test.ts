import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../../src/main/ipc/dispatcher';
import { createMemoryLogger } from '../../../src/main/platform/log';
import { DEFAULT_SETTINGS } from '../../../src/shared/contract';
import { DoormanError } from '../../../src/shared/errors';

const INFO = {
  name: 'Doorman',
  version: '0.1.0',
  platform: 'linux' as const,
  isDevelopment: false,
  keychain: { available: true, backend: 'test' },
};

/** A dispatcher over a few shell channels; the rest of the table is irrelevant here. */
function dispatcherWith(handlers: Partial<Record<string, (input: unknown) => unknown>>) {
  const log = createMemoryLogger();
  const dispatch = createDispatcher(handlers as unknown as Handlers, log);
  return { dispatch, log };
}

describe('the IPC dispatcher', () => {
  it('refuses a channel the contract does not name, without calling anything', async () => {
    const { dispatch } = dispatcherWith({});
    for (const channel of ['shell:exec', '__proto__', 'constructor', 'toString', '']) {
      const result = await dispatch(channel, undefined);
      expect(result).toEqual({
        ok: false,
        error: { code: 'unknownChannel', message: expect.any(String) },
      });
    }
  });

  it('answers malformed input with invalidInput naming the wrong fields, never their values', async () => {
    let called = false;
    const { dispatch } = dispatcherWith({
      'settings:set': () => {
        called = true;
        return DEFAULT_SETTINGS;
      },
    });
    const result = await dispatch('settings:set', {
      theme: 'neon-secret-value',
      launchAtLogin: 'yes',
    });
    expect(called).toBe(false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalidInput');
    expect(result.error.fields).toEqual(expect.arrayContaining(['theme', 'launchAtLogin']));
    expect(JSON.stringify(result)).not.toContain('neon-secret-value');
  });

  it('refuses unknown keys, wrong types and input given to a channel that takes none', async () => {
    const { dispatch } = dispatcherWith({
      'settings:set': () => DEFAULT_SETTINGS,
      'app:info': () => INFO,
    });
    for (const [channel, input] of [
      ['settings:set', { sneaky: true }],
      ['settings:set', 'a string'],
      ['settings:set', null],
      ['settings:set', [1, 2]],
      ['app:info', { anything: 1 }],
      ['app:openExternal', { url: 42 }],
    ] as const) {
      const result = await dispatch(channel, input);
      expect(result, `${channel} ${JSON.stringify(input)}`).toMatchObject({
        ok: false,
        error: { code: 'invalidInput' },
      });
    }
  });

  it('reduces an unexpected handler error to a fixed sentence: no message, stack or path', async () => {
    const { dispatch, log } = dispatcherWith({
      'app:info': () => {
        throw new Error('ENOENT: /home/creator/.config/Doorman/vault.json key=sk_live_abcdef');
      },
    });
    const result = await dispatch('app:info', undefined);
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.any(String) },
    });
    const text = JSON.stringify(result);
    for (const leak of ['ENOENT', '/home/creator', 'sk_live', 'at ', '.ts:']) {
      expect(text).not.toContain(leak);
    }
    // ...but main keeps a line for whoever debugs it.
    expect(log.lines.some((line) => line.includes('app:info'))).toBe(true);
  });

  it('also hides a thrown non-Error value', async () => {
    const { dispatch } = dispatcherWith({
      'app:info': () => Promise.reject('/etc/passwd'),
    });
    const result = await dispatch('app:info', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('/etc/passwd');
  });

  it('passes a DoormanError through with its own code, message and details', async () => {
    const { dispatch } = dispatcherWith({
      'app:info': () => {
        throw new DoormanError('rateLimited', 'The gateway asked Doorman to slow down.', {
          retryAfterSeconds: 30,
        });
      },
    });
    expect(await dispatch('app:info', undefined)).toEqual({
      ok: false,
      error: {
        code: 'rateLimited',
        message: 'The gateway asked Doorman to slow down.',
        retryAfterSeconds: 30,
      },
    });
  });

  it('treats an answer outside the contract as an internal error', async () => {
    const { dispatch, log } = dispatcherWith({
      'app:info': () => ({ ...INFO, platform: 'amiga' }),
    });
    expect(await dispatch('app:info', undefined)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(log.lines.some((line) => line.includes('outside its contract'))).toBe(true);
  });

  it('strips answer fields the contract does not name, so nothing extra reaches the page', async () => {
    const { dispatch } = dispatcherWith({
      'app:info': () => ({ ...INFO, apiKey: 'sk_live_should_not_cross', dataDir: '/home/x' }),
    });
    const result = await dispatch('app:info', undefined);
    expect(result).toEqual({ ok: true, data: INFO });
  });

  it('hands the handler the parsed input (trimmed, transformed), not the raw one', async () => {
    let received: unknown;
    const { dispatch } = dispatcherWith({
      'settings:set': (input) => {
        received = input;
        return DEFAULT_SETTINGS;
      },
    });
    await dispatch('settings:set', { gatewayBaseUrl: '  https://gw.example.com/// ' });
    expect(received).toEqual({ gatewayBaseUrl: 'https://gw.example.com' });
  });

  it('maps a handler answering undefined to null for channels that answer nothing', async () => {
    const { dispatch } = dispatcherWith({ 'app:dismissStorageNotices': () => undefined });
    expect(await dispatch('app:dismissStorageNotices', undefined)).toEqual({
      ok: true,
      data: null,
    });
  });
});
