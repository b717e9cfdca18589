import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../src/shared/contract';
import type { LoginSession, LoginSessionList } from '../../../src/shared/contract/logins';
import { setApi } from '../../../src/renderer/client';
import { LoginSessionsPanel } from '../../../src/renderer/features/logins/LoginSessionsPanel';
import { applyLanguage } from '../../../src/renderer/i18n';
import { useLoginsStore } from '../../../src/renderer/stores/logins';
import { giveElementsSize } from '../layout';

const login = (i: number, extra: Partial<LoginSession> = {}): LoginSession => ({
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
  ...extra,
});

const ok = <T,>(data: T) => Promise.resolve({ ok: true as const, data });

function listOf(sessions: LoginSession[], mode: 'gateway' | 'manual'): LoginSessionList {
  return {
    accountId: 'fansly_1',
    mode,
    asOf: new Date().toISOString(),
    offline: false,
    lastViewedAt: null,
    sessions,
  };
}

async function show(list: LoginSessionList, logins: Record<string, unknown> = {}) {
  setApi({
    logins: {
      list: vi.fn(() => ok(list)),
      refresh: vi.fn(() => ok(list)),
      markViewed: vi.fn(() => ok(null)),
      ...logins,
    },
    app: { openExternal: vi.fn(() => ok(null)) },
    onStateChanged: vi.fn(() => () => undefined),
  } as unknown as Api);
  await act(async () => {
    render(<LoginSessionsPanel accountId="fansly_1" />);
  });
}

beforeEach(async () => {
  await applyLanguage('en');
  // jsdom lays nothing out: give the list a view 400 px high, room for a few rows only.
  giveElementsSize(400);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  setApi(null);
  useLoginsStore.setState({ accountId: null, list: null });
});

describe('the login-session list', () => {
  it('tells assistive tech how many sessions there are, not only the rows drawn', async () => {
    await show(
      listOf(
        Array.from({ length: 200 }, (_, i) => login(i)),
        'gateway',
      ),
    );
    const items = screen.getAllByRole('listitem');
    expect(items.length).toBeLessThan(200); // only the rows in view are in the DOM
    expect(items.map((item) => item.getAttribute('aria-setsize'))).toEqual(items.map(() => '200'));
    expect(items.map((item) => item.getAttribute('aria-posinset'))).toEqual(
      items.map((_, i) => String(i + 1)),
    );
  });
});

describe('focus in the login sessions panel', () => {
  it('Cancel on the manual record form gives focus back to the "Record" button', async () => {
    await show(listOf([], 'manual'));
    const record = screen.getByRole('button', { name: 'Record a login session' });
    record.focus();
    await act(async () => fireEvent.click(record));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })));
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Record a login session' }),
    );
  });

  it('"I recognise" leaves focus in its row, on the row\'s Close button', async () => {
    await show(listOf([login(1), login(2)], 'gateway'), {
      recognise: vi.fn(() => ok(login(1, { recognisedAt: new Date().toISOString() }))),
    });
    const button = screen.getByRole('button', { name: 'I recognise Device 1' });
    button.focus();
    await act(async () => fireEvent.click(button));
    expect(screen.queryByRole('button', { name: 'I recognise Device 1' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close Device 1' }));
  });
});
