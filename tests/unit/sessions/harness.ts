import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DoormanError } from '../../../src/shared/errors';
import { createMemoryClipboard } from '../../../src/main/platform/clipboard';
import { createMemoryRecorder } from '../../../src/main/services/activity-recorder';
import { SessionsService } from '../../../src/main/services/sessions';
import type { TwoFactorChallenges } from '../../../src/main/services/two-factor-types';
import { FakeGatewayClient } from './fake-client';

export const ACCOUNT = 'fansly_42dbe01';

/** Timers the test runs by hand: `advance(ms)` fires what is due. */
export function manualTimers() {
  let now = 0;
  const due: { at: number; run: () => void; cancelled: boolean }[] = [];
  return {
    schedule(ms: number, run: () => void) {
      const entry = { at: now + ms, run, cancelled: false };
      due.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
    advance(ms: number) {
      now += ms;
      for (const entry of due.filter((e) => e.at <= now && !e.cancelled)) {
        entry.cancelled = true;
        entry.run();
      }
    },
  };
}

export function setup() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-sessions-'));
  let time = new Date('2026-11-23T10:00:00.000Z').getTime();
  const clock = () => new Date(time);
  const gateway = new FakeGatewayClient();
  gateway.now = clock;
  const activity = createMemoryRecorder();
  const clipboard = createMemoryClipboard();
  const timers = manualTimers();
  const verified = new Set<string>(['challenge-ok']);
  const twoFactor: TwoFactorChallenges = {
    consumeVerified(accountId, challengeId) {
      if (accountId !== ACCOUNT || !verified.delete(challengeId)) {
        throw new DoormanError('twoFactorRequired', 'not verified');
      }
      return gateway.validProof;
    },
  };
  const make = () =>
    new SessionsService({
      dataDir,
      gateway,
      twoFactor,
      activity,
      clock,
      clipboard,
      schedule: timers.schedule,
    });
  return {
    dataDir,
    gateway,
    activity,
    clipboard,
    timers,
    service: make(),
    /** A second instance on the same files, as after a restart. */
    reopen: make,
    tick(ms: number) {
      time += ms;
    },
    /** Every byte Doorman wrote under its data directory. */
    allFilesText(): string {
      const out: string[] = [];
      const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(full);
          else out.push(fs.readFileSync(full, 'utf8'));
        }
      };
      walk(dataDir);
      return out.join('\n');
    },
  };
}

let counter = 0;
export function createInput(extra: Record<string, unknown> = {}) {
  counter += 1;
  return {
    accountId: ACCOUNT,
    requestId: `request-${counter}-abcdef`,
    label: 'Agency A',
    permissions: ['posts', 'mediaVault'],
    managerId: null,
    reviewBy: null,
    disclaimerAccepted: true as const,
    ...extra,
  };
}
