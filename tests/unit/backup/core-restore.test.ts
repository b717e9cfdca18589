import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../../src/main/core';
import { createMemoryLogger } from '../../../src/main/platform/log';
import { createTestSecretBox } from '../../../src/main/platform/secret-box';
import { makeTempDir } from '../notes/temp-dir';

let dir: string;
let other: string;
beforeEach(() => {
  dir = makeTempDir('core');
  other = makeTempDir('core-other');
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(other, { recursive: true, force: true });
});

function core(dataDir: string, relaunch?: () => void) {
  return createCore({
    dataDir,
    info: { name: 'Doorman', version: '0.1.0', platform: 'linux', isDevelopment: false },
    secretBox: createTestSecretBox(),
    fetch: (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch,
    clock: () => new Date(),
    log: createMemoryLogger(),
    openExternal: async () => undefined,
    loginItems: { apply: () => undefined },
    relaunch,
  });
}

async function call(c: ReturnType<typeof core>, channel: string, input?: unknown) {
  const result = await c.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.data;
}

describe('restore through the real core', () => {
  it('stages through the channels and is applied at the next start, logged as restored', async () => {
    const source = core(dir);
    await call(source, 'notes:create', { text: 'from the old computer' });
    await call(source, 'managers:create', { name: 'Agency' });
    const backup = (await call(source, 'backup:create')) as { content: string };

    let relaunched = 0;
    const target = core(other, () => relaunched++);
    await call(target, 'notes:create', { text: 'will be replaced' });
    const summary = await call(target, 'backup:inspect', { content: backup.content });
    expect(summary).toMatchObject({ notes: 1, managers: 1 });
    // Without confirm: true the bridge refuses it.
    expect((await target.dispatch('backup:restore', { content: backup.content })).ok).toBe(false);
    expect(fs.existsSync(path.join(other, 'pending-restore'))).toBe(false);
    expect(
      await call(target, 'backup:restore', { content: backup.content, confirm: true }),
    ).toMatchObject({
      canRestartNow: true,
    });
    await call(target, 'backup:restartNow');
    expect(relaunched).toBe(1);
    await target.stop();

    const restarted = core(other);
    const notes = (await call(restarted, 'notes:list', {})) as { items: { title: string }[] };
    expect(notes.items.map((n) => n.title)).toEqual(['from the old computer']);
    const managers = (await call(restarted, 'managers:list')) as { name: string }[];
    expect(managers.map((m) => m.name)).toEqual(['Agency']);
    const log = (await call(restarted, 'activity:list', { kinds: ['backupRestored'] })) as {
      entries: unknown[];
    };
    expect(log.entries).toHaveLength(1);
    await restarted.stop();
    await source.stop();
  });

  it("keeps this machine's gateway address: the API key never follows an address from a file", async () => {
    const source = core(dir);
    await call(source, 'settings:set', {
      gatewayBaseUrl: 'https://collector.example',
      theme: 'dark',
    });
    const backup = (await call(source, 'backup:create')) as { content: string };
    const target = core(other);
    await call(target, 'settings:set', { gatewayBaseUrl: 'https://gateway.mine.example' });
    await call(target, 'backup:restore', { content: backup.content, confirm: true });
    await target.stop();
    const restored = core(other);
    const settings = (await call(restored, 'settings:get')) as Record<string, unknown>;
    // The rest of the settings come back from the file; the address stays this machine's.
    expect(settings).toMatchObject({
      theme: 'dark',
      gatewayBaseUrl: 'https://gateway.mine.example',
    });
    await restored.stop();
    await source.stop();
  });

  it('a restore that cannot be finished at start (a full disk) leaves the data as it was, and says so', async () => {
    const source = core(dir);
    await call(source, 'notes:create', { text: 'from the backup' });
    const backup = (await call(source, 'backup:create')) as { content: string };
    await source.stop();
    const target = core(other);
    await call(target, 'notes:create', { text: 'current note on this machine' });
    await call(target, 'backup:restore', { content: backup.content, confirm: true });
    await target.stop();

    // The disk fills up while the staged files are copied into place.
    const realOpen = fs.openSync;
    const full = vi.spyOn(fs, 'openSync').mockImplementation(((
      file: fs.PathLike,
      ...rest: unknown[]
    ) => {
      if (String(file).includes('.json.tmp-') && !String(file).includes('pending-restore')) {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }
      return (realOpen as (...a: unknown[]) => number)(file, ...rest);
    }) as typeof fs.openSync);
    const restarted = core(other);
    full.mockRestore();

    const notes = (await call(restarted, 'notes:list', {})) as { items: { title: string }[] };
    expect(notes.items.map((n) => n.title)).toEqual(['current note on this machine']);
    expect(await call(restarted, 'app:storageNotices')).toEqual([
      expect.objectContaining({ store: 'backup', kind: 'restoreFailed' }),
    ]);
    // Dropped, not retried at every start; nothing left half-moved.
    expect(fs.existsSync(path.join(other, 'pending-restore'))).toBe(false);
    expect(fs.readdirSync(other).some((name) => name.startsWith('replaced-by-restore-'))).toBe(
      false,
    );
    await restarted.stop();
  });

  it('a store repaired at start is told to the creator and written in the activity log', async () => {
    const first = core(dir);
    await call(first, 'managers:create', { name: 'Agency' });
    await first.stop();
    // The last good copy is taken at each good start (JsonStore), so start once more.
    await core(dir).stop();
    fs.writeFileSync(path.join(dir, 'managers.json'), '{"schemaVersion": 2, "data": {"mana');

    const second = core(dir);
    const notices = (await call(second, 'app:storageNotices')) as { store: string; kind: string }[];
    expect(notices.map((n) => `${n.store}:${n.kind}`)).toEqual([
      'managers:corruptSetAside',
      'managers:restoredBackup',
    ]);
    expect(
      ((await call(second, 'managers:list')) as { name: string }[]).map((m) => m.name),
    ).toEqual(['Agency']);
    const log = (await call(second, 'activity:list', { kinds: ['storageRecovered'] })) as {
      entries: { summary: string }[];
    };
    expect(log.entries.map((e) => e.summary).sort()).toEqual([
      'managers: corruptSetAside',
      'managers: restoredBackup',
    ]);
    await second.stop();
  });
});
