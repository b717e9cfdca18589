import type {
  ManagementSession,
  PermissionCatalogue,
  PermissionOption,
} from '../../../shared/contract/sessions';
import {
  assessPermissionIds,
  type RiskAssessment,
  type RiskGrade,
} from '../../../shared/domain/risk';
import type { SessionSort, StatusFilter } from '../../stores/sessions';

const RISK_ORDER: Record<RiskGrade, number> = { high: 0, medium: 1, low: 2 };

/** The options to grade with: the account's catalogue, or none (ids then speak for themselves). */
export function riskOf(
  session: Pick<ManagementSession, 'permissions'>,
  catalogue: PermissionCatalogue | null,
): RiskAssessment {
  return assessPermissionIds(session.permissions, catalogue?.permissions ?? []);
}

/** Search, filter and sort in one pass; pure so 10,000 rows can be checked in a unit test. */
export function visibleSessions(
  sessions: readonly ManagementSession[],
  options: {
    query: string;
    status: StatusFilter;
    sort: SessionSort;
    catalogue: PermissionCatalogue | null;
    managerNames: ReadonlyMap<string, string>;
  },
): ManagementSession[] {
  const words = options.query.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const filtered = sessions.filter((s) => {
    if (options.status !== 'all' && s.status !== options.status) return false;
    if (words.length === 0) return true;
    const text = [
      s.label,
      s.sentTo,
      s.managerId ? (options.managerNames.get(s.managerId) ?? '') : '',
      ...s.permissions,
    ]
      .join(' ')
      .toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
  const risk =
    options.sort === 'risk'
      ? new Map(filtered.map((s) => [s.id, RISK_ORDER[riskOf(s, options.catalogue).grade]]))
      : null;
  const byDateDesc = (a: string | null, b: string | null) => (b ?? '').localeCompare(a ?? '');
  return [...filtered].sort((a, b) => {
    switch (options.sort) {
      case 'label':
        return a.label.localeCompare(b.label);
      case 'lastUsed':
        return byDateDesc(a.lastUsedAt, b.lastUsedAt);
      case 'reviewBy':
        return (a.reviewBy ?? '9999').localeCompare(b.reviewBy ?? '9999');
      case 'risk':
        return (risk!.get(a.id) ?? 3) - (risk!.get(b.id) ?? 3) || a.label.localeCompare(b.label);
      case 'created':
      default:
        return byDateDesc(a.createdAt, b.createdAt);
    }
  });
}

/** Built-in ids for the chosen options (to translate and grade); unknown ones stay as labels. */
export function optionFor(id: string, catalogue: PermissionCatalogue | null): PermissionOption {
  return catalogue?.permissions.find((p) => p.id === id) ?? { id, label: id, builtInId: null };
}
