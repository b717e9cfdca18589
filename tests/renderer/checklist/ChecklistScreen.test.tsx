import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
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

async function show() {
  const ok = <T,>(data: T): Promise<Result<T>> => Promise.resolve({ ok: true, data });
  setApi({
    checklist: { get: vi.fn(() => ok(twoAccounts())) },
    monitor: { status: vi.fn(() => ok(null)) },
    lockdown: { state: vi.fn(() => ok(null)) },
    onStateChanged: (_l: (p: { topics: StateTopic[] }) => void) => () => undefined,
  } as unknown as Api);
  await act(async () => {
    render(<ChecklistScreen />);
  });
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
