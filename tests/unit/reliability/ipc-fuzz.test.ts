/**
 * Property-based fuzzing of every IPC channel. Whatever a compromised or buggy renderer
 * sends, the dispatcher answers with a typed Result, never throws, and a request its
 * schema refuses changes nothing on disk. Channels are read from the contract, so each
 * channel a feature adds is fuzzed without touching this file.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Core } from '../../../src/main/core';
import { createTestCore } from '../../test-core';
import { createMemoryLogger } from '../../../src/main/platform/log';
import { CHANNELS, contract, type Channel } from '../../../src/shared/contract';
import { ERROR_CODES, appErrorSchema } from '../../../src/shared/errors';

/** Inputs per channel: thousands in total, bounded so the suite stays quick on 2 cores. */
const RUNS_PER_CHANNEL = Math.max(100, Math.ceil(6_000 / CHANNELS.length));

const resultSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }).strict(),
  z.object({ ok: z.literal(false), error: appErrorSchema }).strict(),
]);

// ---- the core under test: temp dir, test secret box, and no way to reach any network ----

interface Rig {
  core: Core;
  dataDir: string;
  fetchCalls: string[];
  log: ReturnType<typeof createMemoryLogger>;
  openedExternally: string[];
}

const rigs: Rig[] = [];

function createRig(): Rig {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-fuzz-'));
  const fetchCalls: string[] = [];
  const openedExternally: string[] = [];
  const log = createMemoryLogger();
  // Refuses like undici does when nothing listens: nothing can ever reach a real gateway.
  const refusingFetch = (async (input: string | URL | Request) => {
    fetchCalls.push(String(input instanceof Request ? input.url : input));
    throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED (fuzzing)') });
  }) as typeof fetch;
  const core = createTestCore(dataDir, {
    fetch: refusingFetch,
    clock: () => new Date('2026-01-15T12:00:00.000Z'),
    log,
    openExternal: async (url) => {
      openedExternally.push(url);
    },
  });
  const rig = { core, dataDir, fetchCalls, log, openedExternally };
  rigs.push(rig);
  return rig;
}

/** Every file under the data dir, by relative path, with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        files[path.relative(dir, full)] = createHash('sha1')
          .update(fs.readFileSync(full))
          .digest('hex');
    }
  };
  walk(dir);
  return files;
}

// ---- hostile inputs ----

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString'];

const specialValue = fc.constantFrom<unknown>(
  NaN,
  Infinity,
  -Infinity,
  -0,
  Number.MAX_VALUE,
  Number.MIN_SAFE_INTEGER - 1,
  2 ** 53,
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\u202E',
  'null',
  'undefined',
  '__proto__',
  '../../../../etc/passwd',
  'C:\\Windows\\System32',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'http://169.254.169.254/latest/meta-data',
  'https://fansly.com.evil.example/',
  'https://user:pass@fansly.com/',
  'https://fansly.com/managementsession/claim/fuzz-token',
  '<img src=x onerror=alert(1)>',
  '1970-01-01T00:00:00Z',
  '9999-99-99',
  '2026-02-30',
  true,
  false,
  null,
  undefined,
  0,
  -1,
  1e308,
);

const hugeString = fc
  .tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: 1_000, max: 1_000_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

const hugeArray = fc
  .tuple(fc.jsonValue({ maxDepth: 1 }), fc.integer({ min: 1_000, max: 100_000 }))
  .map(([item, length]) => Array.from({ length }, () => item));

/** Objects whose own keys are pollution keys: made with JSON.parse, as IPC would deliver them. */
const pollutingObject = fc
  .array(
    fc.tuple(
      fc.constantFrom(...POLLUTION_KEYS),
      fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant({ polluted: 'yes' })),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map(
    (entries) =>
      JSON.parse(
        `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v ?? null)}`).join(',')}}`,
      ) as unknown,
  );

const deeplyNested = fc
  .tuple(fc.integer({ min: 50, max: 5_000 }), fc.boolean(), fc.string({ maxLength: 10 }))
  .map(([depth, useArrays, key]) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = useArrays ? [value] : { [key || 'a']: value };
    return value;
  });

class NotPlain {
  readonly label = 'a class instance';
  get computed(): string {
    return 'getter';
  }
}

const nonPlainValue = fc
  .constantFrom<() => unknown>(
    () => new Date(NaN),
    () => new Date('2026-01-01T00:00:00Z'),
    () => new Map([['label', 'x']]),
    () => new Set(['x']),
    () => /label/g,
    () => new Error('label'),
    () => new Uint8Array([1, 2, 3]),
    () => new ArrayBuffer(16),
    () => Symbol('label'),
    () => () => 'function',
    () => 10n,
    () => Object.create(null) as unknown,
    () => Object.assign(Object.create(null) as object, { label: 'no prototype' }),
    () => new NotPlain(),
    () => Promise.resolve('label'),
    () => new WeakMap(),
    () => new String('label'),
    () => new Number(1),
    // A sparse array, as a hole-y payload would arrive.
    () => Object.assign(new Array<unknown>(3), { 0: 1, 2: 3 }),
    () => Object.freeze({ frozen: true }),
  )
  .map((make) => make());

const anythingAtAll = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** The top-level keys a channel's input schema expects, so the fuzzer gets past the first check. */
function expectedKeys(schema: z.ZodType): string[] {
  let current: unknown = schema;
  for (let hops = 0; hops < 10 && current; hops++) {
    const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return [];
    if (def.type === 'object') return Object.keys(def.shape as object);
    current = def.in ?? def.innerType ?? def.schema ?? (def.options as unknown[] | undefined)?.[0];
  }
  return [];
}

function hostileInput(channel: Channel): fc.Arbitrary<unknown> {
  const keys = expectedKeys(contract[channel].input as z.ZodType);
  const leaf = fc.oneof(
    { weight: 4, arbitrary: specialValue },
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 2, arbitrary: nonPlainValue },
    { weight: 1, arbitrary: hugeString },
    { weight: 1, arbitrary: pollutingObject },
    { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  );
  // Right keys, wrong (or sometimes right) values, plus stray and polluting keys.
  const nearlyRight =
    keys.length === 0
      ? fc.constant<unknown>({})
      : fc
          .tuple(
            fc.record(Object.fromEntries(keys.map((key) => [key, leaf])), { requiredKeys: [] }),
            fc.option(fc.constantFrom(...POLLUTION_KEYS, 'unexpected'), { nil: undefined }),
            fc.jsonValue({ maxDepth: 1 }),
          )
          .map(([record, extraKey, extraValue]) => {
            if (extraKey === undefined) return record;
            const copy: Record<string, unknown> = { ...record };
            Object.defineProperty(copy, extraKey, {
              value: extraValue,
              enumerable: true,
              configurable: true,
              writable: true,
            });
            return copy;
          });
  return fc.oneof(
    { weight: 5, arbitrary: nearlyRight },
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 2, arbitrary: anythingAtAll },
    { weight: 2, arbitrary: specialValue },
    { weight: 2, arbitrary: nonPlainValue },
    { weight: 1, arbitrary: pollutingObject },
    { weight: 1, arbitrary: deeplyNested },
    { weight: 1, arbitrary: hugeString },
    { weight: 1, arbitrary: hugeArray },
  );
}

function describeInput(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_k, v: unknown) =>
      typeof v === 'bigint'
        ? `${v}n`
        : typeof v === 'string' && v.length > 80
          ? `${v.slice(0, 80)}…(${v.length})`
          : v,
    );
    return text === undefined ? String(value) : text.slice(0, 400);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

// ---- the properties ----

const objectPrototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

describe('every IPC channel survives hostile input', () => {
  beforeAll(() => {
    expect(CHANNELS.length).toBeGreaterThan(0);
  });

  afterAll(async () => {
    for (const rig of rigs) {
      await rig.core.stop();
      fs.rmSync(rig.dataDir, { recursive: true, force: true });
    }
  });

  it.each(CHANNELS.map((channel) => [channel]))(
    '%s: answers a typed error or a valid answer, and a refused request writes nothing',
    async (channel) => {
      const rig = createRig();
      const spec = contract[channel];
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(hostileInput(channel), async (input) => {
          const accepted = spec.input.safeParse(input).success;
          const before = snapshot(rig.dataDir);

          let answer: unknown;
          try {
            answer = await rig.core.dispatch(channel, input);
          } catch (error) {
            throw new Error(`dispatch rejected for ${describeInput(input)}: ${String(error)}`);
          }

          const result = resultSchema.parse(answer);
          // What goes back over IPC must survive structured clone.
          structuredClone(result);
          if (!accepted) {
            refused++;
            expect(result).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
            expect(snapshot(rig.dataDir)).toEqual(before);
          } else if (result.ok) {
            expect(spec.output.safeParse(result.data).success).toBe(true);
          } else {
            expect(ERROR_CODES).toContain(result.error.code);
            // A request its schema accepts must never crash its handler.
            expect(
              result.error.code,
              `internal error for ${describeInput(input)}; log: ${rig.log.lines.slice(-2).join(' | ')}`,
            ).not.toBe('internal');
          }
          if (!result.ok) {
            expect(result.error.message).not.toContain(rig.dataDir);
            expect(result.error.message).not.toMatch(/\n\s+at /);
          }
          expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(objectPrototypeKeys);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS_PER_CHANNEL },
      );
      expect(refused).toBeGreaterThan(0);
      // A refusing fetch is all the core had; nothing went anywhere else.
      for (const url of rig.openedExternally) expect(url).toMatch(/^https:\/\//);
    },
    60_000,
  );

  it('an unknown channel, however named, is refused without reaching a handler', async () => {
    const rig = createRig();
    const names = fc.oneof(
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'valueOf',
        '',
        'app:',
        ':info',
        'APP:INFO',
        'app:info ',
        'vault:getApiKey',
        'vault:revealApiKey',
      ),
      fc.string({ maxLength: 60 }),
    );
    await fc.assert(
      fc.asyncProperty(names, fc.jsonValue({ maxDepth: 2 }), async (name, input) => {
        fc.pre(!Object.hasOwn(contract, name));
        const before = snapshot(rig.dataDir);
        const result = resultSchema.parse(await rig.core.dispatch(name, input));
        expect(result).toMatchObject({ ok: false, error: { code: 'unknownChannel' } });
        expect(snapshot(rig.dataDir)).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});
