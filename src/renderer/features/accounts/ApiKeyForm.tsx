import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import { Alert, Button, Checkbox, ErrorMessage, TextField } from '../../components';
import { toAppError } from '../../client';
import { useVaultStore } from '../../stores/vault';

/** Failures after which the key may still be saved, marked unchecked, if the creator says so. */
const UNREACHABLE = new Set([
  'network',
  'timeout',
  'server',
  'rateLimited',
  'quotaExhausted',
  'malformed',
  'unsupported',
  'badRequest',
  'notFound',
]);

export interface ApiKeyFormProps {
  onSaved?: () => void;
  onCancel?: () => void;
  submitLabel?: string;
}

/**
 * Paste a key; main checks it with the gateway before saving. Two questions may follow: the
 * keychain does not protect the key here (Linux basic_text), or the gateway could not be
 * reached to check it. The field is cleared once saved; the key is never shown again.
 */
export function ApiKeyForm({ onSaved, onCancel, submitLabel }: ApiKeyFormProps) {
  const { t } = useTranslation('vault');
  const status = useVaultStore((s) => s.status);
  const setKey = useVaultStore((s) => s.setKey);
  const [apiKey, setApiKey] = useState('');
  const [acceptUnprotected, setAcceptUnprotected] = useState(false);
  const [askUnchecked, setAskUnchecked] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const needsConsent = status !== null && !status.osProtected;

  const save = async (saveUnchecked: boolean) => {
    if (busy) return;
    if (!apiKey.trim()) {
      setError({ code: 'invalidInput', message: '', fields: ['apiKey'] });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await setKey({ apiKey, acceptUnprotected, saveUnchecked });
      setApiKey('');
      setAskUnchecked(false);
      onSaved?.();
    } catch (thrown) {
      const appError = toAppError(thrown);
      setAskUnchecked(UNREACHABLE.has(appError.code));
      setError(appError);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  const fieldError =
    error?.code === 'invalidInput'
      ? apiKey.trim()
        ? t('keyShape')
        : t('keyEmpty')
      : error?.code === 'unauthorized'
        ? t('rejected')
        : null;

  return (
    <form className="api-key-form" onSubmit={submit} noValidate>
      <TextField
        label={t('keyLabel')}
        hint={t('keyHint')}
        type="password"
        value={apiKey}
        onChange={(event) => setApiKey(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        error={fieldError}
        required
      />
      {needsConsent && (
        <Alert tone="warning" title={t('unprotectedTitle')}>
          <p>{t('unprotectedBody')}</p>
          <Checkbox
            label={t('unprotectedAgree')}
            checked={acceptUnprotected}
            onChange={(event) => setAcceptUnprotected(event.target.checked)}
          />
        </Alert>
      )}
      {error && error.code === 'consentRequired' && (
        <p className="error-message" role="alert" data-error-code="consentRequired">
          {t('consentNeeded')}
        </p>
      )}
      {error && !fieldError && error.code !== 'consentRequired' && <ErrorMessage error={error} />}
      {askUnchecked && (
        <Alert tone="warning" title={t('uncheckedTitle')}>
          <p>{t('uncheckedBody')}</p>
          <div className="form-actions">
            <Button busy={busy} onClick={() => void save(true)}>
              {t('saveUnchecked')}
            </Button>
          </div>
        </Alert>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel ?? t('save')}
        </Button>
        {/* Closing while main checks the key would let the replace finish unseen. */}
        {onCancel && (
          <Button variant="ghost" onClick={onCancel} disabled={busy}>
            {t('cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
