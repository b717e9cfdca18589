import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { twoFactorCodeSchema } from '../../../shared/contract';
import { Button, ErrorMessage, TextField } from '../../components';
import type { AppError } from '../../../shared/errors';

export interface CodeFormProps {
  /** Checks the code (the caller tracks the answer and passes `triesLeft` back). */
  onSubmit: (code: string) => Promise<void>;
  busy: boolean;
  error: AppError | null;
  /** Set after a wrong code: tries left (0: this request has ended). */
  triesLeft: number | null;
  submitLabel?: string;
  /** Extra buttons beside submit (resend, cancel). */
  extra?: ReactNode;
}

/** One field for a one-time code (4–10 digits; spaces are fine), checked here before main sees it. */
export function CodeForm({ onSubmit, busy, error, triesLeft, submitLabel, extra }: CodeFormProps) {
  const { t } = useTranslation('twofa');
  const [code, setCode] = useState('');
  const [formatError, setFormatError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = twoFactorCodeSchema.safeParse(code);
    if (!parsed.success) {
      setFormatError(t('codeFormat'));
      return;
    }
    setFormatError(null);
    void onSubmit(parsed.data).then(() => setCode(''));
  };

  const wrong =
    triesLeft === null ? null : triesLeft > 0 ? t('wrongCode', { count: triesLeft }) : null;

  return (
    <form className="code-form" onSubmit={submit} noValidate>
      <TextField
        label={t('codeLabel')}
        hint={t('codeHint')}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        maxLength={20}
        error={formatError ?? wrong}
        required
        autoFocus
      />
      {error && <ErrorMessage error={error} />}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel ?? t('verify')}
        </Button>
        {extra}
      </div>
    </form>
  );
}
