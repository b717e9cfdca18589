import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import { useChecklistStore } from '../../stores/checklist';

/** One line on when Doorman last looked and when it looks next. */
export function MonitorLine() {
  const { t } = useTranslation('monitor');
  const status = useChecklistStore((s) => s.monitor);
  if (!status) return null;
  const last = status.lastRefreshAt ? formatDateTime(status.lastRefreshAt) : t('never');
  const next = status.nextRefreshAt ? formatDateTime(status.nextRefreshAt) : null;
  return (
    <p className="monitor-line" role="status" data-state={status.state}>
      {t(`state.${status.state}`)} {t('last', { time: last })}
      {next && <> {t('next', { time: next })}</>}
    </p>
  );
}
