import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './Badge.css';

export type BadgeTone = 'neutral' | 'info' | 'good' | 'warn' | 'danger';

export interface BadgeProps {
  tone?: BadgeTone;
  children: ReactNode;
  /** Longer text for assistive tech and the tooltip, e.g. "High risk: can read messages". */
  title?: string;
}

/** A short label: risk grades, "new", "revoked", "not created in Doorman". */
export function Badge({ tone = 'neutral', children, title }: BadgeProps) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}

export type SecurityState = 'secure' | 'attention' | 'atRisk' | 'unknown';

const STATE_TONE: Record<SecurityState, BadgeTone> = {
  secure: 'good',
  attention: 'warn',
  atRisk: 'danger',
  unknown: 'neutral',
};

export interface StatusPillProps {
  state: SecurityState;
  /** Overrides the default wording ("Secure", "Needs attention", "At risk", "Not checked yet"). */
  label?: string;
}

/** The overall state of an account or the app. Text carries the meaning; colour only helps. */
export function StatusPill({ state, label }: StatusPillProps) {
  const { t } = useTranslation();
  return (
    <span className={`status-pill status-pill--${STATE_TONE[state]}`} data-state={state}>
      <span className="status-pill__dot" aria-hidden="true" />
      {label ?? t(`common:securityState.${state}`)}
    </span>
  );
}
