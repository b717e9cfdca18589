import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../shared/domain/activity';
import {
  Button,
  Checkbox,
  DateField,
  EmptyState,
  ErrorMessage,
  Screen,
  Select,
} from '../../components';
import { useStateTopic } from '../../hooks/useStateTopic';
import { useActivityStore } from '../../stores/activity';
import { useSelectionStore } from '../../stores/selection';
import { ActivityList } from './ActivityList';
import { ReportExport } from './ReportExport';
import '../notes/notes.css';
import './activity.css';

/** The activity log with filters, and the evidence report export. */
export function ActivityScreen() {
  const { t } = useTranslation();
  const { filters, entries, nextCursor, loading, loaded, error, setFilters, load, loadMore } =
    useActivityStore();
  const selectedAccountId = useSelectionStore((s) => s.selectedAccountId);

  useEffect(() => {
    // "Selected account only" means the account selected now: a filter left on another
    // account follows the selection (or clears with none), so the box never hides a filter.
    const stale = useActivityStore.getState().filters.accountId;
    if (stale !== null && stale !== selectedAccountId) setFilters({ accountId: selectedAccountId });
    else void load();
  }, [selectedAccountId, load, setFilters]);
  useStateTopic('activity', () => void load());

  const badRange = filters.fromDay && filters.toDay && filters.fromDay > filters.toDay;
  const filtered = Boolean(filters.kind || filters.accountId || filters.fromDay || filters.toDay);
  const empty = loaded && entries.length === 0 && !error;

  return (
    <Screen title={t('activity:title')} description={t('activity:description')}>
      <form
        className="activity-filters"
        aria-label={t('activity:filters.label')}
        onSubmit={(e) => e.preventDefault()}
      >
        <Select
          label={t('activity:filters.kind')}
          value={filters.kind ?? ''}
          onChange={(e) => setFilters({ kind: (e.target.value || null) as ActivityKind | null })}
          options={[
            { value: '', label: t('activity:filters.allKinds') },
            ...ACTIVITY_KINDS.map((kind) => ({ value: kind, label: t(`activity:kinds.${kind}`) })),
          ]}
        />
        {selectedAccountId && (
          <Checkbox
            label={t('activity:filters.selectedAccount')}
            checked={filters.accountId === selectedAccountId}
            onChange={(e) => setFilters({ accountId: e.target.checked ? selectedAccountId : null })}
          />
        )}
        <DateField
          label={t('activity:filters.from')}
          value={filters.fromDay}
          onChange={(e) => setFilters({ fromDay: e.target.value })}
        />
        <DateField
          label={t('activity:filters.to')}
          value={filters.toDay}
          onChange={(e) => setFilters({ toDay: e.target.value })}
          error={badRange ? t('activity:filters.badRange') : null}
        />
        {filtered && (
          <Button
            size="small"
            onClick={() => setFilters({ kind: null, accountId: null, fromDay: '', toDay: '' })}
          >
            {t('activity:filters.clear')}
          </Button>
        )}
      </form>
      {error && !badRange && <ErrorMessage error={error} variant="banner" />}
      {/* Like the notes search: a filter that changes the results says what it left. */}
      <div aria-live="polite">
        {empty &&
          (filtered ? (
            <EmptyState title={t('activity:noMatchesTitle')}>
              {t('activity:noMatchesBody')}
            </EmptyState>
          ) : (
            <EmptyState title={t('activity:emptyTitle')}>{t('activity:emptyBody')}</EmptyState>
          ))}
        {loaded && entries.length > 0 && !error && (
          <p className="activity-count">
            {t(nextCursor ? 'activity:countMore' : 'activity:count', { count: entries.length })}
          </p>
        )}
      </div>
      {!empty && (
        <ActivityList
          entries={entries}
          hasMore={Boolean(nextCursor)}
          loading={loading}
          onLoadMore={() => void loadMore()}
        />
      )}
      {nextCursor ? (
        <Button onClick={() => void loadMore()} busy={loading}>
          {loading ? t('activity:loadingMore') : t('activity:loadMore')}
        </Button>
      ) : (
        loaded && entries.length > 0 && <p className="field__hint">{t('activity:end')}</p>
      )}
      <ReportExport />
    </Screen>
  );
}
