import type { TwoFactorProof } from '../gateway/types';

/**
 * The 2FA step-up handoff. The renderer never sees a gateway 2FA token: main keeps each
 * challenge under a random id, the renderer sends the code against that id, and a feature
 * that needs proof (editing a management session) consumes the verified challenge once.
 */
export interface TwoFactorChallenges {
  /** Returns the proof for a verified, unexpired challenge of this account and forgets it. Throws DoormanError otherwise. */
  consumeVerified(accountId: string, challengeId: string): TwoFactorProof;
}
