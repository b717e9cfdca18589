import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createLockdownRunStore } from '../../src/main/services/lockdown';
import type { LockdownStep } from '../../src/shared/contract/lockdown';
import { DEMO } from '../fake-gateway/state';
import { expect, test, type Bridge, type FakeGateway } from './fixtures';

const MAIN = DEMO.accounts.main.accountId;

/** Key saved, accounts and the main account's sessions listed once, Doorman open on the Checklist. */
async function openChecklist(bridge: Bridge, gateway: FakeGateway): Promise<Page> {
  await bridge.core.settings.set({ gatewayBaseUrl: gateway.url });
  await bridge.core.vault.setKey({ apiKey: gateway.apiKey });
  await bridge.core.accounts.refresh();
  await bridge.core.sessions.refresh(MAIN);
  await bridge.open();
  const page = bridge.page;
  await page
    .getByRole('navigation')
    .getByRole('button', { name: 'Checklist', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Security checklist' })).toBeVisible();
  return page;
}

const item = (page: Page, id: string) => page.locator(`[data-item="${id}"]`);

test('the checklist shows each state, and confirming a step dates it and logs it', async ({
  bridge,
  fakeGateway,
}) => {
  const page = await openChecklist(bridge, fakeGateway);

  // Lagos and Lisbon are logins nobody marked as recognised: the account is at risk.
  await expect(page.getByRole('group', { name: 'Security state' })).toContainText('At risk');
  await expect(page.locator('header .status-pill')).toHaveAttribute('data-state', 'atRisk');
  await expect(item(page, 'unknownLogins')).toHaveAttribute('data-status', 'needsAttention');
  await expect(item(page, 'unknownLogins')).toContainText('Lagos');
  await expect(item(page, 'sessionsNotFromDoorman')).toContainText('Agency: chat team');
  // Listed: nothing overdue. Never confirmed: needs attention.
  await expect(item(page, 'reviewOverdue')).toHaveAttribute('data-status', 'done');
  await expect(item(page, 'twoFactorOn')).toHaveAttribute('data-status', 'needsAttention');
  await expect(item(page, 'twoFactorOn')).toContainText('Not confirmed yet.');
  // The second account was never listed: its computed steps are unknown, not done.
  await page.getByRole('button', { name: /Second account/ }).click();
  await expect(item(page, 'unknownLogins')).toHaveAttribute('data-status', 'unknown');
  await page.getByRole('button', { name: /Main account/ }).click();

  await item(page, 'twoFactorOn').getByRole('button', { name: 'Mark as done' }).click();
  await expect(item(page, 'twoFactorOn')).toHaveAttribute('data-status', 'done');
  await expect(item(page, 'twoFactorOn')).toContainText('Confirmed on');

  // A back-dated password change older than 90 days is already stale.
  const password = item(page, 'passwordChanged');
  await password.getByLabel('Done on (optional)').fill('2020-01-15');
  await password.getByRole('button', { name: 'Mark as done' }).click();
  await expect(password).toContainText('time to do it again');
  await expect(password).toHaveAttribute('data-status', 'needsAttention');

  // Kept on disk and in the activity log.
  await bridge.restart();
  await page
    .getByRole('navigation')
    .getByRole('button', { name: 'Checklist', exact: true })
    .click();
  await expect(item(page, 'twoFactorOn')).toHaveAttribute('data-status', 'done');
  const confirmed = bridge.traffic.filter(
    (t) => t.kind === 'request' && t.channel === 'checklist:confirm',
  );
  expect(confirmed).toHaveLength(2);
  const activity = await bridge.core.activity.list({});
  expect(JSON.stringify(activity)).toContain('checklistConfirmed');
});

test('lockdown revokes and closes step by step; a failed step is retried alone, then the guided list', async ({
  bridge,
  fakeGateway,
}) => {
  const page = await openChecklist(bridge, fakeGateway);
  const user = [...fakeGateway.state.users.values()].find(
    (u) => u.username === DEMO.accounts.main.username,
  )!;
  const sessionsBefore = user.managementSessions.length;
  expect(sessionsBefore).toBeGreaterThan(1);
  // The first revoke fails once on the gateway.
  fakeGateway.faults.set('DELETE /{accountId}/management/sessions/{id}', {
    kind: 'status',
    status: 500,
    times: 1,
  });

  await page.getByRole('button', { name: 'Lockdown…' }).click();
  await page.getByLabel('Lock down').selectOption({ label: 'Main account' });
  await page.getByRole('button', { name: 'Lock down Main account…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Every management session will be revoked');
  await dialog.getByRole('button', { name: 'Lock down now' }).click();

  const steps = page.getByRole('list', { name: 'Lockdown steps' });
  await expect(page.getByText('Lockdown finished, but some steps failed.')).toBeVisible();
  await expect(steps.locator('[data-step-status="failed"]')).toHaveCount(1);
  await expect(steps.locator('[data-kind="closeLogins"]')).toHaveAttribute(
    'data-step-status',
    'done',
  );
  const deletesBefore = fakeGateway.count('DELETE /{accountId}/management/sessions/{id}');
  expect(deletesBefore).toBe(sessionsBefore);
  const closesBefore = fakeGateway.count('POST /{accountId}/sessions/close');

  await page.getByRole('button', { name: 'Retry failed steps' }).click();
  await expect(page.getByText('Lockdown finished: every step succeeded.')).toBeVisible();
  await expect(steps.locator('[data-step-status="done"]')).toHaveCount(sessionsBefore + 2);
  // Only the failed revoke ran again: one more DELETE, no second close.
  expect(fakeGateway.count('DELETE /{accountId}/management/sessions/{id}')).toBe(deletesBefore + 1);
  expect(fakeGateway.count('POST /{accountId}/sessions/close')).toBe(closesBefore);
  expect(user.managementSessions).toHaveLength(0);
  expect(user.loginSessions.filter((s) => !s.current)).toHaveLength(0);

  // The guided list, with the warning about the gateway.
  await expect(page.getByText('Doorman may be disconnected')).toBeVisible();
  const password = page.locator('[data-guided="passwordChanged"]');
  await password.getByRole('button', { name: 'Mark as done' }).click();
  await expect(password).toHaveAttribute('data-done', 'true');

  const activity = JSON.stringify(await bridge.core.activity.list({}));
  expect(activity).toContain('lockdownStarted');
  expect(activity).toContain('lockdownFinished');
  expect(activity.match(/lockdownStep/g)!.length).toBeGreaterThanOrEqual(sessionsBefore + 3);
});

test('an overdue review is kept with a new date, and a foreign session is revoked after confirmation', async ({
  bridge,
  fakeGateway,
}) => {
  await bridge.core.settings.set({ gatewayBaseUrl: fakeGateway.url });
  await bridge.core.vault.setKey({ apiKey: fakeGateway.apiKey });
  await bridge.core.accounts.refresh();
  await bridge.core.sessions.refresh(MAIN);
  const [agency, assistant] = bridge.core.sessions.listManagementSessions(MAIN);
  bridge.core.sessions.management.updateDetails({
    accountId: MAIN,
    sessionId: agency!.id,
    reviewBy: '2020-01-01',
  });
  await bridge.open();
  const page = bridge.page;
  await page
    .getByRole('navigation')
    .getByRole('button', { name: 'Checklist', exact: true })
    .click();

  const overdue = item(page, 'reviewOverdue');
  await expect(overdue).toHaveAttribute('data-status', 'needsAttention');
  await overdue.getByRole('button', { name: 'Keep, review in 30 days' }).click();
  await expect(overdue).toHaveAttribute('data-status', 'done');
  expect(bridge.core.sessions.listManagementSessions(MAIN)[0]!.reviewBy! > '2026-01-01').toBe(true);

  const foreign = item(page, 'sessionsNotFromDoorman');
  await foreign
    .locator(`[data-subject="${assistant!.id}"]`)
    .getByRole('button', { name: 'Revoke…' })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Revoke “${assistant!.label}”?`);
  const user = [...fakeGateway.state.users.values()].find(
    (u) => u.username === DEMO.accounts.main.username,
  )!;
  // Nothing is revoked until the creator confirms.
  expect(user.managementSessions.some((s) => s.id === assistant!.id)).toBe(true);
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(dialog).toHaveCount(0);
  expect(user.managementSessions.some((s) => s.id === assistant!.id)).toBe(false);
  await expect(foreign).not.toContainText(assistant!.label);
});

test('the tray’s Lockdown… opens the lockdown panel, and its Revoke… only asks', async ({
  bridge,
  fakeGateway,
}) => {
  await bridge.core.settings.set({ gatewayBaseUrl: fakeGateway.url });
  await bridge.core.vault.setKey({ apiKey: fakeGateway.apiKey });
  await bridge.core.accounts.refresh();
  await bridge.core.sessions.refresh(MAIN);
  await bridge.open();
  const page = bridge.page;
  await expect(page.locator('header .status-pill')).toHaveAttribute('data-state', 'atRisk');

  // The tray model the Electron tray renders: per account, Revoke… for each active session.
  await bridge.core.trayState.update();
  const tray = bridge.core.trayState.current()!;
  expect(tray.overall).toBe('atRisk');
  const items = tray.sections.flat().flatMap((i) => (i.kind === 'submenu' ? i.items : [i]));
  const revoke = items.find(
    (i) => i.kind === 'action' && i.label === 'Revoke “Agency: chat team”…',
  ) as { id: string } | undefined;
  expect(revoke).toBeDefined();

  expect(bridge.core.trayState.handleAction('lockdown')).toBe(true);
  await expect(page.getByRole('heading', { level: 2, name: 'Security checklist' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Lockdown', exact: true })).toBeVisible();

  const user = [...fakeGateway.state.users.values()].find(
    (u) => u.username === DEMO.accounts.main.username,
  )!;
  const before = user.managementSessions.length;
  bridge.core.trayState.handleAction(revoke!.id);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Revoke “Agency: chat team”?');
  expect(user.managementSessions).toHaveLength(before);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(user.managementSessions).toHaveLength(before);
  expect(fakeGateway.count('DELETE /{accountId}/management/sessions/{id}')).toBe(0);

  bridge.core.trayState.handleAction(revoke!.id);
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(dialog).toHaveCount(0);
  expect(user.managementSessions).toHaveLength(before - 1);
});

test('Settings: each notification kind can be turned off, and the refresh interval changes', async ({
  app,
  bridge,
}) => {
  await app.getByRole('navigation').getByRole('button', { name: 'Settings', exact: true }).click();
  const section = app.getByRole('region', { name: 'Watching and notifications' });
  await expect(section).toBeVisible();
  const newLogins = section.getByRole('switch', { name: 'Notify me about new logins' });
  await expect(newLogins).toBeChecked();
  await newLogins.uncheck();
  await expect.poll(() => bridge.core.settings.get().notifyNewLogin).toBe(false);
  expect(bridge.core.settings.get().notifyReviewDue).toBe(true);
  await section.getByLabel('Refresh').selectOption({ label: 'Every hour' });
  await expect.poll(() => bridge.core.settings.get().refreshIntervalMinutes).toBe(60);
  expect(bridge.core.monitor.getStatus().intervalMinutes).toBe(60);
});

test('the checklist and the lockdown panel have no serious accessibility problems, in both themes', async ({
  bridge,
  fakeGateway,
}) => {
  const page = await openChecklist(bridge, fakeGateway);
  const problems = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  await item(page, 'twoFactorOn').getByText('Why it matters and how to do it').click();
  expect(await problems()).toEqual([]);
  await page.getByRole('button', { name: 'Lockdown…' }).click();
  await expect(page.getByRole('heading', { name: 'Lockdown', exact: true })).toBeVisible();
  expect(await problems()).toEqual([]);
  await bridge.core.settings.set({ theme: 'dark' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', /dark/);
  expect(await problems()).toEqual([]);
});

test('a lockdown Doorman was closed during comes back as unfinished, and a retry completes it', async ({
  bridge,
  fakeGateway,
}) => {
  await openChecklist(bridge, fakeGateway);
  const user = [...fakeGateway.state.users.values()].find(
    (u) => u.username === DEMO.accounts.main.username,
  )!;
  const target = user.managementSessions[0]!;
  const kept = user.managementSessions.length - 1;
  // What lockdown.json holds when Doorman is killed while revoking `target`.
  const step = (kind: LockdownStep['kind'], status: LockdownStep['status']) => ({
    id: `${MAIN}:${kind === 'revokeSession' ? `revoke:${target.id}` : kind}`,
    accountId: MAIN,
    accountLabel: '@main',
    kind,
    sessionId: kind === 'revokeSession' ? target.id : null,
    subjectLabel: kind === 'revokeSession' ? target.label : null,
    status,
    error: null,
    finishedAt: status === 'done' ? '2026-11-23T10:00:01.000Z' : null,
  });
  createLockdownRunStore({ dataDir: bridge.dataDir }).save({
    id: 'lockdown-1',
    status: 'running',
    accountIds: [MAIN],
    startedAt: '2026-11-23T10:00:00.000Z',
    finishedAt: null,
    steps: [
      step('listSessions', 'done'),
      step('revokeSession', 'running'),
      step('closeLogins', 'pending'),
    ],
  });
  const closesBefore = fakeGateway.count('POST /{accountId}/sessions/close');

  await bridge.restart();
  const page = bridge.page;
  // The start screen says so first.
  await page.getByRole('navigation').getByRole('button', { name: 'Overview', exact: true }).click();
  await expect(page.getByText('The last lockdown did not finish')).toBeVisible();
  await page.getByRole('button', { name: 'Review it on the checklist' }).click();
  const steps = page.getByRole('list', { name: 'Lockdown steps' });
  await expect(steps.locator('[data-step-status="failed"]')).toHaveCount(2);
  await expect(steps).toContainText('Doorman was closed before this finished');
  expect(JSON.stringify(await bridge.core.activity.list({}))).toContain('Lockdown interrupted');

  await page.getByRole('button', { name: 'Retry failed steps' }).click();
  await expect(page.getByText('Lockdown finished: every step succeeded.')).toBeVisible();
  expect(user.managementSessions.map((s) => s.id)).not.toContain(target.id);
  expect(user.managementSessions).toHaveLength(kept);
  expect(fakeGateway.count('POST /{accountId}/sessions/close')).toBe(closesBefore + 1);
});
