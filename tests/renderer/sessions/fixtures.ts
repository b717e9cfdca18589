import type { ManagementSession } from '../../../src/shared/contract/sessions';

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
