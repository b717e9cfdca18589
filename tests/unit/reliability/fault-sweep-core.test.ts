/**
 * Fault sweep through the whole of main: every channel that talks to the gateway, through
 * the real dispatcher and services, while the gateway misbehaves on every route. The
 * creator gets a typed, clear answer (never `internal`), the last-known lists survive,
 * every store file still parses, and a create is never made twice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import { createTestCore } from '../../test-core';
import { createMemoryLogger } from '../../../src/main/platform/log';
import { ERROR_CODES, type Result } from '../../../src/shared/errors';
import { startFakeGateway, type FakeGateway, type FaultRule } from '../../fake-gateway/server';
import { DEMO } from '../../fake-gateway/state';

const ACCOUNT = DEMO.accounts.main.accountId;
const CREATE_ROUTE = 'POST /{accountId}/management/sessions' as const;

/** Each gateway-backed channel with a valid request: only the gateway's behaviour varies. */
const REQUESTS: [string, unknown][] = [
  ['vault:checkKey', undefined],
  ['accounts:refresh', undefined],
  ['sessions:refresh', { accountId: ACCOUNT, force: true }],
  ['sessions:catalogue', { accountId: ACCOUNT }],
  ['logins:refresh', { accountId: ACCOUNT, force: true }],
  [
    'sessions:create',
    {
      accountId: ACCOUNT,
      requestId: 'fault-sweep-create-1',
      label: 'Fault sweep agency',
      permissions: ['posts'],
      disclaimerAccepted: true,
    },
  ],
  ['sessions:revoke', { accountId: ACCOUNT, sessionId: '700000000000000001' }],
  ['sessions:edit', { accountId: ACCOUNT, sessionId: '700000000000000001', label: 'Renamed' }],
  ['logins:close', { accountId: ACCOUNT, sessionId: '600000000000000002' }],
  ['logins:closeOthers', { accountId: ACCOUNT }],
  ['twofa:send', { accountId: ACCOUNT }],
  ['accounts:disconnect', { accountId: ACCOUNT }],
];

/**
 * Faults on every route at once. No "no answer" here: a hang costs the client's full
 * timeout (15 s, three times for a GET) and is covered route by route in fault-sweep.test.ts.
 */
const FAULTS: [string, FaultRule][] = [
  ['HTTP 500', { kind: 'status', status: 500 }],
  ['429', { kind: 'rateLimit', retryAfterSeconds: 1 }],
  ['quota spent', { kind: 'quota' }],
  ['malformed JSON', { kind: 'malformed' }],
  ['connection reset', { kind: 'reset' }],
  ['HTTP 401', { kind: 'status', status: 401 }],
  ['HTTP 403', { kind: 'status', status: 403 }],
  ['HTTP 404', { kind: 'status', status: 404 }],
  ['lost answer to a change', { kind: 'reset', afterHandling: true }],
];

interface Rig {
  core: Core;
  gateway: FakeGateway;
  dataDir: string;
  logLines: string[];
  dispose(): Promise<void>;
}

async function connectedRig(): Promise<Rig> {
  const gateway = await startFakeGateway({ rateLimitPerMinute: null });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-fault-core-'));
  const log = createMemoryLogger();
  const core = createTestCore(dataDir, { log });
  const must = async (channel: string, input?: unknown) => {
    const result = await core.dispatch(channel, input);
    if (!result.ok) throw new Error(`setup ${channel}: ${result.error.code}`);
    return result.data;
  };
  await must('settings:set', { gatewayBaseUrl: gateway.url });
  await must('vault:setKey', { apiKey: gateway.apiKey });
  await must('accounts:refresh');
  await must('sessions:refresh', { accountId: ACCOUNT });
  await must('logins:refresh', { accountId: ACCOUNT });
  return {
    core,
    gateway,
    dataDir,
    logLines: log.lines,
    async dispose() {
      await core.stop();
      await gateway.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function storeFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => path.join(e.parentPath, e.name));
}

async function known(core: Core, channel: string): Promise<number> {
  const result = (await core.dispatch(channel, { accountId: ACCOUNT })) as Result<{
    sessions: unknown[];
  }>;
  return result.ok ? result.data.sessions.length : -1;
}

const mainUser = (gateway: FakeGateway) =>
  [...gateway.state.users.values()].find((u) => u.username === DEMO.accounts.main.username)!;

/** One channel under one fault, on its own core and fake gateway; throws what went wrong. */
async function sweepOne(channel: string, input: unknown, rule: FaultRule): Promise<void> {
  const rig = await connectedRig();
  try {
    const sessionsBefore = await known(rig.core, 'sessions:list');
    const createdBefore = mainUser(rig.gateway).managementSessions.length;
    rig.gateway.faults.set('*', rule);

    let result: Result<unknown>;
    try {
      result = await rig.core.dispatch(channel, input);
    } catch (error) {
      throw new Error(`threw past the dispatcher: ${String(error)}`);
    }
    if (!result.ok) {
      expect(ERROR_CODES).toContain(result.error.code);
      expect(result.error.code, `internal; log: ${rig.logLines.slice(-3).join(' | ')}`).not.toBe(
        'internal',
      );
      expect(result.error.message).not.toContain(rig.gateway.url);
    }

    // Nothing lost: every store parses and the last-known sessions are still listed.
    for (const file of storeFiles(rig.dataDir)) {
      expect(() => JSON.parse(fs.readFileSync(file, 'utf8')), file).not.toThrow();
    }
    if (channel !== 'accounts:disconnect') {
      expect(await known(rig.core, 'sessions:list')).toBeGreaterThanOrEqual(sessionsBefore);
    }
    expect(rig.logLines.join('\n')).not.toContain(rig.gateway.apiKey);

    // Never two sessions from one create: sent once, and on the gateway once at most.
    expect(rig.gateway.count(CREATE_ROUTE)).toBeLessThanOrEqual(1);
    expect(mainUser(rig.gateway).managementSessions.length - createdBefore).toBeLessThanOrEqual(1);

    if (channel === 'sessions:create') {
      // The gateway recovers; the creator tries again: still exactly one session.
      rig.gateway.faults.clear();
      const again = await rig.core.dispatch(channel, input);
      const manual = !again.ok && again.error.code === 'unsupported';
      if (!again.ok && !manual) {
        expect(again.error.code).not.toBe('internal');
        const fresh = await rig.core.dispatch(channel, {
          ...(input as object),
          requestId: 'fault-sweep-create-2',
        });
        expect(fresh, JSON.stringify(fresh)).toMatchObject({ ok: true });
      }
      const labelled = mainUser(rig.gateway).managementSessions.filter(
        (s) => s.label === 'Fault sweep agency',
      );
      expect(labelled).toHaveLength(manual ? 0 : 1);
    }
  } finally {
    await rig.dispose();
  }
}

/**
 * One test per fault, its channels in parallel: the client's real backoff (up to a few
 * seconds per GET) is waited out once per fault rather than once per channel.
 */
describe.concurrent('fault sweep through the core: every gateway channel, every fault', () => {
  it.each(FAULTS)(
    'gateway answers %s: each channel gives a typed answer, lists kept, stores intact, no duplicate',
    async (_fault, rule) => {
      const outcomes = await Promise.allSettled(
        REQUESTS.map(([channel, input]) => sweepOne(channel, input, rule)),
      );
      const failures = outcomes.flatMap((outcome, index) =>
        outcome.status === 'rejected'
          ? [
              `${REQUESTS[index]![0]}: ${String((outcome.reason as Error).message ?? outcome.reason)}`,
            ]
          : [],
      );
      expect(failures).toEqual([]);
    },
    90_000,
  );
});
