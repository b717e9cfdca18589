/**
 * The main process's only logger. Everything it writes passes `redact`, which removes every
 * registered secret (API key, one-time links, credentials) and anything shaped like one,
 * so a secret that slips into an error message still never reaches a log.
 */
export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export type LogSink = (level: 'info' | 'warn' | 'error', line: string) => void;

const secrets = new Set<string>();

/** Registers a value that must never be logged. Short values are ignored (too many false hits). */
export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 6) secrets.add(value);
}

export function forgetSecret(value: string | undefined | null): void {
  if (value) secrets.delete(value);
}

const SHAPES: [RegExp, string][] = [
  [/(x-api-key["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, '$1[redacted]'],
  [/(managementsession\/claim\/)[^\s"'<>]+/gi, '$1[redacted]'],
  [
    /("?(?:password|twoFactorCode|twofa_token|twoFactorToken|token|code|apiKey|link)"?\s*[:=]\s*)"[^"]*"/gi,
    '$1"[redacted]"',
  ],
];

/**
 * The forms a secret takes in text: as is, URL-encoded (a link or key inside a query or
 * path) and JSON-escaped (inside a serialised body or detail). Longest first, so a form that
 * contains another is replaced whole.
 */
function formsOf(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  return [...forms].sort((a, b) => b.length - a.length);
}

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) {
    for (const form of formsOf(secret)) out = out.split(form).join('[redacted]');
  }
  for (const [pattern, replacement] of SHAPES) out = out.replace(pattern, replacement);
  return out;
}

function describe(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return ` ${detail.name}: ${detail.message}`;
  try {
    return ` ${JSON.stringify(detail)}`;
  } catch {
    return ' [unserialisable detail]';
  }
}

export function createLogger(sink: LogSink = consoleSink): Logger {
  const write = (level: 'info' | 'warn' | 'error', message: string, detail?: unknown) =>
    sink(level, redact(`${new Date().toISOString()} ${level} ${message}${describe(detail)}`));
  return {
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}

function consoleSink(level: 'info' | 'warn' | 'error', line: string): void {
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

/** A logger that keeps lines in memory: for tests that search logs for secrets. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger((_level, line) => lines.push(line));
  return Object.assign(logger, { lines });
}
