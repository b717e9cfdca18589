import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SCREEN_IDS } from '../features/screens';
import { useNavigationStore } from '../stores/navigation';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
const modifierLabel = isMac ? 'Meta' : 'Control';

/**
 * The left navigation: real buttons with aria-current, arrow keys move between them, and
 * Ctrl/⌘ + 1…9 jumps to a screen from anywhere.
 */
export function Navigation() {
  const { t } = useTranslation();
  const screen = useNavigationStore((state) => state.screen);
  const navigate = useNavigationStore((state) => state.navigate);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const modifier = isMac ? event.metaKey : event.ctrlKey;
      if (!modifier || event.altKey || event.shiftKey) return;
      const index = Number(event.key) - 1;
      const target = SCREEN_IDS[index];
      if (!Number.isInteger(index) || !target) return;
      event.preventDefault();
      navigate(target, { focus: true });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);

  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
    if (!keys.includes(event.key)) return;
    const buttons = Array.from(listRef.current?.querySelectorAll('button') ?? []);
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    event.preventDefault();
    const last = buttons.length - 1;
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? last
          : event.key === 'ArrowDown'
            ? (current + 1) % buttons.length
            : (current - 1 + buttons.length) % buttons.length;
    buttons[next]?.focus();
  };

  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul ref={listRef} onKeyDown={onListKeyDown}>
        {SCREEN_IDS.map((id, index) => (
          <li key={id}>
            <button
              type="button"
              className="app-nav__item"
              aria-current={id === screen ? 'page' : undefined}
              aria-keyshortcuts={index < 9 ? `${modifierLabel}+${index + 1}` : undefined}
              title={index < 9 ? `${isMac ? '⌘' : 'Ctrl+'}${index + 1}` : undefined}
              onClick={() => navigate(id)}
            >
              {t(`nav.${id}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
