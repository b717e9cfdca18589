import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ManagementSession,
  PermissionCatalogue,
  TrackingMode,
} from '../../../shared/contract/sessions';
import {
  Alert,
  Badge,
  Button,
  ConfirmDialog,
  DateField,
  ErrorMessage,
  Panel,
  useReturnFocusOnClose,
  TextField,
  useAsyncAction,
} from '../../components';
import { api, unwrap } from '../../client';
import { useFormat } from '../../format';
import { useSessionsStore } from '../../stores/sessions';
import { AccessCard } from './AccessCard';
import { EditSessionForm } from './EditSessionForm';
import { SessionHistory } from './SessionHistory';
import { SessionNotes } from './SessionNotes';
import { STATUS_TONE } from './SessionList';

/** The detail pane: access card, facts, where the link went, history, notes, and actions. */
export function SessionDetail({
  session,
  catalogue,
  managerName,
  mode,
}: {
  session: ManagementSession;
  catalogue: PermissionCatalogue | null;
  managerName: string | null;
  mode: TrackingMode;
}) {
  const { t } = useTranslation('sessions');
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reviewBy, setReviewBy] = useState(session.reviewBy ?? '');
  const [sentTo, setSentTo] = useState(session.sentTo);
  const upsert = useSessionsStore((s) => s.upsert);
  // The edit form replaces this pane; when it closes, focus goes back to the Edit button.
  const editButtonRef = useRef<HTMLButtonElement>(null);
  useReturnFocusOnClose(editing, editButtonRef);

  const saveDetails = useAsyncAction(async () => {
    const updated = await unwrap(
      api().sessions.updateDetails({
        accountId: session.accountId,
        sessionId: session.id,
        reviewBy: reviewBy || null,
        sentTo: sentTo.trim(),
      }),
    );
    upsert(updated);
  });

  const revoke = async () => {
    const updated =
      session.source === 'manual'
        ? await unwrap(
            api().sessions.markRevoked({ accountId: session.accountId, sessionId: session.id }),
          )
        : await unwrap(
            api().sessions.revoke({ accountId: session.accountId, sessionId: session.id }),
          );
    upsert(updated);
    setConfirming(false);
  };

  if (editing && catalogue) {
    return (
      <EditSessionForm session={session} catalogue={catalogue} onDone={() => setEditing(false)} />
    );
  }

  const active = session.status === 'active';
  const canEdit = active && (session.source === 'manual' || mode === 'gateway');
  return (
    <Panel title={session.label} id="session-detail-title" className="session-detail">
      <div className="session-detail__badges">
        <Badge tone={STATUS_TONE[session.status]}>{t(`status.${session.status}`)}</Badge>
        {!session.createdInDoorman && session.source === 'gateway' && (
          <Badge tone="warn">{t('list.notFromDoorman')}</Badge>
        )}
        {session.source === 'manual' && <Badge tone="info">{t('list.manual')}</Badge>}
      </div>
      {!session.createdInDoorman && session.source === 'gateway' && active && (
        <Alert tone="warning" title={t('detail.notFromDoormanTitle')}>
          {t('detail.notFromDoormanBody')}
        </Alert>
      )}
      {session.linkLost && active && (
        <Alert tone="warning" title={t('link.lostTitle')}>
          {t('link.lostBody')}
        </Alert>
      )}
      <dl className="session-detail__facts">
        <dt>{t('detail.manager')}</dt>
        <dd>{managerName ?? t('list.noManager')}</dd>
        <dt>{t('detail.created')}</dt>
        <dd>{session.createdAt ? format.dateTime(session.createdAt) : '—'}</dd>
        <dt>{t('detail.lastUsed')}</dt>
        <dd>{session.lastUsedAt ? format.dateTime(session.lastUsedAt) : t('detail.never')}</dd>
        {session.revokedAt && (
          <>
            <dt>{t('detail.revoked')}</dt>
            <dd>{format.dateTime(session.revokedAt)}</dd>
          </>
        )}
        {session.endedAt && (
          <>
            <dt>{t('detail.ended')}</dt>
            <dd>{format.dateTime(session.endedAt)}</dd>
          </>
        )}
      </dl>

      <AccessCard permissions={session.permissions} catalogue={catalogue} />

      <form
        className="session-detail__details"
        onSubmit={(event) => {
          event.preventDefault();
          void saveDetails.run();
        }}
      >
        <DateField
          label={t('create.reviewBy')}
          value={reviewBy}
          onChange={(event) => setReviewBy(event.target.value)}
        />
        <TextField
          label={t('link.sentTo')}
          value={sentTo}
          maxLength={200}
          onChange={(event) => setSentTo(event.target.value)}
        />
        {saveDetails.error && <ErrorMessage error={saveDetails.error} />}
        <Button type="submit" busy={saveDetails.busy}>
          {t('detail.saveDetails')}
        </Button>
      </form>

      {active && (
        <div className="form-actions">
          {canEdit && (
            <Button ref={editButtonRef} onClick={() => setEditing(true)} disabled={!catalogue}>
              {t('detail.edit')}
            </Button>
          )}
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {session.source === 'manual' ? t('detail.markRevoked') : t('detail.revoke')}
          </Button>
        </div>
      )}

      <h4>{t('detail.history')}</h4>
      <SessionHistory history={session.history} catalogue={catalogue} />

      <SessionNotes sessionId={session.id} />

      <ConfirmDialog
        open={confirming}
        variant="danger"
        title={
          session.source === 'manual'
            ? t('revoke.manualTitle', { label: session.label })
            : t('revoke.title', { label: session.label })
        }
        confirmLabel={session.source === 'manual' ? t('detail.markRevoked') : t('detail.revoke')}
        onConfirm={revoke}
        onCancel={() => setConfirming(false)}
      >
        <p>{session.source === 'manual' ? t('revoke.manualBody') : t('revoke.body')}</p>
      </ConfirmDialog>
    </Panel>
  );
}
