import { z } from 'zod';
import { overallStateSchema } from '../domain/checklist';
import { accountSchema } from './accounts';
import { channel, idSchema } from './define';
import { lockdownRunSchema } from './lockdown';
import { managementSessionSchema, trackingModeSchema } from './sessions';

/**
 * The start screen in one answer: who can get into the shown account (its active management
 * sessions), with what power (their permissions), and whether the account is locked down
 * (its checklist state, a lockdown under way). Read from what Doorman already knows, never
 * from the gateway, so it answers at once and costs no credits; the renderer refreshes
 * stale parts afterwards and reloads on `stateChanged`.
 */
export const overviewInputSchema = z.object({
  /** The account the creator chose; null (or one no longer connected) shows the first. */
  accountId: idSchema.nullable(),
});
export type OverviewInput = z.input<typeof overviewInputSchema>;

/** An active management session as the start screen lists it (no history, no link). */
export const overviewSessionSchema = managementSessionSchema.pick({
  id: true,
  label: true,
  permissions: true,
  managerId: true,
  createdAt: true,
  lastUsedAt: true,
  reviewBy: true,
  createdInDoorman: true,
  source: true,
});
export type OverviewSession = z.infer<typeof overviewSessionSchema>;

export const overviewSchema = z.object({
  /** False until an API key is saved: the start screen is onboarding then. */
  keySet: z.boolean(),
  /** The accounts as last listed (cached; `accounts:list` refreshes them). */
  accounts: z.array(accountSchema),
  /** The account shown; null when none is connected. */
  accountId: z.string().nullable(),
  management: z
    .object({
      mode: trackingModeSchema,
      asOf: z.string().nullable(),
      offline: z.boolean(),
      /** Active sessions, newest first. */
      active: z.array(overviewSessionSchema),
      /** Revoked and ended ones, counted only. */
      closedCount: z.number().int().min(0),
    })
    .nullable(),
  logins: z
    .object({
      mode: trackingModeSchema,
      asOf: z.string().nullable(),
      open: z.number().int().min(0),
      /** Open login sessions the creator has not marked as recognised. */
      unrecognised: z.number().int().min(0),
    })
    .nullable(),
  security: z
    .object({
      overall: overallStateSchema,
      /** Checklist items of this account that need attention, and all of them. */
      needsAttention: z.number().int().min(0),
      total: z.number().int().min(0),
    })
    .nullable(),
  /** Names of the managers the listed sessions are linked to. */
  managers: z.array(z.object({ id: z.string().max(200), name: z.string().max(200) })),
  /** A lockdown under way or just finished (it lives until dismissed). */
  lockdown: lockdownRunSchema.pick({ status: true, startedAt: true }).nullable(),
});
export type Overview = z.infer<typeof overviewSchema>;

export const overviewContract = {
  'overview:get': channel(overviewInputSchema, overviewSchema),
} as const;
