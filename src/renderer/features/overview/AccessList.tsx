import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewSession } from '../../../shared/contract';
import { Badge } from '../../components';
import { useFormat } from '../../format';
import { RiskBadge } from '../sessions/AccessCard';
import { builtInEquivalent } from '../../../shared/domain/permissions';
import { riskOf } from '../sessions/list-model';
import { usePermissionText } from '../sessions/usePermissionText';

const ROW_HEIGHT = 68;
/** Permission names shown on a row; the rest are counted ("+2"). */
const SHOWN_PERMISSIONS = 4;

/**
 * Who can get in: one row per active management session with its power (permissions, risk
 * grade). Virtualised, so an agency with thousands of sessions opens as fast as one with
 * three. Each row is a button that opens the session on the Sessions screen.
 */
export function AccessList({
  sessions,
  managerNames,
  onOpen,
}: {
  sessions: readonly OverviewSession[];
  managerNames: ReadonlyMap<string, string>;
  onOpen: (sessionId: string) => void;
}) {
  const { t } = useTranslation('overview');
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: sessions.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // Rows in view before the first measurement, so the first paint already lists them.
    initialRect: { width: 0, height: ROW_HEIGHT * 8 },
  });
  return (
    <div ref={scrollRef} className="access-list" data-testid="overview-access">
      <ul
        aria-label={t('who.listLabel', { count: sessions.length })}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const session = sessions[item.index]!;
          return (
            <AccessRow
              key={session.id}
              session={session}
              start={item.start}
              position={item.index + 1}
              setSize={sessions.length}
              manager={session.managerId ? managerNames.get(session.managerId) : undefined}
              onOpen={onOpen}
            />
          );
        })}
      </ul>
    </div>
  );
}

const AccessRow = memo(function AccessRow({
  session,
  start,
  position,
  setSize,
  manager,
  onOpen,
}: {
  session: OverviewSession;
  start: number;
  position: number;
  setSize: number;
  manager: string | undefined;
  onOpen: (sessionId: string) => void;
}) {
  const { t } = useTranslation('overview');
  const format = useFormat();
  const text = usePermissionText();
  const risk = riskOf(session, null);
  // No catalogue here: ids the gateway shares with Doorman's built-ins are named in the UI
  // language; others by their id (the Sessions screen shows the gateway's own labels).
  const names = session.permissions.map((id) =>
    text.label({ id, label: id, builtInId: builtInEquivalent({ id }) }),
  );
  const shown = names.slice(0, SHOWN_PERMISSIONS);
  return (
    <li
      className="access-row"
      aria-posinset={position}
      aria-setsize={setSize}
      style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
      data-testid="access-row"
    >
      <button
        type="button"
        className="access-row__open"
        onClick={() => onOpen(session.id)}
        aria-label={t('who.open', { label: session.label })}
      >
        <span className="access-row__main">
          <span className="access-row__label">{session.label}</span>
          <span className="access-row__meta">
            {manager ?? t('who.noManager')} ·{' '}
            {session.lastUsedAt
              ? t('who.lastUsed', { when: format.relative(session.lastUsedAt) })
              : t('who.neverUsed')}
          </span>
          <span className="access-row__power">
            {shown.length === 0
              ? t('who.noPermissions')
              : shown.join(', ') +
                (names.length > shown.length
                  ? ` ${t('who.more', { count: names.length - shown.length })}`
                  : '')}
          </span>
        </span>
        <span className="access-row__badges">
          <RiskBadge grade={risk.grade} />
          {!session.createdInDoorman && session.source === 'gateway' && (
            <Badge tone="warn">{t('who.notFromDoorman')}</Badge>
          )}
          {session.source === 'manual' && <Badge tone="info">{t('who.manual')}</Badge>}
        </span>
      </button>
    </li>
  );
});
