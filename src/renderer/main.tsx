// First, so the start screen's data is on its way before anything else is evaluated.
import { boot } from './boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/theme.css';
import './styles/base.css';
import './i18n';
import { applyTheme } from './styles/theme';
import { App } from './App';
import { SCREENS, SCREEN_IDS } from './features/registry';
import { useNavigationStore } from './stores/navigation';
import { useOverviewStore } from './stores/overview';
import { useSettingsStore } from './stores/settings';

/** The first render waits this long at most for main's first answers. */
const BOOT_WAIT_MS = 1_500;

// Follow the OS until the saved setting arrives, so the first paint is not a flash of light.
applyTheme('system');

/** Fetches the other screens' chunks once the start screen is up and the app is idle. */
function whenIdle(task: () => void): void {
  if (typeof window.requestIdleCallback === 'function') {
    window.requestIdleCallback(task, { timeout: 3_000 });
  } else {
    setTimeout(task, 300);
  }
}

async function start(): Promise<void> {
  if (boot) {
    // The saved theme and language are applied and the start screen has its data before the
    // first render: no flash of the wrong language, no "Loading…" line. A main process that
    // does not answer in time does not keep the window blank: the screens then show their
    // own spinners and errors.
    const ready = Promise.all([
      useSettingsStore.getState().accept(boot.settings),
      useOverviewStore.getState().accept(boot.overview),
    ]);
    await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, BOOT_WAIT_MS))]);
    // A first run (no API key yet) starts where the key is added.
    if (useOverviewStore.getState().overview?.keySet === false) {
      useNavigationStore.getState().navigate('accounts');
    }
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // A chunk that fails to load renders as before: the screen's error boundary says so.
  whenIdle(() => {
    for (const id of SCREEN_IDS) void SCREENS[id].preload();
  });
}

void start();
