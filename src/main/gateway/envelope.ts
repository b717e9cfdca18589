import { z } from 'zod';

/**
 * Reads the gateway's two envelope forms (GATEWAY.md):
 *
 *   plain:  { statusCode, message, data, timestamp }
 *   nested: { statusCode, message, data: { status_code, data: { success, response } }, … }
 *
 * The outer `statusCode` is not trusted (seed 002 answers HTTP 200 with `statusCode: 201`).
 * Success = HTTP 2xx AND (no inner `success` OR inner `success === true`).
 */

export type Answer =
  | { kind: 'success'; data: unknown }
  | { kind: 'failure'; status: number; message: string | null }
  | { kind: 'malformed'; reason: string };

const messageSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((m) => (Array.isArray(m) ? m.join('; ') : m));

const outerSchema = z.object({
  statusCode: z.union([z.number(), z.string()]).optional(),
  message: messageSchema.nullish(),
  data: z.unknown().optional(),
});

const innerErrorSchema = z
  .union([
    z.string(),
    z.object({
      details: z.string().optional(),
      message: z.string().optional(),
    }),
  ])
  .nullish();

const nestedSchema = z.object({
  status_code: z.union([z.number(), z.string()]).optional(),
  data: z.object({
    success: z.boolean().optional(),
    response: z.unknown().optional(),
    error: z.unknown().optional(),
    message: z.string().optional(),
  }),
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Does `data` look like the nested form (rather than a plain payload that has a `data` key)? */
function looksNested(data: unknown): boolean {
  if (!isRecord(data) || !isRecord(data.data)) return false;
  return 'status_code' in data || 'success' in data.data || 'response' in data.data;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function innerErrorMessage(inner: z.infer<typeof nestedSchema>['data']): string | null {
  const parsed = innerErrorSchema.safeParse(inner.error);
  if (parsed.success && parsed.data) {
    if (typeof parsed.data === 'string') return parsed.data;
    return parsed.data.details ?? parsed.data.message ?? null;
  }
  return inner.message ?? null;
}

export function readAnswer(httpStatus: number, bodyText: string): Answer {
  const json = bodyText.trim() === '' ? null : parseJson(bodyText);
  const ok2xx = httpStatus >= 200 && httpStatus < 300;

  if (!ok2xx) {
    // The HTTP status decides; the body only lends its message, if it has a readable one.
    const outer = json?.ok ? outerSchema.safeParse(json.value) : null;
    return {
      kind: 'failure',
      status: httpStatus,
      message: outer?.success ? (outer.data.message ?? null) : null,
    };
  }

  if (json === null) return { kind: 'success', data: null };
  if (!json.ok) return { kind: 'malformed', reason: 'body is not JSON' };
  if (!isRecord(json.value)) return { kind: 'malformed', reason: 'body is not an object' };
  if (!('data' in json.value)) {
    // `{ statusCode, message }` without data: a bare acknowledgement (e.g. after a DELETE).
    // Routes that need a payload then fail in mapping; a revoke that happened still succeeds.
    if ('statusCode' in json.value || 'message' in json.value) {
      const ack = outerSchema.safeParse(json.value);
      return ack.success
        ? { kind: 'success', data: null }
        : { kind: 'malformed', reason: 'envelope fields have wrong types' };
    }
    return { kind: 'malformed', reason: 'body is not the gateway envelope' };
  }
  const outer = outerSchema.safeParse(json.value);
  if (!outer.success) return { kind: 'malformed', reason: 'envelope fields have wrong types' };

  if (!looksNested(outer.data.data)) return { kind: 'success', data: outer.data.data };

  const nested = nestedSchema.safeParse(outer.data.data);
  if (!nested.success) return { kind: 'malformed', reason: 'nested envelope has wrong types' };
  const inner = nested.data.data;
  if (inner.success === false) {
    const innerStatus = Number(nested.data.status_code);
    return {
      kind: 'failure',
      status: innerStatus >= 400 && innerStatus < 600 ? innerStatus : 400,
      message: innerErrorMessage(inner),
    };
  }
  return { kind: 'success', data: inner.response ?? null };
}
