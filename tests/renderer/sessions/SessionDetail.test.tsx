import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setApi } from '../../../src/renderer/client';
import { ManagementSessionsPanel } from '../../../src/renderer/features/sessions/ManagementSessionsPanel';
import { applyLanguage } from '../../../src/renderer/i18n';
import { useSessionsStore } from '../../../src/renderer/stores/sessions';
import { fakePanelApi, managementSession, ok, sessionList } from './fixtures';

beforeEach(async () => {
  await applyLanguage('en');
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(400);
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
