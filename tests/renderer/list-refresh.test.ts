import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../src/shared/contract';
import type { ManagementSessionList } from '../../src/shared/contract/sessions';
import type { Result } from '../../src/shared/errors';
import { setApi } from '../../src/renderer/client';
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
  useSessionsStore.setState({ accountId: null, list: null, refreshing: false });
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
