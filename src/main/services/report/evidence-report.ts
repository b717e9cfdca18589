import type { ActivityEntry, ExportedFile, ReportFormat } from '../../../shared/contract/activity';
import type { IssuedSession } from '../../../shared/contract/managers';
import type { Note } from '../../../shared/contract/notes';
import type { Manager } from '../../../shared/domain/manager';
import type { NoteTarget } from '../../../shared/domain/note-target';
import { DoormanError } from '../../../shared/errors';
import { redact } from '../../platform/log';
import type { ActivityRecorder } from '../activity-recorder';
import type { ActivityService } from '../activity/activity-service';
import type { ManagersService } from '../managers/managers-service';
import type { NotesService } from '../notes/notes-service';

/** Ranges longer than this are refused: a report is for a dispute, not an archive dump. */
const MAX_RANGE_DAYS = 3660;

export interface EvidenceReport {
  app: 'doorman';
  kind: 'evidenceReport';
  generatedAt: string;
  appVersion: string;
  range: { from: string; to: string };
  accountId: string | null;
  /** Null when the sessions feature could not be asked: unknown, not "none". */
  sessions: IssuedSession[] | null;
  managers: Manager[];
  accessHistory: ActivityEntry[];
  notes: Note[];
}

export interface ReportServiceDeps {
  activity: ActivityService;
  notes: NotesService;
  managers: ManagersService;
  recorder: ActivityRecorder;
  clock: () => Date;
  appVersion: string;
  /** The ids of an account's login sessions as Doorman knows them (notes may be on them). */
  loginSessionIds?: (accountId: string) => string[];
}

function targetLabel(target: NoteTarget): string {
  return target.kind === 'none' ? 'free-standing' : `${target.kind} ${target.id}`;
}

/** Markdown table cells: one line, no pipes that would break the table. */
function cell(value: string | null | undefined): string {
  return (value ?? '').replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/**
 * The evidence report for a platform's support or a dispute: what happened in a date range,
 * which sessions existed and with what access, and the creator's notes. Built only from
 * local records that never hold the API key or a session link; the result still passes the
 * log redactor as a last guard.
 */
export class ReportService {
  constructor(private readonly deps: ReportServiceDeps) {}

  async build(input: { from: string; to: string; accountId?: string }): Promise<EvidenceReport> {
    const from = Date.parse(input.from);
    const to = Date.parse(input.to);
    if (Number.isNaN(from) || Number.isNaN(to)) {
      throw new DoormanError('invalidInput', 'Choose a start and an end date.', {
        fields: ['from', 'to'],
      });
    }
    if (from > to) {
      throw new DoormanError('invalidInput', 'The start of the range is after its end.', {
        fields: ['from', 'to'],
      });
    }
    if (to - from > MAX_RANGE_DAYS * 86_400_000) {
      throw new DoormanError('invalidInput', 'A report can cover at most ten years.', {
        fields: ['from', 'to'],
      });
    }
    const accountId = input.accountId ?? null;
    const port = this.deps.managers.sessionsPort();
    let sessions: IssuedSession[] | null = null;
    if (port) {
      try {
        sessions = (await port.allSessions()).filter((s) => {
          if (accountId && s.accountId !== accountId) return false;
          const created = s.createdAt ? Date.parse(s.createdAt) : -Infinity;
          const ended = s.endedAt ? Date.parse(s.endedAt) : Infinity;
          return created <= to && ended >= from;
        });
      } catch {
        sessions = null;
      }
    }
    const managerIds = new Set((sessions ?? []).map((s) => s.managerId).filter(Boolean));
    const managers = this.deps.managers
      .list()
      .filter((m) => !accountId || managerIds.has(m.id))
      .filter((m) => Date.parse(m.createdAt) <= to);
    const sessionIds = new Set((sessions ?? []).map((s) => s.sessionId));
    const loginIds = new Set(accountId ? (this.deps.loginSessionIds?.(accountId) ?? []) : []);
    const notes = this.deps.notes
      .all()
      .filter((n) => Date.parse(n.createdAt) <= to)
      .filter((n) => {
        if (!accountId) return true;
        const t = n.target;
        return (
          (t.kind === 'account' && t.id === accountId) ||
          (t.kind === 'session' && sessionIds.has(t.id)) ||
          // "This login was not me": exactly what a dispute about access needs.
          (t.kind === 'loginSession' && loginIds.has(t.id)) ||
          (t.kind === 'manager' && managerIds.has(t.id))
        );
      })
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
    return {
      app: 'doorman',
      kind: 'evidenceReport',
      generatedAt: this.deps.clock().toISOString(),
      appVersion: this.deps.appVersion,
      range: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
      accountId,
      sessions,
      managers,
      accessHistory: this.deps.activity.entriesBetween(input.from, input.to, input.accountId),
      notes,
    };
  }

  async export(input: {
    from: string;
    to: string;
    format: ReportFormat;
    accountId?: string;
  }): Promise<ExportedFile> {
    const report = await this.build(input);
    const day = (iso: string) => iso.slice(0, 10);
    const base = `doorman-report-${day(report.range.from)}-to-${day(report.range.to)}`;
    const file: ExportedFile =
      input.format === 'json'
        ? {
            fileName: `${base}.json`,
            mimeType: 'application/json',
            content: JSON.stringify(report, null, 2),
          }
        : { fileName: `${base}.md`, mimeType: 'text/markdown', content: toMarkdown(report) };
    file.content = redact(file.content);
    this.deps.recorder.record({
      kind: 'reportExported',
      accountId: report.accountId,
      summary: `${day(report.range.from)} – ${day(report.range.to)} (${input.format})`,
      params: { from: report.range.from, to: report.range.to, format: input.format },
    });
    return file;
  }
}

export function toMarkdown(report: EvidenceReport): string {
  const lines: string[] = [];
  const managerName = new Map(report.managers.map((m) => [m.id, m.name]));
  lines.push('# Doorman evidence report', '');
  lines.push(`- Period: ${report.range.from} – ${report.range.to}`);
  lines.push(`- Account: ${report.accountId ?? 'all accounts'}`);
  lines.push(`- Generated: ${report.generatedAt} by Doorman ${report.appVersion}`, '');

  lines.push('## Access history', '');
  if (!report.accessHistory.length) lines.push('No recorded activity in this period.');
  else {
    lines.push('| Time (UTC) | Event | Account | Subject | Result | Details |');
    lines.push('| --- | --- | --- | --- | --- | --- |');
    for (const e of report.accessHistory) {
      lines.push(
        `| ${e.at} | ${e.kind} | ${cell(e.accountId)} | ${cell(e.subjectId)} | ${e.result} | ${cell(e.summary)} |`,
      );
    }
  }
  lines.push('');

  lines.push('## Management sessions and their access levels', '');
  if (report.sessions === null) lines.push('Session records were not available for this report.');
  else if (!report.sessions.length) lines.push('No management sessions in this period.');
  else {
    lines.push('| Session | Account | Manager | Status | Created | Ended | Access |');
    lines.push('| --- | --- | --- | --- | --- | --- | --- |');
    for (const s of report.sessions) {
      const manager = s.managerId ? (managerName.get(s.managerId) ?? s.managerId) : '';
      lines.push(
        `| ${cell(s.label || s.sessionId)} | ${cell(s.accountId)} | ${cell(manager)} | ${cell(s.status)} | ${cell(s.createdAt)} | ${cell(s.endedAt)} | ${cell(s.permissions.join(', '))} |`,
      );
    }
  }
  lines.push('');

  lines.push('## Managers', '');
  if (!report.managers.length) lines.push('No managers recorded.');
  for (const m of report.managers) {
    const parts = [m.organisation, m.role, m.contact].filter(Boolean).join(' · ');
    const contract = `contract ${m.contractStart ?? '?'} – ${m.contractEnd ?? 'open'}`;
    const off = m.offboardedAt ? `, offboarded ${m.offboardedAt}` : '';
    lines.push(`- **${cell(m.name)}**${parts ? ` (${cell(parts)})` : ''}: ${contract}${off}`);
  }
  lines.push('');

  lines.push('## Notes', '');
  if (!report.notes.length) lines.push('No notes.');
  for (const n of report.notes) {
    lines.push(
      `### Note on ${targetLabel(n.target)} (written ${n.createdAt}, last changed ${n.updatedAt})`,
      '',
    );
    // Indented as a code block so the note's own Markdown cannot restructure the report.
    lines.push(...n.text.split('\n').map((line) => `    ${line}`), '');
  }
  return lines.join('\n');
}
