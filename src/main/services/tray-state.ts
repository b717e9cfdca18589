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
 * Pure: the tray sections this feature adds, and which session each "Revoke…" item means.
 * Revoke items never revoke: they open a confirmation in the window.
 */
export function buildTraySections(input: TraySectionsInput): {
  sections: TrayMenuItem[][];
  revokeTargets: Record<string, RevokeRequest>;
} {
  const t = translate(input.language);
  const revokeTargets: Record<string, RevokeRequest> = {};
  const accountItems: TrayMenuItem[] = input.accounts.map((account) => {
    const sessionItems: TrayMenuItem[] = account.activeSessions.map((session) => {
      const id = `revoke:${Object.keys(revokeTargets).length + 1}`;
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
        count: account.activeSessions.length,
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
  return { sections: [accountItems, actions], revokeTargets };
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
    if (id === 'refresh') {
      void this.deps.source.refreshNow().finally(() => void this.update());
      void this.update();
      return true;
    }
    const target = this.revokeTargets[id];
    if (target) {
      this.deps.source.requestRevoke(target);
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
    this.last = { language, overall, sections: built.sections };
    for (const listener of this.listeners) listener(this.last);
  }
}
