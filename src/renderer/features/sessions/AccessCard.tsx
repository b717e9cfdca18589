import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PermissionCatalogue } from '../../../shared/contract/sessions';
import { NEVER_ALLOWED } from '../../../shared/domain/permissions';
import type { RiskGrade } from '../../../shared/domain/risk';
import { Badge, type BadgeTone } from '../../components';
import { optionFor, riskOf } from './list-model';
import { usePermissionText } from './usePermissionText';

export const RISK_TONE: Record<RiskGrade, BadgeTone> = {
  low: 'good',
  medium: 'warn',
  high: 'danger',
};

/** Memoised: a list row redrawn for another session with the same grade leaves it alone. */
export const RiskBadge = memo(function RiskBadge({ grade }: { grade: RiskGrade }) {
  const { t } = useTranslation('permissions');
  return (
    <Badge tone={RISK_TONE[grade]} title={t('risk.rule')}>
      {t(`risk.${grade}`)}
    </Badge>
  );
});

/**
 * The plain-language access card: what this manager can do, the risk grade with its reasons,
 * and Fansly's fixed list of what no manager can ever do.
 */
export function AccessCard({
  permissions,
  catalogue,
}: {
  permissions: readonly string[];
  catalogue: PermissionCatalogue | null;
}) {
  const { t } = useTranslation('permissions');
  const text = usePermissionText();
  const risk = riskOf({ permissions: [...permissions] }, catalogue);
  return (
    <div className="access-card" data-testid="access-card">
      <div className="access-card__risk">
        <RiskBadge grade={risk.grade} />
        {risk.reasons.length > 0 && (
          <ul className="access-card__reasons">
            {risk.reasons.map((reason) => (
              <li key={reason}>{t(`risk.reasons.${reason}`)}</li>
            ))}
          </ul>
        )}
      </div>
      <h4>{t('card.title')}</h4>
      {permissions.length === 0 ? (
        <p>{t('card.nothing')}</p>
      ) : (
        <ul className="access-card__can">
          {permissions.map((id) => (
            <li key={id}>{text.can(optionFor(id, catalogue))}</li>
          ))}
        </ul>
      )}
      <h4>{t('never.title')}</h4>
      <ul className="access-card__never">
        {NEVER_ALLOWED.map((item) => (
          <li key={item}>{t(`never.${item}`)}</li>
        ))}
      </ul>
    </div>
  );
}
