import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setApi } from '../../../src/renderer/client';
import { ManagementSessionsPanel } from '../../../src/renderer/features/sessions/ManagementSessionsPanel';
import { applyLanguage } from '../../../src/renderer/i18n';
import { useSessionsStore } from '../../../src/renderer/stores/sessions';
import { fakePanelApi, managementSession, sessionList } from './fixtures';
import { giveElementsSize } from '../layout';

beforeEach(async () => {
  await applyLanguage('en');
  giveElementsSize(400);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  setApi(null);
  useSessionsStore.setState(useSessionsStore.getInitialState());
});

describe('"Revoke all" with sessions recorded by hand still active', () => {
  it('counts only the gateway sessions it revokes, and says records made by hand are deleted on fansly.com', async () => {
    // Back in gateway mode after manual tracking: main's revokeAll skips hand-made records.
    fakePanelApi(
      sessionList([
        managementSession(1, { label: 'Agency' }),
        managementSession(2, { id: 'manual_x', label: 'Recorded by hand', source: 'manual' }),
      ]),
    );
    await act(async () => {
      render(<ManagementSessionsPanel accountId="fansly_1" />);
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Revoke all' })));
    expect(screen.getByRole('heading', { name: 'Revoke all active sessions (1)?' })).toBeTruthy();
    expect(
      screen.getByText(/recorded by hand are not revoked here \(1\).*fansly\.com/),
    ).toBeTruthy();
  });
});
