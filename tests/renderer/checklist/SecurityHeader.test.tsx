import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChecklistState } from '../../../src/shared/contract';
import { setApi } from '../../../src/renderer/client';
import { SecurityHeader } from '../../../src/renderer/features/checklist/SecurityHeader';
import { useChecklistStore } from '../../../src/renderer/stores/checklist';
import { createFakeApi } from '../fake-api';

const ok = <T,>(data: T) => Promise.resolve({ ok: true as const, data });

afterEach(() => {
  cleanup();
  setApi(null);
  useChecklistStore.setState({ state: null, loadError: null });
});

function checklist(overall: ChecklistState['overall']): ChecklistState {
  return { overall, evaluatedAt: new Date().toISOString(), accounts: [] };
}

describe('the security pill in the header', () => {
  // Settings → "password max age": main evaluates the checklist with the new limit and
  // announces 'settings'. The pill is always mounted, also on the Settings screen.
  it('re-reads the checklist when a staleness setting changes', async () => {
    const fake = createFakeApi();
    let overall: ChecklistState['overall'] = 'secure';
    const get = vi.fn(() => ok(checklist(overall)));
    Object.assign(fake.fake, {
      checklist: { get },
      lockdown: { revokeRequest: vi.fn(() => ok(null)) },
    });
    setApi(fake.api);
    await act(async () => {
      render(<SecurityHeader />);
    });
    await waitFor(() => expect(useChecklistStore.getState().state?.overall).toBe('secure'));

    overall = 'attention'; // the password confirmation is now older than the new limit
    await act(async () => {
      fake.emitStateChanged(['settings']);
    });
    await waitFor(() => expect(useChecklistStore.getState().state?.overall).toBe('attention'));
  });
});
