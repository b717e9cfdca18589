import { DEMO } from '../fake-gateway/state';
import { expect, test, type Bridge, type FakeGateway } from './fixtures';

/** Key saved and the gateway pointed at the fake; nothing listed yet, as after a fresh install. */
async function openWithKey(bridge: Bridge, gateway: FakeGateway) {
  await bridge.core.settings.set({ gatewayBaseUrl: gateway.url });
  await bridge.core.vault.setKey({ apiKey: gateway.apiKey });
  await bridge.open();
  return bridge.page;
}

/**
 * The start screen against the real core and the fake gateway: a creator with a key opens
 * Doorman and sees who can get in, with what power, and whether the account is at risk.
 */
test('opens on who can get in: sessions with their power, logins, security; a row opens the session', async ({
  bridge,
  fakeGateway,
}) => {
  const page = await openWithKey(bridge, fakeGateway);

  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  const nav = page.getByRole('navigation');
  await expect(nav.locator('[aria-current="page"]')).toHaveText('Overview');
  // Nothing was listed before this start: the accounts and then the sessions are fetched in
  // the background and the screen fills in as they arrive.
  await expect(page.getByTestId('overview-as-of')).toContainText(`@${DEMO.accounts.main.username}`);
  const list = page.getByRole('list', { name: '2 active management sessions' });
  await expect(list).toBeVisible();
  const agency = page.getByRole('button', { name: 'Open Agency: chat team' });
  await expect(agency).toContainText('Messages, Mass messages, Media vault');
  await expect(agency).toContainText('Medium risk');
  // Sessions the demo gateway had before Doorman: flagged, and the account is at risk.
  await expect(agency).toContainText('Not created in Doorman');
  await expect(page.getByText('2 were not created in Doorman: check who they are.')).toBeVisible();
  await expect(page.getByText('2 you have not marked as recognised.')).toBeVisible();
  await expect(page.locator('.overview-card [data-state="atRisk"]')).toHaveText('At risk');

  await agency.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sessions' })).toBeVisible();
  await expect(page.locator('#session-row-700000000000000001')).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByTestId('access-card')).toContainText('Medium risk');
  expect(bridge.pageErrors).toEqual([]);
});

test('the account picker switches every screen to the other account', async ({
  bridge,
  fakeGateway,
}) => {
  const page = await openWithKey(bridge, fakeGateway);
  await expect(page.getByRole('button', { name: 'Open Agency: chat team' })).toBeVisible();
  await page
    .getByRole('combobox', { name: 'Account', exact: true })
    .selectOption(DEMO.accounts.second.accountId);
  await expect(page.getByTestId('overview-as-of')).toContainText(
    `@${DEMO.accounts.second.username}`,
  );
  const manager = page.getByRole('button', { name: 'Open Manager: full access' });
  await expect(manager).toBeVisible();
  await expect(manager).toContainText('High risk');
  await expect(page.getByRole('button', { name: 'Open Agency: chat team' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Manage sessions' }).click();
  await expect(page.locator('#session-row-700000000000000011')).toBeVisible();
});

test('a first run starts on Accounts, where the key is added', async ({ bridge }) => {
  await bridge.open();
  const page = bridge.page;
  await expect(page.getByRole('heading', { level: 2, name: 'Welcome to Doorman' })).toBeVisible();
  await expect(page.getByRole('navigation').locator('[aria-current="page"]')).toHaveText(
    'Accounts',
  );
  await page.getByRole('navigation').getByRole('button', { name: 'Overview' }).click();
  await expect(page.getByText('Doorman needs your gateway API key')).toBeVisible();
});
