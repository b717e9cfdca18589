import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VaultStatus } from '../../../src/shared/contract';
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

function renderWith(status: VaultStatus) {
  const fake = createFakeApi();
  Object.assign(fake.fake, {
    vault: { status: vi.fn(() => Promise.resolve({ ok: true as const, data: status })) },
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
});
