import { DEMO } from '../fake-gateway/state';
import { expect, test, type Bridge } from './fixtures';

// Offboarding against the fake gateway: the manager's active sessions are really revoked,
// and a revocation that fails leaves the manager active (it must never look done).

const MAIN = DEMO.accounts.main.accountId;
const DELETE_ROUTE = 'DELETE /{accountId}/management/sessions/{id}';

async function call<T>(bridge: Bridge, channel: string, input?: unknown): Promise<T> {
  const result = await bridge.core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.data as T;
}

interface FakeGatewayLike {
  url: string;
  apiKey: string;
  count(route: string): number;
  faults: { set(route: string, fault: unknown): void };
}

async function seed(bridge: Bridge, gateway: FakeGatewayLike) {
  await bridge.core.settings.set({ gatewayBaseUrl: gateway.url });
  await bridge.core.vault.setKey({ apiKey: gateway.apiKey });
  await call(bridge, 'accounts:list');
  const manager = await call<{ id: string }>(bridge, 'managers:create', { name: 'Lumen Agency' });
  const catalogue = await call<{ permissions: { id: string }[] }>(bridge, 'sessions:catalogue', {
    accountId: MAIN,
  });
  for (const label of ['Lumen chat', 'Lumen posts']) {
    await call(bridge, 'sessions:create', {
      accountId: MAIN,
      requestId: `req-${label.replace(/\W/g, '')}-0001`,
      label,
      permissions: [catalogue.permissions[0]!.id],
      managerId: manager.id,
      disclaimerAccepted: true,
    });
  }
  return manager;
}

async function openManager(bridge: Bridge) {
  await bridge.open();
  const page = bridge.page;
  await page.getByRole('navigation').getByRole('button', { name: 'Notes', exact: true }).click();
  await page.getByRole('tab', { name: 'Managers' }).click();
  await page
    .getByRole('list', { name: 'Managers' })
    .getByRole('button', { name: /Lumen Agency/ })
    .click();
  await expect(page.getByRole('cell', { name: 'Lumen chat' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Lumen posts' })).toBeVisible();
  return page;
}

test('offboarding revokes the manager’s active sessions at the gateway and records the end', async ({
  bridge,
  fakeGateway,
}) => {
  const gateway = fakeGateway as unknown as FakeGatewayLike;
  const manager = await seed(bridge, gateway);
  const page = await openManager(bridge);
  const deletesBefore = gateway.count(DELETE_ROUTE);

  await page.getByRole('button', { name: 'Offboard…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Offboard Lumen Agency?' });
  await expect(dialog).toContainText('revoke 2 active sessions');
  await dialog.getByRole('button', { name: 'Offboard' }).click();
  await expect(page.getByText('Lumen Agency is offboarded. Sessions revoked: 2.')).toBeVisible();
  expect(gateway.count(DELETE_ROUTE)).toBe(deletesBefore + 2);
  await expect(page.getByRole('cell', { name: 'Revoked' })).toHaveCount(2);

  const sessions = await call<{ items: { status: string }[] }>(bridge, 'managers:sessions', {
    managerId: manager.id,
  });
  expect(sessions.items.map((s) => s.status)).toEqual(['revoked', 'revoked']);
  expect(bridge.core.managers.get(manager.id).offboardedAt).not.toBeNull();
});

test('when a revocation fails, the manager is not marked offboarded and the creator is told', async ({
  bridge,
  fakeGateway,
}) => {
  const gateway = fakeGateway as unknown as FakeGatewayLike;
  const manager = await seed(bridge, gateway);
  const page = await openManager(bridge);
  gateway.faults.set(DELETE_ROUTE, { kind: 'status', status: 500, times: 10 });

  await page.getByRole('button', { name: 'Offboard…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Offboard' }).click();
  await expect(page.getByText(/Lumen Agency is not offboarded yet/)).toBeVisible();
  expect(bridge.core.managers.get(manager.id).offboardedAt).toBeNull();
  await expect(page.getByRole('button', { name: 'Offboard…' })).toBeVisible();
});
