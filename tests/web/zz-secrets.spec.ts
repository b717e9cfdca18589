/**
 * Secrets sweep (reliability suite). A whole session of use goes through the real preload
 * and bridge: key saved, an account connected with 2FA, a management session created,
 * every screen opened, a report and a backup exported, the app restarted. Then every store
 * file, every log line and every recorded bridge message is searched:
 * - the API key crosses the bridge once, renderer → main, in `vault:setKey`; it is never in
 *   an answer or an event, a log line, a store file (in plain text) or an export;
 * - a management-session link crosses once, main → renderer, in the `sessions:create`
 *   answer that shows it; it is nowhere else: not on disk, in a log, a list, an event, a
 *   request, or an export; links of sessions Doorman did not create never appear at all;
 * - the Fansly password used to connect reaches main once and is kept nowhere.
 */
import type { Page } from '@playwright/test';
import { DEMO } from '../fake-gateway/state';
import { expect, test, type TrafficEntry } from './fixtures';

const CODE = '424242';
const LINK_PATTERN = /managementsession\/claim\/[^\s"'\\<>]+/gi;

test.use({ fakeGatewayOptions: { fixedTwoFactorCode: CODE } });

type Call = (namespace: string, method: string, input?: unknown) => Promise<unknown>;

/** Calls `window.api.<namespace>.<method>` in the page: the same path the UI's calls take. */
function pageApi(page: Page): Call {
  return async (namespace, method, input) => {
    const result = (await page.evaluate(
      async ([ns, m, arg]) => {
        const api = (
          globalThis as unknown as {
            api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
          }
        ).api;
        return arg === undefined ? api[ns]![m]!() : api[ns]![m]!(arg);
      },
      [namespace, method, input] as const,
    )) as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
    if (!result.ok) {
      throw new Error(`${namespace}.${method}: ${result.error?.code} ${result.error?.message}`);
    }
    return result.data;
  };
}

function messagesContaining(traffic: TrafficEntry[], secret: string): TrafficEntry[] {
  return traffic.filter((entry) => JSON.stringify(entry).includes(secret));
}

test('no API key, session link or password is left in stores, logs, exports or the bridge', async ({
  bridge,
  fakeGateway,
}) => {
  test.setTimeout(60_000);
  await bridge.core.settings.set({ gatewayBaseUrl: fakeGateway.url });
  await bridge.open();
  const page = bridge.page;
  const api = pageApi(page);

  // Key saved, and an account that needs a 2FA code connected.
  await api('vault', 'setKey', { apiKey: fakeGateway.apiKey });
  const started = (await api('accounts', 'connect', {
    username: DEMO.twoFactorUsername,
    password: DEMO.password,
    label: 'Locked creator',
    countryCode: 'US',
  })) as { status: string; challengeId?: string };
  expect(started.status).toBe('twoFactorRequired');
  const verified = (await api('accounts', 'verifyConnect', {
    challengeId: started.challengeId,
    code: CODE,
  })) as { status: string };
  expect(verified.status).toBe('connected');

  // A management session created, its link shown once.
  const accountId = DEMO.accounts.main.accountId;
  await api('accounts', 'refresh');
  await api('sessions', 'refresh', { accountId });
  const created = (await api('sessions', 'create', {
    accountId,
    requestId: 'secrets-sweep-0001',
    label: 'Secrets sweep agency',
    permissions: ['posts'],
    disclaimerAccepted: true,
  })) as { link: string | null; copyToken: string | null };
  expect(created.link).toMatch(/^https:\/\/fansly\.com\/managementsession\/claim\//);
  const link = created.link!;
  if (created.copyToken) await api('sessions', 'forgetLink', { copyToken: created.copyToken });
  await api('sessions', 'list', { accountId });
  await api('logins', 'refresh', { accountId });

  // Every screen opened, so the renderer's own requests are recorded too.
  const nav = page.getByRole('navigation');
  const screens = await nav.getByRole('button').all();
  for (const screen of screens) {
    await screen.click();
    await page.waitForTimeout(150);
  }

  // Exports must not carry secrets either; then a restart, as quitting and starting would.
  const now = new Date();
  const report = (await api('activity', 'exportReport', {
    from: new Date(now.getTime() - 86_400_000).toISOString(),
    to: new Date(now.getTime() + 86_400_000).toISOString(),
    format: 'json',
  })) as { content: string };
  const backup = (await api('backup', 'create')) as { content: string };
  await bridge.restart();
  await api('sessions', 'list', { accountId });

  // ---- the sweep ----
  const disk = await bridge.dataDirText();
  const logs = bridge.logLines.join('\n');
  const traffic = bridge.traffic;
  const exports = `${report.content}\n${backup.content}`;
  expect(disk.length).toBeGreaterThan(0);
  expect(traffic.length).toBeGreaterThan(10);

  const apiKey = fakeGateway.apiKey;
  for (const [where, text] of [
    ['store files', disk],
    ['logs', logs],
    ['exports', exports],
  ] as const) {
    expect(text, `API key in ${where}`).not.toContain(apiKey);
    expect(text, `session link in ${where}`).not.toContain(link);
    expect(text.match(LINK_PATTERN) ?? [], `any session link in ${where}`).toEqual([]);
    expect(text, `password in ${where}`).not.toContain(DEMO.password);
  }

  const keyMessages = messagesContaining(traffic, apiKey);
  expect(keyMessages.map((m) => `${m.kind} ${m.channel}`)).toEqual(['request vault:setKey']);

  const linkMessages = messagesContaining(traffic, link);
  expect(linkMessages.map((m) => `${m.kind} ${m.channel}`)).toEqual(['answer sessions:create']);
  const anyLinks = traffic.flatMap((m) => JSON.stringify(m).match(LINK_PATTERN) ?? []);
  expect(new Set(anyLinks)).toEqual(new Set([link.slice(link.indexOf('managementsession'))]));

  const passwordMessages = messagesContaining(traffic, DEMO.password);
  expect(passwordMessages.map((m) => `${m.kind} ${m.channel}`)).toEqual([
    'request accounts:connect',
  ]);

  // Claim tokens of sessions made elsewhere (the demo data) never reach Doorman's side.
  const everything = `${disk}\n${logs}\n${exports}\n${JSON.stringify(traffic)}`;
  for (const user of fakeGateway.state.users.values()) {
    for (const session of user.managementSessions) {
      if (link.endsWith(session.claimToken)) continue;
      expect(everything).not.toContain(session.claimToken);
    }
  }
});
