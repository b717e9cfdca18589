import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../../src/renderer/i18n';
import { ConfirmDialog } from '../../src/renderer/components';

afterEach(cleanup);
beforeAll(async () => {
  await applyLanguage('en');
});

function setup(overrides: Partial<Parameters<typeof ConfirmDialog>[0]> = {}) {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  render(
    <ConfirmDialog
      open
      title="Revoke “Agency A”?"
      confirmLabel="Revoke"
      onConfirm={onConfirm}
      onCancel={onCancel}
      {...overrides}
    >
      <p>The link stops working at once.</p>
    </ConfirmDialog>,
  );
  return { onConfirm: (overrides.onConfirm as typeof onConfirm) ?? onConfirm, onCancel };
}

describe('ConfirmDialog', () => {
  it('is labelled by its title and described by its text', () => {
    setup();
    const dialog = screen.getByRole('dialog', { name: 'Revoke “Agency A”?' });
    expect(dialog).toHaveProperty('open', true);
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('cancels on Escape without confirming', () => {
    const { onConfirm, onCancel } = setup();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('confirms exactly once, even on a double click while the action runs', async () => {
    let finish!: () => void;
    const onConfirm = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    setup({ onConfirm });
    const button = screen.getByRole('button', { name: 'Revoke' });
    fireEvent.click(button);
    fireEvent.click(button);
    fireEvent.click(button);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await act(async () => finish());
  });

  it('keeps the dialog open and shows the error when the action fails', async () => {
    const onConfirm = vi.fn(() => Promise.reject(new Error('x')));
    setup({ onConfirm });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    });
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/went wrong/);
  });

  it('starts on Cancel when the action is dangerous', () => {
    setup({ variant: 'danger' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
  });

  it('asks for the typed word before a dangerous confirmation', () => {
    const { onConfirm } = setup({ variant: 'danger', confirmWord: 'LOCKDOWN' });
    const confirm = screen.getByRole('button', { name: 'Revoke' });
    const field = screen.getByLabelText('Type “LOCKDOWN” to confirm');
    expect(document.activeElement).toBe(field);
    expect(confirm).toHaveProperty('disabled', true);

    fireEvent.change(field, { target: { value: 'LOCKDOW' } });
    fireEvent.click(confirm);
    expect(onConfirm).not.toHaveBeenCalled();

    fireEvent.change(field, { target: { value: 'lockdown' } });
    expect(confirm).toHaveProperty('disabled', false);
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('gives focus back to the button that opened it', () => {
    function Opener() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button onClick={() => setOpen(true)}>Revoke…</button>
          <ConfirmDialog
            open={open}
            title="Revoke?"
            confirmLabel="Revoke"
            onConfirm={() => setOpen(false)}
            onCancel={() => setOpen(false)}
          />
        </>
      );
    }
    render(<Opener />);
    const opener = screen.getByRole('button', { name: 'Revoke…' });
    opener.focus();
    fireEvent.click(opener);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Revoke' }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('renders nothing when closed', () => {
    setup({ open: false });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
