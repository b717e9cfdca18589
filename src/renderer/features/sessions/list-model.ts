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

function searchTextsFor(
  managerNames: ReadonlyMap<string, string>,
): WeakMap<ManagementSession, string> {
  let texts = searchTexts.get(managerNames);
  if (!texts) {
    texts = new WeakMap();
    searchTexts.set(managerNames, texts);
  }
  return texts;
}

function searchText(
  s: ManagementSession,
  managerNames: ReadonlyMap<string, string>,
  texts: WeakMap<ManagementSession, string>,
): string {
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

function searchWords(query: string): string[] {
  return query.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

/** The sessions (in their given order) that match the search words and status filter. */
export function filterSessions(
  sessions: readonly ManagementSession[],
  options: Pick<ListOptions, 'query' | 'status' | 'managerNames'>,
): ManagementSession[] {
  return search(searchableSessions(sessions, options.managerNames), options).sessions;
}

/** One list made ready to search: its sessions with their lower-cased search texts alongside. */
export interface SearchableSessions {
  readonly sessions: readonly ManagementSession[];
  readonly texts: readonly string[];
}

/** Built once per list and manager names (not per keystroke); texts are cached per session. */
export function searchableSessions(
  sessions: readonly ManagementSession[],
  managerNames: ReadonlyMap<string, string>,
): SearchableSessions {
  const cache = searchTextsFor(managerNames);
  return { sessions, texts: sessions.map((s) => searchText(s, managerNames, cache)) };
}

/** A search over one list: what was asked, which positions matched, and those sessions. */
interface SearchResult {
  readonly words: readonly string[];
  readonly status: StatusFilter;
  /** Positions in the list that match, in order. */
  readonly positions: readonly number[];
  readonly sessions: ManagementSession[];
}

/** The last search over each list, to start the next keystroke's search from. */
const lastSearch = new WeakMap<SearchableSessions, SearchResult>();

/**
 * True when everything the new search matches, the previous one matched too: the same or a
 * narrower status, and every earlier word inside some new word (typing on, or adding a word).
 */
function narrows(previous: SearchResult, words: readonly string[], status: StatusFilter): boolean {
  return (
    (previous.status === 'all' || previous.status === status) &&
    previous.words.every((old) => words.some((word) => word.includes(old)))
  );
}

/**
 * The sessions (in list order) that match the search words and status filter. When the
 * previous search over the same list was wider, only what it matched is checked again, so
 * typing a query key by key does not scan every session on every key. When the matches are
 * the same as last time, the same array comes back (the list showing them need not redraw).
 */
export function searchSessions(
  from: SearchableSessions,
  options: Pick<ListOptions, 'query' | 'status'>,
): readonly ManagementSession[] {
  return search(from, options).sessions;
}

function search(
  from: SearchableSessions,
  options: Pick<ListOptions, 'query' | 'status'>,
): SearchResult {
  const words = searchWords(options.query);
  const { status } = options;
  const { sessions, texts } = from;
  const matches = (i: number): boolean => {
    if (status !== 'all' && sessions[i]!.status !== status) return false;
    const text = texts[i]!;
    for (const word of words) if (!text.includes(word)) return false;
    return true;
  };
  const previous = lastSearch.get(from);
  const positions: number[] = [];
  if (previous && narrows(previous, words, status)) {
    for (const i of previous.positions) if (matches(i)) positions.push(i);
  } else {
    for (let i = 0; i < sessions.length; i++) if (matches(i)) positions.push(i);
  }
  const result =
    previous && sameNumbers(previous.positions, positions)
      ? { ...previous, words, status }
      : { words, status, positions, sessions: positions.map((i) => sessions[i]!) };
  lastSearch.set(from, result);
  return result;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Built-in ids for the chosen options (to translate and grade); unknown ones stay as labels. */
export function optionFor(id: string, catalogue: PermissionCatalogue | null): PermissionOption {
  return catalogue?.permissions.find((p) => p.id === id) ?? { id, label: id, builtInId: null };
}
