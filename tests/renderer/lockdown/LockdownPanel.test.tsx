import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api, LockdownRun } from '../../../src/shared/contract';
import { setApi } from '../../../src/renderer/client';
import { LockdownPanel } from '../../../src/renderer/features/lockdown/LockdownPanel';
import { applyLanguage } from '../../../src/renderer/i18n';
import { useLockdownStore } from '../../../src/renderer/stores/lockdown';

const failedRun: LockdownRun = {
  id: 'lockdown-1',
  status: 'failed',
  accountIds: ['fansly_a'],
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: '2026-01-01T00:01:00Z',
  steps: [
    {
      id: 'st1',
      accountId: 'fansly_a',
      accountLabel: '@anna',
      kind: 'closeLogins',
      sessionId: null,
      subjectLabel: null,
      status: 'failed',
      error: { code: 'network', message: 'x' },
      finishedAt: '2026-01-01T00:01:00Z',
    },
  ],
};

beforeEach(async () => {
  await applyLanguage('en');
});
afterEach(() => {
  cleanup();
  setApi(null);
  useLockdownStore.setState({ run: null, panelOpen: false, loadError: null });
});

describe('the lockdown panel', () => {
  it('a failed "Close" of a finished lockdown stays open and says why', async () => {
    const lockdown = {
      dismiss: vi.fn(() =>
        Promise.resolve({
          ok: false as const,
          error: { code: 'conflict' as const, message: 'A lockdown is still under way.' },
        }),
      ),
    };
    setApi({ lockdown, onStateChanged: () => () => undefined } as unknown as Api);
    useLockdownStore.setState({ run: failedRun, panelOpen: true });
    render(<LockdownPanel accounts={[]} />);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Close' })));
    expect(lockdown.dismiss).toHaveBeenCalledTimes(1);
    expect(useLockdownStore.getState().panelOpen).toBe(true);
    expect(
      screen.getAllByRole('alert').map((alert) => alert.getAttribute('data-error-code')),
    ).toContain('conflict');
    expect(screen.getByText('This changed in the meantime. Refresh and try again.')).toBeTruthy();
  });
});
