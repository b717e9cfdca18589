import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api, BackupSummary } from '../../../src/shared/contract';
import type { Result } from '../../../src/shared/errors';
import { setApi } from '../../../src/renderer/client';
import { BackupPanel } from '../../../src/renderer/features/activity/BackupPanel';
import { applyLanguage } from '../../../src/renderer/i18n';

const summary = (createdAt: string, notes: number): BackupSummary => ({
  createdAt,
  appVersion: '0.1.0',
  formatVersion: 1,
  files: 3,
  notes,
  managers: 1,
  activityEntries: 1,
});

/** A chosen file as the panel reads it (jsdom's File has no text()). */
const chosenFile = (name: string, content: string) => ({
  name,
  text: () => Promise.resolve(content),
});

/** backup:inspect answers only when the test says so, per file content. */
function fakeBackup() {
  const answers = new Map<string, (result: Result<BackupSummary>) => void>();
  const backup = {
    inspect: vi.fn(
      ({ content }: { content: string }) =>
        new Promise<Result<BackupSummary>>((resolve) => answers.set(content, resolve)),
    ),
    restore: vi.fn(() => Promise.resolve({ ok: true as const, data: { canRestartNow: true } })),
  };
  setApi({ backup, onStateChanged: () => () => undefined } as unknown as Api);
  const answer = (content: string, result: Result<BackupSummary>) =>
    act(async () => answers.get(content)!(result));
  return { backup, answer };
}

beforeEach(async () => {
  await applyLanguage('en');
});
afterEach(() => {
  cleanup();
  setApi(null);
});

describe('restoring a backup', () => {
  it('a file chosen while another is being checked replaces it: its summary is shown and it is what is restored', async () => {
    const { backup, answer } = fakeBackup();
    render(<BackupPanel />);
    const input = screen.getByLabelText('Restore from a backup file');
    await act(async () =>
      fireEvent.change(input, { target: { files: [chosenFile('old.json', 'OLD')] } }),
    );
    expect(screen.getByRole('status').textContent).toBe('Checking old.json…');
    // The creator notices the wrong file and picks the right one while the first is checked.
    await act(async () =>
      fireEvent.change(input, { target: { files: [chosenFile('wanted.json', 'WANTED')] } }),
    );
    expect(screen.getByRole('status').textContent).toBe('Checking wanted.json…');

    await answer('WANTED', { ok: true, data: summary('2026-02-01T00:00:00Z', 2) });
    // The first file's answer arrives late: it must not replace the chosen one.
    await answer('OLD', { ok: true, data: summary('2026-01-01T00:00:00Z', 7) });
    expect(screen.queryByText(/Checking/)).toBeNull();
    expect(screen.getByText(/^wanted\.json is a backup from .* with 2 notes/)).toBeTruthy();
    expect(screen.queryByText(/old\.json|7 notes/)).toBeNull();

    await act(async () =>
      fireEvent.click(screen.getByRole('button', { name: 'Restore this backup…' })),
    );
    await act(async () => fireEvent.submit(document.querySelector('dialog form')!));
    expect(backup.restore).toHaveBeenCalledTimes(1);
    expect(backup.restore).toHaveBeenCalledWith({ content: 'WANTED', confirm: true });
  });

  it('a refusal of the file that was replaced is not shown', async () => {
    const { answer } = fakeBackup();
    render(<BackupPanel />);
    const input = screen.getByLabelText('Restore from a backup file');
    await act(async () =>
      fireEvent.change(input, { target: { files: [chosenFile('damaged.json', 'DAMAGED')] } }),
    );
    await act(async () =>
      fireEvent.change(input, { target: { files: [chosenFile('good.json', 'GOOD')] } }),
    );
    await answer('DAMAGED', {
      ok: false,
      error: { code: 'invalidInput', message: 'The checksum does not match.' },
    });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Checking good.json…');
    await answer('GOOD', { ok: true, data: summary('2026-02-01T00:00:00Z', 2) });
    expect(screen.getByText(/^good\.json is a backup from/)).toBeTruthy();
    expect(screen.queryByTestId('backup-error-detail')).toBeNull();
  });

  it("says why a file cannot be restored in the UI language, never with main's English text", async () => {
    await applyLanguage('ru');
    const { answer } = fakeBackup();
    render(<BackupPanel />);
    await act(async () =>
      fireEvent.change(screen.getByLabelText('Восстановить из файла копии'), {
        target: { files: [chosenFile('cut.json', 'CUT')] },
      }),
    );
    await answer('CUT', {
      ok: false,
      error: {
        code: 'invalidInput',
        message: 'This backup is damaged (its checksum does not match). Nothing was changed.',
        reason: 'checksum',
      },
    });
    const detail = screen.getByTestId('backup-error-detail');
    expect(detail.textContent).toMatch(/контрольная сумма не совпадает/);
    expect(screen.getByRole('alert').textContent).not.toMatch(/checksum|damaged/);
  });
});
