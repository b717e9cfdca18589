import { z } from 'zod';
import { channel, noInput } from './define';
import { appErrorSchema } from '../errors';

export const monitorStatusSchema = z.object({
  /**
   * idle: waiting for the next refresh; refreshing; offline: the last refresh could not reach
   * the gateway (refreshes pause, then probe at the interval); backingOff: the last refresh
   * failed, the next waits longer; stopped.
   */
  state: z.enum(['idle', 'refreshing', 'offline', 'backingOff', 'stopped']),
  lastRefreshAt: z.string().nullable(),
  nextRefreshAt: z.string().nullable(),
  lastError: appErrorSchema.nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
  intervalMinutes: z.number().int().positive(),
});
export type MonitorStatus = z.infer<typeof monitorStatusSchema>;

export const monitorContract = {
  'monitor:status': channel(noInput, monitorStatusSchema),
  /** Coalesces with a refresh already under way; never starts a second one. */
  'monitor:refreshNow': channel(noInput, monitorStatusSchema),
} as const;
