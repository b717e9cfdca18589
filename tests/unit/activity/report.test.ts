import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IssuedSession } from '../../../src/shared/contract/managers';
import { ActivityService } from '../../../src/main/services/activity/activity-service';
import { ManagersService } from '../../../src/main/services/managers/managers-service';
import { NotesService } from '../../../src/main/services/notes/notes-service';
import { ReportService } from '../../../src/main/services/report/evidence-report';
import { handClock, makeTempDir } from '../notes/temp-dir';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('report');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function setup(loginSessionIds?: (accountId: string) => string[]) {
  const clock = handClock('2026-10-05T10:00:00Z');
  const activity = new ActivityService({ dataDir: dir, clock: clock.now });
  const notes = new NotesService({ dataDir: dir, clock: clock.now });
  const managers = new ManagersService({ dataDir: dir, clock: clock.now, activity });
  const reports = new ReportService({
    activity,
    notes,
    managers,
    recorder: activity,
    clock: clock.now,
    appVersion: '0.1.0',
    loginSessionIds,
  });
  return { clock, activity, notes, managers, reports };
}

describe('evidence report', () => {
  it('holds the access history, sessions with their access levels and notes for the range', async () => {
    const { clock, activity, notes, managers, reports } = setup();
    const m = managers.create({ name: 'Agency | One' });
    const sessions: IssuedSession[] = [
      {
        accountId: 'acc1',
        sessionId: 's1',
        label: 'Chat team',
        managerId: m.id,
        permissions: ['messages.read', 'messages.send'],
        status: 'revoked',
        createdAt: '2026-10-01T00:00:00Z',
        endedAt: '2026-10-20T00:00:00Z',
      },
      {
        accountId: 'acc1',
        sessionId: 's-old',
        label: 'Old',
        managerId: null,
        permissions: ['wallet'],
        status: 'revoked',
        createdAt: '2026-01-01T00:00:00Z',
        endedAt: '2026-02-01T00:00:00Z',
      },
    ];
    managers.connectSessions({
      sessionsForManager: async () => sessions,
      allSessions: async () => sessions,
      revoke: async () => undefined,
    });
    activity.record({
      kind: 'sessionCreated',
      accountId: 'acc1',
      subjectId: 's1',
      summary: 'Chat team',
    });
    notes.create({
      target: { kind: 'manager', id: m.id },
      text: 'They asked for wallet access.\n<script>alert(1)</script>',
    });
    clock.set('2026-12-01T00:00:00Z');
    activity.record({ kind: 'sessionRevoked', accountId: 'acc1', subjectId: 's1' });

    const range = { from: '2026-10-01T00:00:00Z', to: '2026-10-31T23:59:59Z' };
    const json = JSON.parse((await reports.export({ ...range, format: 'json' })).content);
    expect(json.accessHistory.map((e: { kind: string }) => e.kind)).toEqual([
      'managerAdded',
      'sessionCreated',
    ]);
    expect(json.sessions.map((s: IssuedSession) => s.sessionId)).toEqual(['s1']);
    expect(json.sessions[0].permissions).toEqual(['messages.read', 'messages.send']);
    expect(json.notes).toHaveLength(1);

    const md = await reports.export({ ...range, format: 'markdown' });
    expect(md.fileName).toBe('doorman-report-2026-10-01-to-2026-10-31.md');
    expect(md.content).toContain('| Chat team | acc1 | Agency \\| One | revoked |');
    expect(md.content).toContain('messages.read, messages.send');
    // A note's text is indented as a code block: its own markup cannot restructure the report.
    expect(md.content).toContain('    <script>alert(1)</script>');
    expect(md.content).not.toContain('s-old');
    expect(activity.list({ kinds: ['reportExported'] }).entries).toHaveLength(2);
  });

  it('refuses a range whose start is after its end, with a clear error', async () => {
    const { reports } = setup();
    await expect(
      reports.export({ from: '2026-10-31T00:00:00Z', to: '2026-10-01T00:00:00Z', format: 'json' }),
    ).rejects.toMatchObject({
      code: 'invalidInput',
      message: expect.stringMatching(/after its end/),
    });
  });

  it('says sessions are unknown (not none) when the sessions feature is not connected', async () => {
    const { reports } = setup();
    const md = await reports.export({
      from: '2026-10-01T00:00:00Z',
      to: '2026-10-31T00:00:00Z',
      format: 'markdown',
    });
    expect(md.content).toContain('Session records were not available');
  });

  it("one account's report keeps the notes on that account's login sessions, not another's", async () => {
    const logins: Record<string, string[]> = { acc1: ['login-lagos'], acc2: ['login-oslo'] };
    const { notes, reports } = setup((accountId) => logins[accountId] ?? []);
    notes.create({ target: { kind: 'loginSession', id: 'login-lagos' }, text: 'Not me: Lagos' });
    notes.create({ target: { kind: 'loginSession', id: 'login-oslo' }, text: 'Me, in Oslo' });
    const range = { from: '2026-10-01T00:00:00Z', to: '2026-10-31T23:59:59Z' };
    const one = JSON.parse(
      (await reports.export({ ...range, format: 'json', accountId: 'acc1' })).content,
    );
    expect(one.notes.map((n: { text: string }) => n.text)).toEqual(['Not me: Lagos']);
  });
});
