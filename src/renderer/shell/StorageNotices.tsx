import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorageNotice } from '../../shared/contract';
import { api, unwrap } from '../client';
import { Alert, ErrorMessage, useAsyncAction } from '../components';
import { useFormat } from '../format';
import { afterPaint } from '../hooks/afterPaint';
import { useStateTopic } from '../hooks/useStateTopic';

/**
 * Tells the creator when a damaged local file was set aside and a good copy restored:
 * repairs are never silent, and the banner stays until dismissed.
 */
export function StorageNotices() {
  const { t } = useTranslation();
  const format = useFormat();
  const [notices, setNotices] = useState<StorageNotice[]>([]);

  const load = useCallback(() => {
    unwrap(api().app.storageNotices()).then(setNotices, () => {
      // Nothing to tell if main cannot even list notices; the banner is a courtesy.
    });
  }, []);
  useEffect(() => afterPaint(load), [load]);
  useStateTopic('storage', load);

  const dismiss = useAsyncAction(async () => {
    await unwrap(api().app.dismissStorageNotices());
    setNotices([]);
  });

  if (notices.length === 0) return null;
  return (
    <Alert
      tone="warning"
      title={t('storage.title')}
      onDismiss={() => void dismiss.run()}
      dismissLabel={t('storage.dismiss')}
    >
      <ul className="storage-notices">
        {notices.map((notice, index) => (
          <li key={`${notice.store}-${notice.kind}-${index}`}>
            {t(`storage.${notice.kind}`, {
              store: t(`storage.stores.${notice.store}`, { defaultValue: notice.store }),
            })}{' '}
            <span className="muted">{t('storage.at', { time: format.dateTime(notice.at) })}</span>
          </li>
        ))}
      </ul>
      {dismiss.error && <ErrorMessage error={dismiss.error} />}
    </Alert>
  );
}
