import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCREEN_IDS, SCREENS, type ScreenId } from './features/registry';

export function App() {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<ScreenId>('accounts');
  const Screen = SCREENS[screen];
  return (
    <div className="app">
      <nav aria-label={t('nav.label')}>
        <ul>
          {SCREEN_IDS.map((id) => (
            <li key={id}>
              <button
                type="button"
                aria-current={id === screen ? 'page' : undefined}
                onClick={() => setScreen(id)}
              >
                {t(`nav.${id}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        <Screen />
      </main>
    </div>
  );
}
