import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api, ManagerSessions, StateTopic } from '../../../src/shared/contract';
import type { Manager } from '../../../src/shared/domain/manager';
import type { Result } from '../../../src/shared/errors';
import { setApi } from '../../../src/renderer/client';
import { ManagerDetails } from '../../../src/renderer/features/managers/ManagerDetails';
import { applyLanguage } from '../../../src/renderer/i18n';
import { useManagersStore } from '../../../src/renderer/stores/managers';

const manager: Manager = {
  id: 'm1',
  name: 'Anna',
  organisation: '',
  contact: '',
  role: '',
  contractStart: null,
  contractEnd: null,
  noticePeriodDays: null,
  offboardedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const ok = <T,>(data: T) => Promise.resolve({ ok: true as const, data });

/** managers:sessions answers what the test gives it; the manager has no notes. */
function fakeManagersApi(sessions: () => Promise<Result<ManagerSessions>>) {
  const listeners = new Set<(payload: { topics: StateTopic[] }) => void>();
  const calls = { sessions: vi.fn(sessions) };
  setApi({
    managers: calls,
    notes: { list: vi.fn(() => ok({ items: [], total: 0 })) },
    onStateChanged: (listener: (payload: { topics: StateTopic[] }) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as Api);
  return {
    ...calls,
    emit: (topics: StateTopic[]) => listeners.forEach((l) => l({ topics })),
  };
}

function issued(status: 'active' | 'revoked'): ManagerSessions {
  return {
    available: true,
    items: [
      {
        accountId: 'fansly_1',
        sessionId: 's1',
        label: 'Agency chat',
        managerId: 'm1',
        permissions: ['messages'],
        status,
        createdAt: '2026-01-02T00:00:00.000Z',
        endedAt: status === 'revoked' ? '2026-02-01T00:00:00.000Z' : null,
      },
    ],
  };
}

async function renderDetails() {
  await act(async () => {
    render(
      <ManagerDetails manager={manager} onEdit={() => undefined} onOpenNote={() => undefined} />,
    );
  });
}

afterEach(async () => {
  cleanup();
  setApi(null);
  useManagersStore.setState({ sessions: {}, sessionsError: {} });
  await applyLanguage('en');
});

describe("a manager's issued sessions", () => {
  it('name their access in the UI language, not by internal permission ids', async () => {
    await applyLanguage('ru');
    fakeManagersApi(() =>
      ok({
        available: true,
        items: [
          {
            accountId: 'fansly_1',
            sessionId: 's1',
            label: 'Agency',
            managerId: 'm1',
            permissions: ['messages', 'walletBalance', 'gatewayOnly'],
            status: 'active',
            createdAt: '2026-01-02T00:00:00.000Z',
            endedAt: null,
          },
        ],
      }),
    );
    await renderDetails();
    const row = screen.getByText('Agency').closest('tr')!;
    expect(row.textContent).not.toContain('walletBalance');
    // A permission Doorman does not know keeps the gateway's id.
    expect(row.textContent).toContain('Сообщения, Баланс кошелька, gatewayOnly');
  });

  it('that could not be read show why and can be read again, not "not available yet"', async () => {
    const calls = fakeManagersApi(() =>
      Promise.resolve({ ok: false, error: { code: 'storage', message: 'disk full' } }),
    );
    await renderDetails();
    expect(screen.queryByText(/not available yet/)).toBeNull();
    expect(document.querySelector('[data-error-code="storage"]')?.textContent).toMatch(
      /could not read or save its files/,
    );

    // Offboarding still revokes what main finds: the dialog does not say it "cannot revoke any".
    fireEvent.click(screen.getByRole('button', { name: 'Offboard…' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).not.toMatch(/cannot revoke any/);
    expect(dialog.textContent).toMatch(/could not read this manager's sessions/);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    calls.sessions.mockImplementation(() => ok({ available: true, items: [] }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    });
    expect(screen.getByText('No sessions have been issued to this manager.')).toBeTruthy();
    expect(document.querySelector('[data-error-code]')).toBeNull();
  });

  // The manager is open; their session is revoked elsewhere (tray "Revoke…", a lockdown, a
  // background refresh) and main announces 'sessions'.
  it('are read again when sessions change elsewhere, so offboarding does not offer a revoked one', async () => {
    let status: 'active' | 'revoked' = 'active';
    const fake = fakeManagersApi(() => ok(issued(status)));
    await renderDetails();
    expect(screen.getByText('Agency chat').closest('tr')!.textContent).toContain('Active');

    status = 'revoked';
    await act(async () => {
      fake.emit(['sessions']);
    });
    expect(screen.getByText('Agency chat').closest('tr')!.textContent).toContain('Revoked');
    fireEvent.click(screen.getByRole('button', { name: 'Offboard…' }));
    expect(screen.getByRole('dialog').textContent).toMatch(/revoke 0 active sessions/);
  });
});
