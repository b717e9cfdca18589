import type { Account } from '../../shared/contract/accounts';
import type { ChecklistState } from '../../shared/contract/checklist';
import type { LockdownRun } from '../../shared/contract/lockdown';
import type { LoginSessionList } from '../../shared/contract/logins';
import type { Overview, OverviewInput, OverviewSession } from '../../shared/contract/overview';
import type { ManagementSessionList } from '../../shared/contract/sessions';

/** What the start screen reads; every part is local (no gateway call). */
export interface OverviewDeps {
  keySet(): Promise<boolean>;
  accounts(): Account[];
  managementSessions(accountId: string): ManagementSessionList;
  loginSessions(accountId: string): LoginSessionList;
  checklist(): Promise<ChecklistState>;
  managers(): { id: string; name: string }[];
  lockdown(): LockdownRun | null;
}

/** Newest first (sessions without a date last), then by label: the start screen's and the tray's order. */
export const byNewest = (
  a: { createdAt: string | null; label: string },
  b: { createdAt: string | null; label: string },
) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || a.label.localeCompare(b.label);

/**
 * The start screen in one answer (see `overviewSchema`): one round trip when the window
 * opens instead of one per panel, and nothing that waits on the gateway.
 */
export class OverviewService {
  constructor(private readonly deps: OverviewDeps) {}

  async get(input: OverviewInput): Promise<Overview> {
    const [keySet, checklist] = await Promise.all([this.deps.keySet(), this.deps.checklist()]);
    const accounts = this.deps.accounts();
    const account = accounts.find((a) => a.accountId === input.accountId) ?? accounts[0] ?? null;
    const run = this.deps.lockdown();
    const lockdown = run ? { status: run.status, startedAt: run.startedAt } : null;
    if (!account) {
      return {
        keySet,
        accounts,
        accountId: null,
        management: null,
        logins: null,
        security: null,
        managers: [],
        lockdown,
      };
    }
    const accountId = account.accountId;
    const management = this.deps.managementSessions(accountId);
    const active: OverviewSession[] = [];
    for (const s of management.sessions) {
      if (s.status !== 'active') continue;
      active.push({
        id: s.id,
        label: s.label,
        permissions: s.permissions,
        managerId: s.managerId,
        createdAt: s.createdAt,
        lastUsedAt: s.lastUsedAt,
        reviewBy: s.reviewBy,
        createdInDoorman: s.createdInDoorman,
        source: s.source,
      });
    }
    active.sort(byNewest);
    const linked = new Set(active.map((s) => s.managerId).filter((id) => id !== null));
    const logins = this.deps.loginSessions(accountId);
    const open = logins.sessions.filter((s) => s.status === 'open');
    const checklistOfAccount = checklist.accounts.find((a) => a.accountId === accountId);
    return {
      keySet,
      accounts,
      accountId,
      management: {
        mode: management.mode,
        asOf: management.asOf,
        offline: management.offline,
        active,
        closedCount: management.sessions.length - active.length,
      },
      logins: {
        mode: logins.mode,
        asOf: logins.asOf,
        open: open.length,
        unrecognised: open.filter((s) => s.recognisedAt === null && !s.current).length,
      },
      security: checklistOfAccount
        ? {
            overall: checklistOfAccount.overall,
            needsAttention: checklistOfAccount.items.filter((i) => i.status === 'needsAttention')
              .length,
            total: checklistOfAccount.items.length,
          }
        : null,
      managers: this.deps
        .managers()
        .filter((m) => linked.has(m.id))
        .map(({ id, name }) => ({ id, name })),
      lockdown,
    };
  }
}
