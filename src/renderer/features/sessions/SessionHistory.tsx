import { useTranslation } from 'react-i18next';
import type {
  PermissionCatalogue,
  SessionHistoryChanges,
  SessionHistoryEntry,
} from '../../../shared/contract/sessions';
import { useFormat } from '../../format';
import { optionFor } from './list-model';
import { usePermissionText } from './usePermissionText';

/** A session's history, oldest first, each change worded in the UI language. */
export function SessionHistory({
  history,
  catalogue,
}: {
  history: readonly SessionHistoryEntry[];
  catalogue: PermissionCatalogue | null;
}) {
  const { t, i18n } = useTranslation('sessions');
  const format = useFormat();
  const permissionText = usePermissionText();

  const describe = (changes: SessionHistoryChanges): string[] => [
    ...(changes.renamed ? [t('historyChange.renamed', changes.renamed)] : []),
    ...(changes.permissions
      ? [
          t('historyChange.access', {
            permissions: changes.permissions
              .map((id) => permissionText.label(optionFor(id, catalogue)))
              .join(', '),
          }),
        ]
      : []),
    ...(changes.manager ? [t('historyChange.manager')] : []),
    ...(changes.reviewBy !== undefined
      ? [
          changes.reviewBy
            ? t('historyChange.reviewBy', { date: format.date(changes.reviewBy) })
            : t('historyChange.noReviewBy'),
        ]
      : []),
    ...(changes.sentTo ? [t('historyChange.sentTo')] : []),
  ];
  // Entries older than `changes` have only main's English text: shown to English readers only.
  const english = (i18n.resolvedLanguage ?? i18n.language).startsWith('en');
  const detailOf = (entry: SessionHistoryEntry) =>
    entry.changes ? describe(entry.changes).join('; ') : english ? entry.detail : '';

  return (
    <ol className="session-detail__history" data-testid="session-history">
      {history.map((entry, index) => {
        const detail = detailOf(entry);
        return (
          <li key={`${entry.at}-${index}`}>
            <span>{format.dateTime(entry.at)}</span> <span>{t(`history.${entry.kind}`)}</span>
            {detail && <span className="session-detail__history-detail"> · {detail}</span>}
          </li>
        );
      })}
    </ol>
  );
}
