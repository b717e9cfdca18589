/**
 * OS notifications, as services see them. `notifier-electron.ts` implements it with
 * Electron's `Notification`; tests use `createRecordingNotifier()`.
 */
export interface OsNotification {
  title: string;
  body: string;
  /** Called when the creator clicks the notification (the window opens on a screen). */
  onClick?: () => void;
}

export interface Notifier {
  /** False where the OS offers no notifications (some Linux desktops): callers skip quietly. */
  isSupported(): boolean;
  show(notification: OsNotification): void;
}

export function createRecordingNotifier(): Notifier & { shown: OsNotification[] } {
  const shown: OsNotification[] = [];
  return { shown, isSupported: () => true, show: (n) => void shown.push(n) };
}
