import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/errors';
import { toAppError } from '../client';
import { Alert } from './Alert';

/**
 * The creator-facing sentence for an error, chosen by its code (main's own message is
 * English and technical, so it is never the headline).
 */
export function errorText(t: TFunction, error: AppError): string {
  if (error.code === 'rateLimited') {
    return error.retryAfterSeconds !== undefined
      ? t('errors:rateLimited', { seconds: Math.ceil(error.retryAfterSeconds) })
      : t('errors:rateLimitedNoWait');
  }
  return t(`errors:${error.code}`, { defaultValue: t('errors:internal') });
}

export interface ErrorMessageProps {
  /** An AppError, a ClientError, or anything thrown; unknown errors read as "internal". */
  error: unknown;
  /** `inline` is a line of text (under a form); `banner` is a danger Alert. */
  variant?: 'inline' | 'banner';
  /** Optional next step, e.g. a Retry button (banner only). */
  actions?: ReactNode;
  onDismiss?: () => void;
}

export function ErrorMessage({ error, variant = 'inline', actions, onDismiss }: ErrorMessageProps) {
  const { t } = useTranslation();
  const appError = toAppError(error);
  const sentence = errorText(t, appError);
  if (variant === 'banner') {
    return (
      <Alert tone="danger" actions={actions} onDismiss={onDismiss}>
        <p data-error-code={appError.code}>{sentence}</p>
      </Alert>
    );
  }
  return (
    <p className="error-message" role="alert" data-error-code={appError.code}>
      {sentence}
    </p>
  );
}
