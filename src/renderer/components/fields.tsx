import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import './fields.css';

/** What every labelled control takes besides its native props. */
export interface FieldProps {
  label: ReactNode;
  /** Short help under the control, linked with aria-describedby. */
  hint?: ReactNode;
  /** An already translated sentence; marks the control invalid and is announced. */
  error?: string | null;
  /** Shows "(optional)"-free required marking: native `required` plus a visible asterisk. */
  required?: boolean;
}

function useFieldIds(id: string | undefined, hint: ReactNode, error: string | null | undefined) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { controlId, hintId, errorId, describedBy };
}

function FieldNotes({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint: ReactNode;
  hintId: string | undefined;
  error: string | null | undefined;
  errorId: string | undefined;
}) {
  return (
    <>
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}

function Label({
  htmlFor,
  children,
  required,
}: {
  htmlFor: string;
  children: ReactNode;
  required?: boolean;
}) {
  return (
    <label htmlFor={htmlFor} className="field__label">
      {children}
      {required && (
        <span className="field__required" aria-hidden="true">
          {' *'}
        </span>
      )}
    </label>
  );
}

export type TextFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'children'>;

/** A text-like input (text, url, email, password, search, number) with its label. */
export function TextField({
  label,
  hint,
  error,
  required,
  id,
  className,
  ...input
}: TextFieldProps) {
  const { controlId, hintId, errorId, describedBy } = useFieldIds(id, hint, error);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <Label htmlFor={controlId} required={required}>
        {label}
      </Label>
      <input
        type="text"
        {...input}
        id={controlId}
        required={required}
        className="field__control"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <FieldNotes hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

export type TextAreaProps = FieldProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'>;

/** Multi-line text (a note, "where the link was sent"). */
export function TextArea({
  label,
  hint,
  error,
  required,
  id,
  className,
  ...textarea
}: TextAreaProps) {
  const { controlId, hintId, errorId, describedBy } = useFieldIds(id, hint, error);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <Label htmlFor={controlId} required={required}>
        {label}
      </Label>
      <textarea
        rows={4}
        {...textarea}
        id={controlId}
        required={required}
        className="field__control field__control--textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <FieldNotes hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

/** A calendar date as `YYYY-MM-DD` (the value of `<input type="date">`). */
export type DateFieldProps = Omit<TextFieldProps, 'type'>;

export function DateField(props: DateFieldProps) {
  return <TextField {...props} type="date" />;
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export type SelectProps = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> & { options: readonly SelectOption[] };

export function Select({
  label,
  hint,
  error,
  required,
  id,
  className,
  options,
  ...select
}: SelectProps) {
  const { controlId, hintId, errorId, describedBy } = useFieldIds(id, hint, error);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <Label htmlFor={controlId} required={required}>
        {label}
      </Label>
      <select
        {...select}
        id={controlId}
        required={required}
        className="field__control field__control--select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldNotes hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

export type CheckboxProps = FieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'children'>;

function ToggleInput({
  kind,
  label,
  hint,
  error,
  required,
  id,
  className,
  ...input
}: CheckboxProps & { kind: 'checkbox' | 'switch' }) {
  const { controlId, hintId, errorId, describedBy } = useFieldIds(id, hint, error);
  return (
    <div className={['field', `field--${kind}`, className].filter(Boolean).join(' ')}>
      <div className="field__toggle-row">
        <input
          {...input}
          type="checkbox"
          role={kind === 'switch' ? 'switch' : undefined}
          id={controlId}
          required={required}
          className={`field__${kind}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <Label htmlFor={controlId} required={required}>
          {label}
        </Label>
      </div>
      <FieldNotes hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

export function Checkbox(props: CheckboxProps) {
  return <ToggleInput {...props} kind="checkbox" />;
}

/** An on/off setting that takes effect at once (a checkbox with role="switch"). */
export function Switch(props: CheckboxProps) {
  return <ToggleInput {...props} kind="switch" />;
}
