import { describe, expect, it } from 'vitest';
import {
  NotificationService,
  isNotificationEnabled,
  notificationText,
} from '../../../src/main/services/notifications';
import { createRecordingNotifier } from '../../../src/main/platform/notifier';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/contract/settings';

function make(settings: Partial<Settings> = {}, language: 'en' | 'ru' = 'en') {
  const notifier = createRecordingNotifier();
  const opened: string[] = [];
  const service = new NotificationService({
    notifier,
    settings: () => ({ ...DEFAULT_SETTINGS, ...settings }),
    language: () => language,
    open: (screen) => void opened.push(screen),
  });
  return { service, notifier, opened };
}

const newLogin = {
  kind: 'newLogin',
  accountLabel: '@alice',
  place: 'Lagos, NG',
  ip: '203.0.113.9',
} as const;

describe('notifications', () => {
  it('every kind is on by default and each can be turned off alone', () => {
    for (const kind of ['newLogin', 'reviewDue', 'contractEnding'] as const) {
      expect(isNotificationEnabled(kind, DEFAULT_SETTINGS)).toBe(true);
    }
    const off = { ...DEFAULT_SETTINGS, notifyReviewDue: false };
    expect(isNotificationEnabled('reviewDue', off)).toBe(false);
    expect(isNotificationEnabled('newLogin', off)).toBe(true);
    expect(isNotificationEnabled('contractEnding', off)).toBe(true);
  });

  it('a new login says where it came from, and a click opens the login sessions tab', () => {
    const { service, notifier, opened } = make();
    expect(service.notify(newLogin)).toBe(true);
    expect(notifier.shown).toHaveLength(1);
    expect(notifier.shown[0]!.title).toBe('New login on your account');
    expect(notifier.shown[0]!.body).toContain(
      'New login on your account @alice from Lagos, NG (203.0.113.9)',
    );
    notifier.shown[0]!.onClick!();
    expect(opened).toEqual(['sessions/logins']);
  });

  it('a review reminder opens the checklist (keep or revoke), a contract reminder the managers', () => {
    const { service, notifier, opened } = make();
    service.notify({
      kind: 'reviewDue',
      accountLabel: '@a',
      sessionLabel: 'X',
      reviewBy: '2026-06-14',
    });
    service.notify({ kind: 'contractEnding', managerName: 'Anna', contractEnd: '2026-06-20' });
    for (const shown of notifier.shown) shown.onClick!();
    expect(opened).toEqual(['checklist', 'notes']);
  });

  it('a kind turned off in Settings shows nothing', () => {
    const { service, notifier } = make({ notifyNewLogin: false });
    expect(service.notify(newLogin)).toBe(false);
    expect(
      service.notify({ kind: 'contractEnding', managerName: 'Anna', contractEnd: '2026-06-20' }),
    ).toBe(true);
    expect(notifier.shown.map((n) => n.title)).toEqual(['A manager’s contract ends soon']);
  });

  it('speaks Russian when the app does, with dates formatted for the language', () => {
    const text = notificationText(
      {
        kind: 'reviewDue',
        accountLabel: '@alice',
        sessionLabel: 'Agency A',
        reviewBy: '2026-06-14',
      },
      'ru',
    );
    expect(text.title).toBe('Пора проверить доступ менеджера');
    expect(text.body).toContain('«Agency A»');
    expect(text.body).toMatch(/14 июн\.? 2026/);
  });

  it('in Russian, names the manager without declining the name after «с»', () => {
    // «Договор с Anna» needs the instrumental case, which an inserted name does not take.
    const text = notificationText(
      { kind: 'contractEnding', managerName: 'Anna', contractEnd: '2026-06-20' },
      'ru',
    );
    expect(text.body).toMatch(
      /^Anna: договор заканчивается 20 июн\.? 2026( г\.)?\. Когда он закончится, отзовите сессии этого менеджера\.$/,
    );
  });
});
