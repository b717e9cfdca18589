import { localDay } from '../../../shared/domain/calendar';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  managerChangesSchema,
  managerDraftSchema,
  type ManagerChanges,
  type ManagerDraft,
  type ManagerSessions,
  type OffboardResult,
} from '../../../shared/contract/managers';
import { managerSchema, type Manager } from '../../../shared/domain/manager';
import { DoormanError, isDoormanError } from '../../../shared/errors';
import type { EventBus } from '../../platform/events';
import { JsonStore, type StorageNoticeLog } from '../../platform/json-store';
import type { ActivityRecorder } from '../activity-recorder';
import type { ManagerSessionsPort } from './sessions-port';

export const MANAGERS_STORE_VERSION = 2;

const managersDocumentSchema = z.object({ managers: z.array(managerSchema) });
type ManagersDocument = z.infer<typeof managersDocumentSchema>;

/**
 * v1 kept only name, contact and contract end; v2 adds organisation, role, contract start,
 * notice period and the offboarding date. Old managers get empty values, nothing is dropped.
 */
export const managersMigrations: Record<number, (previous: unknown) => unknown> = {
  2: (previous) => {
    const v1 = z
      .object({
        managers: z.array(
          z.looseObject({
            id: z.string(),
            name: z.string(),
            contact: z.string().optional(),
            contractEnd: z.string().nullable().optional(),
            createdAt: z.string(),
          }),
        ),
      })
      .parse(previous);
    return {
      managers: v1.managers.map((m) => ({
        id: m.id,
        name: m.name,
        organisation: '',
        contact: m.contact ?? '',
        role: '',
        contractStart: null,
        contractEnd: m.contractEnd ?? null,
        noticePeriodDays: null,
        offboardedAt: null,
        createdAt: m.createdAt,
        updatedAt: m.createdAt,
      })),
    };
  },
};

export interface ManagersServiceDeps {
  dataDir: string;
  clock: () => Date;
  activity: ActivityRecorder;
  notices?: StorageNoticeLog;
  events?: EventBus;
  /** How many notes are attached to a manager (removal is refused when there are some). */
  notesCount?: (managerId: string) => number;
}

type OffboardedListener = (manager: Manager) => void;

function checkContractDates(m: Pick<Manager, 'contractStart' | 'contractEnd'>): void {
  if (m.contractStart && m.contractEnd && m.contractEnd < m.contractStart) {
    throw new DoormanError('invalidInput', 'The contract ends before it starts.', {
      fields: ['contractEnd'],
    });
  }
}

/** People and agencies the creator shares access with; sessions link here. */
export class ManagersService {
  private readonly store: JsonStore<ManagersDocument>;
  private sessions: ManagerSessionsPort | null = null;
  private readonly offboardedListeners = new Set<OffboardedListener>();

  constructor(private readonly deps: ManagersServiceDeps) {
    this.store = new JsonStore<ManagersDocument>({
      dir: deps.dataDir,
      name: 'managers',
      schema: managersDocumentSchema,
      defaults: () => ({ managers: [] }),
      version: MANAGERS_STORE_VERSION,
      migrations: managersMigrations,
      notices: deps.notices,
      clock: deps.clock,
    });
  }

  /** Called by core once the sessions feature exists. */
  connectSessions(port: ManagerSessionsPort): void {
    this.sessions = port;
  }

  sessionsPort(): ManagerSessionsPort | null {
    return this.sessions;
  }

  /**
   * Runs after a manager is offboarded (e.g. the checklist sets "re-add 2FA" back to needs
   * attention). Returns an unsubscribe function.
   */
  onManagerOffboarded(listener: OffboardedListener): () => void {
    this.offboardedListeners.add(listener);
    return () => this.offboardedListeners.delete(listener);
  }

  list(): Manager[] {
    return [...this.store.get().managers].sort((a, b) => a.name.localeCompare(b.name));
  }

  get(id: string): Manager {
    const manager = this.store.get().managers.find((m) => m.id === id);
    if (!manager) throw new DoormanError('notFound', 'That manager is not in Doorman.');
    return manager;
  }

  create(draft: ManagerDraft): Manager {
    const parsed = managerDraftSchema.parse(draft);
    checkContractDates(parsed);
    const now = this.deps.clock().toISOString();
    const manager: Manager = {
      id: randomUUID(),
      ...parsed,
      offboardedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    this.store.update((doc) => ({ managers: [...doc.managers, manager] }));
    this.deps.activity.record({
      kind: 'managerAdded',
      subjectId: manager.id,
      summary: manager.name,
      params: { manager: manager.name },
    });
    this.deps.events?.changed('managers');
    return manager;
  }

  update(id: string, changes: ManagerChanges): Manager {
    const parsed = managerChangesSchema.parse(changes);
    const next: Manager = {
      ...this.get(id),
      ...parsed,
      updatedAt: this.deps.clock().toISOString(),
    };
    checkContractDates(next);
    this.replace(next);
    return next;
  }

  async remove(id: string): Promise<void> {
    const manager = this.get(id);
    const sessions = this.sessions ? await this.sessions.sessionsForManager(id) : [];
    const notes = this.deps.notesCount?.(id) ?? 0;
    if (sessions.length || notes) {
      throw new DoormanError(
        'conflict',
        `${manager.name} has sessions or notes. Offboard instead, so their history stays.`,
      );
    }
    this.store.update((doc) => ({ managers: doc.managers.filter((m) => m.id !== id) }));
    this.deps.events?.changed('managers');
  }

  async sessionsFor(managerId: string): Promise<ManagerSessions> {
    this.get(managerId);
    if (!this.sessions) return { available: false, items: [] };
    return { available: true, items: await this.sessions.sessionsForManager(managerId) };
  }

  /**
   * Revokes every active session issued to the manager, then records the end. When any
   * revocation did not happen (offline, gateway error) the manager is not marked offboarded:
   * a revocation that has not happened must never look done. Trying again revokes the rest.
   */
  async offboard(id: string, endDate?: string): Promise<OffboardResult> {
    const manager = this.get(id);
    // Decided, and checked, before anything is revoked: a refusal after the revocations would
    // leave access removed but the manager not offboarded. Without a date the contract ends
    // today where the creator is, or at its start if it had not begun (it never ran).
    const today = localDay(this.deps.clock());
    const contractEnd =
      endDate ??
      manager.contractEnd ??
      (manager.contractStart && manager.contractStart > today ? manager.contractStart : today);
    checkContractDates({ contractStart: manager.contractStart, contractEnd });
    const active = this.sessions
      ? (await this.sessions.sessionsForManager(id)).filter((s) => s.status === 'active')
      : [];
    const revoked: OffboardResult['revoked'] = [];
    const failed: OffboardResult['failed'] = [];
    for (const session of active) {
      try {
        await this.sessions!.revoke(session.accountId, session.sessionId);
        revoked.push({ accountId: session.accountId, sessionId: session.sessionId });
      } catch (error) {
        failed.push({
          accountId: session.accountId,
          sessionId: session.sessionId,
          code: isDoormanError(error) ? error.code : 'internal',
          message: isDoormanError(error) ? error.message : 'The session could not be revoked.',
        });
      }
    }
    if (failed.length) {
      this.deps.activity.record({
        kind: 'managerOffboarded',
        subjectId: id,
        result: 'failed',
        summary: `${manager.name}: ${failed.length} session(s) not revoked`,
        params: { variant: 'failed', manager: manager.name, count: failed.length },
      });
      this.deps.events?.changed('managers', 'sessions');
      return { manager, completed: false, revoked, failed };
    }
    const now = this.deps.clock().toISOString();
    const next: Manager = {
      ...manager,
      offboardedAt: manager.offboardedAt ?? now,
      contractEnd,
      updatedAt: now,
    };
    this.replace(next);
    this.deps.activity.record({
      kind: 'managerOffboarded',
      subjectId: id,
      result: 'ok',
      summary: `${manager.name}: ${revoked.length} session(s) revoked`,
      params: { variant: 'done', manager: manager.name, count: revoked.length },
    });
    for (const listener of this.offboardedListeners) {
      try {
        listener(next);
      } catch {
        // A listener's failure must not undo an offboarding that has happened.
      }
    }
    this.deps.events?.changed('managers', 'sessions');
    return { manager: next, completed: true, revoked, failed };
  }

  private replace(next: Manager): void {
    this.store.update((doc) => ({
      managers: doc.managers.map((m) => (m.id === next.id ? next : m)),
    }));
    this.deps.events?.changed('managers');
  }
}
