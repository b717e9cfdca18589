import path from 'node:path';
import { createTestSecretBox } from '../../src/main/platform/secret-box';
import { DEMO } from '../fake-gateway/state';
import { REPO_ROOT } from './bridge';
import { expect, test, type Bridge } from './fixtures';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results/screenshots');

const CODE = '482913';

test.use({ fakeGatewayOptions: { fixedTwoFactorCode: CODE } });

/** Everything main sent to the page: answers, refusals and events (requests are the page's own). */
function fromMain(bridge: Bridge): string {
  return JSON.stringify(bridge.traffic.filter((entry) => entry.kind !== 'request'));
}

test('onboarding → key → connect an account that needs 2FA → listed; gateway stopped → last-known list, marked offline with its time', async ({
  bridge,
  fakeGateway,
}) => {
  await bridge.core.settings.set({ gatewayBaseUrl: fakeGateway.url });
  await bridge.open();
  const page = bridge.page;

  // First run: onboarding explains the gateway and offers the docs.
  await expect(page.getByRole('heading', { level: 2, name: 'Welcome to Doorman' })).toBeVisible();
  await expect(page.getByText(/keeps your Fansly login on its side/)).toBeVisible();
  await expect(page.getByText(/Notes, managers, the security checklist/)).toBeVisible();
  await page.getByRole('button', { name: 'Open the gateway documentation' }).click();
  await expect.poll(() => bridge.openedExternal).toEqual(['https://apifansly.com/docs']);

  // A rejected key saves nothing and says so.
  const keyField = page.getByRole('textbox', { name: 'API key', exact: true });
  await keyField.fill('fk_not_a_real_key_0000');
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByText(/The gateway rejected this key/)).toBeVisible();
  expect((await bridge.core.vault.status()).isSet).toBe(false);

  await keyField.fill(fakeGateway.apiKey);
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Accounts' })).toBeVisible();
  await expect(page.getByTestId('api-key-status')).toContainText(
    `ending in ${fakeGateway.apiKey.slice(-4)}`,
  );
  await expect(page.getByTestId('account-row')).toHaveCount(2);

  // Connect the account that needs a 2FA code.
  await page.getByRole('button', { name: 'Connect an account' }).first().click();
  await expect(page.getByText(/signs in to Fansly and keeps your login on its side/)).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Fansly username or e-mail' })
    .fill(DEMO.twoFactorUsername);
  await page.getByLabel('Fansly password').fill(DEMO.password);
  await page.getByRole('textbox', { name: 'Label', exact: true }).fill('Locked page');
  await page.getByRole('combobox', { name: 'Country', exact: true }).selectOption('PT');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'accounts-connect.png'), fullPage: true });
  await page.getByRole('button', { name: 'Connect', exact: true }).click();

  await expect(
    page.getByText('Fansly sent a sign-in code to l*********r@g****.com.'),
  ).toBeVisible();
  const codeField = page.getByRole('textbox', { name: 'Code', exact: true });
  await codeField.fill('000000');
  await page.getByRole('button', { name: 'Confirm and connect' }).click();
  await expect(page.getByText('That code is not right. 4 tries left.')).toBeVisible();
  await codeField.fill(CODE);
  await page.getByRole('button', { name: 'Confirm and connect' }).click();

  const rows = page.getByTestId('account-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: DEMO.twoFactorUsername })).toContainText('Locked page');
  await expect(page.getByTestId('accounts-as-of')).toContainText('As of');
  await expect(page.getByTestId('accounts-as-of')).not.toContainText('Offline');

  await page.screenshot({ path: path.join(SCREENSHOTS, 'accounts-list.png'), fullPage: true });

  // The gateway goes away: the list stays, marked offline, with the time it is from.
  await fakeGateway.close();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('accounts-as-of')).toContainText('Offline');
  await expect(page.getByText('Showing the last-known list')).toBeVisible();
  await expect(page.getByTestId('accounts-as-of')).toContainText(/As of \d{1,2}:\d{2}/);
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Disconnect' }).first()).toBeDisabled();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'accounts-offline.png'), fullPage: true });

  // The key and the password crossed the bridge only inward; never back, never to disk or a log.
  const outward = fromMain(bridge);
  expect(outward).not.toContain(fakeGateway.apiKey);
  expect(outward).not.toContain(DEMO.password);
  const inward = bridge.traffic.filter(
    (entry) => entry.kind === 'request' && JSON.stringify(entry).includes(fakeGateway.apiKey),
  );
  expect(inward.map((entry) => entry.channel)).toEqual(['vault:setKey']);
  const disk = await bridge.dataDirText();
  expect(disk).not.toContain(fakeGateway.apiKey);
  expect(disk).not.toContain(DEMO.password);
  expect(bridge.logLines.join('\n')).not.toContain(fakeGateway.apiKey);
  expect(bridge.logLines.join('\n')).not.toContain(DEMO.password);
  expect(bridge.pageErrors).toEqual([]);
});

test('disconnecting asks first and says it is final; the account then leaves the list', async ({
  bridge,
  fakeGateway,
}) => {
  await bridge.core.settings.set({ gatewayBaseUrl: fakeGateway.url });
  await bridge.core.vault.setKey({ apiKey: fakeGateway.apiKey });
  await bridge.open();
  const page = bridge.page;
  await page.getByRole('navigation').getByRole('button', { name: 'Accounts', exact: true }).click();
  const rows = page.getByTestId('account-row');
  await expect(rows).toHaveCount(2);

  // With two accounts there is a switcher; it sets the account the other screens show.
  await page
    .getByLabel('Account shown on the other screens')
    .selectOption(DEMO.accounts.second.accountId);
  await expect(rows.filter({ hasText: DEMO.accounts.second.username })).toHaveAttribute(
    'aria-current',
    'true',
  );

  await rows
    .filter({ hasText: DEMO.accounts.second.username })
    .getByRole('button', { name: 'Disconnect' })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Disconnect @${DEMO.accounts.second.username}`);
  await expect(dialog).toContainText('This is final');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows).toHaveCount(2);
  expect(fakeGateway.count('DELETE /accounts/{accountId}')).toBe(0);

  await rows
    .filter({ hasText: DEMO.accounts.second.username })
    .getByRole('button', { name: 'Disconnect' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Disconnect for good' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(DEMO.accounts.main.username);
  expect(fakeGateway.count('DELETE /accounts/{accountId}')).toBe(1);
});

test('a key saved while the gateway is unreachable is saved only when the creator says so, marked unchecked', async ({
  bridge,
}) => {
  // Nothing listens on port 9: the check fails as a network error.
  await bridge.core.settings.set({ gatewayBaseUrl: 'http://127.0.0.1:9' });
  await bridge.open();
  const page = bridge.page;
  await page
    .getByRole('textbox', { name: 'API key', exact: true })
    .fill('fk_live_offline_key_5678');
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByText('The gateway could not be reached to check this key')).toBeVisible({
    timeout: 20_000,
  });
  expect((await bridge.core.vault.status()).isSet).toBe(false);
  await page.getByRole('button', { name: 'Save anyway, unchecked' }).click();
  await expect(page.getByTestId('api-key-status')).toContainText('ending in 5678', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('api-key-status')).toContainText('Not checked yet');
  expect(fromMain(bridge)).not.toContain('fk_live_offline_key_5678');
});

test.describe('on Linux with only basic_text', () => {
  test.use({
    bridgeOptions: {
      secretBox: createTestSecretBox({ osProtected: false, backend: 'basic_text' }),
    },
  });

  test('the key is saved only after the creator agrees it is not protected by a keychain', async ({
    bridge,
    fakeGateway,
  }) => {
    await bridge.core.settings.set({ gatewayBaseUrl: fakeGateway.url });
    await bridge.open();
    const page = bridge.page;
    await expect(page.getByText('Your system keychain will not protect this key')).toBeVisible();
    await page.getByRole('textbox', { name: 'API key', exact: true }).fill(fakeGateway.apiKey);
    await page.getByRole('button', { name: 'Save key' }).click();
    await expect(page.getByText(/Tick the box above to agree/)).toBeVisible();
    expect((await bridge.core.vault.status()).isSet).toBe(false);
    expect(fakeGateway.count('GET /accounts')).toBe(0);

    await page.getByLabel('I understand; save the key without keychain protection').check();
    await page.getByRole('button', { name: 'Save key' }).click();
    await expect(page.getByTestId('api-key-status')).toContainText(
      'Not protected by the system keychain',
    );
    expect(await bridge.dataDirText()).not.toContain(fakeGateway.apiKey);
  });
});
