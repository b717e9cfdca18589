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

interface ListOptions {
  query: string;
  status: StatusFilter;
  sort: SessionSort;
  catalogue: PermissionCatalogue | null;
  managerNames: ReadonlyMap<string, string>;
}

/** Search, filter and sort; pure so 10,000 rows can be checked in a unit test. */
export function visibleSessions(
  sessions: readonly ManagementSession[],
  options: ListOptions,
): ManagementSession[] {
  return filterSessions(sortSessions(sessions, options), options);
}

/**
 * The list in the chosen order. Sorting is stable and filtering keeps order, so sorting
 * once and filtering the sorted list on every keystroke shows exactly what sorting the
 * filtered list would; the screen re-sorts only when the list, order or catalogue change.
 */
export function sortSessions(
  sessions: readonly ManagementSession[],
  options: Pick<ListOptions, 'sort' | 'catalogue'>,
): ManagementSession[] {
  const risk =
    options.sort === 'risk'
      ? new Map(sessions.map((s) => [s.id, RISK_ORDER[riskOf(s, options.catalogue).grade]]))
      : null;
  const byDateDesc = (a: string | null, b: string | null) => (b ?? '').localeCompare(a ?? '');
  return [...sessions].sort((a, b) => {
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

/** What a search matches in a session, lower-cased, kept per session and manager names. */
const searchTexts = new WeakMap<ReadonlyMap<string, string>, WeakMap<ManagementSession, string>>();

function searchText(s: ManagementSession, managerNames: ReadonlyMap<string, string>): string {
  let texts = searchTexts.get(managerNames);
  if (!texts) {
    texts = new WeakMap();
    searchTexts.set(managerNames, texts);
  }
  let text = texts.get(s);
  if (text === undefined) {
    text = [
      s.label,
      s.sentTo,
      s.managerId ? (managerNames.get(s.managerId) ?? '') : '',
      ...s.permissions,
    ]
      .join(' ')
      .toLocaleLowerCase();
    texts.set(s, text);
  }
  return text;
}

/** The sessions (in their given order) that match the search words and status filter. */
export function filterSessions(
  sessions: readonly ManagementSession[],
  options: Pick<ListOptions, 'query' | 'status' | 'managerNames'>,
): ManagementSession[] {
  const words = options.query.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return sessions.filter((s) => {
    if (options.status !== 'all' && s.status !== options.status) return false;
    if (words.length === 0) return true;
    const text = searchText(s, options.managerNames);
    return words.every((w) => text.includes(w));
  });
}

/** Built-in ids for the chosen options (to translate and grade); unknown ones stay as labels. */
export function optionFor(id: string, catalogue: PermissionCatalogue | null): PermissionOption {
  return catalogue?.permissions.find((p) => p.id === id) ?? { id, label: id, builtInId: null };
}
