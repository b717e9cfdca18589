import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './Alert.css';

export type AlertTone = 'info' | 'success' | 'warning' | 'danger';

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Buttons shown under the text (e.g. "Retry", "Open settings"). */
  actions?: ReactNode;
  /** Shows a close button; the caller removes the alert. */
  onDismiss?: () => void;
  dismissLabel?: string;
  className?: string;
}

/**
 * A banner. Danger is `role="alert"` (interrupts a screen reader); the rest are
 * `role="status"` (polite), so calm news stays calm.
 */
export function Alert({
  tone = 'info',
  title,
  children,
  actions,
  onDismiss,
  dismissLabel,
  className,
}: AlertProps) {
  const { t } = useTranslation();
  return (
    <div
      className={['alert', `alert--${tone}`, className].filter(Boolean).join(' ')}
      role={tone === 'danger' ? 'alert' : 'status'}
    >
      <span className="alert__mark" aria-hidden="true" />
      <div className="alert__body">
        {title && <p className="alert__title">{title}</p>}
        {children && <div className="alert__text">{children}</div>}
        {actions && <div className="alert__actions">{actions}</div>}
      </div>
      {onDismiss && (
        <button
          type="button"
          className="alert__dismiss"
          onClick={onDismiss}
          aria-label={dismissLabel ?? t('common:dismiss')}
          title={dismissLabel ?? t('common:dismiss')}
        >
          <span aria-hidden="true">×</span>
        </button>
      )}
    </div>
  );
}
