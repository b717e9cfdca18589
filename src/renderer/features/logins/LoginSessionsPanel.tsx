import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginSession } from '../../../shared/contract/logins';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  ConfirmDialog,
  EmptyState,
  ErrorMessage,
  focusFirstIn,
  Spinner,
  useAsyncAction,
  useReturnFocusOnClose,
} from '../../components';
import { placedWithoutForcedLayout } from '../../components/virtual';
import { api, unwrap } from '../../client';
import { useFormat } from '../../format';
import { useStateTopic } from '../../hooks/useStateTopic';
import { isShownRefreshing } from '../../stores/account-list';
import { useLoginsStore } from '../../stores/logins';
import { OpenOnFansly } from '../sessions/ManualTracking';
import { RecordManualLoginForm } from './RecordManualLogin';

const ROW_HEIGHT = 72;

function place(session: LoginSession): string {
  return [session.city, session.stateCode, session.countryCode].filter(Boolean).join(', ');
}

/** Login sessions: new ones badged, recognise, close one, close all except this device. */
export function LoginSessionsPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('logins');
  const format = useFormat();
  const { list, loadError, showClosed } = useLoginsStore();
  const refreshing = useLoginsStore(isShownRefreshing);
  const [closing, setClosing] = useState<LoginSession | null>(null);
  const [closingOthers, setClosingOthers] = useState(false);
  const [markingClosed, setMarkingClosed] = useState<LoginSession | null>(null);
  const [recording, setRecording] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The manual form hides the "Record" button; when the form closes, focus goes back to it.
  const recordButtonRef = useRef<HTMLButtonElement>(null);
  useReturnFocusOnClose(recording, recordButtonRef);

  useEffect(() => {
    void useLoginsStore.getState().open(accountId);
  }, [accountId]);
  useStateTopic('loginSessions', () => void useLoginsStore.getState().onChanged());

  const rows = useMemo(() => {
    const all = list?.sessions ?? [];
    const shown = showClosed ? all : all.filter((s) => s.status === 'open');
    return [...shown].sort(
      (a, b) =>
        Number(b.current) - Number(a.current) ||
        Number(b.isNew) - Number(a.isNew) ||
        (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? ''),
    );
  }, [list, showClosed]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // .session-list is min(60vh, 36rem) high.
    ...placedWithoutForcedLayout(0.6, 576),
  });

  // "I recognise" goes away once pressed: focus stays in its row, on what is left there or the row.
  const rowToFocus = useRef<string | null>(null);
  const recognise = useAsyncAction(async (sessionId: string) => {
    const updated = await unwrap(api().logins.recognise({ accountId, sessionId }));
    rowToFocus.current = sessionId;
    useLoginsStore.getState().upsert(updated);
  });
  useEffect(() => {
    const sessionId = rowToFocus.current;
    if (!sessionId) return;
    rowToFocus.current = null;
    const row = Array.from(
      scrollRef.current?.querySelectorAll<HTMLElement>('[role="listitem"]') ?? [],
    ).find((el) => el.dataset.testid === `login-${sessionId}`);
    if (!row) return;
    focusFirstIn(row);
    if (!row.contains(document.activeElement)) row.focus();
  }, [list]);

  const closeOne = async () => {
    if (!closing) return;
    const updated = await unwrap(api().logins.close({ accountId, sessionId: closing.id }));
    useLoginsStore.getState().upsert(updated);
    setClosing(null);
  };
  const markClosed = async () => {
    if (!markingClosed) return;
    const updated = await unwrap(
      api().logins.markClosed({ accountId, sessionId: markingClosed.id }),
    );
    useLoginsStore.getState().upsert(updated);
    setMarkingClosed(null);
  };
  const closeOthers = async () => {
    await unwrap(api().logins.closeOthers({ accountId }));
    setClosingOthers(false);
    await useLoginsStore.getState().reload();
  };

  if (!list) {
    return loadError ? <ErrorMessage error={loadError} variant="banner" /> : <Spinner />;
  }
  const manual = list.mode === 'manual';
  const openOthers = list.sessions.filter((s) => s.status === 'open' && !s.current).length;

  return (
    <div className="logins-panel">
      <div className="sessions-panel__status" data-testid="logins-as-of">
        {list.asOf ? format.asOf(list.asOf) : t('neverRefreshed')}{' '}
        {list.offline && <Badge tone="warn">{t('offline')}</Badge>}
      </div>
      {list.offline && (
        <Alert tone="warning" title={t('offlineTitle')}>
          {t('offlineBody')}
        </Alert>
      )}
      {manual && (
        <Alert tone="info" title={t('manual.title')}>
          <p>{t('manual.body')}</p>
          <div className="form-actions">
            <OpenOnFansly which="sessions" />
            {!recording && (
              <Button ref={recordButtonRef} onClick={() => setRecording(true)}>
                {t('manual.record')}
              </Button>
            )}
          </div>
        </Alert>
      )}
      {manual && recording && (
        <RecordManualLoginForm accountId={accountId} onDone={() => setRecording(false)} />
      )}
      {loadError && <ErrorMessage error={loadError} />}
      {recognise.error && <ErrorMessage error={recognise.error} />}

      <div className="sessions-toolbar">
        <Checkbox
          label={t('showClosed')}
          checked={showClosed}
          onChange={(event) => useLoginsStore.getState().setShowClosed(event.target.checked)}
        />
        <div className="sessions-toolbar__actions">
          <Button busy={refreshing} onClick={() => void useLoginsStore.getState().refresh(true)}>
            {t('refresh')}
          </Button>
          {!manual && (
            <Button
              variant="danger"
              disabled={openOthers === 0 || list.offline}
              onClick={() => setClosingOthers(true)}
            >
              {t('closeOthers')}
            </Button>
          )}
        </div>
      </div>

      {rows.length === 0 ? (
        <EmptyState title={t('empty.title')}>
          {manual ? t('empty.manual') : t('empty.body')}
        </EmptyState>
      ) : (
        <div
          ref={scrollRef}
          className="session-list session-list--logins"
          role="list"
          aria-label={t('listLabel')}
          data-testid="login-list"
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const session = rows[item.index]!;
              const open = session.status === 'open';
              return (
                <div
                  key={session.id}
                  role="listitem"
                  // Focusable from script only: it keeps focus when its last button goes away.
                  tabIndex={-1}
                  // Only the rows in view are in the DOM: tell assistive tech the whole count.
                  aria-posinset={item.index + 1}
                  aria-setsize={rows.length}
                  className="session-row login-row"
                  style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  data-testid={`login-${session.id}`}
                >
                  <div className="session-row__main">
                    <span className="session-row__label">
                      {session.device ?? t('unknownDevice')}
                    </span>
                    <span className="session-row__meta">
                      {[place(session), session.ip, session.note].filter(Boolean).join(' · ') ||
                        '—'}
                    </span>
                    <span className="session-row__meta">
                      {t('lastUsed', {
                        when: session.lastUsedAt ? format.relative(session.lastUsedAt) : '—',
                      })}{' '}
                      ·{' '}
                      {t(session.source === 'manual' ? 'recordedOn' : 'firstSeen', {
                        when: format.date(session.firstSeenAt),
                      })}
                    </span>
                  </div>
                  <div className="session-row__badges">
                    {session.source === 'manual' && <Badge>{t('manual.badge')}</Badge>}
                    {session.current && <Badge tone="info">{t('thisDevice')}</Badge>}
                    {session.isNew && <Badge tone="warn">{t('new')}</Badge>}
                    {session.recognisedAt && <Badge tone="good">{t('recognised')}</Badge>}
                    {!open && <Badge>{t(`status.${session.status}`)}</Badge>}
                    {open && !session.recognisedAt && !session.current && (
                      <Button
                        onClick={() => void recognise.run(session.id)}
                        aria-label={t('recogniseNamed', { device: session.device ?? session.id })}
                      >
                        {t('recognise')}
                      </Button>
                    )}
                    {open && session.source === 'manual' && (
                      <Button
                        onClick={() => setMarkingClosed(session)}
                        aria-label={t('manual.markClosedNamed', {
                          device: session.device ?? session.id,
                        })}
                      >
                        {t('manual.markClosed')}
                      </Button>
                    )}
                    {open && !session.current && !manual && session.source !== 'manual' && (
                      <Button
                        variant="danger"
                        disabled={list.offline}
                        onClick={() => setClosing(session)}
                        aria-label={t('closeNamed', { device: session.device ?? session.id })}
                      >
                        {t('close')}
                      </Button>
                    )}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      )}

      <ConfirmDialog
        open={closing !== null}
        variant="danger"
        title={t('confirmClose.title')}
        confirmLabel={t('close')}
        onConfirm={closeOne}
        onCancel={() => setClosing(null)}
      >
        <p>
          {t('confirmClose.body', {
            device: closing?.device ?? t('unknownDevice'),
            place: closing ? place(closing) || '—' : '—',
          })}
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={markingClosed !== null}
        title={t('manual.confirmMarkClosed.title')}
        confirmLabel={t('manual.markClosed')}
        onConfirm={markClosed}
        onCancel={() => setMarkingClosed(null)}
      >
        <p>
          {t('manual.confirmMarkClosed.body', {
            device: markingClosed?.device ?? t('unknownDevice'),
          })}
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={closingOthers}
        variant="danger"
        title={t('confirmOthers.title', { n: openOthers })}
        confirmLabel={t('closeOthers')}
        onConfirm={closeOthers}
        onCancel={() => setClosingOthers(false)}
      >
        <p>{t('confirmOthers.body')}</p>
      </ConfirmDialog>
    </div>
  );
}
