/** Shared building blocks: every screen uses these, so Doorman looks and behaves like one app. */
export { Alert, type AlertProps, type AlertTone } from './Alert';
export {
  Badge,
  StatusPill,
  type BadgeProps,
  type BadgeTone,
  type SecurityState,
  type StatusPillProps,
} from './Badge';
export { Button, type ButtonProps, type ButtonVariant } from './Button';
export { ConfirmDialog, type ConfirmDialogProps } from './ConfirmDialog';
export { EmptyState, type EmptyStateProps } from './EmptyState';
export { ErrorMessage, errorText, type ErrorMessageProps } from './ErrorMessage';
export { focusFirstIn, returnFocus, useReturnFocusOnClose } from './focus';
export {
  Checkbox,
  DateField,
  Select,
  Switch,
  TextArea,
  TextField,
  type CheckboxProps,
  type DateFieldProps,
  type FieldProps,
  type SelectOption,
  type SelectProps,
  type TextAreaProps,
  type TextFieldProps,
} from './fields';
export { Panel, Screen, type PanelProps, type ScreenProps } from './Screen';
export { Spinner, type SpinnerProps } from './Spinner';
export { Tabs, type TabItem, type TabsProps } from './Tabs';
export { useAsyncAction, type AsyncAction } from './useAsyncAction';
