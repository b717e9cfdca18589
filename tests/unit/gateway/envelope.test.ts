import { describe, expect, it } from 'vitest';
import { readAnswer } from '../../../src/main/gateway/envelope';
import { GatewayError, classifyFailure } from '../../../src/main/gateway/errors';
import {
  MappingError,
  mapConnectResult,
  mapCreatedManagementSession,
  mapTwoFactorCodeSent,
  toEpochMs,
} from '../../../src/main/gateway/mapping';
import { ROUTES, buildPath, routeKey } from '../../../src/main/gateway/routes';

/** The success answer of seed 002, byte for byte. */
const SEED_002 = `{
  "statusCode": 201,
  "message": "Success",
  "data": {
    "status_code": 200,
    "data": {
      "success": true,
      "response": {
        "emailTwofa": {
          "id": "87584xxxxxxxxx",
          "token": "ODc1ODQwNzUxxxxxxxxxxxxxxxxxxxxxxx",
          "email": "a*********y@g****.com",
          "type": 2
        }
      }
    }
  },
  "timestamp": "2026-02-05T17:04:27.908Z"
}`;

describe('readAnswer', () => {
  it('parses the seed 002 answer exactly (HTTP 200, statusCode 201, inner status_code 200)', () => {
    const answer = readAnswer(200, SEED_002);
    expect(answer).toEqual({
      kind: 'success',
      data: {
        emailTwofa: {
          id: '87584xxxxxxxxx',
          token: 'ODc1ODQwNzUxxxxxxxxxxxxxxxxxxxxxxx',
          email: 'a*********y@g****.com',
          type: 2,
        },
      },
    });
    if (answer.kind !== 'success') return;
    expect(mapTwoFactorCodeSent(answer.data)).toEqual({
      id: '87584xxxxxxxxx',
      token: 'ODc1ODQwNzUxxxxxxxxxxxxxxxxxxxxxxx',
      maskedEmail: 'a*********y@g****.com',
      type: 2,
    });
  });

  it('reads the plain envelope', () => {
    const body = JSON.stringify({
      statusCode: 200,
      message: 'ok',
      data: [{ id: 1 }],
      timestamp: 'x',
    });
    expect(readAnswer(200, body)).toEqual({ kind: 'success', data: [{ id: 1 }] });
  });

  it('a plain payload that merely has a `data` key is not mistaken for the nested form', () => {
    const body = JSON.stringify({ statusCode: 200, data: { data: [1, 2] } });
    expect(readAnswer(200, body)).toEqual({ kind: 'success', data: { data: [1, 2] } });
  });

  it('HTTP 2xx with inner success false is a failure, with the inner status and message', () => {
    const body = JSON.stringify({
      statusCode: 200,
      data: { status_code: 403, data: { success: false, error: { details: 'Needs 2FA' } } },
    });
    expect(readAnswer(200, body)).toEqual({ kind: 'failure', status: 403, message: 'Needs 2FA' });
    const noStatus = JSON.stringify({ data: { data: { success: false } } });
    expect(readAnswer(201, noStatus)).toEqual({ kind: 'failure', status: 400, message: null });
  });

  it('non-2xx: the HTTP status decides, whatever the body says', () => {
    const lying = JSON.stringify({ statusCode: 200, message: 'Success', data: { ok: true } });
    expect(readAnswer(500, lying)).toEqual({ kind: 'failure', status: 500, message: 'Success' });
    expect(readAnswer(502, '<html>')).toEqual({ kind: 'failure', status: 502, message: null });
    const nest = JSON.stringify({ statusCode: 400, message: ['a is bad', 'b is bad'], data: null });
    expect(readAnswer(400, nest)).toEqual({
      kind: 'failure',
      status: 400,
      message: 'a is bad; b is bad',
    });
  });

  it.each([
    ['not JSON', '{"statusCode":200,"data":[{"id":'],
    ['a bare array', '[1,2]'],
    ['a string', '"ok"'],
    ['an object that is no envelope', '{"ok":true}'],
    ['an acknowledgement with wrong types', '{"statusCode":{},"message":5}'],
    ['wrong field types', '{"statusCode":{},"data":1}'],
    ['inner success not a boolean', '{"data":{"status_code":200,"data":{"success":"yes"}}}'],
  ])('2xx with %s is malformed', (_what, body) => {
    expect(readAnswer(200, body).kind).toBe('malformed');
  });

  it('an empty 2xx body, or an envelope without data, is success with no data (a bare DELETE)', () => {
    expect(readAnswer(204, '')).toEqual({ kind: 'success', data: null });
    expect(readAnswer(200, '{"statusCode":200,"message":"Deleted"}')).toEqual({
      kind: 'success',
      data: null,
    });
  });
});

describe('classifyFailure', () => {
  it.each([
    [401, '', false, 'unauthorized'],
    [403, 'Two-factor verification required (2FA)', true, 'twoFactorRequired'],
    [403, 'please complete TWO-FACTOR first', false, 'twoFactorRequired'],
    [403, 'Monthly credit quota exhausted', false, 'quotaExhausted'],
    [403, 'no permission', false, 'forbidden'],
    [404, 'Cannot GET /x', true, 'unsupported'],
    [405, '', true, 'unsupported'],
    [404, 'Account not found', false, 'notFound'],
    [405, '', false, 'notFound'],
    [408, '', false, 'timeout'],
    [429, 'Rate limit exceeded. Please wait before making more requests.', false, 'rateLimited'],
    [429, 'Your credits are used up', false, 'quotaExhausted'],
    [500, '', false, 'server'],
    [503, '', true, 'server'],
    [400, 'Invalid two-factor code', false, 'badRequest'],
    [422, '', false, 'badRequest'],
  ] as const)('%i "%s" (assumed: %s) → %s', (status, message, assumed, code) => {
    expect(classifyFailure(status, message, assumed)).toBe(code);
  });

  it('every error message is a plain sentence that names no URL or body', () => {
    for (const code of [
      'unauthorized',
      'forbidden',
      'twoFactorRequired',
      'notFound',
      'unsupported',
      'badRequest',
      'rateLimited',
      'quotaExhausted',
      'server',
      'network',
      'timeout',
      'malformed',
    ] as const) {
      const error = new GatewayError(code, { gatewayMessage: 'https://x.invalid/secret' });
      expect(error.message).toMatch(/^[A-Z].*\.$/);
      expect(error.message).not.toMatch(/https?:|\{|secret/);
      expect(error.toAppError()).toEqual({ code, message: error.message });
    }
  });
});

describe('mapping', () => {
  it('times: seconds, milliseconds, numeric strings and ISO all become epoch ms', () => {
    expect(toEpochMs(1_700_000_000)).toBe(1_700_000_000_000);
    expect(toEpochMs(1_700_000_000_123)).toBe(1_700_000_000_123);
    // Microseconds and nanoseconds (clocks that count finer) land on the same instant.
    expect(toEpochMs(1_700_000_000_123_000)).toBe(1_700_000_000_123);
    expect(toEpochMs('1700000000123000000')).toBe(1_700_000_000_123);
    // Nothing a Date cannot hold comes out: it would throw when written as ISO text.
    expect(toEpochMs(1e21)).toBeNull();
    expect(toEpochMs(Number.MAX_VALUE)).toBeNull();
    expect(toEpochMs('1700000000123')).toBe(1_700_000_000_123);
    expect(toEpochMs('2026-02-05T17:04:27.908Z')).toBe(Date.parse('2026-02-05T17:04:27.908Z'));
    expect(toEpochMs('soon')).toBeNull();
    expect(toEpochMs(null)).toBeNull();
    expect(toEpochMs(-5)).toBeNull();
  });

  it('a connect challenge in other spellings is still a challenge; one without a token is malformed', () => {
    expect(
      mapConnectResult({ requires2fa: 1, twoFactorToken: 'tok', maskedEmail: 'a***@b.c' }),
    ).toEqual({ kind: 'twoFactorRequired', twoFactorToken: 'tok', deliveryHint: 'a***@b.c' });
    expect(() => mapConnectResult({ requires_2fa: true })).toThrow(MappingError);
    expect(mapConnectResult({ account: { id: 'fansly_1', username: 'u' } })).toMatchObject({
      kind: 'connected',
      account: { accountId: 'fansly_1', username: 'u', nativeId: null },
    });
  });

  it('a created session whose link is not https is malformed (it would be copied for a person)', () => {
    const base = { id: '1', label: 'x', permissions: ['posts'] };
    expect(() => mapCreatedManagementSession({ ...base, link: 'javascript:alert(1)' })).toThrow(
      MappingError,
    );
    expect(() => mapCreatedManagementSession(base)).toThrow(MappingError);
    expect(
      mapCreatedManagementSession({
        ...base,
        link: 'https://fansly.com/managementsession/claim/ab',
      }).link,
    ).toBe('https://fansly.com/managementsession/claim/ab');
  });
});

describe('routes table', () => {
  it('marks exactly the routes GATEWAY.md calls assumed', () => {
    const assumed = Object.entries(ROUTES)
      .filter(([, spec]) => spec.status === 'assumed')
      .map(([name]) => routeKey(name as keyof typeof ROUTES))
      .sort();
    expect(assumed).toEqual(
      [
        'GET /{accountId}/sessions',
        'POST /{accountId}/sessions/close',
        'GET /{accountId}/management/sessions',
        'POST /{accountId}/management/sessions',
        'PATCH /{accountId}/management/sessions/{id}',
        'DELETE /{accountId}/management/sessions/{id}',
        'GET /{accountId}/management/permissions',
      ].sort(),
    );
  });

  it('encodes path values and refuses empty ones', () => {
    expect(buildPath('profile', { accountId: 'a/b?c' })).toBe('/a%2Fb%3Fc/me');
    expect(() => buildPath('profile', { accountId: '' })).toThrow();
    expect(() => buildPath('profile')).toThrow();
  });
});
