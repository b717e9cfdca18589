import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button } from '../components';

function CrashNotice({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      tone="danger"
      title={t('crash.title')}
      actions={<Button onClick={onRetry}>{t('retry')}</Button>}
    >
      <p>{t('crash.body')}</p>
    </Alert>
  );
}

interface ErrorBoundaryProps {
  children: ReactNode;
}

/**
 * Keeps one broken screen or section from blanking the whole window: the frame, the
 * navigation and the other screens keep working, and the creator can try again.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The renderer has no log file; the console reaches devtools in development.
    console.error('Doorman screen failed', error, info.componentStack);
  }

  override render() {
    if (this.state.failed) return <CrashNotice onRetry={() => this.setState({ failed: false })} />;
    return this.props.children;
  }
}
