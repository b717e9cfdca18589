import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ChecklistItem,
  ChecklistSubject,
  ConfirmableItemId,
} from '../../../shared/domain/checklist';
import { APP_WIDE_ITEM_IDS } from '../../../shared/domain/checklist';
import { api, unwrap } from '../../client';
import {
  Badge,
  Button,
  ConfirmDialog,
  DateField,
  ErrorMessage,
  useAsyncAction,
  type BadgeTone,
} from '../../components';
import { formatDate } from '../../format';
import { useChecklistStore } from '../../stores/checklist';
import { useLockdownStore } from '../../stores/lockdown';
import { localDay, localDayAfter } from '../../../shared/domain/calendar';

const STATUS_TONE: Record<ChecklistItem['status'], BadgeTone> = {
  done: 'good',
  needsAttention: 'warn',
  unknown: 'neutral',
};

const TIP_KEYS = ['1', '2', '3', '4'] as const;

/** Local noon of a picked day, so the day never shifts across time zones. */
function dayToIso(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d, 12, 0, 0);
  return new Date(Math.min(date.getTime(), Date.now())).toISOString();
}

/** One checklist step: its status and why, why it matters, how to do it, and what to do. */
export function ChecklistItemCard({ accountId, item }: { accountId: string; item: ChecklistItem }) {
  const { t } = useTranslation('checklist');
  const [day, setDay] = useState('');
  const titleId = `check-${accountId}-${item.id}`;
  const confirmable = item.kind === 'confirmed';
  const appWide = APP_WIDE_ITEM_IDS.includes(item.id as ConfirmableItemId);
  const targetAccount = appWide ? null : accountId;
  const danger = item.status === 'needsAttention' && item.severity === 'atRisk';
  // Undo, Keep and the like remove the button that was pressed: focus goes to the heading
  // rather than <body>, once the new state is drawn.
  const cardRef = useRef<HTMLLIElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [actionsDone, setActionsDone] = useState(0);
  const keepFocusInCard = () => setActionsDone((n) => n + 1);
  useEffect(() => {
    if (actionsDone > 0 && !cardRef.current?.contains(document.activeElement)) {
      headingRef.current?.focus();
    }
  }, [actionsDone]);

  const confirm = useAsyncAction(async () => {
    await useChecklistStore.getState().confirm({
      accountId: targetAccount,
      itemId: item.id as ConfirmableItemId,
      ...(day ? { at: dayToIso(day) } : {}),
    });
    setDay('');
  });
  const undo = useAsyncAction(async () => {
    await useChecklistStore.getState().unconfirm(targetAccount, item.id as ConfirmableItemId);
    keepFocusInCard();
  });
  const open = useAsyncAction(() => unwrap(api().app.openExternal({ url: item.link })));

  return (
    <li
      ref={cardRef}
      className={`checklist-item checklist-item--${item.status}${danger ? ' checklist-item--danger' : ''}`}
      aria-labelledby={titleId}
      data-item={item.id}
      data-status={item.status}
    >
      <div className="checklist-item__head">
        <h4 id={titleId} ref={headingRef} tabIndex={-1}>
          {t(`items.${item.id}.title`)}
        </h4>
        <Badge tone={danger ? 'danger' : STATUS_TONE[item.status]}>
          {t(`status.${item.status}`)}
        </Badge>
      </div>
      <p className="checklist-item__reason">{reasonText(t, item)}</p>
      {item.subjects.length > 0 && (
        <ul className="checklist-item__subjects" aria-label={t('subjectsLabel')}>
          {item.subjects.map((s) => (
            <SubjectRow
              key={s.id}
              accountId={accountId}
              itemId={item.id}
              subject={s}
              onGone={keepFocusInCard}
            />
          ))}
        </ul>
      )}
      {item.subjectCount > item.subjects.length && (
        <p className="checklist-item__more">
          {t('moreSubjects', { count: item.subjectCount - item.subjects.length })}
        </p>
      )}
      <details className="checklist-item__details">
        <summary>{t('whyAndHow')}</summary>
        <p>
          <strong>{t('why')}</strong> {t(`items.${item.id}.why`)}
        </p>
        <p>
          <strong>{t('how')}</strong> {t(`items.${item.id}.how`)}
        </p>
        {item.id === 'supportNeverAsks' && (
          <ul className="checklist-item__tips" aria-label={t('tips.title')}>
            {TIP_KEYS.map((key) => (
              <li key={key}>{t(`tips.${key}`)}</li>
            ))}
          </ul>
        )}
      </details>
      <div className="checklist-item__actions">
        <Button variant="secondary" size="small" busy={open.busy} onClick={() => void open.run()}>
          {t('openFansly')}
        </Button>
        {confirmable && (
          <>
            {item.id !== 'supportNeverAsks' && (
              <DateField
                label={t('doneOn')}
                value={day}
                max={localDay(new Date())}
                onChange={(event) => setDay(event.target.value)}
              />
            )}
            <Button size="small" busy={confirm.busy} onClick={() => void confirm.run()}>
              {item.id === 'supportNeverAsks' ? t('acknowledge') : t('markDone')}
            </Button>
            {item.confirmedAt && (
              <Button variant="ghost" size="small" busy={undo.busy} onClick={() => void undo.run()}>
                {t('undo')}
              </Button>
            )}
          </>
        )}
      </div>
      {(confirm.error || undo.error || open.error) && (
        <ErrorMessage error={confirm.error ?? undo.error ?? open.error} />
      )}
    </li>
  );
}

const KEEP_DAYS = 30;

/** A session an item found, with what can be done about it right here. */
function SubjectRow({
  accountId,
  itemId,
  subject,
  onGone,
}: {
  accountId: string;
  itemId: ChecklistItem['id'];
  subject: ChecklistSubject;
  /** The row is about to leave the list (kept, revoked): the card keeps focus. */
  onGone: () => void;
}) {
  const { t } = useTranslation('checklist');
  const [confirmingMarkRevoked, setConfirmingMarkRevoked] = useState(false);
  const keep = useAsyncAction(async () => {
    await useChecklistStore
      .getState()
      .keepSession(accountId, subject.id, localDayAfter(new Date(), KEEP_DAYS));
    onGone();
  });
  const markRevoked = async () => {
    await useChecklistStore.getState().markSessionRevoked(accountId, subject.id);
    setConfirmingMarkRevoked(false);
    onGone();
  };
  const management = itemId === 'reviewOverdue' || itemId === 'sessionsNotFromDoorman';
  // Doorman cannot revoke a session recorded by hand: the creator deletes it on fansly.com.
  const manual = subject.recordedByHand === true;
  return (
    <li data-subject={subject.id}>
      <span>{subject.label}</span>
      {management && (
        <span className="checklist-item__subject-actions">
          {itemId === 'reviewOverdue' && (
            <Button
              variant="secondary"
              size="small"
              busy={keep.busy}
              onClick={() => void keep.run()}
            >
              {t('keep', { days: KEEP_DAYS })}
            </Button>
          )}
          {manual ? (
            <Button variant="danger" size="small" onClick={() => setConfirmingMarkRevoked(true)}>
              {t('markRevoked')}
            </Button>
          ) : (
            <Button
              variant="danger"
              size="small"
              onClick={() =>
                useLockdownStore
                  .getState()
                  .askRevoke({ accountId, sessionId: subject.id, label: subject.label })
              }
            >
              {t('revoke')}
            </Button>
          )}
        </span>
      )}
      {management && manual && (
        <p className="checklist-item__subject-hint">{t('markRevokedHint')}</p>
      )}
      {keep.error && <ErrorMessage error={keep.error} />}
      <ConfirmDialog
        open={confirmingMarkRevoked}
        variant="danger"
        title={t('markRevokedTitle', { label: subject.label })}
        confirmLabel={t('markRevoked')}
        onConfirm={markRevoked}
        onCancel={() => setConfirmingMarkRevoked(false)}
      >
        <p>{t('markRevokedBody')}</p>
      </ConfirmDialog>
    </li>
  );
}

function reasonText(
  t: (key: string, options?: Record<string, unknown>) => string,
  item: ChecklistItem,
) {
  const date = item.confirmedAt ? formatDate(item.confirmedAt) : '';
  switch (item.reason) {
    case 'confirmed':
      return item.staleAt
        ? t('reason.confirmedUntil', { date, staleDate: formatDate(item.staleAt) })
        : t('reason.confirmed', { date });
    case 'stale':
      return t('reason.stale', { date });
    case 'resetByOffboarding':
      return t('reason.resetByOffboarding', { date });
    case 'found':
      return t('reason.found', { count: item.subjectCount });
    default:
      return t(`reason.${item.reason}`);
  }
}
