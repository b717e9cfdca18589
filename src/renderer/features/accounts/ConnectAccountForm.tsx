import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, ConnectResult } from '../../../shared/contract';
import { isCountryCode } from '../../../shared/domain/countries';
import type { AppError } from '../../../shared/errors';
import { Alert, Button, ErrorMessage, Select, TextField, useAsyncAction } from '../../components';
import { api, toAppError, unwrap } from '../../client';
import { CodeForm } from '../twofa/CodeForm';
import { countryOptions } from './countries';

type Pending = Extract<ConnectResult, { status: 'twoFactorRequired' }>;

export interface ConnectAccountFormProps {
  onConnected: (account: Account) => void;
  onCancel: () => void;
}

/**
 * Connect a Fansly account through the gateway. A plain explanation comes first: the
 * gateway keeps the Fansly credentials on its side. The password goes to main once and is
 * cleared from this form as soon as it is sent; a 2FA code may be asked next.
 */
export function ConnectAccountForm({ onConnected, onCancel }: ConnectAccountFormProps) {
  const { t, i18n } = useTranslation('accounts');
  const language = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  const options = useMemo(() => countryOptions(language), [language]);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [label, setLabel] = useState('');
  const [countryCode, setCountryCode] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<Pending | null>(null);
  const [triesLeft, setTriesLeft] = useState<number | null>(null);
  const [ended, setEnded] = useState(false);
  const [connectError, setConnectError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  // The sign-in main holds open for the code. Leaving the form any way (Cancel, another
  // screen, the window closing) ends it, so no half-done sign-in waits out its ten minutes.
  const openChallenge = useRef<string | null>(null);
  useEffect(() => {
    openChallenge.current = pending?.challengeId ?? null;
  }, [pending]);
  useEffect(
    () => () => {
      const challengeId = openChallenge.current;
      if (challengeId)
        void api()
          .accounts.cancelConnect({ challengeId })
          .catch(() => undefined);
    },
    [],
  );

  const verify = useAsyncAction(async (code: string) => {
    if (!pending) return;
    const result = await unwrap(
      api().accounts.verifyConnect({ challengeId: pending.challengeId, code }),
    );
    if (result.status === 'connected') {
      openChallenge.current = null;
      onConnected(result.account);
      return;
    }
    setTriesLeft(result.triesLeft);
    if (result.triesLeft === 0) setEnded(true);
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const errors: Record<string, string> = {};
    if (!username.trim()) errors.username = t('connect.usernameRequired');
    if (!password) errors.password = t('connect.passwordRequired');
    if (!isCountryCode(countryCode)) errors.countryCode = t('connect.countryRequired');
    setFieldErrors(errors);
    if (Object.keys(errors).length) return;
    setBusy(true);
    setConnectError(null);
    try {
      const result = await unwrap(
        api().accounts.connect({ username, password, label, countryCode }),
      );
      setPassword('');
      if (result.status === 'connected') onConnected(result.account);
      else {
        setPending(result);
        setTriesLeft(null);
        setEnded(false);
      }
    } catch (thrown) {
      const error = toAppError(thrown);
      if (error.code === 'invalidInput' && error.fields?.includes('countryCode')) {
        setFieldErrors({ countryCode: t('connect.countryRequired') });
      } else {
        setConnectError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  // Cancel waits for a sign-in or a code check under way: closing the form would leave it
  // running behind it (a connected account, or a code request, the creator never sees).
  const cancel = () => {
    if (busy || verify.busy) return;
    if (pending) void api().accounts.cancelConnect({ challengeId: pending.challengeId });
    openChallenge.current = null;
    setPassword('');
    onCancel();
  };

  if (pending) {
    const gone = ended || verify.error?.code === 'notFound';
    return (
      <div className="connect-account" aria-live="polite">
        <h4>{t('connect.codeTitle')}</h4>
        <p>
          {pending.deliveryHint
            ? t('connect.codeSentTo', { hint: pending.deliveryHint })
            : t('connect.codeSent')}
        </p>
        {gone ? (
          <Alert tone="warning" title={ended ? t('connect.tooManyTries') : t('connect.expired')}>
            <div className="form-actions">
              <Button
                variant="primary"
                onClick={() => {
                  setPending(null);
                  verify.reset();
                }}
              >
                {t('connect.startAgain')}
              </Button>
              <Button variant="ghost" onClick={cancel}>
                {t('connect.cancel')}
              </Button>
            </div>
          </Alert>
        ) : (
          <CodeForm
            onSubmit={async (code) => {
              await verify.run(code);
            }}
            busy={verify.busy}
            error={verify.error}
            triesLeft={triesLeft}
            submitLabel={t('connect.verify')}
            extra={
              <Button variant="ghost" onClick={cancel} disabled={verify.busy}>
                {t('connect.cancel')}
              </Button>
            }
          />
        )}
      </div>
    );
  }

  return (
    <form className="connect-account" onSubmit={(e) => void submit(e)} noValidate>
      <Alert tone="info" title={t('connect.explainTitle')}>
        <p>{t('connect.explainGateway')}</p>
        <p>{t('connect.explainKey')}</p>
        <p>{t('connect.explainDoorman')}</p>
      </Alert>
      <TextField
        label={t('connect.username')}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        error={fieldErrors.username}
        required
      />
      <TextField
        label={t('connect.password')}
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoComplete="off"
        error={fieldErrors.password}
        required
      />
      <TextField
        label={t('connect.label')}
        hint={t('connect.labelHint')}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        maxLength={100}
      />
      <Select
        label={t('connect.country')}
        hint={t('connect.countryHint')}
        value={countryCode}
        onChange={(e) => setCountryCode(e.target.value)}
        options={[{ value: '', label: t('connect.countryPlaceholder') }, ...options]}
        error={fieldErrors.countryCode}
        required
      />
      {connectError &&
        (connectError.code === 'badRequest' || connectError.code === 'forbidden' ? (
          <p className="error-message" role="alert" data-error-code={connectError.code}>
            {t('connect.rejected')}
          </p>
        ) : (
          <ErrorMessage error={connectError} />
        ))}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          {t('connect.submit')}
        </Button>
        <Button variant="ghost" onClick={cancel} disabled={busy}>
          {t('connect.cancel')}
        </Button>
      </div>
    </form>
  );
}
