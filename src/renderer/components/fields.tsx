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

/** Ids, ARIA wiring and the notes under a control, the same for every kind of field. */
function useField(
  id: string | undefined,
  hint: ReactNode,
  error: string | null | undefined,
  required: boolean | undefined,
) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return {
    controlId,
    /** Spread on the control. */
    control: {
      id: controlId,
      required,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy,
    },
    notes: (
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
    ),
  };
}
type Field = ReturnType<typeof useField>;

/** A label above its control, then the hint and error (text, text area, select). */
function StackedField({
  label,
  required,
  className,
  field,
  children,
}: {
  label: ReactNode;
  required: boolean | undefined;
  className: string | undefined;
  field: Field;
  children: ReactNode;
}) {
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <Label htmlFor={field.controlId} required={required}>
        {label}
      </Label>
      {children}
      {field.notes}
    </div>
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
  const field = useField(id, hint, error, required);
  return (
    <StackedField label={label} required={required} className={className} field={field}>
      <input type="text" {...input} {...field.control} className="field__control" />
    </StackedField>
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
  const field = useField(id, hint, error, required);
  return (
    <StackedField label={label} required={required} className={className} field={field}>
      <textarea
        rows={4}
        {...textarea}
        {...field.control}
        className="field__control field__control--textarea"
      />
    </StackedField>
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
  const field = useField(id, hint, error, required);
  return (
    <StackedField label={label} required={required} className={className} field={field}>
      <select {...select} {...field.control} className="field__control field__control--select">
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </StackedField>
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
  const field = useField(id, hint, error, required);
  return (
    <div className={['field', `field--${kind}`, className].filter(Boolean).join(' ')}>
      <div className="field__toggle-row">
        <input
          {...input}
          type="checkbox"
          role={kind === 'switch' ? 'switch' : undefined}
          {...field.control}
          className={`field__${kind}`}
        />
        <Label htmlFor={field.controlId} required={required}>
          {label}
        </Label>
      </div>
      {field.notes}
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
