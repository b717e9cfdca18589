import { createMainTranslator } from '../platform/i18n';
import type { RevokeRequest } from '../../shared/contract/lockdown';
import type { OverallState } from '../../shared/domain/checklist';
import type { TrayMenuItem, TrayState } from '../tray/menu-model';
import type { EventBus } from '../platform/events';
import type { Logger } from '../platform/log';

export interface TrayAccount {
  accountId: string;
  label: string;
  overall: OverallState;
  activeSessions: { id: string; label: string }[];
}

export interface TraySectionsInput {
  language: 'en' | 'ru';
  accounts: TrayAccount[];
  refreshing: boolean;
  lockdownRunning: boolean;
}

const resources = {
  en: {
    traySections: {
      account: '{{account}}: {{state}}',
      accountSessions_one: '{{account}}: {{count}} active session',
      accountSessions_other: '{{account}}: {{count}} active sessions',
      noSessions: 'No active management sessions',
      revoke: 'Revoke “{{session}}”…',
      allSessions_one: 'All {{count}} sessions…',
      allSessions_other: 'All {{count}} sessions…',
      lockdown: 'Lockdown…',
      refresh: 'Refresh now',
      refreshing: 'Refreshing…',
      state: {
        secure: 'secure',
        attention: 'needs attention',
        atRisk: 'at risk',
        unknown: 'unknown',
      },
    },
  },
  ru: {
    traySections: {
      account: '{{account}}: {{state}}',
      accountSessions_one: '{{account}}: {{count}} активная сессия',
      accountSessions_few: '{{account}}: {{count}} активные сессии',
      accountSessions_many: '{{account}}: {{count}} активных сессий',
      accountSessions_other: '{{account}}: {{count}} активной сессии',
      noSessions: 'Нет активных сессий управления',
      revoke: 'Отозвать «{{session}}»…',
      allSessions_one: 'Все сессии ({{count}})…',
      allSessions_few: 'Все сессии ({{count}})…',
      allSessions_many: 'Все сессии ({{count}})…',
      allSessions_other: 'Все сессии ({{count}})…',
      lockdown: 'Заблокировать доступ…',
      refresh: 'Обновить сейчас',
      refreshing: 'Обновление…',
      state: {
        secure: 'защищён',
        attention: 'требует внимания',
        atRisk: 'под угрозой',
        unknown: 'неизвестно',
      },
    },
  },
} as const;

const translate = createMainTranslator(resources, 'traySections');

/** Labels are cut so one long session name cannot stretch the menu across the screen. */
function short(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * "Revoke…" items per account. A native menu of thousands of items is slow to build and
 * useless to scroll; past this many the account's submenu ends with "All N sessions…",
 * which opens the Sessions screen.
 */
export const TRAY_SESSIONS_SHOWN = 20;

/**
 * Pure: the tray sections this feature adds, and which session each "Revoke…" item means.
 * Revoke items never revoke: they open a confirmation in the window. Each account's sessions
 * come newest first; the first TRAY_SESSIONS_SHOWN get an item.
 */
export function buildTraySections(input: TraySectionsInput): {
  sections: TrayMenuItem[][];
  revokeTargets: Record<string, RevokeRequest>;
  /** "All N sessions…" item id → the account whose Sessions screen it opens. */
  sessionsTargets: Record<string, string>;
} {
  const t = translate(input.language);
  const revokeTargets: Record<string, RevokeRequest> = {};
  const sessionsTargets: Record<string, string> = {};
  const accountItems: TrayMenuItem[] = input.accounts.map((account) => {
    const total = account.activeSessions.length;
    const shown = account.activeSessions.slice(0, TRAY_SESSIONS_SHOWN);
    const allId = `sessions:${encodeURIComponent(account.accountId)}`;
    if (total > shown.length) sessionsTargets[allId] = account.accountId;
    const sessionItems: TrayMenuItem[] = shown.map((session) => {
      // Named by account and session, not by position: a menu opened before a refresh
      // reordered the list still asks about the session its item showed.
      const id = `revoke:${encodeURIComponent(account.accountId)}:${encodeURIComponent(session.id)}`;
      revokeTargets[id] = {
        accountId: account.accountId,
        sessionId: session.id,
        label: session.label,
      };
      return {
        kind: 'action',
        id,
        label: t('revoke', { session: short(session.label) }),
        enabled: true,
      };
    });
    return {
      kind: 'submenu',
      label: t('accountSessions', {
        account: short(account.label, 30),
        count: total,
      }),
      items: [
        {
          kind: 'label',
          label: t('account', {
            account: short(account.label, 30),
            state: t(`state.${account.overall}`),
          }),
        },
        { kind: 'separator' },
        ...(sessionItems.length
          ? sessionItems
          : [{ kind: 'label' as const, label: t('noSessions') }]),
        ...(total > shown.length
          ? [
              { kind: 'separator' as const },
              {
                kind: 'action' as const,
                id: allId,
                label: t('allSessions', { count: total }),
                enabled: true,
              },
            ]
          : []),
      ],
    };
  });
  const actions: TrayMenuItem[] = [
    { kind: 'action', id: 'lockdown', label: t('lockdown'), enabled: !input.lockdownRunning },
    {
      kind: 'action',
      id: 'refresh',
      label: input.refreshing ? t('refreshing') : t('refresh'),
      enabled: !input.refreshing,
    },
  ];
  return { sections: [accountItems, actions], revokeTargets, sessionsTargets };
}

/** What the tray state is computed from (the checklist, sessions, monitor, lockdown). */
export interface TrayStateSource {
  language(): 'en' | 'ru';
  overall(): Promise<{ overall: OverallState; accounts: Omit<TrayAccount, 'activeSessions'>[] }>;
  activeSessions(accountId: string): Promise<{ id: string; label: string }[]>;
  refreshing(): boolean;
  lockdownRunning(): boolean;
  refreshNow(): Promise<unknown>;
  requestRevoke(request: RevokeRequest): void;
}

const RELEVANT_TOPICS = new Set([
  'settings',
  'accounts',
  'sessions',
  'loginSessions',
  'checklist',
  'managers',
  'monitor',
]);

/**
 * Keeps the tray in step with the app: recomputes on every relevant state change (coalesced),
 * hands the new TrayState to the renderer adapter, and turns menu clicks into actions.
 */
export class TrayStateService {
  private readonly listeners = new Set<(state: TrayState) => void>();
  private revokeTargets: Record<string, RevokeRequest> = {};
  private sessionsTargets: Record<string, string> = {};
  private pending: Promise<void> | null = null;
  private again = false;
  private unsubscribe: (() => void) | null = null;
  private last: TrayState | null = null;

  constructor(
    private readonly deps: {
      source: TrayStateSource;
      events: EventBus;
      log: Logger;
    },
  ) {}

  start(): void {
    this.unsubscribe = this.deps.events.subscribe((event, payload) => {
      if (event !== 'stateChanged') return;
      const topics = (payload as { topics: string[] }).topics;
      if (topics.some((topic) => RELEVANT_TOPICS.has(topic))) void this.update();
    });
    void this.update();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  current(): TrayState | null {
    return this.last;
  }

  onChange(listener: (state: TrayState) => void): () => void {
    this.listeners.add(listener);
    if (this.last) listener(this.last);
    return () => this.listeners.delete(listener);
  }

  /** Recomputes the tray; calls made while one is under way collapse into one more. */
  update(): Promise<void> {
    if (this.pending) {
      this.again = true;
      return this.pending;
    }
    this.pending = (async () => {
      do {
        this.again = false;
        try {
          await this.compute();
        } catch (error) {
          this.deps.log.warn('tray state could not be computed', error);
        }
      } while (this.again);
    })().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** A menu click this feature owns; returns false for ids it does not know. */
  handleAction(id: string): boolean {
    if (id === 'lockdown') {
      this.deps.events.emit('navigate', { screen: 'lockdown' });
      return true;
    }
    if (Object.hasOwn(this.sessionsTargets, id)) {
      this.deps.events.emit('navigate', {
        screen: 'sessions',
        accountId: this.sessionsTargets[id],
      });
      return true;
    }
    if (id === 'refresh') {
      void this.deps.source.refreshNow().finally(() => void this.update());
      void this.update();
      return true;
    }
    if (Object.hasOwn(this.revokeTargets, id)) {
      this.deps.source.requestRevoke(this.revokeTargets[id]!);
      return true;
    }
    return false;
  }

  private async compute(): Promise<void> {
    const source = this.deps.source;
    const { overall, accounts } = await source.overall();
    const withSessions: TrayAccount[] = [];
    for (const account of accounts) {
      withSessions.push({
        ...account,
        activeSessions: await source.activeSessions(account.accountId),
      });
    }
    const language = source.language();
    const built = buildTraySections({
      language,
      accounts: withSessions,
      refreshing: source.refreshing(),
      lockdownRunning: source.lockdownRunning(),
    });
    this.revokeTargets = built.revokeTargets;
    this.sessionsTargets = built.sessionsTargets;
    this.last = { language, overall, sections: built.sections };
    for (const listener of this.listeners) listener(this.last);
  }
}
