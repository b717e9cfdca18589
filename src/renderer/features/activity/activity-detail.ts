import type { i18n as I18n } from 'i18next';
import type { ActivityEntry } from '../../../shared/contract';
import type { useFormat } from '../../format';
import { storeName } from '../../shell/StorageNotices';

type Format = Pick<ReturnType<typeof useFormat>, 'date' | 'month' | 'number'>;

/** Params that hold an ISO date or instant: written as a day in the UI language. */
const DATE_PARAMS = new Set(['date', 'from', 'to', 'reviewBy']);
/** Params whose value is one of a few words main uses, each translated in `activity:values`. */
const WORD_PARAMS = new Set(['check', 'protection']);

function formatParam(key: string, value: string, i18n: I18n, format: Format): string {
  if (DATE_PARAMS.has(key)) return format.date(value);
  if (WORD_PARAMS.has(key))
    return i18n.t(`activity:values.${key}.${value}`, { defaultValue: value });
  switch (key) {
    case 'item':
      return i18n.t(`checklist:items.${value}.title`, { defaultValue: value });
    case 'store':
      return storeName(value, i18n.t, format);
    case 'login':
      return value || i18n.t('activity:values.unknownLogin');
    case 'session':
      return value || i18n.t('activity:values.unnamedSession');
    default:
      return value;
  }
}

/**
 * An entry's detail in the UI language, from `activity:details.<kind>` (or `<kind>_<variant>`)
 * and the entry's params, each written for that language first: dates through Intl, checklist
 * items by their title, numbers with the language's digits (`count` also picks the plural
 * form; translations show it as `{{number}}`). Entries written before params existed, or
 * whose sentence this build does not know, show main's English summary.
 */
export function activityDetail(entry: ActivityEntry, i18n: I18n, format: Format): string {
  if (!entry.params) return entry.summary;
  const { variant, ...facts } = entry.params;
  const key = `activity:details.${entry.kind}${typeof variant === 'string' ? `_${variant}` : ''}`;
  // Through `replace`, so no param name can be taken for one of i18next's own options.
  const replace: Record<string, string> = {};
  let count: number | undefined;
  for (const [name, value] of Object.entries(facts)) {
    if (typeof value === 'number') {
      replace[name === 'count' ? 'number' : name] = format.number(value);
      if (name === 'count') count = value;
    } else {
      replace[name] = formatParam(name, value, i18n, format);
    }
  }
  const plural = count === undefined ? {} : { count };
  return i18n.exists(key, plural) ? i18n.t(key, { ...plural, replace }) : entry.summary;
}

/**
 * The account an entry concerns, by its name. One no longer connected goes by the name its
 * entry kept (disconnections keep it), else by its id.
 */
export function activityAccountName(
  entry: ActivityEntry,
  names: ReadonlyMap<string, string>,
): string | null {
  if (!entry.accountId) return null;
  const kept = entry.params?.account;
  return names.get(entry.accountId) ?? (typeof kept === 'string' ? kept : entry.accountId);
}
