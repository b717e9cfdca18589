import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Badge,
  Button,
  ConfirmDialog,
  ErrorMessage,
  Panel,
  useAsyncAction,
} from '../../components';
import { useFormat } from '../../format';
import { useStateTopic } from '../../hooks/useStateTopic';
import { useVaultStore } from '../../stores/vault';
import { ApiKeyForm } from './ApiKeyForm';

/** The API key in Settings and on the Accounts screen: set / replace / check / remove. */
export function ApiKeySection() {
  const { t } = useTranslation('vault');
  const format = useFormat();
  const status = useVaultStore((s) => s.status);
  const loadError = useVaultStore((s) => s.loadError);
  const [replacing, setReplacing] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const check = useAsyncAction(() => useVaultStore.getState().checkKey());

  useEffect(() => {
    void useVaultStore.getState().load();
  }, []);
  useStateTopic('vault', () => void useVaultStore.getState().load());

  const needsReentry =
    status !== null && (status.backendChanged || status.unreadable || status.gatewayChanged);

  return (
    <Panel title={t('title')} id="api-key-title" description={t('description')}>
      {loadError && <ErrorMessage error={loadError} />}
      {status && !status.isSet && !replacing && <p>{t('notSet')}</p>}
      {status?.isSet && (
        <p className="api-key-status" data-testid="api-key-status">
          {t('setEndsIn', { lastFour: status.lastFour ?? '????' })}{' '}
          {status.checked ? (
            <Badge tone="good">{t('checked')}</Badge>
          ) : (
            <Badge tone="warn" title={t('uncheckedHint')}>
              {t('unchecked')}
            </Badge>
          )}{' '}
          {!status.osProtected && <Badge tone="warn">{t('notOsProtected')}</Badge>}
          {status.savedAt && (
            <span className="api-key-status__when">
              {' '}
              {t('savedAt', { time: format.dateTime(status.savedAt) })}
            </span>
          )}
        </p>
      )}
      {needsReentry && (
        <Alert tone="warning" title={t('reenterTitle')}>
          {status.backendChanged
            ? t('backendChanged', { backend: status.backend })
            : status.unreadable
              ? t('unreadable')
              : t('gatewayChanged')}
        </Alert>
      )}
      {check.error && <ErrorMessage error={check.error} />}
      {(replacing || (status !== null && !status.isSet)) && (
        <ApiKeyForm
          submitLabel={status?.isSet ? t('replace') : t('save')}
          onSaved={() => setReplacing(false)}
          onCancel={status?.isSet ? () => setReplacing(false) : undefined}
        />
      )}
      {status?.isSet && !replacing && (
        <div className="form-actions">
          <Button onClick={() => setReplacing(true)}>
            {needsReentry ? t('reenter') : t('replace')}
          </Button>
          {!status.checked && !needsReentry && (
            <Button busy={check.busy} onClick={() => void check.run()}>
              {t('checkNow')}
            </Button>
          )}
          <Button variant="danger" onClick={() => setConfirmRemove(true)}>
            {t('remove')}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirmRemove}
        title={t('removeTitle')}
        confirmLabel={t('removeConfirm')}
        variant="danger"
        onConfirm={async () => {
          await useVaultStore.getState().removeKey();
          setConfirmRemove(false);
        }}
        onCancel={() => setConfirmRemove(false)}
      >
        <p>{t('removeBody')}</p>
      </ConfirmDialog>
    </Panel>
  );
}
