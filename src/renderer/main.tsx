// First, so the start screen's data is on its way before anything else is evaluated.
import { boot } from './boot';
import { BOOT_MARKS } from './boot-marks';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import './styles/theme.css';
import './styles/base.css';
import './i18n';
import { applyTheme } from './styles/theme';
import { App } from './App';
import { SCREENS, SCREEN_IDS } from './features/registry';
import { prepareFormatters } from './format';
import { useNavigationStore } from './stores/navigation';
import { useOverviewStore } from './stores/overview';
import { useSettingsStore } from './stores/settings';

/** The first render waits this long at most for main's first answers. */
const BOOT_WAIT_MS = 1_500;

// Follow the OS until the saved setting arrives, so the first paint is not a flash of light.
applyTheme('system');

/** How long after the first render the other screens start loading. */
const PRELOAD_AFTER_MS = 1_000;

/** Runs `task` when the page is idle (or after a while at the latest). */
function whenIdle(task: () => void): void {
  if (typeof window.requestIdleCallback === 'function') {
    window.requestIdleCallback(task, { timeout: 3_000 });
  } else {
    setTimeout(task, 50);
  }
}

/**
 * Fetches and evaluates the other screens' chunks one at a time in idle moments, starting a
 * little after the start screen is up: they then open at once, without the start screen
 * sharing its first second with them. A chunk that fails to load renders as before: the
 * screen's error boundary says so.
 */
function preloadScreensLater(): void {
  const queue = [...SCREEN_IDS];
  const next = () => {
    const id = queue.shift();
    if (id) void SCREENS[id].preload().then(() => whenIdle(next));
  };
  setTimeout(() => whenIdle(next), PRELOAD_AFTER_MS);
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
    // Main is answering; meanwhile the page would be idle.
    prepareFormatters();
    await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, BOOT_WAIT_MS))]);
    // A first run (no API key yet) starts where the key is added.
    if (useOverviewStore.getState().overview?.keySet === false) {
      useNavigationStore.getState().navigate('accounts');
    }
  }
  performance.mark(BOOT_MARKS.data);
  // Rendered now rather than in a task React schedules: the data is here, so waiting for the
  // scheduler's next turn would only delay the first paint.
  const root = createRoot(document.getElementById('root')!);
  flushSync(() => {
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
  preloadScreensLater();
}

void start();
