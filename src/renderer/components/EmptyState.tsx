import type { ReactNode } from 'react';
import './EmptyState.css';

export interface EmptyStateProps {
  title: ReactNode;
  children?: ReactNode;
  /** A way forward, e.g. a primary Button. */
  action?: ReactNode;
  /** Heading level inside the screen (default 3: screens own their h2). */
  headingLevel?: 2 | 3 | 4;
}

/** What a list shows when it is empty: say why, and what to do next. */
export function EmptyState({ title, children, action, headingLevel = 3 }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="empty-state">
      <Heading className="empty-state__title">{title}</Heading>
      {children && <div className="empty-state__body">{children}</div>}
      {action && <div className="empty-state__action">{action}</div>}
    </div>
  );
}
