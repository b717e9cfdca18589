import { createMainTranslator } from '../platform/i18n';
import type { Settings } from '../../shared/contract/settings';
import type { Notifier } from '../platform/notifier';

/** The kinds of OS notification Doorman sends; each can be turned off in Settings. */
export type NotificationKind = 'newLogin' | 'reviewDue' | 'contractEnding';

export type NotificationRequest =
  | {
      kind: 'newLogin';
      accountLabel: string;
      /** "Berlin, DE", or null when the gateway gave no place. */
      place: string | null;
      ip: string | null;
    }
  | { kind: 'reviewDue'; accountLabel: string; sessionLabel: string; reviewBy: string }
  | { kind: 'contractEnding'; managerName: string; contractEnd: string };

const TOGGLES: Record<NotificationKind, keyof Settings> = {
  newLogin: 'notifyNewLogin',
  reviewDue: 'notifyReviewDue',
  contractEnding: 'notifyContractEnding',
};

/** Pure: whether the creator wants this kind of notification. */
export function isNotificationEnabled(kind: NotificationKind, settings: Settings): boolean {
  return settings[TOGGLES[kind]] === true;
}

/** The screen a click on the notification opens. */
export const NOTIFICATION_SCREENS: Record<NotificationKind, string> = {
  // The Sessions screen's login tab (the window reads 'screen/tab').
  newLogin: 'sessions/logins',
  // The checklist lists overdue sessions with Keep and Revoke…
  reviewDue: 'checklist',
  // Managers and their contracts live beside the notes.
  contractEnding: 'notes',
};

const resources = {
  en: {
    notify: {
      newLogin: {
        title: 'New login on your account',
        body: 'New login on your account {{account}} from {{from}}. Not you? Open Doorman and lock the account down.',
        unknownPlace: 'an unknown place',
      },
      reviewDue: {
        title: 'Time to review a manager’s access',
        body: '“{{session}}” on {{account}} was due for review on {{date}}. Keep it with a new review date, or revoke it.',
      },
      contractEnding: {
        title: 'A manager’s contract ends soon',
        body: 'The contract with {{manager}} ends on {{date}}. Revoke their sessions when it ends.',
      },
    },
  },
  ru: {
    notify: {
      newLogin: {
        title: 'Новый вход в ваш аккаунт',
        body: 'Новый вход в аккаунт {{account}}: {{from}}. Это не вы? Откройте Doorman и заблокируйте доступ.',
        unknownPlace: 'неизвестное место',
      },
      reviewDue: {
        title: 'Пора проверить доступ менеджера',
        body: 'Сессию «{{session}}» в аккаунте {{account}} нужно было проверить {{date}}. Оставьте её с новой датой проверки или отзовите.',
      },
      contractEnding: {
        title: 'Скоро заканчивается договор с менеджером',
        body: '{{manager}}: договор заканчивается {{date}}. Когда он закончится, отзовите сессии этого менеджера.',
      },
    },
  },
} as const;

const translate = createMainTranslator(resources, 'notify');

/** Pure: the title and body for a notification in a language. */
export function notificationText(
  request: NotificationRequest,
  language: 'en' | 'ru',
): { title: string; body: string } {
  const t = translate(language);
  switch (request.kind) {
    case 'newLogin': {
      const place = request.place ?? t('newLogin.unknownPlace');
      const from = request.ip ? `${place} (${request.ip})` : place;
      return {
        title: t('newLogin.title'),
        body: t('newLogin.body', { account: request.accountLabel, from }),
      };
    }
    case 'reviewDue':
      return {
        title: t('reviewDue.title'),
        body: t('reviewDue.body', {
          session: request.sessionLabel,
          account: request.accountLabel,
          date: formatDate(request.reviewBy, language),
        }),
      };
    case 'contractEnding':
      return {
        title: t('contractEnding.title'),
        body: t('contractEnding.body', {
          manager: request.managerName,
          date: formatDate(request.contractEnd, language),
        }),
      };
  }
}

function formatDate(isoDate: string, language: 'en' | 'ru'): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? `${isoDate}T12:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Sends the monitor's notifications, honouring the per-kind toggles. */
export class NotificationService {
  constructor(
    private readonly deps: {
      notifier: Notifier;
      settings: () => Settings;
      language: () => 'en' | 'ru';
      /** Opens the window on a screen (a click on the notification). */
      open: (screen: string) => void;
    },
  ) {}

  /** Returns whether a notification was shown. */
  notify(request: NotificationRequest): boolean {
    if (!isNotificationEnabled(request.kind, this.deps.settings())) return false;
    if (!this.deps.notifier.isSupported()) return false;
    const { title, body } = notificationText(request, this.deps.language());
    const screen = NOTIFICATION_SCREENS[request.kind];
    this.deps.notifier.show({ title, body, onClick: () => this.deps.open(screen) });
    return true;
  }
}
