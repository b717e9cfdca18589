import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VaultStatus } from '../../../src/shared/contract';
import type { Result } from '../../../src/shared/errors';
import { setApi } from '../../../src/renderer/client';
import { ApiKeySection } from '../../../src/renderer/features/accounts/ApiKeySection';
import { applyLanguage } from '../../../src/renderer/i18n';
import { useVaultStore } from '../../../src/renderer/stores/vault';
import { createFakeApi } from '../fake-api';

const SAVED: VaultStatus = {
  isSet: true,
  lastFour: '4321',
  checked: true,
  backend: 'gnome_libsecret',
  osProtected: true,
  backendChanged: false,
  unreadable: false,
  gatewayChanged: false,
  savedAt: '2026-11-20T10:00:00Z',
};

function renderWith(status: VaultStatus, vault: Record<string, unknown> = {}) {
  const fake = createFakeApi();
  Object.assign(fake.fake, {
    vault: {
      status: vi.fn(() => Promise.resolve({ ok: true as const, data: status })),
      ...vault,
    },
  });
  setApi(fake.api);
  render(<ApiKeySection />);
}

beforeEach(async () => {
  useVaultStore.setState(useVaultStore.getInitialState());
  await applyLanguage('en');
});
afterEach(() => {
  cleanup();
  setApi(null);
});

describe('API key section', () => {
  it('asks for the key again when it was saved for another gateway address', async () => {
    renderWith({ ...SAVED, gatewayChanged: true });
    expect(await screen.findByText(/saved for another gateway address/)).toBeTruthy();
  });

  it('says nothing of the kind for a key saved for this address', async () => {
    renderWith(SAVED);
    await screen.findByTestId('api-key-status');
    expect(screen.queryByText(/another gateway address/)).toBeNull();
  });

  it('Cancel waits while a replacement key is being checked, and the form closes once it is saved', async () => {
    let answer: (result: Result<VaultStatus>) => void = () => undefined;
    const setKey = vi.fn(() => new Promise<Result<VaultStatus>>((resolve) => (answer = resolve)));
    renderWith(SAVED, { setKey });
    await act(async () =>
      fireEvent.click(await screen.findByRole('button', { name: 'Replace key' })),
    );
    fireEvent.change(screen.getByLabelText(/^API key/), {
      target: { value: 'fk_live_new_key_9876' },
    });
    await act(async () => fireEvent.submit(screen.getByLabelText(/^API key/).closest('form')!));
    expect(setKey).toHaveBeenCalledTimes(1);

    const cancel = screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement;
    expect(cancel.disabled).toBe(true);
    await act(async () => fireEvent.click(cancel));
    expect(screen.getByLabelText(/^API key/)).toBeTruthy();

    await act(async () => answer({ ok: true, data: { ...SAVED, lastFour: '9876' } }));
    expect(screen.queryByLabelText(/^API key/)).toBeNull();
    expect(screen.getByTestId('api-key-status').textContent).toContain('9876');
  });
});
