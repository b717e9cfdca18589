import { Notification } from 'electron';
import type { Notifier } from './notifier';

/**
 * Electron's main-process `Notification`. Each one is kept referenced until it closes or is
 * clicked: a notification object that is garbage-collected loses its click handler
 * (https://www.electronjs.org/docs/latest/api/notification).
 */
export function createElectronNotifier(iconPath?: string): Notifier {
  const alive = new Set<Notification>();
  return {
    isSupported: () => Notification.isSupported(),
    show({ title, body, onClick }) {
      const notification = new Notification({ title, body, silent: false, icon: iconPath });
      alive.add(notification);
      const forget = () => alive.delete(notification);
      notification.on('click', () => {
        forget();
        onClick?.();
      });
      notification.on('close', forget);
      notification.show();
    },
  };
}
