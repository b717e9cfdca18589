import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  CHANNELS,
  CHANNEL_NAMES,
  EVENT_NAMES,
  eventContract,
  eventChannel,
} from '../../../src/shared/contract';

/**
 * The preload as it ships: `out/preload/index.cjs` (built by `npm run build`, which
 * `npm test` runs before this tier), evaluated with a fake `require('electron')`.
 */
const PRELOAD = path.resolve(import.meta.dirname, '../../../out/preload/index.cjs');
const built = fs.existsSync(PRELOAD);
if (!built) console.log(`skipping the built-preload tests: ${PRELOAD} is missing (npm run build)`);

type Listener = (event: unknown, payload: unknown) => void;

function loadPreload() {
  const exposed = new Map<string, unknown>();
  const invocations: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const required: string[] = [];
  const ipcRenderer = {
    invoke: (...args: unknown[]) => {
      invocations.push(args);
      return Promise.resolve({ ok: true, data: null });
    },
    on: (channel: string, listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      return ipcRenderer;
    },
    removeListener: (channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
    send: () => {
      throw new Error('the preload must not use send');
    },
    sendSync: () => {
      throw new Error('the preload must not use sendSync');
    },
  };
  const contextBridge = {
    exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
  };
  const fakeRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const wrapper = vm.runInThisContext(
    `(function (require, module, exports) {\n${fs.readFileSync(PRELOAD, 'utf8')}\n})`,
    { filename: PRELOAD },
  ) as (req: typeof fakeRequire, module: { exports: object }, exports: object) => void;
  const module = { exports: {} };
  wrapper(fakeRequire, module, module.exports);
  const emit = (channel: string, payload: unknown) => {
    const fakeEvent = { sender: { id: 1, send: () => undefined }, ports: [] };
    for (const listener of listeners.get(channel) ?? []) listener(fakeEvent, payload);
  };
  return { exposed, invocations, listeners, required, emit };
}

describe.skipIf(!built)('the built preload', () => {
  it('requires only electron and exposes exactly one thing: window.api', () => {
    const { exposed, required } = loadPreload();
    expect([...new Set(required)]).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['api']);
  });

  it('has one function per contract channel, grouped by domain, plus the on* events', () => {
    const api = loadPreload().exposed.get('api') as Record<string, unknown>;
    const functions: string[] = [];
    const events: string[] = [];
    for (const [key, value] of Object.entries(api)) {
      if (typeof value === 'function') {
        events.push(key);
        continue;
      }
      expect(typeof value, key).toBe('object');
      for (const [verb, fn] of Object.entries(value as Record<string, unknown>)) {
        expect(typeof fn, `${key}.${verb}`).toBe('function');
        functions.push(`${key}:${verb}`);
      }
    }
    expect(functions.sort()).toEqual([...CHANNELS].sort());
    const expectedEvents = Object.keys(eventContract).map(
      (name) => `on${name[0]!.toUpperCase()}${name.slice(1)}`,
    );
    expect(events.sort()).toEqual(expectedEvents.sort());
  });

  it('has nothing at the top but the domains and the on* events: no ipcRenderer, invoke or require', () => {
    const api = loadPreload().exposed.get('api') as Record<string, unknown>;
    const domains = [...new Set(CHANNELS.map((channel) => channel.split(':')[0]!))];
    const events = Object.keys(eventContract).map(
      (name) => `on${name[0]!.toUpperCase()}${name.slice(1)}`,
    );
    expect(Object.keys(api).sort()).toEqual([...domains, ...events].sort());
    for (const forbidden of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'require', 'on']) {
      expect(api).not.toHaveProperty(forbidden);
    }
  });

  it('sends each call on its own channel with exactly one argument', async () => {
    const { exposed, invocations } = loadPreload();
    const api = exposed.get('api') as Record<string, Record<string, (input?: unknown) => unknown>>;
    await api.settings!.set!({ theme: 'dark' });
    await api.app!.info!();
    expect(invocations).toEqual([
      ['settings:set', { theme: 'dark' }],
      ['app:info', undefined],
    ]);
  });

  it('hands event listeners the payload only, never the IPC event (it would expose sender)', () => {
    const { exposed, emit } = loadPreload();
    const api = exposed.get('api') as Record<string, (listener: unknown) => () => void>;
    const received: unknown[][] = [];
    api.onStateChanged!((...args: unknown[]) => received.push(args));
    emit(eventChannel('stateChanged'), { topics: ['settings'] });
    expect(received).toEqual([[{ topics: ['settings'] }]]);
  });

  it('unsubscribes: the returned function removes exactly that listener', () => {
    const { exposed, emit, listeners } = loadPreload();
    const api = exposed.get('api') as Record<string, (listener: unknown) => () => void>;
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = api.onStateChanged!((payload: unknown) => first.push(payload));
    api.onStateChanged!((payload: unknown) => second.push(payload));
    stopFirst();
    emit(eventChannel('stateChanged'), { topics: ['notes'] });
    expect(first).toEqual([]);
    expect(second).toEqual([{ topics: ['notes'] }]);
    expect(listeners.get(eventChannel('stateChanged'))?.size).toBe(1);
  });

  it('refuses a listener that is not a function', () => {
    const api = loadPreload().exposed.get('api') as Record<string, (listener: unknown) => unknown>;
    expect(() => api.onStateChanged!('not a function')).toThrow(TypeError);
  });

  it('carries the channel names but none of the schemas: it runs before every page load', () => {
    const source = fs.readFileSync(PRELOAD, 'utf8');
    expect(source).not.toMatch(/ZodError|\$ZodType|safeParse/);
    expect(source.length).toBeLessThan(20_000);
  });
});

describe("the preload's name lists", () => {
  it("name every contract channel and event, in the contract's order, once", () => {
    expect([...CHANNEL_NAMES]).toEqual(CHANNELS);
    expect([...EVENT_NAMES]).toEqual(Object.keys(eventContract));
  });
});
