import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../src/shared/contract';
import type {
  CreateSessionResult,
  PermissionCatalogue,
} from '../../../src/shared/contract/sessions';
import type { Result } from '../../../src/shared/errors';
import { setApi } from '../../../src/renderer/client';
import { CreateSessionFlow } from '../../../src/renderer/features/sessions/CreateSessionFlow';
import { ManagementSessionsPanel } from '../../../src/renderer/features/sessions/ManagementSessionsPanel';
import { applyLanguage } from '../../../src/renderer/i18n';
import { useSessionsStore } from '../../../src/renderer/stores/sessions';
import { managementSession } from './fixtures';

const catalogue: PermissionCatalogue = {
  source: 'builtIn',
  permissions: [{ id: 'posts', label: 'Posts and homepage', builtInId: 'posts' }],
};

const created = (): CreateSessionResult => ({
  session: managementSession(1, { id: 's1', accountId: 'fansly_a', label: 'Editor' }),
  link: 'https://fansly.com/m/secret-link',
  copyToken: 'tok',
  warnings: [],
  repeated: false,
});

const ok = <T,>(data: T): Promise<Result<T>> => Promise.resolve({ ok: true, data });

/** Only what the flow calls; `sessions` adds or replaces the session calls a test needs. */
function fakeSessionsApi(sessions: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const api = {
    ...extra,
    managers: { list: vi.fn(() => ok([])) },
    sessions: {
      copyLink: vi.fn(() => ok({ clearsAfterSeconds: 60 })),
      forgetLink: vi.fn(() => ok(null)),
      ...sessions,
    },
    onStateChanged: vi.fn(() => () => undefined),
  };
  setApi(api as unknown as Api);
  return api;
}

function showFlow(onClose = vi.fn()) {
  return render(
    <CreateSessionFlow
      accountId="fansly_a"
      catalogue={catalogue}
      existingLabels={[]}
      onClose={onClose}
    />,
  );
}

/** Renders the flow and walks to the confirm step with the disclaimer accepted. */
async function toConfirm(onClose = vi.fn()) {
  await act(async () => {
    showFlow(onClose);
  });
  await walkToConfirm();
  return onClose;
}

/** From the first step of a flow on screen to the confirm step, the disclaimer accepted. */
async function walkToConfirm() {
  fireEvent.change(screen.getAllByRole('textbox')[0]!, { target: { value: 'Editor' } });
  await act(async () => fireEvent.click(screen.getAllByRole('button', { name: /Next|Далее/ })[0]!));
  fireEvent.click(screen.getByRole('checkbox', { name: /Posts|Посты|Публикации/i }));
  await act(async () => fireEvent.click(screen.getByRole('button', { name: /Next|Далее/ })));
  fireEvent.click(screen.getByRole('checkbox', { name: /accept|принимаю/i }));
}

beforeEach(async () => {
  await applyLanguage('en');
});
afterEach(async () => {
  cleanup();
  setApi(null);
  useSessionsStore.setState(useSessionsStore.getInitialState());
  await applyLanguage('en');
});

describe('a create whose outcome main could not tell', () => {
  // Main's English sentence for it (management-sessions.ts, resolveUncertain): never shown.
  const MAIN_MESSAGE =
    'Doorman could not tell whether Fansly created this session: the gateway did not answer. It will check again on the next refresh. Please do not create it again yet.';

  function offlineCreate() {
    const create = vi.fn((input: { requestId: string }) => {
      void input;
      return Promise.resolve({
        ok: false as const,
        error: { code: 'offline' as const, message: MAIN_MESSAGE },
      });
    });
    fakeSessionsApi({ create });
    return create;
  }

  it('says the session may exist and to check before creating it again, and a repeat uses the same request', async () => {
    const create = offlineCreate();
    await toConfirm();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Create session' })));

    expect(screen.getByText('It may have been created')).toBeTruthy();
    expect(
      screen.getByText(/Refresh the sessions list to check before you create it again/),
    ).toBeTruthy();
    expect(screen.queryByText('Not created')).toBeNull();
    expect(screen.queryByText(MAIN_MESSAGE)).toBeNull();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Create session' })));
    expect(create).toHaveBeenCalledTimes(2);
    expect(create.mock.calls[1]![0].requestId).toBe(create.mock.calls[0]![0].requestId);
  });

  it('in Russian, says so in Russian', async () => {
    await applyLanguage('ru');
    offlineCreate();
    await toConfirm();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Создать сессию' })));
    expect(screen.getByText('Возможно, сессия создана')).toBeTruthy();
    expect(screen.getByText(/прежде чем создавать её снова/)).toBeTruthy();
    expect(screen.queryByText('Сессия не создана')).toBeNull();
    expect(screen.queryByText(MAIN_MESSAGE)).toBeNull();
  });
});

describe('the one-time link view', () => {
  it('"Done" with a "sent to" note that fails to save stays open, says why and keeps what was typed', async () => {
    const updateDetails = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, error: { code: 'storage', message: 'disk full' } })
      .mockImplementation((input: { sentTo: string }) =>
        ok(managementSession(1, { id: 's1', accountId: 'fansly_a', sentTo: input.sentTo })),
      );
    const api = fakeSessionsApi({ create: vi.fn(() => ok(created())), updateDetails });
    const onClose = await toConfirm();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Create session' })));
    const sentTo = screen.getByRole('textbox', { name: /Where did you send it/ });
    fireEvent.change(sentTo, { target: { value: 'Telegram to Anna' } });

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Done' })));
    expect(updateDetails).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
    expect(api.sessions.forgetLink).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/could not read or save its files/);
    expect((sentTo as HTMLInputElement).value).toBe('Telegram to Anna');

    // Pressed again once the disk has room: the note is saved and the view closes.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Done' })));
    expect(updateDetails).toHaveBeenLastCalledWith({
      accountId: 'fansly_a',
      sessionId: 's1',
      sentTo: 'Telegram to Anna',
    });
    expect(api.sessions.forgetLink).toHaveBeenCalledWith({ copyToken: 'tok' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe('focus through the create flow', () => {
  it('each step takes focus from the one it replaced, never leaving it on <body>', async () => {
    fakeSessionsApi({ create: vi.fn(() => ok(created())) });
    await act(async () => {
      showFlow();
    });
    const name = screen.getByRole('textbox', { name: /Session name/ });
    expect(document.activeElement).toBe(name);
    fireEvent.change(name, { target: { value: 'Editor' } });

    // Enter in the name field: the access step's first choice, the first preset.
    await act(async () => fireEvent.submit(name.closest('form')!));
    const presets = screen.getByRole('group', { name: 'Presets' });
    expect(document.activeElement).toBe(presets.querySelector('button'));

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Back' })));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Session name/ }));

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Next' })));
    fireEvent.click(screen.getByRole('checkbox', { name: /Posts/ }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Next' })));
    expect(document.activeElement).toBe(screen.getByLabelText(/^Review by/));

    fireEvent.click(screen.getByRole('checkbox', { name: /accept/ }));
    const submit = screen.getByRole('button', { name: 'Create session' });
    submit.focus();
    await act(async () => fireEvent.click(submit));
    expect(screen.getByTestId('one-time-link')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: '“Editor” is ready' }));
  });

  /** The sessions panel of an account with no sessions yet, its list fresh. */
  async function showPanel() {
    fakeSessionsApi(
      {
        list: vi.fn(() =>
          ok({
            accountId: 'fansly_a',
            mode: 'gateway',
            asOf: new Date().toISOString(),
            offline: false,
            sessions: [],
          }),
        ),
        catalogue: vi.fn(() => ok(catalogue)),
        create: vi.fn(() => ok(created())),
      },
      // The new session is selected and shown with its notes once the flow closes.
      { notes: { list: vi.fn(() => ok({ items: [], nextCursor: null })) } },
    );
    await act(async () => {
      render(<ManagementSessionsPanel accountId="fansly_a" />);
    });
    const opener = screen.getByRole('button', { name: 'New session' });
    opener.focus();
    await act(async () => fireEvent.click(opener));
    expect(screen.getByRole('heading', { name: 'New management session' })).toBeTruthy();
  }

  it('Cancel gives focus back to the "New session" button', async () => {
    await showPanel();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New session' }));
  });

  it('Done on the one-time link gives focus back to the "New session" button', async () => {
    await showPanel();
    await walkToConfirm();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Create session' })));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Done' })));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New session' }));
  });
});
