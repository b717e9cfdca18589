import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IssuedSession } from '../../../src/shared/contract/managers';
import { DoormanError } from '../../../src/shared/errors';
import { StorageNoticeLog } from '../../../src/main/platform/json-store';
import { createMemoryRecorder } from '../../../src/main/services/activity-recorder';
import {
  MANAGERS_STORE_VERSION,
  ManagersService,
} from '../../../src/main/services/managers/managers-service';
import type { ManagerSessionsPort } from '../../../src/main/services/managers/sessions-port';
import { handClock, makeTempDir } from '../notes/temp-dir';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('managers');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function open(options: { notesCount?: (id: string) => number; notices?: StorageNoticeLog } = {}) {
  const activity = createMemoryRecorder();
  const clock = handClock('2026-11-23T10:00:00Z');
  const managers = new ManagersService({
    dataDir: dir,
    clock: clock.now,
    activity,
    notesCount: options.notesCount,
    notices: options.notices,
  });
  return { managers, activity, clock };
}

function session(overrides: Partial<IssuedSession>): IssuedSession {
  return {
    accountId: 'acc1',
    sessionId: 's1',
    label: 'Agency chat',
    managerId: 'm1',
    permissions: ['messages.read'],
    status: 'active',
    createdAt: '2026-11-01T00:00:00Z',
    endedAt: null,
    ...overrides,
  };
}

/** A sessions feature stand-in: revocations can be made to fail (offline). */
function fakeSessions(items: IssuedSession[], failFor: string[] = []) {
  const revoked: string[] = [];
  const port: ManagerSessionsPort = {
    sessionsForManager: async (id) => items.filter((s) => s.managerId === id),
    allSessions: async () => items,
    revoke: async (_accountId, sessionId) => {
      if (failFor.includes(sessionId)) {
        throw new DoormanError('offline', 'Doorman is offline: nothing was revoked.');
      }
      revoked.push(sessionId);
      const s = items.find((x) => x.sessionId === sessionId)!;
      s.status = 'revoked';
    },
  };
  return { port, revoked };
}

describe('managers', () => {
  it('creates, lists, updates and keeps them across restarts; records who was added', () => {
    const { managers, activity } = open();
    const m = managers.create({
      name: '  Star Agency ',
      organisation: 'Star Ltd',
      contractStart: '2026-01-01',
    });
    expect(m.name).toBe('Star Agency');
    expect(activity.events).toContainEqual(
      expect.objectContaining({ kind: 'managerAdded', subjectId: m.id }),
    );
    managers.update(m.id, { contact: 'star@example.com', noticePeriodDays: 30 });
    const again = open().managers.get(m.id);
    expect(again).toMatchObject({
      contact: 'star@example.com',
      noticePeriodDays: 30,
      organisation: 'Star Ltd',
    });
  });

  it('refuses a contract that ends before it starts, and changes nothing', () => {
    const { managers } = open();
    expect(() =>
      managers.create({ name: 'A', contractStart: '2026-05-01', contractEnd: '2026-04-01' }),
    ).toThrow(
      expect.objectContaining({
        code: 'invalidInput',
        message: expect.stringMatching(/ends before/),
      }),
    );
    const m = managers.create({ name: 'B', contractStart: '2026-05-01' });
    expect(() => managers.update(m.id, { contractEnd: '2026-01-01' })).toThrow(
      expect.objectContaining({ code: 'invalidInput' }),
    );
    expect(managers.get(m.id).contractEnd).toBeNull();
    expect(managers.list().map((x) => x.name)).toEqual(['B']);
  });

  it('shows sessions as unknown until the sessions feature is connected, then lists them', async () => {
    const { managers } = open();
    const m = managers.create({ name: 'A' });
    expect(await managers.sessionsFor(m.id)).toEqual({ available: false, items: [] });
    managers.connectSessions(fakeSessions([session({ managerId: m.id })]).port);
    const listed = await managers.sessionsFor(m.id);
    expect(listed.available).toBe(true);
    expect(listed.items.map((s) => s.sessionId)).toEqual(['s1']);
  });

  it('offboarding revokes active sessions, records the end and tells the checklist', async () => {
    const { managers, activity } = open();
    const m = managers.create({ name: 'Agency' });
    const fake = fakeSessions([
      session({ managerId: m.id, sessionId: 's1' }),
      session({ managerId: m.id, sessionId: 's2', status: 'revoked' }),
      session({ managerId: 'someone-else', sessionId: 's3' }),
    ]);
    managers.connectSessions(fake.port);
    const told: string[] = [];
    managers.onManagerOffboarded((manager) => told.push(manager.id));

    const result = await managers.offboard(m.id, '2026-11-30');
    expect(result.completed).toBe(true);
    expect(fake.revoked).toEqual(['s1']);
    expect(result.manager.offboardedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(result.manager.contractEnd).toBe('2026-11-30');
    expect(told).toEqual([m.id]);
    expect(open().managers.get(m.id).offboardedAt).not.toBeNull();
    expect(activity.events).toContainEqual(
      expect.objectContaining({ kind: 'managerOffboarded', subjectId: m.id, result: 'ok' }),
    );
  });

  it('an end date before the contract start is refused before anything is revoked', async () => {
    const { managers } = open();
    const m = managers.create({ name: 'Agency', contractStart: '2026-11-01' });
    const fake = fakeSessions([session({ managerId: m.id, sessionId: 's1' })]);
    managers.connectSessions(fake.port);
    await expect(managers.offboard(m.id, '2026-10-01')).rejects.toMatchObject({
      code: 'invalidInput',
    });
    expect(fake.revoked).toEqual([]);
  });

  it('offboarding a manager whose contract had not begun ends it at its start', async () => {
    const { managers } = open();
    const m = managers.create({ name: 'Future agency', contractStart: '2026-12-01' });
    const fake = fakeSessions([session({ managerId: m.id, sessionId: 's1' })]);
    managers.connectSessions(fake.port);
    const result = await managers.offboard(m.id);
    expect(result).toMatchObject({ completed: true, manager: { contractEnd: '2026-12-01' } });
    expect(fake.revoked).toEqual(['s1']);
    expect(managers.get(m.id).offboardedAt).not.toBeNull();
  });

  it('offboarding offline does not look done: the manager stays active and the checklist is not told', async () => {
    const { managers, activity } = open();
    const m = managers.create({ name: 'Agency' });
    const fake = fakeSessions(
      [
        session({ managerId: m.id, sessionId: 's1' }),
        session({ managerId: m.id, sessionId: 's2' }),
      ],
      ['s2'],
    );
    managers.connectSessions(fake.port);
    const told: string[] = [];
    managers.onManagerOffboarded((manager) => told.push(manager.id));

    const result = await managers.offboard(m.id);
    expect(result.completed).toBe(false);
    expect(result.revoked).toEqual([{ accountId: 'acc1', sessionId: 's1' }]);
    expect(result.failed).toEqual([expect.objectContaining({ sessionId: 's2', code: 'offline' })]);
    expect(managers.get(m.id).offboardedAt).toBeNull();
    expect(told).toEqual([]);
    expect(activity.events).toContainEqual(
      expect.objectContaining({ kind: 'managerOffboarded', result: 'failed' }),
    );
  });

  it('removal is refused for a manager with notes (offboard instead); allowed otherwise', async () => {
    const { managers } = open({ notesCount: () => 0 });
    const plain = managers.create({ name: 'Typo' });
    await managers.remove(plain.id);
    expect(managers.list()).toEqual([]);

    const withNotes = open({ notesCount: () => 2 }).managers;
    const m = withNotes.create({ name: 'Keep' });
    await expect(withNotes.remove(m.id)).rejects.toMatchObject({ code: 'conflict' });
    expect(withNotes.get(m.id).name).toBe('Keep');
  });

  it('migrates a version 1 file to version 2 without losing anyone', () => {
    fs.writeFileSync(
      path.join(dir, 'managers.json'),
      JSON.stringify({
        schemaVersion: 1,
        data: {
          managers: [
            {
              id: 'm1',
              name: 'Old Agency',
              contact: 'tg @old',
              contractEnd: '2026-12-31',
              createdAt: '2025-01-01T00:00:00.000Z',
            },
          ],
        },
      }),
    );
    const notices = new StorageNoticeLog();
    const { managers } = open({ notices });
    expect(notices.list()).toEqual([]);
    expect(managers.get('m1')).toEqual({
      id: 'm1',
      name: 'Old Agency',
      organisation: '',
      contact: 'tg @old',
      role: '',
      contractStart: null,
      contractEnd: '2026-12-31',
      noticePeriodDays: null,
      offboardedAt: null,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'managers.json'), 'utf8'));
    expect(onDisk.schemaVersion).toBe(MANAGERS_STORE_VERSION);
  });
});
