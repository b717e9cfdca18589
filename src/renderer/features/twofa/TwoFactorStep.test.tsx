import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../shared/contract';
import { setApi } from '../../client';
import { applyLanguage } from '../../i18n';
import { TwoFactorStep } from './TwoFactorStep';

/**
 * Only what the step calls; main's answers as the contract shapes them. A challenge in
 * `ended` has expired or been replaced: main answers notFound for it.
 */
function fakeTwofa(rightCode: string, ended: readonly string[] = []) {
  let sent = 0;
  const twofa = {
    send: vi.fn(async () => ({
      ok: true as const,
      data: {
        challengeId: `challenge-${++sent}`,
        maskedEmail: 'a*********y@g****.com',
        expiresAt: '2026-11-23T12:00:00Z',
      },
    })),
    verify: vi.fn(async (input: { challengeId: string; code: string }) =>
      ended.includes(input.challengeId)
        ? {
            ok: false as const,
            error: { code: 'notFound' as const, message: 'This code request has ended.' },
          }
        : {
            ok: true as const,
            data:
              input.code === rightCode && input.challengeId === `challenge-${sent}`
                ? { status: 'verified' as const }
                : { status: 'wrongCode' as const, triesLeft: 4 },
          },
    ),
    cancel: vi.fn(async () => ({ ok: true as const, data: null })),
  };
  setApi({ twofa, onStateChanged: () => () => undefined } as unknown as Api);
  return twofa;
}

beforeEach(async () => {
  await applyLanguage('en');
});
afterEach(() => {
  cleanup();
  setApi(null);
});

describe('TwoFactorStep', () => {
  it('sends a code, shows the masked e-mail, survives a wrong code, and hands over the challenge id', async () => {
    const twofa = fakeTwofa('135790');
    const onVerified = vi.fn();
    render(<TwoFactorStep accountId="fansly_a" onVerified={onVerified} onCancel={() => {}} />);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send code' })));
    expect(twofa.send).toHaveBeenCalledWith({ accountId: 'fansly_a' });
    expect(screen.getByTestId('twofa-sent').textContent).toContain('a*********y@g****.com');

    const field = screen.getByRole('textbox', { name: /Code/ });
    fireEvent.change(field, { target: { value: '000000' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Confirm' })));
    expect(await screen.findByText('That code is not right. 4 tries left.')).toBeTruthy();
    expect(onVerified).not.toHaveBeenCalled();

    // Too short is refused here, before main is asked.
    fireEvent.change(field, { target: { value: '12' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Confirm' })));
    expect(screen.getByText('Enter the code as digits only (4 to 10).')).toBeTruthy();
    expect(twofa.verify).toHaveBeenCalledTimes(1);

    fireEvent.change(field, { target: { value: '135 790' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Confirm' })));
    expect(twofa.verify).toHaveBeenLastCalledWith({
      accountId: 'fansly_a',
      challengeId: 'challenge-1',
      code: '135790',
    });
    expect(onVerified).toHaveBeenCalledWith('challenge-1');
  });

  it('resending uses the new challenge; cancelling tells main to forget it', async () => {
    const twofa = fakeTwofa('246810');
    const onVerified = vi.fn();
    const onCancel = vi.fn();
    render(
      <TwoFactorStep accountId="fansly_a" onVerified={onVerified} onCancel={onCancel} autoSend />,
    );
    expect(await screen.findByTestId('twofa-sent')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send again' })));
    expect(twofa.send).toHaveBeenCalledTimes(2);
    fireEvent.change(screen.getByRole('textbox', { name: /Code/ }), {
      target: { value: '246810' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Confirm' })));
    expect(onVerified).toHaveBeenCalledWith('challenge-2');

    cleanup();
    const second = fakeTwofa('1');
    render(
      <TwoFactorStep accountId="fansly_a" onVerified={onVerified} onCancel={onCancel} autoSend />,
    );
    await screen.findByTestId('twofa-sent');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })));
    expect(onCancel).toHaveBeenCalled();
    expect(second.cancel).toHaveBeenCalledWith({ challengeId: 'challenge-1' });
  });

  it('after an expired code request, "Send a new code" brings the code field back for the new code', async () => {
    const twofa = fakeTwofa('246810', ['challenge-1']);
    const onVerified = vi.fn();
    render(
      <TwoFactorStep accountId="fansly_a" onVerified={onVerified} onCancel={() => {}} autoSend />,
    );
    await screen.findByTestId('twofa-sent');
    fireEvent.change(screen.getByRole('textbox', { name: /Code/ }), {
      target: { value: '246810' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Confirm' })));
    expect(screen.getByText(/This code has expired/)).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /Code/ })).toBeNull();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send a new code' })));
    expect(twofa.send).toHaveBeenCalledTimes(2);
    expect(screen.queryByText(/This code has expired/)).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: /Code/ }), {
      target: { value: '246810' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Confirm' })));
    expect(onVerified).toHaveBeenCalledWith('challenge-2');
  });

  it('Cancel waits while a code is being sent', async () => {
    const twofa = fakeTwofa('135790');
    let answer!: () => void;
    twofa.send.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          answer = () =>
            resolve({
              ok: true as const,
              data: {
                challengeId: 'challenge-1',
                maskedEmail: null,
                expiresAt: '2026-11-23T12:00:00Z',
              },
            });
        }) as never,
    );
    const onCancel = vi.fn();
    render(<TwoFactorStep accountId="fansly_a" onVerified={() => {}} onCancel={onCancel} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send code' })));
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect((cancel as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(cancel);
    expect(onCancel).not.toHaveBeenCalled();
    await act(async () => answer());
    const after = screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement;
    expect(after.disabled).toBe(false);
    fireEvent.click(after);
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(twofa.cancel).toHaveBeenCalledWith({ challengeId: 'challenge-1' });
  });
});
