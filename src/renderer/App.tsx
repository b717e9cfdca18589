import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BOOT_MARKS } from './boot-marks';
import { api } from './client';
import { Spinner } from './components';
import { SCREENS } from './features/registry';
import { HEADER_STATUS } from './features/slots';
import { afterPaint } from './hooks/afterPaint';
import { useStateTopic } from './hooks/useStateTopic';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { Navigation } from './shell/Navigation';
import { StorageNotices } from './shell/StorageNotices';
import { useAccountsStore } from './stores/accounts';
import { useNavigationStore } from './stores/navigation';
import { useSelectionStore } from './stores/selection';
import { useSettingsStore } from './stores/settings';
import './shell/shell.css';

/** The frame: header, navigation, the current screen. Features live in SCREENS. */
export function App() {
  const { t } = useTranslation();
  const screen = useNavigationStore((state) => state.screen);
  const focusRequest = useNavigationStore((state) => state.focusRequest);
  const mainRef = useRef<HTMLElement>(null);
  const Screen = SCREENS[screen];
  const HeaderStatus = HEADER_STATUS;

  useEffect(() => {
    if (performance.getEntriesByName(BOOT_MARKS.committed).length === 0) {
      performance.mark(BOOT_MARKS.committed);
    }
    // main.tsx asked for the settings before the first render; ask again only if that failed.
    if (useSettingsStore.getState().settings === null) void useSettingsStore.getState().load();
    // Every screen works on the selected account: load the (cache-first) list at start so a
    // tray jump straight to Sessions or the Checklist never says "no account selected". The
    // start screen already has its accounts (main.tsx), so this waits for the first paint.
    const cancelLoad = afterPaint(() => void useAccountsStore.getState().load());
    const stopListening = api().onNavigate(({ screen: target, accountId }) => {
      // "All N sessions…" in an account's tray submenu: that account, not the one last shown.
      // Before the accounts list is in, the list's arrival keeps the choice if it exists.
      const known = useAccountsStore.getState().list?.accounts;
      if (accountId !== undefined && (!known || known.some((a) => a.accountId === accountId))) {
        useSelectionStore.getState().selectAccount(accountId);
      }
      useNavigationStore.getState().navigateTo(target);
    });
    return () => {
      cancelLoad();
      stopListening();
    };
  }, []);
  useStateTopic('settings', () => void useSettingsStore.getState().load());
  useStateTopic('accounts', () => void useAccountsStore.getState().load());

  // Tray and shortcut navigation move focus to the new screen, so keyboard and screen-reader
  // users land where they asked to go. A plain nav click leaves focus in the nav. A screen
  // still loading takes the focus itself when its heading mounts (see components/Screen).
  useEffect(() => {
    const heading = mainRef.current?.querySelector<HTMLElement>('h2');
    if (!heading || !useNavigationStore.getState().takeFocusRequest()) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  }, [focusRequest, screen]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <h1 className="app-header__name">{t('appName')}</h1>
        <div className="app-header__status">
          {HeaderStatus && (
            <ErrorBoundary>
              <HeaderStatus />
            </ErrorBoundary>
          )}
        </div>
      </header>
      <Navigation />
      <main id="main" ref={mainRef} className="app-main" tabIndex={-1}>
        <StorageNotices />
        <ErrorBoundary key={screen}>
          <Suspense fallback={<Spinner label={t('loading')} showLabel />}>
            <Screen />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
