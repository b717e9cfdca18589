import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ManagementSession, PermissionCatalogue } from '../../../shared/contract/sessions';
import { Badge } from '../../components';
import { placedWithoutForcedLayout } from '../../components/virtual';
import { useFormat } from '../../format';
import { RiskBadge } from './AccessCard';
import { riskOf } from './list-model';

const ROW_HEIGHT = 80;

export const STATUS_TONE = { active: 'good', revoked: 'neutral', ended: 'neutral' } as const;

/** The words and formatter every row uses, translated once per list and language, not per row. */
interface RowText {
  status: Record<ManagementSession['status'], string>;
  noManager: string;
  notFromDoorman: string;
  manual: string;
  reviewBy: (date: string) => string;
  date: (value: string) => string;
}

function rowText(t: TFunction<'sessions'>, format: ReturnType<typeof useFormat>): RowText {
  return {
    status: { active: t('status.active'), revoked: t('status.revoked'), ended: t('status.ended') },
    noManager: t('list.noManager'),
    notFromDoorman: t('list.notFromDoorman'),
    manual: t('list.manual'),
    reviewBy: (date) => t('list.reviewBy', { date }),
    date: format.date,
  };
}

/**
 * The sessions list, virtualised: only the rows in view are in the DOM, so 10,000 sessions
 * scroll as smoothly as ten. Arrow keys move the selection. Memoised: a keystroke that leaves
 * the matches as they were (the search answers the same array) does not redraw it.
 */
export const SessionList = memo(function SessionList({
  sessions,
  catalogue,
  managerNames,
  selectedId,
  onSelect,
}: {
  sessions: readonly ManagementSession[];
  catalogue: PermissionCatalogue | null;
  managerNames: ReadonlyMap<string, string>;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation('sessions');
  const format = useFormat();
  const text = useMemo(() => rowText(t, format), [t, format]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: sessions.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // A few rows beyond the view are enough for fixed-height rows (a wheel notch is about one
    // row); each extra row is redrawn on every keystroke that changes the matches.
    overscan: 3,
    // .session-list is min(60vh, 36rem) high.
    ...placedWithoutForcedLayout(0.6, 576),
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = sessions.findIndex((s) => s.id === selectedId);
    const next = Math.min(
      sessions.length - 1,
      Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)),
    );
    const target = sessions[next];
    if (!target) return;
    onSelect(target.id);
    virtualizer.scrollToIndex(next);
  };

  return (
    <div
      ref={scrollRef}
      className="session-list"
      role="listbox"
      aria-label={t('list.label')}
      aria-activedescendant={selectedId ? `session-row-${selectedId}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="session-list"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const session = sessions[item.index]!;
          // Keyed by position, not by session: when a search changes what is shown, the rows
          // in view take their new sessions' text instead of being torn down and rebuilt.
          return (
            <SessionRow
              key={item.index}
              session={session}
              start={item.start}
              position={item.index + 1}
              setSize={sessions.length}
              selected={session.id === selectedId}
              catalogue={catalogue}
              manager={session.managerId ? managerNames.get(session.managerId) : undefined}
              onSelect={onSelect}
              text={text}
            />
          );
        })}
      </div>
    </div>
  );
});

/**
 * One row. Memoised: a keystroke in the search box re-renders only the rows whose session or
 * selection changed, not every row in view. Its words come translated from the list rather
 * than each row subscribing to the translator itself.
 */
const SessionRow = memo(function SessionRow({
  session,
  start,
  position,
  setSize,
  selected,
  catalogue,
  manager,
  onSelect,
  text,
}: {
  session: ManagementSession;
  start: number;
  /** 1-based place in the whole list; only the rows in view are in the DOM. */
  position: number;
  setSize: number;
  selected: boolean;
  catalogue: PermissionCatalogue | null;
  manager: string | undefined;
  onSelect: (id: string) => void;
  text: RowText;
}) {
  const risk = riskOf(session, catalogue);
  return (
    <div
      id={`session-row-${session.id}`}
      role="option"
      aria-selected={selected}
      aria-posinset={position}
      aria-setsize={setSize}
      className="session-row"
      style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
      onClick={() => onSelect(session.id)}
    >
      <div className="session-row__main">
        <span className="session-row__label">{session.label}</span>
        <span className="session-row__meta">
          {manager ?? text.noManager} · {session.createdAt ? text.date(session.createdAt) : '—'}
          {session.reviewBy && session.status === 'active'
            ? ` · ${text.reviewBy(text.date(session.reviewBy))}`
            : ''}
        </span>
      </div>
      <div className="session-row__badges">
        <Badge tone={STATUS_TONE[session.status]}>{text.status[session.status]}</Badge>
        {session.status === 'active' && <RiskBadge grade={risk.grade} />}
        {!session.createdInDoorman && session.source === 'gateway' && (
          <Badge tone="warn">{text.notFromDoorman}</Badge>
        )}
        {session.source === 'manual' && <Badge tone="info">{text.manual}</Badge>}
      </div>
    </div>
  );
});
