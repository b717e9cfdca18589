import { useEffect, useRef, type ReactNode, type Ref } from 'react';
import { useNavigationStore } from '../stores/navigation';
import './Screen.css';

export interface ScreenProps {
  /** The screen's h2; the frame owns the h1. */
  title: ReactNode;
  /** One line under the title: what this screen is for, or an "as of" time. */
  description?: ReactNode;
  /** Buttons at the top right (e.g. "Refresh", "New session"). */
  actions?: ReactNode;
  children?: ReactNode;
}

/** The common layout of a main-area screen, so every feature looks like one app. */
export function Screen({ title, description, actions, children }: ScreenProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A screen that loaded lazily after a tray or shortcut navigation takes the focus it was owed.
  useEffect(() => {
    if (useNavigationStore.getState().takeFocusRequest()) headingRef.current?.focus();
  }, []);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen__header">
        <div className="screen__heading">
          <h2 id="screen-title" ref={headingRef} tabIndex={-1}>
            {title}
          </h2>
          {description && <div className="screen__description">{description}</div>}
        </div>
        {actions && <div className="screen__actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

export interface PanelProps {
  title?: ReactNode;
  /** Text under the panel title. */
  description?: ReactNode;
  children?: ReactNode;
  className?: string;
  /** An id for the h3 so the section is labelled by it. */
  id?: string;
  /** For a panel that takes focus when it appears: its h3, made focusable from script. */
  headingRef?: Ref<HTMLHeadingElement>;
  ref?: Ref<HTMLElement>;
}

/** A card-like section inside a screen (a settings group, a detail pane). */
export function Panel({
  title,
  description,
  children,
  className,
  id,
  headingRef,
  ref,
}: PanelProps) {
  return (
    <section
      ref={ref}
      className={['panel', className].filter(Boolean).join(' ')}
      aria-labelledby={title && id ? id : undefined}
    >
      {title && (
        <h3 id={id} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
          {title}
        </h3>
      )}
      {description && <p className="panel__description">{description}</p>}
      {children}
    </section>
  );
}
