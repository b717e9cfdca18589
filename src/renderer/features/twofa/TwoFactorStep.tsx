import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TwoFactorSent } from '../../../shared/contract';
import { Alert, Button, ErrorMessage, useAsyncAction } from '../../components';
import { api, unwrap } from '../../client';
import { CodeForm } from './CodeForm';

export interface TwoFactorStepProps {
  /** The gateway account id the code is for. */
  accountId: string;
  /** The code was accepted: pass the challenge id to the action that needs the proof. */
  onVerified: (challengeId: string) => void;
  onCancel: () => void;
  /** Why a code is needed, in a sentence (e.g. "Fansly asks for a code to edit a session."). */
  reason?: string;
  /** Send the code as soon as the step shows (the creator already asked for the action). */
  autoSend?: boolean;
}

/**
 * The reusable 2FA code step (seed 002): send a one-time code to the account's e-mail,
 * show where it went (masked), take the code, verify it; resend and retry allowed. Main
 * keeps the gateway's token; this component only ever holds a challenge id.
 */
export function TwoFactorStep({
  accountId,
  onVerified,
  onCancel,
  reason,
  autoSend = false,
}: TwoFactorStepProps) {
  const { t } = useTranslation('twofa');
  const [sent, setSent] = useState<TwoFactorSent | null>(null);
  const [triesLeft, setTriesLeft] = useState<number | null>(null);
  const [ended, setEnded] = useState(false);

  const verify = useAsyncAction(async (code: string) => {
    if (!sent) return;
    const result = await unwrap(
      api().twofa.verify({ accountId, challengeId: sent.challengeId, code }),
    );
    if (result.status === 'verified') {
      onVerified(sent.challengeId);
      return;
    }
    setTriesLeft(result.triesLeft);
    if (result.triesLeft === 0) setEnded(true);
  });
  const send = useAsyncAction(async () => {
    const next = await unwrap(api().twofa.send({ accountId }));
    setSent(next);
    setTriesLeft(null);
    setEnded(false);
    // The last answer was about the old code (an expired request among them): start clean.
    verify.reset();
  });

  const autoSent = useRef(false);
  useEffect(() => {
    if (autoSend && !autoSent.current) {
      autoSent.current = true;
      void send.run();
    }
  }, [autoSend, send]);

  // Cancel waits for a send or check under way: cancelled then, its challenge would be left
  // open on main behind a closed step.
  const working = send.busy || verify.busy;
  const cancel = () => {
    if (sent) void api().twofa.cancel({ challengeId: sent.challengeId });
    onCancel();
  };

  // An expired or replaced challenge: main says notFound; offer a new code.
  const challengeGone = verify.error?.code === 'notFound';

  return (
    <div className="twofa-step" aria-live="polite">
      {reason && <p>{reason}</p>}
      {!sent && (
        <>
          <p>{t('explainSend')}</p>
          {send.error && <ErrorMessage error={send.error} />}
          <div className="form-actions">
            <Button variant="primary" busy={send.busy} onClick={() => void send.run()}>
              {t('send')}
            </Button>
            <Button variant="ghost" onClick={cancel} disabled={working}>
              {t('cancel')}
            </Button>
          </div>
        </>
      )}
      {sent && (
        <>
          <p data-testid="twofa-sent">
            {sent.maskedEmail ? t('sentTo', { email: sent.maskedEmail }) : t('sentNoHint')}
          </p>
          {ended || challengeGone ? (
            <Alert tone="warning" title={ended ? t('tooManyTries') : t('expired')}>
              <div className="form-actions">
                <Button variant="primary" busy={send.busy} onClick={() => void send.run()}>
                  {t('sendNew')}
                </Button>
                <Button variant="ghost" onClick={cancel} disabled={working}>
                  {t('cancel')}
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
              extra={
                <>
                  <Button busy={send.busy} onClick={() => void send.run()}>
                    {t('resend')}
                  </Button>
                  <Button variant="ghost" onClick={cancel} disabled={working}>
                    {t('cancel')}
                  </Button>
                </>
              }
            />
          )}
          {send.error && <ErrorMessage error={send.error} />}
        </>
      )}
    </div>
  );
}
