import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  activityEntrySchema,
  type ActivityEntry,
  type ActivityFilter,
  type ActivityPage,
} from '../../../shared/contract/activity';
import {
  ACTIVITY_PARAM_MAX_CHARS,
  activityInputSchema,
  type ActivityInput,
  type ActivityParams,
} from '../../../shared/domain/activity';
import { DoormanError } from '../../../shared/errors';
import type { EventBus } from '../../platform/events';
import { JsonStore, type StorageNoticeLog } from '../../platform/json-store';
import { redact, type Logger } from '../../platform/log';
import type { ActivityRecorder } from '../activity-recorder';

export const monthDocumentSchema = z.object({ entries: z.array(activityEntrySchema) });
type MonthDocument = z.infer<typeof monthDocumentSchema>;

const MONTH_FILE = /^activity-(\d{4}-\d{2})\.json$/;
export const ACTIVITY_DIR = 'activity';

type ParsedActivityInput = ReturnType<typeof activityInputSchema.parse>;

export interface ActivityServiceDeps {
  dataDir: string;
  notices?: StorageNoticeLog;
  clock: () => Date;
  events?: EventBus;
  log?: Logger;
}

/** The same rule as the summary: a secret that slips into a param is removed. */
function redactParams(params: ActivityParams): ActivityParams {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value === 'string' ? redact(value).slice(0, ACTIVITY_PARAM_MAX_CHARS) : value,
    ]),
  );
}

/** Sort key: newest first, ties broken by id so paging never skips or repeats an entry. */
function cursorOf(entry: Pick<ActivityEntry, 'at' | 'id'>): string {
  return `${entry.at}|${entry.id}`;
}

function isOlderThanCursor(entry: ActivityEntry, cursor: string): boolean {
  return cursorOf(entry) < cursor;
}

function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/**
 * The activity log: append-only from the creator's side (there is no channel to edit or
 * delete an entry). One file per month (`activity/activity-YYYY-MM.json`), so a write only
 * rewrites the current month and older months are read only when a page or report reaches
 * them. It is the `ActivityRecorder` every other service writes through.
 */
export class ActivityService implements ActivityRecorder {
  private readonly dir: string;
  private readonly months = new Map<string, JsonStore<MonthDocument>>();

  constructor(private readonly deps: ActivityServiceDeps) {
    this.dir = path.join(deps.dataDir, ACTIVITY_DIR);
    fs.mkdirSync(this.dir, { recursive: true });
  }

  /**
   * Never throws: a log line that cannot be written must not undo or block the action it
   * describes. The summary passes the log redactor, so a secret that slips in is removed.
   */
  record(input: ActivityInput): void {
    try {
      this.append(input);
    } catch (error) {
      this.deps.log?.error('activity could not be recorded', error);
    }
  }

  /**
   * Several entries, in order, in one write (never throws). Each `record` rewrites the
   * month's file, so a loop over the thousands of sessions a first refresh can find would
   * take minutes; an invalid input is logged and skipped, the rest are kept.
   */
  recordMany(inputs: readonly ActivityInput[]): void {
    const parsed: ParsedActivityInput[] = [];
    for (const input of inputs) {
      const checked = this.parse(input);
      if (checked.success) parsed.push(checked.data);
      else this.deps.log?.error('activity could not be recorded', checked.error.issues);
    }
    if (parsed.length === 0) return;
    try {
      const at = this.deps.clock().toISOString();
      this.month(monthOf(at)).update((doc) => ({
        entries: [
          ...doc.entries,
          ...parsed.map((p, i) => this.entry(p, at, doc.entries.length + i)),
        ],
      }));
      this.deps.events?.changed('activity');
    } catch (error) {
      this.deps.log?.error('activity could not be recorded', error);
    }
  }

  /** Like `record`, but reports failure (used where the caller wants to know). */
  append(input: ActivityInput): ActivityEntry {
    const checked = this.parse(input);
    if (!checked.success) throw checked.error;
    const parsed = checked.data;
    const at = this.deps.clock().toISOString();
    const store = this.month(monthOf(at));
    const entry = this.entry(parsed, at, store.get().entries.length);
    store.update((doc) => ({ entries: [...doc.entries, entry] }));
    this.deps.events?.changed('activity');
    return entry;
  }

  /**
   * Params that do not fit (too many, too long) are dropped rather than the entry: the line
   * is still written, with its English summary, which the window shows when params are absent.
   */
  private parse(input: ActivityInput): ReturnType<typeof activityInputSchema.safeParse> {
    const checked = activityInputSchema.safeParse(input);
    if (checked.success || input.params === undefined) return checked;
    this.deps.log?.error('activity params dropped', checked.error.issues);
    return activityInputSchema.safeParse({ ...input, params: undefined });
  }

  private entry(parsed: ParsedActivityInput, at: string, index: number): ActivityEntry {
    // Sequence first, so entries with the same time keep the order they happened in.
    const sequence = String(index).padStart(7, '0');
    return {
      id: `${monthOf(at)}-${sequence}-${randomUUID().slice(0, 8)}`,
      at,
      kind: parsed.kind,
      accountId: parsed.accountId,
      subjectId: parsed.subjectId,
      result: parsed.result,
      summary: redact(parsed.summary).slice(0, 500),
      ...(parsed.params && { params: redactParams(parsed.params) }),
    };
  }

  /** Months with a file, newest first. */
  availableMonths(): string[] {
    const found = new Set<string>();
    for (const name of fs.readdirSync(this.dir)) {
      const match = MONTH_FILE.exec(name);
      if (match) found.add(match[1]!);
    }
    for (const month of this.months.keys()) found.add(month);
    return [...found].sort().reverse();
  }

  /** Months read from disk so far (older months are read on demand). */
  loadedMonths(): string[] {
    return [...this.months.keys()].sort();
  }

  list(filter: ActivityFilter & { before?: string; limit?: number }): ActivityPage {
    const limit = filter.limit ?? 100;
    const range = this.checkRange(filter.from, filter.to);
    const beforeMonth = filter.before ? monthOf(filter.before) : null;
    const entries: ActivityEntry[] = [];
    for (const month of this.availableMonths()) {
      if (beforeMonth && month > beforeMonth) continue;
      if (range.fromMonth && month < range.fromMonth) break;
      if (range.toMonth && month > range.toMonth) continue;
      const matching = this.month(month)
        .get()
        .entries.filter((entry) => this.matches(entry, filter, range))
        .filter((entry) => !filter.before || isOlderThanCursor(entry, filter.before))
        .sort((a, b) => (cursorOf(a) < cursorOf(b) ? 1 : -1));
      entries.push(...matching);
      if (entries.length > limit) break;
    }
    const page = entries.slice(0, limit);
    const more = entries.length > limit;
    return { entries: page, nextCursor: more ? cursorOf(page[page.length - 1]!) : null };
  }

  /** Every entry in a range, oldest first (reports). */
  entriesBetween(from: string, to: string, accountId?: string): ActivityEntry[] {
    const out: ActivityEntry[] = [];
    let before: string | undefined;
    for (;;) {
      const page = this.list({ from, to, accountId, before, limit: 500 });
      out.push(...page.entries);
      if (!page.nextCursor) break;
      before = page.nextCursor;
    }
    return out.reverse();
  }

  private checkRange(
    from: string | undefined,
    to: string | undefined,
  ): { from: number | null; to: number | null; fromMonth: string | null; toMonth: string | null } {
    const fromMs = from ? Date.parse(from) : null;
    const toMs = to ? Date.parse(to) : null;
    if ((from && Number.isNaN(fromMs)) || (to && Number.isNaN(toMs))) {
      throw new DoormanError('invalidInput', 'That date is not valid.', { fields: ['from', 'to'] });
    }
    if (fromMs !== null && toMs !== null && fromMs > toMs) {
      throw new DoormanError('invalidInput', 'The start of the range is after its end.', {
        fields: ['from', 'to'],
      });
    }
    return {
      from: fromMs,
      to: toMs,
      // Entry times are UTC; a month file is named after the UTC month of its entries.
      fromMonth: fromMs !== null ? new Date(fromMs).toISOString().slice(0, 7) : null,
      toMonth: toMs !== null ? new Date(toMs).toISOString().slice(0, 7) : null,
    };
  }

  private matches(
    entry: ActivityEntry,
    filter: ActivityFilter,
    range: { from: number | null; to: number | null },
  ): boolean {
    if (filter.accountId && entry.accountId !== filter.accountId) return false;
    if (filter.kinds && filter.kinds.length && !filter.kinds.includes(entry.kind)) return false;
    const at = Date.parse(entry.at);
    if (range.from !== null && at < range.from) return false;
    if (range.to !== null && at > range.to) return false;
    return true;
  }

  private month(month: string): JsonStore<MonthDocument> {
    let store = this.months.get(month);
    if (!store) {
      store = new JsonStore<MonthDocument>({
        dir: this.dir,
        name: `activity-${month}`,
        schema: monthDocumentSchema,
        defaults: () => ({ entries: [] }),
        version: 1,
        notices: this.deps.notices,
        clock: this.deps.clock,
      });
      this.months.set(month, store);
    }
    return store;
  }
}
