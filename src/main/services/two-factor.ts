import { TWO_FACTOR_MAX_TRIES, type CodeCheck, type TwoFactorSent } from '../../shared/contract';
import { DoormanError } from '../../shared/errors';
import type { GatewayClient, TwoFactorProof } from '../gateway/types';
import { forgetSecret, registerSecret, type Logger } from '../platform/log';
import type { TwoFactorChallenges } from './two-factor-types';
import { isWrongCodeFailure, PendingChallenges } from './two-factor-store';

/**
 * The reusable 2FA code step (seed 002): send a one-time code to the account's e-mail,
 * check the code the creator types, and hand the verified proof once to the feature that
 * needs it (editing a management session). The gateway's token never leaves main.
 */
export const TWO_FACTOR_CHALLENGE_TTL_MS = 10 * 60_000;

interface CodeChallenge {
  accountId: string;
  token: string;
  /** Set once the gateway accepted a code; the proof a step-up retry sends along. */
  verifiedCode: string | null;
}

export interface TwoFactorDeps {
  gateway: Pick<GatewayClient, 'sendTwoFactorCode' | 'verifyTwoFactorCode'>;
  log: Logger;
  clock: () => Date;
}

export class TwoFactorService implements TwoFactorChallenges {
  private readonly challenges: PendingChallenges<CodeChallenge>;

  constructor(private readonly deps: TwoFactorDeps) {
    this.challenges = new PendingChallenges<CodeChallenge>({
      clock: deps.clock,
      ttlMs: TWO_FACTOR_CHALLENGE_TTL_MS,
      maxTries: TWO_FACTOR_MAX_TRIES,
      onDrop: (challenge) => {
        forgetSecret(challenge.data.token);
        challenge.data.token = '';
        challenge.data.verifiedCode = null;
      },
    });
  }

  stop(): void {
    this.challenges.clear();
  }

  async send(accountId: string): Promise<TwoFactorSent> {
    const sent = await this.deps.gateway.sendTwoFactorCode(accountId);
    if (!sent.token) {
      throw new DoormanError('malformed', 'The gateway did not say which code it sent.');
    }
    registerSecret(sent.token);
    // A new code replaces the one not yet typed for this account (resend).
    this.challenges.dropWhere(
      (c) => c.data.accountId === accountId && c.data.verifiedCode === null,
    );
    const challenge = this.challenges.open({ accountId, token: sent.token, verifiedCode: null });
    this.deps.log.info('twofa: a one-time code was sent');
    return {
      challengeId: challenge.id,
      maskedEmail: sent.maskedEmail,
      expiresAt: challenge.expiresAt.toISOString(),
    };
  }

  async verify(input: {
    accountId: string;
    challengeId: string;
    code: string;
  }): Promise<CodeCheck> {
    const challenge = this.challenges.get(input.challengeId);
    if (!challenge || challenge.data.accountId !== input.accountId) {
      throw new DoormanError(
        'notFound',
        'This code request has ended (it expired or was replaced). Send a new code.',
      );
    }
    if (challenge.data.verifiedCode !== null) return { status: 'verified' };
    try {
      // `mode: 1` as in the gateway's only example (GATEWAY.md: meaning undocumented).
      await this.deps.gateway.verifyTwoFactorCode(input.accountId, {
        token: challenge.data.token,
        code: input.code,
        mode: 1,
      });
    } catch (error) {
      if (isWrongCodeFailure(error)) {
        const triesLeft = this.challenges.wrongCode(challenge.id);
        this.deps.log.info(`twofa: wrong code (${triesLeft} tries left)`);
        return { status: 'wrongCode', triesLeft };
      }
      throw error;
    }
    challenge.data.verifiedCode = input.code;
    this.deps.log.info('twofa: code verified');
    return { status: 'verified' };
  }

  cancel(challengeId: string): void {
    this.challenges.drop(challengeId);
  }

  consumeVerified(accountId: string, challengeId: string): TwoFactorProof {
    const challenge = this.challenges.get(challengeId);
    if (
      !challenge ||
      challenge.data.accountId !== accountId ||
      challenge.data.verifiedCode === null
    ) {
      throw new DoormanError('twoFactorRequired', 'Confirm this change with a new 2FA code first.');
    }
    const proof = { token: challenge.data.token, code: challenge.data.verifiedCode };
    this.challenges.drop(challengeId);
    return proof;
  }
}
