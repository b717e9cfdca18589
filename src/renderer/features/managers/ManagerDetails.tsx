import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Manager } from '../../../shared/domain/manager';
import type { OffboardResult } from '../../../shared/contract';
import { api, unwrap } from '../../client';
import {
  Alert,
  Badge,
  Button,
  ConfirmDialog,
  DateField,
  EmptyState,
  Panel,
  useAsyncAction,
  ErrorMessage,
} from '../../components';
import { useFormat } from '../../format';
import { useStateTopic } from '../../hooks/useStateTopic';
import { useManagersStore } from '../../stores/managers';
import { useNotesStore } from '../../stores/notes';
import { usePermissionText } from '../sessions/usePermissionText';
import type { NoteSummary } from '../../../shared/contract';
import { localDay } from '../../../shared/domain/calendar';

function statusKey(status: string): 'statusActive' | 'statusRevoked' | 'statusEnded' {
  if (status === 'active') return 'statusActive';
  return status === 'revoked' ? 'statusRevoked' : 'statusEnded';
}

/** One manager: details, sessions issued to them, notes about them, offboarding. */
export function ManagerDetails({
  manager,
  onEdit,
  onOpenNote,
}: {
  manager: Manager;
  onEdit: () => void;
  onOpenNote: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const permissionText = usePermissionText();
  const sessions = useManagersStore((s) => s.sessions[manager.id]);
  const sessionsError = useManagersStore((s) => s.sessionsError[manager.id]);
  const loadSessions = useManagersStore((s) => s.loadSessions);
  const offboard = useManagersStore((s) => s.offboard);
  const remove = useManagersStore((s) => s.remove);
  const createNote = useNotesStore((s) => s.create);
  const selectNote = useNotesStore((s) => s.select);
  const [notes, setNotes] = useState<NoteSummary[]>([]);
  const [confirmOffboard, setConfirmOffboard] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [endDate, setEndDate] = useState(() => localDay(new Date()));
  const [result, setResult] = useState<OffboardResult | null>(null);
  const addNote = useAsyncAction(async () => {
    await createNote({ kind: 'manager', id: manager.id });
    onOpenNote();
  });

  useEffect(() => {
    void loadSessions(manager.id);
    let alive = true;
    unwrap(api().notes.list({ target: { kind: 'manager', id: manager.id } }))
      .then((page) => alive && setNotes(page.items))
      .catch(() => alive && setNotes([]));
    return () => {
      alive = false;
    };
  }, [manager.id, loadSessions]);
  // A session revoked elsewhere (tray, lockdown, a refresh): "Offboard…" must not offer it again.
  useStateTopic('sessions', () => void loadSessions(manager.id));

  const active = sessions?.items.filter((s) => s.status === 'active') ?? [];
  const none = t('managers:details.none');

  return (
    <div className="manager-details">
      <Panel
        title={
          <>
            {manager.name}{' '}
            {manager.offboardedAt ? (
              <Badge tone="neutral">{t('managers:offboardedBadge')}</Badge>
            ) : (
              <Badge tone="good">{t('managers:activeBadge')}</Badge>
            )}
          </>
        }
      >
        <dl>
          <dt>{t('managers:details.organisation')}</dt>
          <dd>{manager.organisation || none}</dd>
          <dt>{t('managers:details.contact')}</dt>
          <dd>{manager.contact || none}</dd>
          <dt>{t('managers:details.role')}</dt>
          <dd>{manager.role || none}</dd>
          <dt>{t('managers:details.contract')}</dt>
          <dd>
            {t('managers:details.contractRange', {
              start: manager.contractStart ? format.date(manager.contractStart) : none,
              end: manager.contractEnd
                ? format.date(manager.contractEnd)
                : t('managers:details.open'),
            })}
          </dd>
          <dt>{t('managers:details.notice')}</dt>
          <dd>
            {manager.noticePeriodDays === null
              ? none
              : t('managers:details.noticeDays', { count: manager.noticePeriodDays })}
          </dd>
          {manager.offboardedAt && (
            <>
              <dt>{t('managers:details.offboardedAt')}</dt>
              <dd>{format.dateTime(manager.offboardedAt)}</dd>
            </>
          )}
        </dl>
        {result && (
          <Alert tone={result.completed ? 'success' : 'warning'} onDismiss={() => setResult(null)}>
            {result.completed
              ? t('managers:offboard.done', { name: manager.name, count: result.revoked.length })
              : t('managers:offboard.partial', {
                  name: manager.name,
                  failed: result.failed.length,
                })}
          </Alert>
        )}
        <div className="row-actions">
          <Button onClick={onEdit}>{t('managers:details.edit')}</Button>
          {!manager.offboardedAt && (
            <Button variant="danger" onClick={() => setConfirmOffboard(true)}>
              {t('managers:offboard.button')}
            </Button>
          )}
          <Button variant="ghost" onClick={() => setConfirmRemove(true)}>
            {t('managers:details.remove')}
          </Button>
        </div>
      </Panel>

      <Panel title={t('managers:sessions.title')}>
        {sessionsError ? (
          <ErrorMessage
            error={sessionsError}
            variant="banner"
            actions={
              <Button onClick={() => void loadSessions(manager.id)}>{t('common:retry')}</Button>
            }
          />
        ) : !sessions || !sessions.available ? (
          <p>{t('managers:sessions.unknown')}</p>
        ) : sessions.items.length === 0 ? (
          <p>{t('managers:sessions.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('managers:sessions.title')}</th>
                <th scope="col">{t('managers:sessions.status')}</th>
                <th scope="col">{t('managers:sessions.created')}</th>
                <th scope="col">{t('managers:sessions.ended')}</th>
                <th scope="col">{t('managers:sessions.access')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.items.map((s) => (
                <tr key={`${s.accountId}:${s.sessionId}`}>
                  <td>{s.label || s.sessionId}</td>
                  <td>
                    <Badge tone={s.status === 'active' ? 'warn' : 'neutral'}>
                      {t(`managers:sessions.${statusKey(s.status)}`)}
                    </Badge>
                  </td>
                  <td>{s.createdAt ? format.dateTime(s.createdAt) : none}</td>
                  <td>{s.endedAt ? format.dateTime(s.endedAt) : none}</td>
                  <td>{s.permissions.map(permissionText.labelOfId).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>

      <Panel title={t('managers:details.notes', { name: manager.name })}>
        {notes.length === 0 ? null : (
          <ul>
            {notes.map((n) => (
              <li key={n.id}>
                <Button
                  variant="ghost"
                  size="small"
                  onClick={() => {
                    selectNote(n.id);
                    onOpenNote();
                  }}
                >
                  {n.title || t('notes:untitled')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <Button busy={addNote.busy} onClick={() => void addNote.run()}>
          {t('managers:details.addNote', { name: manager.name })}
        </Button>
        {addNote.error && <ErrorMessage error={addNote.error} />}
      </Panel>

      <ConfirmDialog
        open={confirmOffboard}
        title={t('managers:offboard.title', { name: manager.name })}
        confirmLabel={t('managers:offboard.confirm')}
        variant="danger"
        onCancel={() => setConfirmOffboard(false)}
        onConfirm={async () => {
          const outcome = await offboard(manager.id, endDate || undefined);
          setResult(outcome);
          setConfirmOffboard(false);
        }}
      >
        <p>
          {sessions?.available
            ? t('managers:offboard.body', { count: active.length })
            : sessionsError
              ? t('managers:offboard.bodyUnread')
              : t('managers:offboard.bodyUnknown')}
        </p>
        <DateField
          label={t('managers:offboard.endDate')}
          value={endDate}
          onChange={(event) => setEndDate(event.target.value)}
        />
      </ConfirmDialog>

      <ConfirmDialog
        open={confirmRemove}
        title={t('managers:details.removeTitle', { name: manager.name })}
        confirmLabel={t('managers:details.remove')}
        variant="danger"
        onCancel={() => setConfirmRemove(false)}
        onConfirm={async () => {
          await remove(manager.id);
          setConfirmRemove(false);
        }}
      >
        <p>{t('managers:details.removeBody')}</p>
      </ConfirmDialog>
    </div>
  );
}

export function NoManagerSelected() {
  const { t } = useTranslation();
  return <EmptyState title={t('managers:selectPrompt')} />;
}
