import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewSession } from '../../../shared/contract';
import type { RiskGrade } from '../../../shared/domain/risk';
import { Badge } from '../../components';
import { placedWithoutForcedLayout } from '../../components/virtual';
import { useFormat } from '../../format';
import { RISK_TONE } from '../sessions/AccessCard';
import { riskOf } from '../sessions/list-model';
import { usePermissionText } from '../sessions/usePermissionText';

const ROW_HEIGHT = 68;
/** Permission names shown on a row; the rest are counted ("+2"). */
const SHOWN_PERMISSIONS = 4;

/** The words every row uses, looked up once per language rather than once per row. */
function useRowWords() {
  const { t } = useTranslation('overview');
  const permissions = usePermissionText();
  const format = useFormat();
  return useMemo(() => {
    const labels = new Map<string, string>();
    return {
      t,
      format,
      // No catalogue here (the Sessions screen shows the gateway's labels).
      permission: (id: string) => {
        let label = labels.get(id);
        if (label === undefined) {
          label = permissions.labelOfId(id);
          labels.set(id, label);
        }
        return label;
      },
      risk: {
        rule: t('permissions:risk.rule'),
        low: t('permissions:risk.low'),
        medium: t('permissions:risk.medium'),
        high: t('permissions:risk.high'),
      } satisfies Record<RiskGrade | 'rule', string>,
      noManager: t('who.noManager'),
      neverUsed: t('who.neverUsed'),
      noPermissions: t('who.noPermissions'),
      notFromDoorman: t('who.notFromDoorman'),
      manual: t('who.manual'),
    };
    // `permissions` and `format` follow the language, as `t` does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, format]);
}
type RowWords = ReturnType<typeof useRowWords>;

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
  const words = useRowWords();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: sessions.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 3,
    // .access-list is min(50vh, 32rem) high.
    ...placedWithoutForcedLayout(0.5, 512),
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
              words={words}
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
  words,
  onOpen,
}: {
  session: OverviewSession;
  start: number;
  position: number;
  setSize: number;
  manager: string | undefined;
  words: RowWords;
  onOpen: (sessionId: string) => void;
}) {
  const { t, format } = words;
  const grade = riskOf(session, null).grade;
  const names = session.permissions.map(words.permission);
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
            {manager ?? words.noManager} ·{' '}
            {session.lastUsedAt
              ? t('who.lastUsed', { when: format.relative(session.lastUsedAt) })
              : words.neverUsed}
          </span>
          <span className="access-row__power">
            {shown.length === 0
              ? words.noPermissions
              : shown.join(', ') +
                (names.length > shown.length
                  ? ` ${t('who.more', { count: names.length - shown.length })}`
                  : '')}
          </span>
        </span>
        <span className="access-row__badges">
          <Badge tone={RISK_TONE[grade]} title={words.risk.rule}>
            {words.risk[grade]}
          </Badge>
          {!session.createdInDoorman && session.source === 'gateway' && (
            <Badge tone="warn">{words.notFromDoorman}</Badge>
          )}
          {session.source === 'manual' && <Badge tone="info">{words.manual}</Badge>}
        </span>
      </button>
    </li>
  );
});
