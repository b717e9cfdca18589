import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { NOTE_MAX_CHARS } from '../../src/shared/contract';
import { expect, test } from './fixtures';

// Notes, managers, export and backup, end to end: no fake gateway anywhere here, so all
// of it runs as it would offline.

async function openScreen(page: Page, nav: string, heading = nav) {
  await page.getByRole('navigation').getByRole('button', { name: nav, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
}

async function writeNewNote(page: Page, text: string) {
  await page.getByRole('button', { name: 'New note' }).click();
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await editor.fill(text);
  await expect(page.getByTestId('note-save-status')).toHaveText('Saved');
}

test('a note written offline is found again after Doorman restarts', async ({ app, bridge }) => {
  await openScreen(app, 'Notes');
  await writeNewNote(app, '# Star Agency\nAgreed: chat only, no wallet access.');

  // Typed and immediately left: switching screens saves without waiting for the pause.
  await app.getByRole('button', { name: 'New note' }).click();
  await app.getByRole('textbox', { name: 'Note text' }).fill('Quick thought before closing');
  await openScreen(app, 'Activity');
  await expect
    .poll(() =>
      bridge.core.notes
        .all()
        .map((n) => n.text)
        .sort(),
    )
    .toEqual([
      '# Star Agency\nAgreed: chat only, no wallet access.',
      'Quick thought before closing',
    ]);

  // Drafts kept by the page must not be what brings the text back: only the disk.
  await app.evaluate(() =>
    (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear(),
  );
  await bridge.restart();
  await openScreen(app, 'Notes');
  await app.getByRole('searchbox', { name: 'Search notes' }).fill('WALLET chat');
  const list = app.getByRole('list', { name: 'Notes' });
  await expect(list.getByRole('button')).toHaveCount(1);
  await list.getByRole('button', { name: /Star Agency/ }).click();
  await expect(app.getByRole('textbox', { name: 'Note text' })).toHaveValue(
    '# Star Agency\nAgreed: chat only, no wallet access.',
  );
  expect(
    bridge.traffic.some((t) => /gateway|fansly/i.test(JSON.stringify(t)) && t.kind === 'request'),
  ).toBe(false);
  expect(bridge.pageErrors).toEqual([]);
});

test('Markdown preview never runs HTML or opens links from a note', async ({ app, bridge }) => {
  await openScreen(app, 'Notes');
  await writeNewNote(
    app,
    '**Bold** [site](https://example.com/x) [evil](javascript:alert(1)) <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
  );
  await app.getByRole('button', { name: 'Preview' }).click();
  const preview = app.getByTestId('note-preview');
  await expect(preview.locator('strong')).toHaveText('Bold');
  await expect(preview.locator('a, img, script')).toHaveCount(0);
  // Links are text with their address; an unsafe address is dropped altogether.
  await expect(preview).toContainText('site (https://example.com/x)');
  await expect(preview).not.toContainText('javascript:');
  expect(
    await app.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(bridge.openedExternal).toEqual([]);
});

test('over-long text is refused clearly, kept in the editor, and the saved note is unchanged', async ({
  app,
  bridge,
}) => {
  await openScreen(app, 'Notes');
  await writeNewNote(app, 'short and saved');
  await app.getByRole('textbox', { name: 'Note text' }).fill('y'.repeat(NOTE_MAX_CHARS + 5));
  await expect(app.getByTestId('note-save-status')).toContainText('Not saved:');
  await expect(app.getByTestId('note-save-status')).toContainText('limit');
  await expect(app.getByRole('textbox', { name: 'Note text' })).toHaveValue(
    'y'.repeat(NOTE_MAX_CHARS + 5),
  );
  expect(bridge.core.notes.all().map((n) => n.text)).toEqual(['short and saved']);
});

test('offboarding a manager records the end and shows it in the activity log', async ({
  app,
  bridge,
}) => {
  await openScreen(app, 'Notes');
  await app.getByRole('tab', { name: 'Managers' }).click();
  await app.getByRole('button', { name: 'Add manager' }).click();
  await app.getByRole('textbox', { name: 'Name' }).fill('Star Agency');
  await app.getByRole('textbox', { name: 'Organisation' }).fill('Star Ltd');
  await app.getByRole('button', { name: 'Save manager' }).click();
  await expect(app.getByRole('heading', { level: 3, name: 'Star Agency Active' })).toBeVisible();

  await app.getByRole('button', { name: 'Offboard…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Offboard Star Agency?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Offboard' }).click();
  await expect(app.getByText('Star Agency is offboarded.')).toBeVisible();
  await expect(app.getByRole('list', { name: 'Managers' })).toContainText('Offboarded');
  expect(bridge.core.managers.list()[0]!.offboardedAt).not.toBeNull();

  await openScreen(app, 'Activity');
  const log = app.getByRole('list', { name: 'Activity log' });
  await expect(log).toContainText('Manager offboarded');
  await expect(log).toContainText('Manager added');
  await app.getByRole('combobox', { name: 'Kind' }).selectOption('managerAdded');
  await expect(log).not.toContainText('Manager offboarded');
});

test('export a report, back up, and restore the backup after a restart', async ({
  app,
  bridge,
}) => {
  await openScreen(app, 'Notes');
  await writeNewNote(app, 'Kept in the backup');

  // Evidence report for today.
  await openScreen(app, 'Activity');
  const today = await app.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await app.getByRole('textbox', { name: 'From' }).last().fill(today);
  await app.getByRole('textbox', { name: 'To' }).last().fill(today);
  const reportDownload = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export report' }).click();
  const report = fs.readFileSync((await (await reportDownload).path())!, 'utf8');
  expect(report).toContain('# Doorman evidence report');
  expect(report).toContain('Kept in the backup');

  // Backup.
  await openScreen(app, 'Settings');
  const backupDownload = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Create backup' }).click();
  const backupPath = (await (await backupDownload).path())!;
  const backup = fs.readFileSync(backupPath, 'utf8');
  expect(JSON.parse(backup)).toMatchObject({ app: 'doorman', formatVersion: 1 });

  // Written after the backup: the restore takes the data back to before it.
  await openScreen(app, 'Notes');
  await writeNewNote(app, 'Written after the backup');

  // A damaged file is refused and stages nothing.
  await openScreen(app, 'Settings');
  const input = app.getByLabel('Restore from a backup file');
  await input.setInputFiles({
    name: 'damaged.json',
    mimeType: 'application/json',
    buffer: Buffer.from(backup.replace('Kept in the backup', 'Kept in the backuP')),
  });
  await expect(app.getByTestId('backup-error-detail')).toContainText('checksum does not match');
  expect(fs.existsSync(`${bridge.dataDir}/pending-restore`)).toBe(false);

  await input.setInputFiles(backupPath);
  await expect(app.getByText(/1 notes/)).toBeVisible();
  await app.getByRole('button', { name: 'Restore this backup…' }).click();
  await app.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect(app.getByText(/ready to restore/)).toBeVisible();

  await bridge.restart();
  expect(bridge.core.notes.all().map((n) => n.text)).toEqual(['Kept in the backup']);
  await openScreen(app, 'Notes');
  await expect(app.getByRole('list', { name: 'Notes' })).toContainText('Kept in the backup');
  await expect(app.getByRole('list', { name: 'Notes' })).not.toContainText('Written after');
  expect(backup).not.toMatch(/apiKey|managementsession\/claim/i);
});

test('notes, managers and activity have no serious accessibility problems', async ({ app }) => {
  const blocking = async () =>
    (await new AxeBuilder({ page: app }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  await openScreen(app, 'Notes');
  await writeNewNote(app, '# Heading\n- a list');
  expect(await blocking()).toEqual([]);
  await app.getByRole('tab', { name: 'Managers' }).click();
  await app.getByRole('button', { name: 'Add manager' }).click();
  await app.getByRole('textbox', { name: 'Name' }).fill('Agency');
  await app.getByRole('button', { name: 'Save manager' }).click();
  await expect(app.getByRole('heading', { level: 3, name: 'Agency Active' })).toBeVisible();
  expect(await blocking()).toEqual([]);
  await openScreen(app, 'Activity');
  await expect(app.getByRole('list', { name: 'Activity log' })).toContainText('Manager added');
  expect(await blocking()).toEqual([]);
});
