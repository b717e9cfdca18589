import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Account, Api } from '../../../src/shared/contract';
import { setApi } from '../../../src/renderer/client';
import { ConnectAccountForm } from '../../../src/renderer/features/accounts/ConnectAccountForm';
import { applyLanguage } from '../../../src/renderer/i18n';

const account: Account = {
  accountId: 'fansly_a',
  nativeId: null,
  username: 'anna',
  displayName: 'Anna',
  label: null,
  connectionState: 'connected',
  lastRefreshedAt: null,
};

/** accounts:connect and accounts:verifyConnect answer only when the test says so. */
function fakeAccounts() {
  const answers: { connect?: (v: unknown) => void; verify?: (v: unknown) => void } = {};
  const accounts = {
    connect: vi.fn(() => new Promise((resolve) => (answers.connect = resolve))),
    verifyConnect: vi.fn(() => new Promise((resolve) => (answers.verify = resolve))),
    cancelConnect: vi.fn(() => Promise.resolve({ ok: true as const, data: null })),
  };
  setApi({ accounts, onStateChanged: () => () => undefined } as unknown as Api);
  return { accounts, answers };
}

async function showFormAndConnect() {
  const onCancel = vi.fn();
  const onConnected = vi.fn();
  render(<ConnectAccountForm onConnected={onConnected} onCancel={onCancel} />);
  fireEvent.change(screen.getByLabelText(/Fansly username/), { target: { value: 'anna' } });
  fireEvent.change(screen.getByLabelText(/Fansly password/), { target: { value: 'hunter22' } });
  fireEvent.change(screen.getByRole('combobox', { name: /Country/ }), {
    target: { value: 'DE' },
  });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Connect' })));
  return { onCancel, onConnected };
}

const cancelButton = () => screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement;

beforeEach(async () => {
  await applyLanguage('en');
});
afterEach(() => {
  cleanup();
  setApi(null);
});

describe('connecting an account', () => {
  it('Cancel waits while the sign-in is under way, then cancels the sign-in it started', async () => {
    const { accounts, answers } = fakeAccounts();
    const { onCancel } = await showFormAndConnect();
    expect(accounts.connect).toHaveBeenCalledTimes(1);

    expect(cancelButton().disabled).toBe(true);
    await act(async () => fireEvent.click(cancelButton()));
    expect(onCancel).not.toHaveBeenCalled();

    // Main answers: Fansly sent a code and holds a pending sign-in.
    await act(async () =>
      answers.connect!({
        ok: true,
        data: { status: 'twoFactorRequired', challengeId: 'ch-1', deliveryHint: 'a***@g.com' },
      }),
    );
    expect(cancelButton().disabled).toBe(false);
    await act(async () => fireEvent.click(cancelButton()));
    expect(accounts.cancelConnect).toHaveBeenCalledWith({ challengeId: 'ch-1' });
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('Cancel waits while the code is being checked, so a sign-in that succeeds is not closed unseen', async () => {
    const { accounts, answers } = fakeAccounts();
    const { onCancel, onConnected } = await showFormAndConnect();
    await act(async () =>
      answers.connect!({
        ok: true,
        data: { status: 'twoFactorRequired', challengeId: 'ch-1', deliveryHint: null },
      }),
    );
    fireEvent.change(screen.getByRole('textbox', { name: /Code/ }), {
      target: { value: '135790' },
    });
    await act(async () =>
      fireEvent.submit(screen.getByRole('textbox', { name: /Code/ }).closest('form')!),
    );
    expect(accounts.verifyConnect).toHaveBeenCalledTimes(1);

    expect(cancelButton().disabled).toBe(true);
    await act(async () => fireEvent.click(cancelButton()));
    expect(onCancel).not.toHaveBeenCalled();
    expect(accounts.cancelConnect).not.toHaveBeenCalled();

    await act(async () => answers.verify!({ ok: true, data: { status: 'connected', account } }));
    expect(onConnected).toHaveBeenCalledWith(account);
    // Done: leaving the form now has nothing to cancel.
    cleanup();
    expect(accounts.cancelConnect).not.toHaveBeenCalled();
  });

  it('leaving the form while a code is awaited ends the sign-in main holds open', async () => {
    const { accounts, answers } = fakeAccounts();
    await showFormAndConnect();
    await act(async () =>
      answers.connect!({
        ok: true,
        data: { status: 'twoFactorRequired', challengeId: 'ch-7', deliveryHint: null },
      }),
    );
    // The creator goes to another screen instead of entering the code.
    cleanup();
    expect(accounts.cancelConnect).toHaveBeenCalledTimes(1);
    expect(accounts.cancelConnect).toHaveBeenCalledWith({ challengeId: 'ch-7' });
  });
});
