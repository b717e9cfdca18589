import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src/main/platform/log';
import {
  TWO_FACTOR_CHALLENGE_TTL_MS,
  TwoFactorService,
} from '../../../src/main/services/two-factor';
import { twoFactorCodeSchema } from '../../../src/shared/contract';
import { createHandGateway } from '../accounts/hand-gateway';

const KEY = 'fk_live_twofa_key_1234';

function setup() {
  let now = new Date('2026-11-23T10:00:00Z');
  const gateway = createHandGateway({ validKey: KEY, apiKey: async () => KEY });
  gateway.accounts.set('fansly_a', {
    accountId: 'fansly_a',
    nativeId: '1',
    username: 'a',
    displayName: null,
    label: null,
    status: 'active',
  });
  const log = createMemoryLogger();
  const twoFactor = new TwoFactorService({ gateway: gateway.client, log, clock: () => now });
  return {
    twoFactor,
    gateway,
    log,
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}

describe('2FA code step', () => {
  it('sends a code as seed 002 and answers only a challenge id and the masked e-mail', async () => {
    const { twoFactor, gateway } = setup();
    const sent = await twoFactor.send('fansly_a');
    expect(sent.maskedEmail).toBe('a*********y@g****.com');
    expect(JSON.stringify(sent)).not.toMatch(/stepup-token/);
    expect(gateway.calls.map((c) => c.method)).toEqual(['sendTwoFactorCode']);
  });

  it('a wrong code keeps the challenge open; the right code verifies; the proof is handed out once', async () => {
    const { twoFactor, gateway } = setup();
    const { challengeId } = await twoFactor.send('fansly_a');
    expect(() => twoFactor.consumeVerified('fansly_a', challengeId)).toThrow(
      expect.objectContaining({ code: 'twoFactorRequired' }),
    );
    expect(await twoFactor.verify({ accountId: 'fansly_a', challengeId, code: '000000' })).toEqual({
      status: 'wrongCode',
      triesLeft: 4,
    });
    expect(await twoFactor.verify({ accountId: 'fansly_a', challengeId, code: '135790' })).toEqual({
      status: 'verified',
    });
    const verifyCall = gateway.calls.filter((c) => c.method === 'verifyTwoFactorCode').at(-1);
    expect(verifyCall?.args[1]).toMatchObject({ code: '135790', mode: 1 });

    const proof = twoFactor.consumeVerified('fansly_a', challengeId);
    expect(proof.code).toBe('135790');
    expect(proof.token).toMatch(/^stepup-token-/);
    expect(() => twoFactor.consumeVerified('fansly_a', challengeId)).toThrow();
  });

  it('a verified challenge is not handed to another account', async () => {
    const { twoFactor } = setup();
    const { challengeId } = await twoFactor.send('fansly_a');
    await twoFactor.verify({ accountId: 'fansly_a', challengeId, code: '135790' });
    expect(() => twoFactor.consumeVerified('fansly_b', challengeId)).toThrow();
    await expect(
      twoFactor.verify({ accountId: 'fansly_b', challengeId, code: '135790' }),
    ).rejects.toMatchObject({ code: 'notFound' });
    expect(twoFactor.consumeVerified('fansly_a', challengeId).code).toBe('135790');
  });

  it('resending replaces the pending challenge; the old id ends', async () => {
    const { twoFactor } = setup();
    const first = await twoFactor.send('fansly_a');
    const second = await twoFactor.send('fansly_a');
    await expect(
      twoFactor.verify({ accountId: 'fansly_a', challengeId: first.challengeId, code: '135790' }),
    ).rejects.toMatchObject({ code: 'notFound' });
    expect(
      await twoFactor.verify({
        accountId: 'fansly_a',
        challengeId: second.challengeId,
        code: '135790',
      }),
    ).toEqual({ status: 'verified' });
  });

  it('closes after five wrong codes, and expires after ten minutes', async () => {
    const { twoFactor, advance } = setup();
    const { challengeId } = await twoFactor.send('fansly_a');
    for (let i = 4; i >= 0; i--) {
      expect(await twoFactor.verify({ accountId: 'fansly_a', challengeId, code: '1111' })).toEqual({
        status: 'wrongCode',
        triesLeft: i,
      });
    }
    await expect(
      twoFactor.verify({ accountId: 'fansly_a', challengeId, code: '135790' }),
    ).rejects.toMatchObject({ code: 'notFound' });

    const next = await twoFactor.send('fansly_a');
    await twoFactor.verify({
      accountId: 'fansly_a',
      challengeId: next.challengeId,
      code: '135790',
    });
    advance(TWO_FACTOR_CHALLENGE_TTL_MS + 1);
    expect(() => twoFactor.consumeVerified('fansly_a', next.challengeId)).toThrow(
      expect.objectContaining({ code: 'twoFactorRequired' }),
    );
  });

  it('an unreachable gateway during verify keeps the challenge', async () => {
    const { twoFactor, gateway } = setup();
    const { challengeId } = await twoFactor.send('fansly_a');
    gateway.setOffline('network');
    await expect(
      twoFactor.verify({ accountId: 'fansly_a', challengeId, code: '135790' }),
    ).rejects.toMatchObject({ code: 'network' });
    gateway.setOffline(null);
    expect(
      (await twoFactor.verify({ accountId: 'fansly_a', challengeId, code: '135790' })).status,
    ).toBe('verified');
  });

  it('never logs the gateway token', async () => {
    const { twoFactor, log } = setup();
    const { challengeId } = await twoFactor.send('fansly_a');
    await twoFactor.verify({ accountId: 'fansly_a', challengeId, code: '135790' });
    expect(log.lines.join('\n')).not.toMatch(/stepup-token/);
  });

  it('accepts codes of 4 to 10 digits, ignoring spaces and dashes people paste', () => {
    expect(twoFactorCodeSchema.parse(' 123 456 ')).toBe('123456');
    expect(twoFactorCodeSchema.parse('12-34')).toBe('1234');
    for (const bad of ['123', '12345678901', 'abcdef', '12a456', '']) {
      expect(twoFactorCodeSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
