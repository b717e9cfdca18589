import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ManagementSessionList, PermissionCatalogue } from '../../../shared/contract/sessions';
import type { Manager } from '../../../shared/domain/manager';
import {
  Alert,
  Badge,
  Button,
  ConfirmDialog,
  EmptyState,
  ErrorMessage,
  returnFocus,
  Select,
  Spinner,
  TextField,
} from '../../components';
import { api, unwrap } from '../../client';
import { useFormat } from '../../format';
import { useStateTopic } from '../../hooks/useStateTopic';
import { isShownRefreshing } from '../../stores/account-list';
import { useSessionsStore, type SessionSort, type StatusFilter } from '../../stores/sessions';
import { CreateSessionFlow } from './CreateSessionFlow';
import { ManualTrackingBanner, RecordManualForm } from './ManualTracking';
import { SessionDetail } from './SessionDetail';
import { SessionList } from './SessionList';
import { searchSessions, searchableSessions, sortSessions } from './list-model';

const SORTS: SessionSort[] = ['created', 'label', 'lastUsed', 'reviewBy', 'risk'];
const STATUSES: StatusFilter[] = ['all', 'active', 'revoked', 'ended'];

/**
 * Management sessions of the selected account: list, detail, create, revoke all, fallback.
 * The panel reads only what the toolbar and layout need from the store; the search field,
 * the list and the detail each read their own part, so a keystroke redraws only the field,
 * the count and the list.
 */
export function ManagementSessionsPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('sessions');
  const format = useFormat();
  const { list, catalogue, loadError, refreshing, status, sort } = useSessionsStore(
    useShallow((s) => ({
      list: s.list,
      catalogue: s.catalogue,
      loadError: s.loadError,
      refreshing: isShownRefreshing(s),
      status: s.status,
      sort: s.sort,
    })),
  );
  const store = useSessionsStore.getState();
  const [mode, setMode] = useState<'view' | 'create' | 'record'>('view');
  // The create or record form replaces this view: when it closes, focus goes back to the
  // button that opened it (drawn again), not to <body>.
  const openerRef = useRef<HTMLButtonElement>(null);
  const formClosed = useRef(false);
  const closeForm = () => {
    formClosed.current = true;
    setMode('view');
  };
  useEffect(() => {
    if (mode !== 'view' || !formClosed.current) return;
    formClosed.current = false;
    returnFocus(openerRef.current);
  }, [mode]);
  const [managers, setManagers] = useState<Manager[]>([]);
  const [confirmAll, setConfirmAll] = useState(false);
  const [revokeAllNote, setRevokeAllNote] = useState<string | null>(null);

  useEffect(() => {
    void useSessionsStore.getState().open(accountId);
    void useSessionsStore
      .getState()
      .loadCatalogue()
      .catch(() => undefined);
  }, [accountId]);
  const loadManagers = () =>
    void api()
      .managers.list()
      .then((answer) => answer.ok && setManagers(answer.data));
  useEffect(loadManagers, []);
  useStateTopic('sessions', () => void useSessionsStore.getState().onChanged());
  useStateTopic('managers', loadManagers);

  const managerNames = useMemo(() => new Map(managers.map((m) => [m.id, m.name])), [managers]);
  // "Revoke all" ends gateway sessions only: a record made by hand is deleted on fansly.com.
  const { revocableCount, manualActiveCount } = useMemo(() => {
    const active = list?.sessions.filter((s) => s.status === 'active') ?? [];
    const manualActive = active.filter((s) => s.source === 'manual').length;
    return { revocableCount: active.length - manualActive, manualActiveCount: manualActive };
  }, [list]);
  const manual = list?.mode === 'manual';

  const revokeAll = async () => {
    const result = await unwrap(api().sessions.revokeAll({ accountId }));
    setConfirmAll(false);
    setRevokeAllNote(
      result.failed.length
        ? t('revokeAll.partial', { revoked: result.revoked.length, failed: result.failed.length })
        : t('revokeAll.done', { n: result.revoked.length }),
    );
    await useSessionsStore.getState().reload();
  };

  if (!list) {
    return loadError ? <ErrorMessage error={loadError} variant="banner" /> : <Spinner />;
  }

  if (mode === 'create' && catalogue) {
    return (
      <CreateSessionFlow
        accountId={accountId}
        catalogue={catalogue}
        existingLabels={list.sessions.filter((s) => s.status === 'active').map((s) => s.label)}
        onClose={closeForm}
      />
    );
  }
  if (mode === 'record' && catalogue) {
    return (
      <RecordManualForm
        accountId={accountId}
        catalogue={catalogue}
        managers={managers.filter((m) => !m.offboardedAt)}
        onDone={closeForm}
      />
    );
  }

  return (
    <div className="sessions-panel">
      <div className="sessions-panel__status" data-testid="sessions-as-of">
        {list.asOf ? format.asOf(list.asOf) : t('neverRefreshed')}{' '}
        {list.offline && <Badge tone="warn">{t('offline')}</Badge>}
      </div>
      {list.offline && (
        <Alert tone="warning" title={t('offlineTitle')}>
          {t('offlineBody')}
        </Alert>
      )}
      {manual && <ManualTrackingBanner />}
      {loadError && <ErrorMessage error={loadError} />}
      {revokeAllNote && (
        <Alert tone="info" onDismiss={() => setRevokeAllNote(null)}>
          {revokeAllNote}
        </Alert>
      )}

      <div className="sessions-toolbar">
        <SessionSearchField label={t('toolbar.search')} />
        <Select
          label={t('toolbar.status')}
          value={status}
          onChange={(event) => store.setStatus(event.target.value as StatusFilter)}
          options={STATUSES.map((s) => ({ value: s, label: t(`filter.${s}`) }))}
        />
        <Select
          label={t('toolbar.sort')}
          value={sort}
          onChange={(event) => store.setSort(event.target.value as SessionSort)}
          options={SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
        />
        <div className="sessions-toolbar__actions">
          <Button busy={refreshing} onClick={() => void store.refresh(true)}>
            {t('toolbar.refresh')}
          </Button>
          {manual ? (
            <Button
              ref={openerRef}
              variant="primary"
              disabled={!catalogue}
              onClick={() => setMode('record')}
            >
              {t('manual.record')}
            </Button>
          ) : (
            <Button
              ref={openerRef}
              variant="primary"
              disabled={!catalogue || list.offline}
              onClick={() => setMode('create')}
            >
              {t('toolbar.create')}
            </Button>
          )}
          {!manual && revocableCount > 0 && (
            <Button variant="danger" disabled={list.offline} onClick={() => setConfirmAll(true)}>
              {t('toolbar.revokeAll')}
            </Button>
          )}
        </div>
      </div>

      {list.sessions.length === 0 ? (
        <EmptyState title={t('empty.title')}>
          {manual ? t('empty.manual') : t('empty.body')}
        </EmptyState>
      ) : (
        <div className="sessions-layout">
          <SessionBrowser list={list} catalogue={catalogue} managerNames={managerNames} />
          <div>
            <SelectedSessionDetail list={list} catalogue={catalogue} managerNames={managerNames} />
          </div>
        </div>
      )}

      <ConfirmDialog
        open={confirmAll}
        variant="danger"
        title={t('revokeAll.title', { n: revocableCount })}
        confirmLabel={t('toolbar.revokeAll')}
        onConfirm={revokeAll}
        onCancel={() => setConfirmAll(false)}
      >
        <p>{t('revokeAll.body')}</p>
        {manualActiveCount > 0 && (
          <p>{t('revokeAll.manualNotRevoked', { n: manualActiveCount })}</p>
        )}
      </ConfirmDialog>
    </div>
  );
}

/** The search box; it alone reads the query, so typing does not redraw the toolbar around it. */
function SessionSearchField({ label }: { label: string }) {
  const query = useSessionsStore((s) => s.query);
  const setQuery = useSessionsStore((s) => s.setQuery);
  return (
    <TextField
      label={label}
      type="search"
      value={query}
      onChange={(event) => setQuery(event.target.value)}
    />
  );
}

/** What the list and the detail beside it both show from. */
interface ShownList {
  list: ManagementSessionList;
  catalogue: PermissionCatalogue | null;
  managerNames: ReadonlyMap<string, string>;
}

/**
 * The count and the list: sorted once per list and order, made searchable once per list and
 * manager names, so a keystroke costs one search (see searchSessions) and the rows it changes.
 */
function SessionBrowser({ list, catalogue, managerNames }: ShownList) {
  const { t } = useTranslation('sessions');
  const { query, status, sort, selectedId, select } = useSessionsStore(
    useShallow((s) => ({
      query: s.query,
      status: s.status,
      sort: s.sort,
      selectedId: s.selectedId,
      select: s.select,
    })),
  );
  const sorted = useMemo(
    () => sortSessions(list.sessions, { sort, catalogue }),
    [list, sort, catalogue],
  );
  const searchable = useMemo(
    () => searchableSessions(sorted, managerNames),
    [sorted, managerNames],
  );
  const sessions = useMemo(
    () => searchSessions(searchable, { query, status }),
    [searchable, query, status],
  );
  return (
    <div>
      <p className="sessions-count" aria-live="polite">
        {t('count', { shown: sessions.length, total: list.sessions.length })}
      </p>
      <SessionList
        sessions={sessions}
        catalogue={catalogue}
        managerNames={managerNames}
        selectedId={selectedId}
        onSelect={select}
      />
    </div>
  );
}

/** The selected session's detail, or a hint; found once per list and selection. */
function SelectedSessionDetail({ list, catalogue, managerNames }: ShownList) {
  const { t } = useTranslation('sessions');
  const selectedId = useSessionsStore((s) => s.selectedId);
  const selected = useMemo(
    () => list.sessions.find((s) => s.id === selectedId) ?? null,
    [list, selectedId],
  );
  if (!selected) return <p className="sessions-hint">{t('selectHint')}</p>;
  return (
    <SessionDetail
      key={selected.id}
      session={selected}
      catalogue={catalogue}
      managerName={selected.managerId ? (managerNames.get(selected.managerId) ?? null) : null}
      mode={list.mode}
    />
  );
}
