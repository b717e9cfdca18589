import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setApi } from '../../../src/renderer/client';
import { ManagementSessionsPanel } from '../../../src/renderer/features/sessions/ManagementSessionsPanel';
import { SessionDetail } from '../../../src/renderer/features/sessions/SessionDetail';
import { formatDate } from '../../../src/renderer/format';
import { applyLanguage } from '../../../src/renderer/i18n';
import { useSessionsStore } from '../../../src/renderer/stores/sessions';
import { catalogue, fakePanelApi, managementSession, ok, sessionList } from './fixtures';
import { giveElementsSize } from '../layout';

beforeEach(async () => {
  await applyLanguage('en');
  giveElementsSize(400);
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  setApi(null);
  useSessionsStore.setState(useSessionsStore.getInitialState());
  await applyLanguage('en');
});

describe('editing a session from its detail', () => {
  const editor = managementSession(1, { label: 'Editor' });

  /** The panel with "Editor" selected and its edit form opened from a focused Edit button. */
  async function openEdit(sessions: Record<string, unknown> = {}) {
    fakePanelApi(sessionList([editor]), sessions);
    await act(async () => {
      render(<ManagementSessionsPanel accountId="fansly_1" />);
    });
    act(() => useSessionsStore.getState().select('ms_1'));
    const edit = screen.getByRole('button', { name: 'Edit' });
    edit.focus();
    await act(async () => fireEvent.click(edit));
  }

  it('opening the edit form moves focus to its name field', async () => {
    await openEdit();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Session name/ }));
  });

  it('Cancel gives focus back to the Edit button', async () => {
    await openEdit();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit' }));
  });

  it('Save gives focus back to the Edit button', async () => {
    await openEdit({ edit: vi.fn(() => ok({ ...editor, label: 'Chief editor' })) });
    fireEvent.change(screen.getByRole('textbox', { name: /Session name/ }), {
      target: { value: 'Chief editor' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save changes' })));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit' }));
  });
});

describe('a session history', () => {
  const session = managementSession(1, {
    label: 'Editor',
    history: [
      { at: '2026-01-01T10:00:00.000Z', kind: 'created', detail: '' },
      {
        at: '2026-01-02T10:00:00.000Z',
        kind: 'edited',
        detail: 'name: Editor old → Editor; access: posts',
        changes: { renamed: { from: 'Editor old', to: 'Editor' }, permissions: ['posts'] },
      },
      {
        at: '2026-01-03T10:00:00.000Z',
        kind: 'detailsChanged',
        detail: 'review by 2026-05-01, where the link was sent',
        changes: { reviewBy: '2026-05-01', sentTo: true },
      },
      // Written before main recorded structured changes: English text only.
      { at: '2026-01-04T10:00:00.000Z', kind: 'detailsChanged', detail: 'manager' },
    ],
  });

  async function historyIn(language: 'en' | 'ru') {
    await applyLanguage(language);
    fakePanelApi(sessionList([session]));
    await act(async () => {
      render(
        <SessionDetail session={session} catalogue={catalogue} managerName={null} mode="gateway" />,
      );
    });
    return screen.getByTestId('session-history').textContent ?? '';
  }

  it('words each change in Russian, with translated permission names and local dates', async () => {
    const history = await historyIn('ru');
    expect(history).not.toMatch(/review by|where the link was sent|name:|access:|manager/);
    expect(history).toContain('название: Editor old → Editor');
    expect(history).toMatch(/доступ: [А-Яа-яЁё]/);
    expect(history).toContain(`проверить до ${formatDate('2026-05-01', 'ru')}`);
    expect(history).toContain('куда отправлена ссылка');
  });

  it("words each change in English, and still shows older entries' English text", async () => {
    const history = await historyIn('en');
    expect(history).toContain('name: Editor old → Editor');
    expect(history).toContain('access: Posts');
    expect(history).toContain(`review by ${formatDate('2026-05-01', 'en')}`);
    expect(history).toContain('· manager');
  });
});
