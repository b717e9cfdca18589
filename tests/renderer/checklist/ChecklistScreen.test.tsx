import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api, ChecklistState, StateTopic } from '../../../src/shared/contract';
import type { Result } from '../../../src/shared/errors';
import { setApi } from '../../../src/renderer/client';
import { ChecklistScreen } from '../../../src/renderer/features/checklist/ChecklistScreen';
import { applyLanguage } from '../../../src/renderer/i18n';
import { useChecklistStore } from '../../../src/renderer/stores/checklist';
import { useSelectionStore } from '../../../src/renderer/stores/selection';
import { evaluateAccountChecklist } from '../../../src/shared/domain/checklist';

const now = new Date();
const itemsOf = (unknownLogin: boolean) =>
  evaluateAccountChecklist({
    now,
    policy: { passwordMaxAgeDays: 90, emailCheckMaxAgeDays: 30 },
    confirmations: {},
    lastOffboardingAt: null,
    loginSessions: unknownLogin
      ? [{ id: 'l1', label: 'Chrome, Lagos', recognised: false, current: false }]
      : [],
    managementSessions: [],
  });

/** Two accounts; only the second has a login nobody recognised. */
function twoAccounts(): ChecklistState {
  const a = itemsOf(false);
  const b = itemsOf(true);
  return {
    overall: 'atRisk',
    evaluatedAt: now.toISOString(),
    accounts: [
      { accountId: 'fansly_a', label: '@anna_creates', overall: a.overall, items: a.items },
      { accountId: 'fansly_b', label: '@second_page', overall: b.overall, items: b.items },
    ],
  };
}

const ok = <T,>(data: T): Promise<Result<T>> => Promise.resolve({ ok: true, data });

/** The checklist screen over a fake api; `extra` adds or replaces its parts. */
async function show(initial = twoAccounts(), extra: Record<string, unknown> = {}) {
  setApi({
    checklist: { get: vi.fn(() => ok(initial)) },
    monitor: { status: vi.fn(() => ok(null)) },
    lockdown: { state: vi.fn(() => ok(null)) },
    onStateChanged: (_l: (p: { topics: StateTopic[] }) => void) => () => undefined,
    ...extra,
  } as unknown as Api);
  await act(async () => {
    render(<ChecklistScreen />);
  });
}

/** One account whose management sessions in `overdue` are past their review date. */
function oneAccount(
  options: {
    overdue?: { id: string; label: string; recordedByHand?: boolean }[];
    confirmations?: Record<string, string>;
  } = {},
): ChecklistState {
  const result = evaluateAccountChecklist({
    now,
    policy: { passwordMaxAgeDays: 90, emailCheckMaxAgeDays: 30 },
    confirmations: options.confirmations ?? {},
    lastOffboardingAt: null,
    loginSessions: [],
    managementSessions: (options.overdue ?? []).map((s) => ({
      ...s,
      active: true,
      reviewBy: '2020-01-01',
      createdInDoorman: true,
    })),
  });
  return {
    overall: result.overall,
    evaluatedAt: now.toISOString(),
    accounts: [
      { accountId: 'fansly_a', label: '@anna', overall: result.overall, items: result.items },
    ],
  };
}

const shownAccount = () => screen.getByRole('heading', { level: 3 }).textContent;

beforeEach(async () => {
  await applyLanguage('en');
  useChecklistStore.setState({ state: null, loadError: null, monitor: null });
  useSelectionStore.setState({ selectedAccountId: null });
});
afterEach(() => {
  cleanup();
  setApi(null);
});

describe('the checklist with two accounts', () => {
  it('shows the account the creator chose on the Overview, not always the first one', async () => {
    // On the Overview the creator picked @second_page, whose card says a login is unknown,
    // then pressed "Open the checklist".
    useSelectionStore.setState({ selectedAccountId: 'fansly_b' });
    await show();
    const pressed = screen.getAllByRole('button', { pressed: true }).map((b) => b.textContent);
    expect(pressed.join(' ')).toContain('@second_page');
    expect(shownAccount()).toContain('@second_page');
  });

  it('makes the account chosen here the one every screen shows', async () => {
    useSelectionStore.setState({ selectedAccountId: 'fansly_a' });
    await show();
    expect(shownAccount()).toContain('@anna_creates');
    fireEvent.click(screen.getByRole('button', { name: /@second_page/ }));
    expect(shownAccount()).toContain('@second_page');
    expect(useSelectionStore.getState().selectedAccountId).toBe('fansly_b');
  });
});

describe('focus on the checklist', () => {
  beforeEach(() => useSelectionStore.setState({ selectedAccountId: 'fansly_a' }));

  it("Undo moves focus to the item's heading once its button is gone", async () => {
    const confirmed = oneAccount({ confirmations: { twoFactorOn: now.toISOString() } });
    await show(confirmed, {
      checklist: { get: vi.fn(() => ok(confirmed)), unconfirm: vi.fn(() => ok(oneAccount())) },
    });
    const card = document.querySelector<HTMLElement>('[data-item="twoFactorOn"]')!;
    const undo = within(card).getByRole('button', { name: 'Undo' });
    undo.focus();
    await act(async () => fireEvent.click(undo));
    expect(within(card).queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(document.activeElement).toBe(within(card).getByRole('heading', { level: 4 }));
  });

  it('"Keep" moves focus to the item\'s heading once the session\'s row is gone', async () => {
    const overdue = oneAccount({ overdue: [{ id: 'ms_1', label: 'Agency' }] });
    await show(overdue, {
      checklist: { get: vi.fn(() => ok(overdue)), keepSession: vi.fn(() => ok(oneAccount())) },
    });
    const keep = screen.getByRole('button', { name: 'Keep, review in 30 days' });
    keep.focus();
    await act(async () => fireEvent.click(keep));
    expect(screen.queryByRole('button', { name: 'Keep, review in 30 days' })).toBeNull();
    const card = document.querySelector<HTMLElement>('[data-item="reviewOverdue"]')!;
    expect(document.activeElement).toBe(within(card).getByRole('heading', { level: 4 }));
  });
});

describe('an overdue review of a session recorded by hand (manual tracking)', () => {
  beforeEach(() => useSelectionStore.setState({ selectedAccountId: 'fansly_a' }));

  it('offers "Mark as revoked" after deleting it on fansly.com, not a revoke main refuses', async () => {
    const overdue = oneAccount({
      overdue: [{ id: 'manual_abc', label: 'Old agency', recordedByHand: true }],
    });
    const revokeSession = vi.fn();
    const markRevoked = vi.fn(() => ok(null));
    const get = vi.fn().mockReturnValueOnce(ok(overdue)).mockReturnValue(ok(oneAccount()));
    await show(overdue, {
      checklist: { get },
      lockdown: { state: vi.fn(() => ok(null)), revokeSession },
      sessions: { markRevoked },
    });
    expect(screen.queryByRole('button', { name: 'Revoke…' })).toBeNull();
    expect(screen.getByText(/delete it on fansly\.com first/)).toBeTruthy();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Mark as revoked' })));
    const dialog = screen.getByRole('dialog', { name: 'Mark “Old agency” as revoked?' });
    await act(async () =>
      fireEvent.click(within(dialog).getByRole('button', { name: 'Mark as revoked' })),
    );
    expect(markRevoked).toHaveBeenCalledWith({ accountId: 'fansly_a', sessionId: 'manual_abc' });
    expect(revokeSession).not.toHaveBeenCalled();
    expect(screen.queryByText('Old agency')).toBeNull();
  });

  it('in Russian, says so in Russian', async () => {
    await applyLanguage('ru');
    await show(
      oneAccount({ overdue: [{ id: 'manual_abc', label: 'Old agency', recordedByHand: true }] }),
    );
    expect(screen.getByRole('button', { name: 'Отметить как отозванную' })).toBeTruthy();
    expect(screen.getByText(/удалите её на fansly\.com/)).toBeTruthy();
  });
});
