import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { StorageNotice } from '../../shared/contract';
import { api, unwrap } from '../client';
import { Alert, ErrorMessage, useAsyncAction } from '../components';
import { useFormat } from '../format';
import { afterPaint } from '../hooks/afterPaint';
import { useStateTopic } from '../hooks/useStateTopic';

/** Notes are kept in numbered files (`notes-03`), the activity log in monthly ones. */
const NOTES_PART = /^notes-(\d+)$/;
const ACTIVITY_MONTH = /^activity-(\d{4}-\d{2})$/;

/**
 * The creator's name for a store file: "Notes, part 4", "Activity log, November 2026",
 * never the file's own name (a name main does not know yet is shown as it is).
 */
export function storeName(
  store: string,
  t: TFunction,
  format: Pick<ReturnType<typeof useFormat>, 'month'>,
): string {
  const part = NOTES_PART.exec(store);
  if (part) return t('storage.storeParts.notes', { part: Number(part[1]) + 1 });
  const month = ACTIVITY_MONTH.exec(store);
  if (month) return t('storage.storeParts.activity', { month: format.month(`${month[1]}-01`) });
  return t(`storage.stores.${store}`, { defaultValue: store });
}

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
            {t(`storage.${notice.kind}`, { store: storeName(notice.store, t, format) })}{' '}
            <span className="muted">{t('storage.at', { time: format.dateTime(notice.at) })}</span>
          </li>
        ))}
      </ul>
      {dismiss.error && <ErrorMessage error={dismiss.error} />}
    </Alert>
  );
}
