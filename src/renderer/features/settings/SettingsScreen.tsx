import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorMessage, Screen, Spinner } from '../../components';
import { ErrorBoundary } from '../../shell/ErrorBoundary';
import { useAppInfoStore } from '../../stores/app-info';
import { useSettingsStore } from '../../stores/settings';
import { SETTINGS_SECTIONS } from '../slots';
import { AboutPanel } from './AboutPanel';
import { AppearancePanel } from './AppearancePanel';
import { GatewayPanel } from './GatewayPanel';
import { StartupPanel } from './StartupPanel';
import './settings.css';

/** Settings, saved through main as they change; main validates every value again. */
export function SettingsScreen() {
  const { t } = useTranslation('settings');
  const settings = useSettingsStore((state) => state.settings);
  const loadError = useSettingsStore((state) => state.loadError);

  useEffect(() => {
    void useAppInfoStore.getState().load();
  }, []);

  return (
    <Screen title={t('title')} description={t('description')}>
      {!settings && loadError && (
        <ErrorMessage
          error={loadError}
          variant="banner"
          actions={
            <Button onClick={() => void useSettingsStore.getState().load()}>
              {t('common:retry')}
            </Button>
          }
        />
      )}
      {!settings && !loadError && <Spinner label={t('common:loading')} showLabel />}
      {settings && (
        <div className="settings">
          <AppearancePanel settings={settings} />
          <GatewayPanel settings={settings} />
          {SETTINGS_SECTIONS.map((Section, index) => (
            <ErrorBoundary key={index}>
              <Suspense fallback={null}>
                <Section />
              </Suspense>
            </ErrorBoundary>
          ))}
          <StartupPanel settings={settings} />
        </div>
      )}
      <AboutPanel />
    </Screen>
  );
}
