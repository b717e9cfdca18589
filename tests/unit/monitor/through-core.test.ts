import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createRecordingNotifier } from '../../../src/main/platform/notifier';
import { createTestCore } from '../../test-core';
import { DEMO } from '../../fake-gateway/state';
import { startFakeGateway } from '../../fake-gateway/server';

let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.reverse()) await stop();
  stops = [];
});

// Through the real core and gateway client: a management-sessions route that keeps failing
// (a 403 for a key without that permission) must not hide a stranger's new login, which the
// login list did bring in.
it('a new login is announced even when the management-sessions listing fails', async () => {
  const gateway = await startFakeGateway({});
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-monitor-core-'));
  let now = Date.now();
  const notifier = createRecordingNotifier();
  const core = createTestCore(dataDir, { clock: () => new Date(now), notifier });
  stops.push(async () => {
    await core.stop();
    await gateway.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  await core.settings.set({ gatewayBaseUrl: gateway.url });
  await core.vault.setKey({ apiKey: gateway.apiKey });
  await core.accounts.refresh();

  // First look: the baseline.
  await core.monitor.refreshNow();
  expect(core.monitor.getStatus().lastError).toBeNull();

  gateway.faults.set('GET /{accountId}/management/sessions', {
    kind: 'status',
    status: 403,
    message: 'This API key does not have permission for this action',
  });
  gateway.state.addLoginSession(DEMO.accounts.main.username, {
    locationData: { city: 'Lagos', stateCode: null, countryCode: 'NG' },
  });
  for (let i = 0; i < 3; i++) {
    now += 5 * 60 * 60 * 1000;
    await core.monitor.refreshNow();
  }
  // The login list was refreshed: Doorman knows the new login…
  const logins = core.sessions.listLoginSessions(DEMO.accounts.main.accountId);
  expect(logins.some((s) => s.city === 'Lagos')).toBe(true);
  // …and the creator is told, once.
  expect(notifier.shown.filter((n) => /New login/.test(n.title))).toHaveLength(1);
});
