import { useTranslation } from 'react-i18next';
import './Spinner.css';

export interface SpinnerProps {
  /** Read by screen readers; defaults to "Working…". Shown as text when `showLabel`. */
  label?: string;
  showLabel?: boolean;
  size?: 'small' | 'medium';
}

/** Inline busy indicator. Announced politely, never steals focus. */
export function Spinner({ label, showLabel = false, size = 'small' }: SpinnerProps) {
  const { t } = useTranslation();
  const text = label ?? t('common:busy');
  return (
    <span className={`spinner spinner--${size}`} role="status">
      <span className="spinner__ring" aria-hidden="true" />
      <span className={showLabel ? 'spinner__label' : 'visually-hidden'}>{text}</span>
    </span>
  );
}
