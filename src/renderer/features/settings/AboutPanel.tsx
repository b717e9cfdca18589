import { useTranslation } from 'react-i18next';
import { Alert, ErrorMessage, Panel, Spinner } from '../../components';
import { useAppInfoStore } from '../../stores/app-info';

const PLATFORM_NAMES = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' } as const;

/** Version and whether the OS keychain protects secrets on this computer. */
export function AboutPanel() {
  const { t } = useTranslation('settings');
  const info = useAppInfoStore((state) => state.info);
  const error = useAppInfoStore((state) => state.error);

  return (
    <Panel title={t('about.title')} id="settings-about">
      {!info && error && <ErrorMessage error={error} />}
      {!info && !error && <Spinner label={t('common:loading')} showLabel />}
      {info && (
        <>
          <dl className="settings__facts">
            <dt>{t('about.version')}</dt>
            <dd>{info.version}</dd>
            <dt>{t('about.system')}</dt>
            <dd>
              {info.platform === 'other' ? t('about.otherSystem') : PLATFORM_NAMES[info.platform]}
            </dd>
            <dt>{t('about.keychain')}</dt>
            <dd>
              {info.keychain.available
                ? t('about.keychainAvailable', { backend: info.keychain.backend })
                : t('about.keychainMissing')}
            </dd>
          </dl>
          {!info.keychain.available && (
            <Alert tone="warning" title={t('about.keychainWarningTitle')}>
              <p>{t('about.keychainWarning')}</p>
            </Alert>
          )}
        </>
      )}
    </Panel>
  );
}
