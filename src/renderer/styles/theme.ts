export type ThemeSetting = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const darkQuery = '(prefers-color-scheme: dark)';
let current: ThemeSetting = 'system';
let unfollow: (() => void) | null = null;

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia(darkQuery).matches ? 'dark' : 'light';
}

/**
 * Sets `data-theme` on <html>. With "system" it keeps following the OS while the app runs,
 * so switching the OS to dark at dusk switches Doorman too.
 */
export function applyTheme(setting: ThemeSetting): void {
  current = setting;
  unfollow?.();
  unfollow = null;
  const root = document.documentElement;
  if (setting !== 'system') {
    root.dataset.theme = setting;
    return;
  }
  root.dataset.theme = systemTheme();
  if (typeof matchMedia !== 'function') return;
  const query = matchMedia(darkQuery);
  const follow = () => {
    if (current === 'system') root.dataset.theme = query.matches ? 'dark' : 'light';
  };
  query.addEventListener('change', follow);
  unfollow = () => query.removeEventListener('change', follow);
}
