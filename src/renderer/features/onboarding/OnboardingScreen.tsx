import { useTranslation } from 'react-i18next';
import { Button, ErrorMessage, Panel, Screen, useAsyncAction } from '../../components';
import { api, unwrap } from '../../client';
import { ApiKeyForm } from '../accounts/ApiKeyForm';

/** Where the creator gets a key: the gateway's own documentation (allowlisted host). */
export const GATEWAY_DOCS_URL = 'https://apifansly.com/docs';

/**
 * First run, no API key: what the gateway is, what it keeps, where to get a key, and that
 * notes and the checklist work without one. The key form is right here.
 */
export function OnboardingScreen() {
  const { t } = useTranslation('onboarding');
  const openDocs = useAsyncAction(async () => {
    await unwrap(api().app.openExternal({ url: GATEWAY_DOCS_URL }));
  });
  return (
    <Screen title={t('title')} description={t('lead')}>
      <div className="onboarding">
        <Panel title={t('gatewayTitle')} id="onboarding-gateway">
          <p>{t('gatewayBody')}</p>
          <p>{t('gatewayKeeps')}</p>
          <p>{t('doormanKeeps')}</p>
        </Panel>
        <Panel title={t('keyTitle')} id="onboarding-key">
          <ol>
            <li>{t('step1')}</li>
            <li>{t('step2')}</li>
            <li>{t('step3')}</li>
          </ol>
          <div className="form-actions">
            <Button variant="ghost" busy={openDocs.busy} onClick={() => void openDocs.run()}>
              {t('openDocs')}
            </Button>
          </div>
          {openDocs.error && <ErrorMessage error={openDocs.error} />}
          <ApiKeyForm />
        </Panel>
        <Panel title={t('withoutKeyTitle')} id="onboarding-without-key">
          <p>{t('withoutKeyBody')}</p>
        </Panel>
      </div>
    </Screen>
  );
}
