import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityEntry } from '../../../shared/contract';
import { Badge } from '../../components';
import { useFormat } from '../../format';
import { useAccountsStore } from '../../stores/accounts';
import { accountLabel } from '../accounts/account-label';
import { activityAccountName, activityDetail } from './activity-detail';

const ROW_HEIGHT = 56;

/** The log, virtualised; reaching the end asks for the next (older) page. */
export function ActivityList({
  entries,
  hasMore,
  loading,
  onLoadMore,
}: {
  entries: readonly ActivityEntry[];
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const accounts = useAccountsStore((s) => s.list?.accounts);
  const accountNames = useMemo(
    () => new Map((accounts ?? []).map((a) => [a.accountId, accountLabel(a)])),
    [accounts],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  const last = rows[rows.length - 1];
  useEffect(() => {
    if (last && last.index >= entries.length - 5 && hasMore && !loading) onLoadMore();
  }, [last, entries.length, hasMore, loading, onLoadMore]);

  return (
    <div ref={scrollRef} className="activity-list" data-testid="activity-list">
      <ol
        aria-label={t('activity:listLabel')}
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {rows.map((row) => {
          const entry = entries[row.index]!;
          const account = activityAccountName(entry, accountNames);
          const detail = [
            account ? t('activity:account', { name: account }) : null,
            activityDetail(entry, i18n, format),
          ]
            .filter(Boolean)
            .join(' · ');
          return (
            <li
              key={entry.id}
              className="activity-list__row"
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: ROW_HEIGHT,
                transform: `translateY(${row.start}px)`,
              }}
            >
              <span className="activity-list__time">{format.dateTime(entry.at)}</span>
              <span className="activity-list__kind">
                {t(`activity:kinds.${entry.kind}`)}
                {entry.result === 'failed' && (
                  <>
                    {' '}
                    <Badge tone="danger">{t('activity:failed')}</Badge>
                  </>
                )}
              </span>
              {/* One line, cut with an ellipsis when long: the whole of it on hover. */}
              <span className="activity-list__detail" title={detail}>
                {detail}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
