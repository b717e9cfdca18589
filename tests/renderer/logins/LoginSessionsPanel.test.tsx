import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../src/shared/contract';
import type { LoginSession, LoginSessionList } from '../../../src/shared/contract/logins';
import { setApi } from '../../../src/renderer/client';
import { LoginSessionsPanel } from '../../../src/renderer/features/logins/LoginSessionsPanel';
import { applyLanguage } from '../../../src/renderer/i18n';
import { useLoginsStore } from '../../../src/renderer/stores/logins';

const login = (i: number): LoginSession => ({
  id: `l${i}`,
  accountId: 'fansly_1',
  device: `Device ${i}`,
  ip: null,
  city: null,
  stateCode: null,
  countryCode: null,
  lastUsedAt: null,
  current: false,
  firstSeenAt: '2026-01-01T00:00:00.000Z',
  recognisedAt: null,
  status: 'open',
  closedAt: null,
  source: 'gateway',
  note: '',
  isNew: false,
});

beforeEach(async () => {
  await applyLanguage('en');
  // jsdom lays nothing out: give the list a view 400 px high, room for a few rows only.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(400);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  setApi(null);
  useLoginsStore.setState({ accountId: null, list: null });
});

describe('the login-session list', () => {
  it('tells assistive tech how many sessions there are, not only the rows drawn', async () => {
    const list: LoginSessionList = {
      accountId: 'fansly_1',
      mode: 'gateway',
      asOf: new Date().toISOString(),
      offline: false,
      lastViewedAt: null,
      sessions: Array.from({ length: 200 }, (_, i) => login(i)),
    };
    const ok = <T,>(data: T) => Promise.resolve({ ok: true as const, data });
    setApi({
      logins: {
        list: vi.fn(() => ok(list)),
        refresh: vi.fn(() => ok(list)),
        markViewed: vi.fn(() => ok(null)),
      },
      onStateChanged: vi.fn(() => () => undefined),
    } as unknown as Api);
    await act(async () => {
      render(<LoginSessionsPanel accountId="fansly_1" />);
    });
    const items = screen.getAllByRole('listitem');
    expect(items.length).toBeLessThan(200); // only the rows in view are in the DOM
    expect(items.map((item) => item.getAttribute('aria-setsize'))).toEqual(items.map(() => '200'));
    expect(items.map((item) => item.getAttribute('aria-posinset'))).toEqual(
      items.map((_, i) => String(i + 1)),
    );
  });
});
