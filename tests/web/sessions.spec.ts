import type { Page } from '@playwright/test';
import { createMemoryClipboard } from '../../src/main/platform/clipboard';
import { DEMO } from '../fake-gateway/state';
import { expect, test, type Bridge, type FakeGateway } from './fixtures';

const CODE = '424242';
const clipboard = createMemoryClipboard();

test.use({
  fakeGatewayOptions: { fixedTwoFactorCode: CODE },
  bridgeOptions: { coreDeps: { clipboard } },
});

/** Key saved, gateway pointed at the fake, Doorman open on the Sessions screen of the demo account. */
async function openSessions(bridge: Bridge, gateway: FakeGateway): Promise<Page> {
  clipboard.text = '';
  await bridge.core.settings.set({ gatewayBaseUrl: gateway.url });
  await bridge.core.vault.setKey({ apiKey: gateway.apiKey });
  await bridge.open();
  const page = bridge.page;
  // The accounts screen loads the accounts and selects the first one.
  await expect(page.getByText(DEMO.accounts.main.username).first()).toBeAttached();
  await page.getByRole('navigation').getByRole('button', { name: 'Sessions', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sessions' })).toBeVisible();
  return page;
}

function demoUser(gateway: FakeGateway) {
  const user = [...gateway.state.users.values()].find(
    (u) => u.username === DEMO.accounts.main.username,
  );
  if (!user) throw new Error('demo user missing');
  return user;
}

test('create with a preset: the link is shown once, copied, listed, revoked, and kept in history with its note', async ({
  bridge,
  fakeGateway,
}) => {
  const page = await openSessions(bridge, fakeGateway);
  await page.getByRole('button', { name: 'New session' }).click();
  await page.getByRole('textbox', { name: 'Session name' }).fill('Agency Lumen');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Content editor' }).click();
  await expect(page.getByTestId('access-card')).toContainText('Low risk');
  await expect(page.getByTestId('access-card')).toContainText('Delete your account');
  await page.getByRole('button', { name: 'Next' }).click();
  const create = page.getByRole('button', { name: 'Create session' });
  await expect(create).toBeDisabled();
  await page.getByRole('checkbox', { name: 'I have read this and accept it' }).check();
  await create.click();

  const linkField = page.getByTestId('one-time-link');
  await expect(linkField).toHaveValue(/^https:\/\/fansly\.com\/managementsession\/claim\//);
  const link = await linkField.inputValue();
  await expect(page.getByText('This link is shown only once')).toBeVisible();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('link-copied')).toBeVisible();
  expect(clipboard.text).toBe(link);
  await page.getByRole('textbox', { name: 'Where did you send it?' }).fill('Telegram to Anna');
  await page.getByRole('button', { name: 'Done' }).click();

  // Gone from the screen, never on disk, and only one session was made on the gateway.
  await expect(page.getByTestId('one-time-link')).toHaveCount(0);
  expect(await bridge.dataDirText()).not.toContain(link);
  expect(bridge.logLines.join('\n')).not.toContain(link);
  expect(fakeGateway.count('POST /{accountId}/management/sessions')).toBe(1);

  const row = page.getByRole('option', { name: /Agency Lumen/ });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByRole('textbox', { name: 'Where did you send it?' })).toHaveValue(
    'Telegram to Anna',
  );
  await page.getByRole('textbox', { name: 'Add a note' }).fill('Photos only, contract until March');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByTestId('session-notes')).toContainText('Photos only');

  await page.getByRole('button', { name: 'Revoke', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Revoke “Agency Lumen”?');
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(dialog).toHaveCount(0);

  await expect(page.getByTestId('session-history')).toContainText('Revoked');
  await expect(page.getByTestId('session-notes')).toContainText('Photos only');
  expect(demoUser(fakeGateway).managementSessions.some((s) => s.label === 'Agency Lumen')).toBe(
    false,
  );
  await page.getByRole('combobox', { name: 'Status' }).selectOption('revoked');
  await expect(page.getByRole('option', { name: /Agency Lumen/ })).toContainText('Revoked');
});

test('editing a session asks for the 2FA code, then saves once', async ({
  bridge,
  fakeGateway,
}) => {
  const page = await openSessions(bridge, fakeGateway);
  const existing = demoUser(fakeGateway).managementSessions[0]!;
  const row = page.getByRole('option', { name: new RegExp(existing.label) });
  await expect(row).toContainText('Not created in Doorman');
  await row.click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Session name' }).fill('Renamed by creator');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByTestId('twofa-sent')).toBeVisible();
  await page.getByRole('textbox', { name: 'Code' }).fill(CODE);
  await page.getByRole('button', { name: 'Confirm' }).click();

  await expect(page.getByRole('option', { name: /Renamed by creator/ })).toBeVisible();
  await expect(page.getByTestId('session-history')).toContainText('Changed');
  expect(demoUser(fakeGateway).managementSessions.find((s) => s.id === existing.id)?.label).toBe(
    'Renamed by creator',
  );
  expect(fakeGateway.count('PATCH /{accountId}/management/sessions/{id}')).toBe(2);
});

test('closes a login session after confirmation', async ({ bridge, fakeGateway }) => {
  const page = await openSessions(bridge, fakeGateway);
  await page.getByRole('tab', { name: 'Login sessions' }).click();
  const list = page.getByTestId('login-list');
  await expect(list).toContainText('Lagos');
  await page.getByRole('button', { name: /^Close .*Android/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Lagos');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(list).not.toContainText('Lagos');
  expect(demoUser(fakeGateway).loginSessions.some((s) => s.id === '600000000000000002')).toBe(
    false,
  );
});

test('without the assumed routes, both lists switch to clearly labelled manual tracking', async ({
  bridge,
  fakeGateway,
}) => {
  fakeGateway.setAssumedRoutes(false);
  const page = await openSessions(bridge, fakeGateway);
  await expect(page.getByText('Manual tracking')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New session' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Open management on fansly.com' }).click();
  await expect.poll(() => bridge.openedExternal).toContain('https://fansly.com/creator/management');

  await page.getByRole('button', { name: 'Record a session' }).click();
  await page.getByRole('textbox', { name: 'Session name' }).fill('Made on fansly.com');
  await page.getByRole('button', { name: 'Messaging' }).click();
  await page.getByRole('button', { name: 'Record a session' }).click();
  const row = page.getByRole('option', { name: /Made on fansly\.com/ });
  await expect(row).toContainText('Recorded by hand');

  await page.getByRole('button', { name: 'Mark as revoked' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Mark as revoked' }).click();
  await expect(page.getByTestId('session-history')).toContainText('Marked revoked on fansly.com');

  await page.getByRole('tab', { name: 'Login sessions' }).click();
  await expect(page.getByText('This gateway does not show login sessions.')).toBeVisible();
  await page.getByRole('button', { name: 'Open login sessions on fansly.com' }).click();
  await expect.poll(() => bridge.openedExternal).toContain('https://fansly.com/settings/sessions');

  // Login sessions seen on fansly.com are recorded by hand, labelled so, and marked closed here.
  await page.getByRole('button', { name: 'Record a login session' }).click();
  const form = page.getByRole('region', { name: 'Record a login session seen on fansly.com' });
  await form.getByRole('textbox', { name: 'Device' }).fill('Unknown Android');
  await form.getByRole('textbox', { name: 'Place (city)' }).fill('Lagos');
  await form.getByRole('textbox', { name: 'Note' }).fill('not mine');
  await form.getByRole('button', { name: 'Record a login session' }).click();
  await expect(form).toHaveCount(0);
  const login = page.getByRole('listitem').filter({ hasText: 'Unknown Android' });
  await expect(login).toContainText('Recorded by hand');
  await expect(login).toContainText('Lagos');
  await expect(login).toContainText('not mine');
  await expect(login.getByRole('button', { name: 'Close Unknown Android' })).toHaveCount(0);

  await login.getByRole('button', { name: 'Mark Unknown Android as closed' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Mark as closed' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Unknown Android' })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Show closed sessions' }).check();
  const closed = page.getByRole('listitem').filter({ hasText: 'Unknown Android' });
  await expect(closed).toContainText('Closed');
  await expect(closed).toContainText('Recorded by hand');
});

test('offline: the last-known list stays with its time, and a revoke is not queued', async ({
  bridge,
  fakeGateway,
}) => {
  const page = await openSessions(bridge, fakeGateway);
  const existing = demoUser(fakeGateway).managementSessions[0]!;
  await expect(page.getByRole('option', { name: new RegExp(existing.label) })).toBeVisible();
  await page.getByRole('option', { name: new RegExp(existing.label) }).click();

  // Every connection is cut once the request is out: Doorman cannot tell whether the
  // revoke reached Fansly, says so, and queues nothing.
  fakeGateway.faults.set('*', { kind: 'reset' });
  await page.getByRole('button', { name: 'Revoke', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(dialog).toContainText('cannot tell whether it worked');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('session-history')).not.toContainText('Revoked');

  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByText('Showing the last-known list')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New session' })).toBeDisabled();
  await expect(page.getByRole('option', { name: new RegExp(existing.label) })).toContainText(
    'Active',
  );
  expect(demoUser(fakeGateway).managementSessions.some((s) => s.id === existing.id)).toBe(true);
});
