import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { ErrorMessage } from './ErrorMessage';
import { FOCUSABLE, returnFocus } from './focus';
import { TextField } from './fields';
import { useAsyncAction } from './useAsyncAction';
import './ConfirmDialog.css';

export interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  /** What will happen, in plain words. */
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Red confirm button; focus starts on Cancel so Enter never destroys by accident. */
  variant?: 'default' | 'danger';
  /** When set, the creator must type this word before Confirm is enabled. */
  confirmWord?: string;
  /**
   * Called once per confirmation, even on a double click. If it returns a promise the
   * dialog shows busy until it settles, and shows the error and stays open if it rejects.
   * The caller closes the dialog (sets `open` false) when done.
   */
  onConfirm: () => void | Promise<unknown>;
  onCancel: () => void;
}

/**
 * A modal confirmation on the native <dialog> (top layer, inert background). Escape
 * cancels, Tab stays inside, focus returns to where it was on close.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  if (!props.open) return null;
  return <OpenConfirmDialog {...props} />;
}

function OpenConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  variant = 'default',
  confirmWord,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const [typed, setTyped] = useState('');
  const action = useAsyncAction(async () => {
    await onConfirm();
  });

  const wordOk =
    !confirmWord || typed.trim().toLocaleLowerCase() === confirmWord.toLocaleLowerCase();
  const danger = variant === 'danger';

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const previouslyFocused = document.activeElement as HTMLElement | null;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    // Danger starts on Cancel; a typed confirmation starts in its field (autoFocus).
    if (!confirmWord) (danger ? cancelRef.current : confirmRef.current)?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      // The opener may be gone (a revoked row); then focus the main region, not <body>.
      returnFocus(previouslyFocused?.isConnected ? previouslyFocused : null);
    };
    // Opening happens once per mount; props changing later must not refocus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const cancel = () => {
    if (!action.busy) onCancel();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const focusable = Array.from(dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className={`confirm-dialog${danger ? ' confirm-dialog--danger' : ''}`}
      aria-labelledby={titleId}
      aria-describedby={children ? bodyId : undefined}
      aria-modal="true"
      onKeyDown={onKeyDown}
      // The native Escape path: keep React in charge of whether the dialog is open.
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (wordOk) void action.run();
        }}
      >
        <h2 id={titleId} className="confirm-dialog__title">
          {title}
        </h2>
        {children && (
          <div id={bodyId} className="confirm-dialog__body">
            {children}
          </div>
        )}
        {confirmWord && (
          <TextField
            label={t('common:confirm.typeWord', { word: confirmWord })}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            autoFocus
          />
        )}
        {action.error && <ErrorMessage error={action.error} />}
        <div className="confirm-dialog__actions">
          <Button ref={cancelRef} variant="secondary" onClick={cancel} disabled={action.busy}>
            {cancelLabel ?? t('common:cancel')}
          </Button>
          <Button
            ref={confirmRef}
            type="submit"
            variant={danger ? 'danger' : 'primary'}
            busy={action.busy}
            disabled={!wordOk}
          >
            {confirmLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
