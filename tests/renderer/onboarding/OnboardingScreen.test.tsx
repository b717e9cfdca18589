import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../src/shared/contract';
import { setApi } from '../../../src/renderer/client';
import { OnboardingScreen } from '../../../src/renderer/features/onboarding/OnboardingScreen';
import { applyLanguage } from '../../../src/renderer/i18n';

beforeEach(async () => {
  await applyLanguage('en');
});
afterEach(() => {
  cleanup();
  setApi(null);
});

describe('onboarding without a key', () => {
  it('says so when the gateway docs could not be opened', async () => {
    const openExternal = vi.fn(() =>
      Promise.resolve({
        ok: false as const,
        error: { code: 'internal' as const, message: 'no browser' },
      }),
    );
    setApi({
      app: { openExternal },
      vault: { status: vi.fn() },
      onStateChanged: vi.fn(() => () => undefined),
    } as unknown as Api);
    await act(async () => {
      render(<OnboardingScreen />);
    });
    await act(async () =>
      fireEvent.click(screen.getByRole('button', { name: 'Open the gateway documentation' })),
    );
    expect(openExternal).toHaveBeenCalled();
    expect(screen.getByRole('alert')).toBeTruthy();
  });
});
