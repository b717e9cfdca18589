import { vi } from 'vitest';
import type { Api } from '../../../src/shared/contract';
import type {
  ManagementSession,
  ManagementSessionList,
  PermissionCatalogue,
} from '../../../src/shared/contract/sessions';
import type { Result } from '../../../src/shared/errors';
import { setApi } from '../../../src/renderer/client';

/** A management session as main sends it: the i-th, created a minute after the one before. */
export function managementSession(
  i: number,
  extra: Partial<ManagementSession> = {},
): ManagementSession {
  return {
    id: `ms_${i}`,
    accountId: 'fansly_1',
    label: `Manager ${i}`,
    permissions: ['posts'],
    managerId: null,
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    lastUsedAt: null,
    status: 'active',
    reviewBy: null,
    sentTo: '',
    createdInDoorman: true,
    source: 'gateway',
    revokedAt: null,
    endedAt: null,
    linkLost: false,
    history: [],
    ...extra,
  };
}

export const ok = <T>(data: T): Promise<Result<T>> => Promise.resolve({ ok: true, data });

export const catalogue: PermissionCatalogue = {
  source: 'builtIn',
  permissions: [{ id: 'posts', label: 'Posts and homepage', builtInId: 'posts' }],
};

/** A fresh list of fansly_1's sessions, as main answers `sessions:list`. */
export function sessionList(
  sessions: ManagementSession[],
  extra: Partial<ManagementSessionList> = {},
): ManagementSessionList {
  return {
    accountId: 'fansly_1',
    mode: 'gateway',
    asOf: new Date().toISOString(),
    offline: false,
    sessions,
    ...extra,
  };
}

/** A fake window.api for the management panel; `sessions` adds or replaces session calls. */
export function fakePanelApi(list: ManagementSessionList, sessions: Record<string, unknown> = {}) {
  const api = {
    managers: { list: vi.fn(() => ok([])) },
    notes: { list: vi.fn(() => ok({ items: [], nextCursor: null })), create: vi.fn() },
    sessions: {
      list: vi.fn(() => ok(list)),
      refresh: vi.fn(() => ok(list)),
      catalogue: vi.fn(() => ok(catalogue)),
      ...sessions,
    },
    onStateChanged: vi.fn(() => () => undefined),
  };
  setApi(api as unknown as Api);
  return api;
}
