import { CHANNELS } from '../../src/shared/contract';
import { expect, test } from './fixtures';

// The harness itself: if these fail, every other browser test would mislead.

test('window.api is the built preload: one function per channel, events, nothing else', async ({
  app,
}) => {
  const shape = await app.evaluate(() => {
    const g = globalThis as unknown as Record<string, unknown>;
    const api = g.api as Record<string, unknown>;
    const functions: string[] = [];
    const events: string[] = [];
    for (const [key, value] of Object.entries(api)) {
      if (typeof value === 'function') events.push(key);
      else
        for (const [verb, fn] of Object.entries(value as Record<string, unknown>))
          if (typeof fn === 'function') functions.push(`${key}:${verb}`);
    }
    return {
      functions: functions.sort(),
      events: events.sort(),
      require: typeof g.require,
      ipcRenderer: typeof g.ipcRenderer,
      binding: typeof g.__doormanIpc,
    };
  });
  expect(shape.functions).toEqual([...CHANNELS].sort());
  expect(shape.events).toEqual(['onNavigate', 'onStateChanged']);
  expect(shape.require).toBe('undefined');
  expect(shape.ipcRenderer).toBe('undefined');
  expect(shape.binding).toBe('undefined');
});

test('a request reaches the real core and its answer comes back', async ({ app, bridge }) => {
  const result = await app.evaluate(() =>
    (
      globalThis as unknown as { api: { settings: { get(): Promise<unknown> } } }
    ).api.settings.get(),
  );
  expect(result).toEqual({ ok: true, data: bridge.core.settings.get() });
  expect(bridge.traffic.map((t) => t.kind)).toContain('answer');
});

test('events from main reach listeners, without the IPC event object', async ({ app, bridge }) => {
  await app.evaluate(() => {
    const g = globalThis as unknown as {
      api: { onStateChanged(l: (...args: unknown[]) => void): () => void };
      received: unknown[][];
    };
    g.received = [];
    g.api.onStateChanged((...args) => g.received.push(args));
  });
  await bridge.core.settings.set({ theme: 'dark' });
  const received = () =>
    app.evaluate(() => (globalThis as unknown as { received: unknown[][] }).received);
  // Other services may announce changes too; ours must arrive, each call with one argument.
  await expect.poll(received).toContainEqual([{ topics: ['settings'] }]);
  for (const args of await received()) expect(args).toHaveLength(1);
  expect(bridge.traffic).toContainEqual({
    kind: 'event',
    channel: 'event:stateChanged',
    payload: { topics: ['settings'] },
  });
});

test('restart keeps the data dir and answers from a new core', async ({ app, bridge }) => {
  const first = bridge.core;
  await bridge.core.settings.set({ startHidden: true });
  await bridge.restart();
  expect(bridge.core === first).toBe(false);
  const result = await app.evaluate(() =>
    (
      globalThis as unknown as { api: { settings: { get(): Promise<unknown> } } }
    ).api.settings.get(),
  );
  expect(result).toMatchObject({ ok: true, data: { startHidden: true } });
});

test('a page from another origin, or a frame inside it, is refused as a foreign sender', async ({
  bridge,
  page,
}) => {
  const http = await import('node:http');
  const foreign = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>elsewhere</title><iframe srcdoc="<p>x</p>"></iframe>');
  });
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = foreign.address() as { port: number };
    await page.goto(`http://127.0.0.1:${port}/`);
    type G = { api: { settings: { get(): Promise<unknown> } } };
    const fromMain = await page.evaluate(() => (globalThis as unknown as G).api.settings.get());
    expect(fromMain).toMatchObject({ ok: false, error: { code: 'forbiddenSender' } });
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    const fromFrame = await frame!.evaluate(() => (globalThis as unknown as G).api.settings.get());
    expect(fromFrame).toMatchObject({ ok: false, error: { code: 'forbiddenSender' } });
    expect(bridge.traffic.filter((t) => t.kind === 'request').map((t) => t.trusted)).toEqual([
      false,
      false,
    ]);
  } finally {
    foreign.closeAllConnections();
    await new Promise((resolve) => foreign.close(resolve));
  }
});

test.describe('with the fake gateway', () => {
  test.use({ fakeGatewayOptions: { seed: 'empty' } });

  test('the opt-in fake gateway listens on loopback and is stopped after the test', async ({
    fakeGateway,
    bridge,
  }) => {
    expect(new URL(fakeGateway.url).hostname).toBe('127.0.0.1');
    const settings = await bridge.core.settings.set({ gatewayBaseUrl: fakeGateway.url });
    expect(settings.gatewayBaseUrl).toBe(fakeGateway.url);
  });
});
