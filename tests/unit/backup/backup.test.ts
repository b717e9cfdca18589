import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createMemoryRecorder } from '../../../src/main/services/activity-recorder';
import { ActivityService } from '../../../src/main/services/activity/activity-service';
import { BackupService } from '../../../src/main/services/backup/backup-service';
import { applyPendingRestore } from '../../../src/main/services/backup/backup-files';
import { ManagersService } from '../../../src/main/services/managers/managers-service';
import { NotesService } from '../../../src/main/services/notes/notes-service';
import { ReportService } from '../../../src/main/services/report/evidence-report';
import { forgetSecret, registerSecret } from '../../../src/main/platform/log';
import { handClock, makeTempDir, snapshotDir } from '../notes/temp-dir';

let dir: string;
let other: string;
beforeEach(() => {
  dir = makeTempDir('backup');
  other = makeTempDir('backup-other');
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(other, { recursive: true, force: true });
});

const VAULT = {
  schemaVersion: 1,
  data: { apiKeyCipher: 'c2VjcmV0LWtleS1jaXBoZXI=', last4: '4321' },
};

/** A lockdown half-way through when the backup is made. */
const LOCKDOWN = {
  schemaVersion: 1,
  data: {
    run: {
      id: 'lockdown-1',
      status: 'running',
      accountIds: ['acc1'],
      startedAt: '2026-11-20T09:00:00.000Z',
      finishedAt: null,
      steps: [],
    },
  },
};

/** The refusals the window has words for (backup:reasons in the English strings). */
const WINDOW_REASONS = (
  JSON.parse(
    fs.readFileSync(
      path.join(import.meta.dirname, '../../../src/renderer/i18n/locales/en/backup.json'),
      'utf8',
    ),
  ) as { reasons: Record<string, string> }
).reasons;

function seed(dataDir: string) {
  const clock = handClock('2026-11-20T10:00:00Z');
  const activity = new ActivityService({ dataDir, clock: clock.now });
  const notes = new NotesService({ dataDir, clock: clock.now });
  const managers = new ManagersService({ dataDir, clock: clock.now, activity });
  const note = notes.create({ target: { kind: 'account', id: 'acc1' }, text: 'Backed up note' });
  const manager = managers.create({ name: 'Agency One' });
  fs.writeFileSync(path.join(dataDir, 'vault.json'), JSON.stringify(VAULT));
  fs.writeFileSync(path.join(dataDir, 'lockdown.json'), JSON.stringify(LOCKDOWN));
  return { activity, notes, managers, note, manager, clock };
}

function service(dataDir: string, relaunch?: () => void) {
  return new BackupService({
    dataDir,
    clock: () => new Date('2026-11-23T10:00:00Z'),
    appVersion: '0.1.0',
    activity: createMemoryRecorder(),
    relaunch,
    gatewayBaseUrl: () => 'https://gateway.example',
  });
}

function rewrite(
  content: string,
  change: (doc: Record<string, unknown>) => void,
  fixChecksum = true,
): string {
  const doc = JSON.parse(content) as Record<string, unknown>;
  change(doc);
  if (fixChecksum) {
    doc.checksum = `sha256-${createHash('sha256').update(JSON.stringify(doc.files)).digest('hex')}`;
  }
  return JSON.stringify(doc);
}

describe('backup and restore', () => {
  it('round trip: a backup restored into another profile brings back notes, managers and activity', () => {
    const { note, manager } = seed(dir);
    const file = service(dir).create();
    expect(file.fileName).toBe('doorman-backup-2026-11-23.json');
    expect(file.content).not.toContain('apiKeyCipher');
    // Nor the lockdown under way: restored later it would be a stale "unfinished" lockdown.
    expect(file.content).not.toContain('lockdown-1');
    expect(file.content).not.toContain('c2VjcmV0LWtleS1jaXBoZXI=');
    const doc = JSON.parse(file.content);
    expect(doc).toMatchObject({ app: 'doorman', kind: 'backup', formatVersion: 1 });
    expect(doc.checksum).toMatch(/^sha256-[0-9a-f]{64}$/);

    // The other profile has its own data and a vault that must survive untouched.
    const mine = seed(other);
    const vaultBefore = fs.readFileSync(path.join(other, 'vault.json'), 'utf8');
    const target = service(other);
    expect(target.inspect(file.content)).toMatchObject({
      notes: 1,
      managers: 1,
      activityEntries: 1,
    });
    expect(target.stageRestore(file.content).canRestartNow).toBe(false);
    // Staged only: nothing running sees a change until the next start applies it.
    expect(
      new NotesService({ dataDir: other, clock: () => new Date() }).all().map((n) => n.id),
    ).toEqual([mine.note.id]);

    expect(applyPendingRestore(other, new Date('2026-11-23T11:00:00Z'))).toBe(true);
    const notes = new NotesService({ dataDir: other, clock: () => new Date() });
    expect(notes.all().map((n) => n.text)).toEqual(['Backed up note']);
    expect(notes.get(note.id).target).toEqual({ kind: 'account', id: 'acc1' });
    const managers = new ManagersService({
      dataDir: other,
      clock: () => new Date(),
      activity: createMemoryRecorder(),
    });
    expect(managers.list().map((m) => m.id)).toEqual([manager.id]);
    expect(fs.readFileSync(path.join(other, 'vault.json'), 'utf8')).toBe(vaultBefore);
    // What the restore replaced is kept, not deleted.
    const aside = fs.readdirSync(other).find((f) => f.startsWith('replaced-by-restore-'))!;
    expect(fs.existsSync(path.join(other, aside, 'managers.json'))).toBe(true);
    expect(fs.existsSync(path.join(other, 'pending-restore'))).toBe(false);
    expect(applyPendingRestore(other, new Date())).toBe(false);
  });

  const cases: [string, (content: string) => string, RegExp][] = [
    ['not JSON at all', () => 'PK\u0003\u0004 this is a zip', /not readable JSON/],
    ['another app', (c) => rewrite(c, (d) => (d.app = 'other-app')), /not made by Doorman/],
    [
      'a newer backup format',
      (c) => rewrite(c, (d) => (d.formatVersion = 2)),
      /newer version of Doorman/,
    ],
    [
      'a store from a newer Doorman',
      (c) =>
        rewrite(
          c,
          (d) =>
            ((d.files as Record<string, { schemaVersion: number }>)[
              'managers.json'
            ]!.schemaVersion = 99),
        ),
      /newer version/,
    ],
    [
      'a checksum mismatch (edited or damaged)',
      (c) =>
        rewrite(
          c,
          (d) =>
            ((d.files as Record<string, unknown>)['extra.json'] = { schemaVersion: 1, data: {} }),
          false,
        ),
      /checksum does not match/,
    ],
    ['a truncated file', (c) => c.slice(0, Math.floor(c.length / 2)), /not readable JSON/],
    [
      'a path outside the data folder',
      (c) =>
        rewrite(
          c,
          (d) =>
            ((d.files as Record<string, unknown>)['../escape.json'] = {
              schemaVersion: 1,
              data: {},
            }),
        ),
      /names a file/,
    ],
    [
      'a vault file smuggled in',
      (c) => rewrite(c, (d) => ((d.files as Record<string, unknown>)['vault.json'] = VAULT)),
      /names a file/,
    ],
    [
      'settings from a newer Doorman',
      (c) =>
        rewrite(c, (d) => {
          (d.files as Record<string, unknown>)['settings.json'] = {
            schemaVersion: 99,
            data: { theme: 'dark' },
          };
        }),
      /newer version/,
    ],
    [
      'a checklist this Doorman cannot read',
      (c) =>
        rewrite(c, (d) => {
          (d.files as Record<string, unknown>)['checklist.json'] = {
            schemaVersion: 1,
            data: { accounts: 'not a record' },
          };
        }),
      /checklist\.json file cannot be read/,
    ],
    [
      'an activity month with an entry that is not one',
      (c) =>
        rewrite(c, (d) => {
          const files = d.files as Record<string, { data: { entries: unknown[] } }>;
          const month = Object.keys(files).find((k) => k.startsWith('activity/'))!;
          files[month]!.data.entries.push({ what: 'not an entry' });
        }),
      /activity log cannot be read/,
    ],
    [
      'notes that do not fit their schema',
      (c) =>
        rewrite(c, (d) => {
          const files = d.files as Record<string, { data: unknown }>;
          const shard = Object.keys(files).find((k) => k.startsWith('notes/'))!;
          files[shard]!.data = { notes: { x: { id: 1 } } };
        }),
      /some notes cannot be read/,
    ],
  ];

  for (const [name, corrupt, message] of cases) {
    it(`refuses ${name} with a clear error and changes nothing on disk`, () => {
      seed(dir);
      const good = service(dir).create().content;
      seed(other);
      const before = snapshotDir(other);
      const target = service(other);
      const bad = corrupt(good);
      expect(() => target.inspect(bad)).toThrow(
        expect.objectContaining({
          code: 'invalidInput',
          message: expect.stringMatching(message),
          // The window words the refusal from this, in each language.
          reason: expect.toBeOneOf(Object.keys(WINDOW_REASONS)),
        }),
      );
      expect(() => target.stageRestore(bad)).toThrow(
        expect.objectContaining({ code: 'invalidInput' }),
      );
      expect(snapshotDir(other)).toEqual(before);
      expect(applyPendingRestore(other, new Date())).toBe(false);
      expect(snapshotDir(other)).toEqual(before);
    });
  }

  it('never carries the API key: the vault stays out and a key pasted into a note is redacted', async () => {
    const key = 'fk_live_pasted_into_a_note_9f8e7d';
    const { notes, managers, activity } = seed(dir);
    registerSecret(key);
    try {
      notes.create({ text: `my key is ${key}` });
      const backup = service(dir).create().content;
      expect(backup).not.toContain(key);
      expect(backup).not.toContain('apiKeyCipher');
      const report = await new ReportService({
        activity,
        notes,
        managers,
        recorder: activity,
        clock: () => new Date('2026-11-30T00:00:00Z'),
        appVersion: '0.1.0',
      }).export({ from: '2026-11-01T00:00:00Z', to: '2026-11-30T00:00:00Z', format: 'json' });
      expect(report.content).toContain('my key is [redacted]');
      expect(report.content).not.toContain(key);
    } finally {
      forgetSecret(key);
    }
  });

  it('restartNow relaunches where the platform can, and says what to do where it cannot', () => {
    let relaunched = 0;
    service(dir, () => relaunched++).restartNow();
    expect(relaunched).toBe(1);
    expect(() => service(dir).restartNow()).toThrow(
      expect.objectContaining({ code: 'unsupported' }),
    );
  });
});
