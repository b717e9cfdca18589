import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../src/shared/contract';
import type { LoginSessionList } from '../../src/shared/contract/logins';
import type { ManagementSessionList } from '../../src/shared/contract/sessions';
import type { Result } from '../../src/shared/errors';
import { setApi } from '../../src/renderer/client';
import { isShownRefreshing } from '../../src/renderer/stores/account-list';
import { useLoginsStore } from '../../src/renderer/stores/logins';
import { useSessionsStore } from '../../src/renderer/stores/sessions';

const list = (asOf: string, ids: string[]) =>
  ({
    asOf,
    mode: 'gateway',
    offline: false,
    sessions: ids.map((id) => ({ id })),
  }) as unknown as ManagementSessionList;

/** sessions:list and sessions:refresh, the refresh answered when the test says. */
function fakeSessionsApi() {
  let answerRefresh: (result: Result<ManagementSessionList>) => void = () => undefined;
  const calls = {
    list: vi.fn((): Promise<Result<ManagementSessionList>> =>
      Promise.resolve({ ok: true, data: list('2026-11-23T10:00:00.000Z', ['a']) }),
    ),
    refresh: vi.fn(
      () =>
        new Promise<Result<ManagementSessionList>>((resolve) => {
          answerRefresh = resolve;
        }),
    ),
  };
  setApi({ sessions: { list: calls.list, refresh: calls.refresh } } as unknown as Api);
  return { calls, answerRefresh: (result: Result<ManagementSessionList>) => answerRefresh(result) };
}

afterEach(() => {
  setApi(null);
  const reset = { accountId: null, list: null, loadError: null, refreshingAccountIds: [] };
  useSessionsStore.setState({ ...reset, changedWhileRefreshing: false });
  useLoginsStore.setState({ ...reset, changedWhileRefreshing: false });
});

describe('a list screen told that the lists changed', () => {
  it('does not read the list again while its refresh is under way: the refresh answer is newer', async () => {
    const fake = fakeSessionsApi();
    useSessionsStore.setState({ accountId: 'fansly_a', list: null });
    const refreshing = useSessionsStore.getState().refresh();
    // Main writes the refreshed list and announces it before it answers.
    await useSessionsStore.getState().onChanged();
    expect(fake.calls.list).not.toHaveBeenCalled();
    fake.answerRefresh({ ok: true, data: list('2026-11-23T10:05:00.000Z', ['a', 'b']) });
    await refreshing;
    expect(fake.calls.list).not.toHaveBeenCalled();
    expect(useSessionsStore.getState().list!.sessions).toHaveLength(2);
    // Outside a refresh, an announcement is read at once.
    await useSessionsStore.getState().onChanged();
    expect(fake.calls.list).toHaveBeenCalledTimes(1);
  });

  it('reads the list again after a refresh that failed, if a change was announced meanwhile', async () => {
    const fake = fakeSessionsApi();
    useSessionsStore.setState({ accountId: 'fansly_a', list: null });
    const refreshing = useSessionsStore.getState().refresh();
    await useSessionsStore.getState().onChanged();
    fake.answerRefresh({
      ok: false,
      error: { code: 'server', message: 'The gateway had a problem.' },
    });
    await refreshing;
    expect(fake.calls.list).toHaveBeenCalledTimes(1);
    expect(useSessionsStore.getState().list!.sessions).toHaveLength(1);
    expect(useSessionsStore.getState().loadError?.code).toBe('server');
  });

  it('after a failed refresh with nothing announced, reads nothing', async () => {
    const fake = fakeSessionsApi();
    useSessionsStore.setState({ accountId: 'fansly_a', list: null });
    const refreshing = useSessionsStore.getState().refresh();
    fake.answerRefresh({ ok: false, error: { code: 'network', message: 'No connection.' } });
    await refreshing;
    expect(fake.calls.list).not.toHaveBeenCalled();
  });
});

/** A list per account, never fetched from the gateway (so opening it asks the gateway). */
function accountList(accountId: string, asOf: string | null, ids: string[]) {
  return { accountId, asOf, mode: 'gateway', offline: false, sessions: ids.map((id) => ({ id })) };
}

/** list and refresh channels per account; each refresh is answered when the test says. */
function fakePerAccountApi<L>() {
  const pending = new Map<string, (result: Result<L>) => void>();
  const calls = {
    list: vi.fn(({ accountId }: { accountId: string }) =>
      Promise.resolve({ ok: true as const, data: accountList(accountId, null, []) as L }),
    ),
    refresh: vi.fn(
      ({ accountId }: { accountId: string }) =>
        new Promise<Result<L>>((resolve) => pending.set(accountId, resolve)),
    ),
  };
  const refreshed = (accountId: string) =>
    calls.refresh.mock.calls.filter(([input]) => input.accountId === accountId).length;
  const answer = (accountId: string, result: Result<L>) => pending.get(accountId)!(result);
  const answerList = (accountId: string, ids: string[]) =>
    answer(accountId, {
      ok: true,
      data: accountList(accountId, '2026-11-23T10:00:00.000Z', ids) as L,
    });
  return { calls, refreshed, answer, answerList };
}

/** The creator opens account A, then B before A's refresh has answered. */
async function openAThenB(
  store: { getState: () => { open: (accountId: string) => Promise<void> } },
  fake: { refreshed: (accountId: string) => number },
) {
  const openA = store.getState().open('fansly_a');
  await vi.waitFor(() => expect(fake.refreshed('fansly_a')).toBe(1));
  const openB = store.getState().open('fansly_b');
  await vi.waitFor(() => expect(fake.refreshed('fansly_b')).toBe(1));
  return { openA, openB };
}

describe('switching account while the first account refresh is under way', () => {
  it('management sessions: the new account is refreshed and the old answer does not replace it', async () => {
    const fake = fakePerAccountApi<ManagementSessionList>();
    setApi({ sessions: fake.calls } as unknown as Api);
    const { openA, openB } = await openAThenB(useSessionsStore, fake);
    expect(isShownRefreshing(useSessionsStore.getState())).toBe(true);

    // A's slow answer arrives while B is shown: B's list and spinner stay B's.
    fake.answerList('fansly_a', ['a1']);
    await openA;
    expect(useSessionsStore.getState().list).toMatchObject({ accountId: 'fansly_b', sessions: [] });
    expect(isShownRefreshing(useSessionsStore.getState())).toBe(true);

    fake.answerList('fansly_b', ['b1', 'b2']);
    await openB;
    expect(useSessionsStore.getState().list!.sessions).toHaveLength(2);
    expect(isShownRefreshing(useSessionsStore.getState())).toBe(false);
  });

  it("management sessions: the old account's failed refresh shows no error on the new one", async () => {
    const fake = fakePerAccountApi<ManagementSessionList>();
    setApi({ sessions: fake.calls } as unknown as Api);
    const { openA } = await openAThenB(useSessionsStore, fake);
    fake.answer('fansly_a', { ok: false, error: { code: 'network', message: 'No connection.' } });
    await openA;
    expect(useSessionsStore.getState().loadError).toBeNull();
    expect(isShownRefreshing(useSessionsStore.getState())).toBe(true);
  });

  it('management sessions: a second refresh of the same account is not sent while one is under way', async () => {
    const fake = fakePerAccountApi<ManagementSessionList>();
    setApi({ sessions: fake.calls } as unknown as Api);
    useSessionsStore.setState({ accountId: 'fansly_a' });
    const first = useSessionsStore.getState().refresh(true);
    await useSessionsStore.getState().refresh(true);
    expect(fake.refreshed('fansly_a')).toBe(1);
    fake.answerList('fansly_a', []);
    await first;
  });

  it('login sessions: the new account is refreshed and the old answer does not replace it', async () => {
    const fake = fakePerAccountApi<LoginSessionList>();
    const markViewed = vi.fn(() => Promise.resolve({ ok: true as const, data: null }));
    setApi({ logins: { ...fake.calls, markViewed } } as unknown as Api);
    const { openA } = await openAThenB(useLoginsStore, fake);
    fake.answerList('fansly_a', ['a1']);
    await openA;
    expect(useLoginsStore.getState().list).toMatchObject({ accountId: 'fansly_b', sessions: [] });
    expect(isShownRefreshing(useLoginsStore.getState())).toBe(true);
    // A is no longer shown: its sessions are not marked as seen.
    expect(markViewed).not.toHaveBeenCalled();
  });
});
