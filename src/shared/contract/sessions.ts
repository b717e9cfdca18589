import { z } from 'zod';
import { channel, idSchema, isoDateSchema, noOutput } from './define';
import { RISK_GRADES, RISK_REASONS } from '../domain/risk';

/** Label bounds; Fansly asks for a name that says who the session is for. */
export const SESSION_LABEL_MAX = 80;
export const SENT_TO_MAX = 200;
export const REVIEW_DEFAULT_DAYS = 30;
export const HISTORY_MAX = 100;

export const sessionLabelSchema = z
  .string()
  .trim()
  .min(1, 'The session needs a name.')
  .max(SESSION_LABEL_MAX, `A session name has at most ${SESSION_LABEL_MAX} characters.`);

export const permissionIdsSchema = z.array(z.string().trim().min(1).max(100)).max(100);

export const managementSessionStatusSchema = z.enum(['active', 'revoked', 'ended']);
export type ManagementSessionStatus = z.infer<typeof managementSessionStatusSchema>;

/** Ids of sessions recorded by hand start with this (never an id the gateway gives). */
export const MANUAL_SESSION_ID_PREFIX = 'manual_';

/** `gateway`: seen on or created through the gateway; `manual`: recorded by hand (fallback). */
export const sessionSourceSchema = z.enum(['gateway', 'manual']);
export type SessionSource = z.infer<typeof sessionSourceSchema>;

export const SESSION_HISTORY_KINDS = [
  'created',
  'recordedManually',
  'edited',
  'revoked',
  'revokedManually',
  'ended',
  'notFromDoorman',
  'stillActive',
  'linkLost',
  'detailsChanged',
] as const;
/**
 * What an `edited` or `detailsChanged` entry changed, as facts the renderer words in the UI
 * language. Entries written before these existed carry only the English `detail`.
 */
export const sessionHistoryChangesSchema = z.object({
  renamed: z
    .object({
      from: z.string().max(SESSION_LABEL_MAX * 2),
      to: z.string().max(SESSION_LABEL_MAX * 2),
    })
    .optional(),
  /** The new access level, permission ids. */
  permissions: z.array(z.string().max(100)).max(100).optional(),
  manager: z.literal(true).optional(),
  /** The new review-by day; null when the date was cleared. */
  reviewBy: isoDateSchema.nullable().optional(),
  sentTo: z.literal(true).optional(),
});
export type SessionHistoryChanges = z.infer<typeof sessionHistoryChangesSchema>;

export const sessionHistoryEntrySchema = z.object({
  at: z.string(),
  kind: z.enum(SESSION_HISTORY_KINDS),
  /** Plain English text, never a secret; the renderer shows it only where `changes` is absent. */
  detail: z.string().max(300).default(''),
  changes: sessionHistoryChangesSchema.optional(),
});
export type SessionHistoryEntry = z.infer<typeof sessionHistoryEntrySchema>;

/**
 * A management session as Doorman remembers it. Never holds the one-time link. Read by the
 * checklist and monitor (review-by dates, "not created in Doorman").
 */
export const managementSessionSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  label: z.string().max(SESSION_LABEL_MAX * 2),
  permissions: z.array(z.string().max(100)),
  managerId: z.string().max(200).nullable(),
  createdAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  status: managementSessionStatusSchema,
  reviewBy: isoDateSchema.nullable(),
  /** Where the creator sent the link ("Telegram to Anna"). Never the link itself. */
  sentTo: z.string().max(SENT_TO_MAX),
  createdInDoorman: z.boolean(),
  source: sessionSourceSchema,
  revokedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** Created on the gateway, but its one-time link never reached Doorman (a timed-out create). */
  linkLost: z.boolean(),
  history: z.array(sessionHistoryEntrySchema).max(HISTORY_MAX),
});
export type ManagementSession = z.infer<typeof managementSessionSchema>;

export const trackingModeSchema = z.enum(['gateway', 'manual']);
export type TrackingMode = z.infer<typeof trackingModeSchema>;

export const managementSessionListSchema = z.object({
  accountId: idSchema,
  /** `manual`: the gateway does not offer the session routes; records are kept by hand. */
  mode: trackingModeSchema,
  /** When the list last matched the gateway; null before the first refresh. */
  asOf: z.string().nullable(),
  /** True when the last refresh could not reach the gateway: the list is the last known one. */
  offline: z.boolean(),
  sessions: z.array(managementSessionSchema),
});
export type ManagementSessionList = z.infer<typeof managementSessionListSchema>;

export const permissionOptionSchema = z.object({
  id: z.string().max(100),
  /** The gateway's label, or the English built-in label; the renderer translates built-in ids. */
  label: z.string().max(200),
  /** The built-in permission this means, for translation and risk; null when unknown. */
  builtInId: z.string().max(100).nullable(),
});
export type PermissionOption = z.infer<typeof permissionOptionSchema>;

export const permissionCatalogueSchema = z.object({
  source: z.enum(['gateway', 'builtIn']),
  permissions: z.array(permissionOptionSchema),
});
export type PermissionCatalogue = z.infer<typeof permissionCatalogueSchema>;

export const riskAssessmentSchema = z.object({
  grade: z.enum(RISK_GRADES),
  reasons: z.array(z.enum(RISK_REASONS)),
});

const accountInput = z.object({ accountId: idSchema });
const sessionInput = z.object({ accountId: idSchema, sessionId: idSchema });
export const refreshInput = z.object({ accountId: idSchema, force: z.boolean().optional() });

export const createSessionInputSchema = z.object({
  accountId: idSchema,
  /** Client-generated once per create attempt: a repeated request never creates twice. */
  requestId: z.string().min(8).max(100),
  label: sessionLabelSchema,
  permissions: permissionIdsSchema.min(1, 'Choose at least one permission.'),
  managerId: z.string().max(200).nullable().default(null),
  reviewBy: isoDateSchema.nullable().default(null),
  /** Fansly's disclaimer must be accepted; anything else is refused. */
  disclaimerAccepted: z.literal(true),
  /** A verified 2FA challenge (twofa:verify) when the gateway asked for one. */
  twoFactorChallengeId: z.string().max(200).optional(),
});
export type CreateSessionInput = z.input<typeof createSessionInputSchema>;

export const createSessionResultSchema = z.object({
  session: managementSessionSchema,
  /** The one-time link. Present only in the first answer to a create; never stored. */
  link: z.string().max(2048).nullable(),
  /** Opaque token for `sessions:copyLink` while main still holds the link (a few minutes). */
  copyToken: z.string().max(100).nullable(),
  warnings: z.array(z.enum(['duplicateLabel'])),
  /** True for the repeat of a request that already finished: no new session was made. */
  repeated: z.boolean(),
});
export type CreateSessionResult = z.infer<typeof createSessionResultSchema>;

export const editSessionInputSchema = z.object({
  accountId: idSchema,
  sessionId: idSchema,
  label: sessionLabelSchema.optional(),
  permissions: permissionIdsSchema.min(1).optional(),
  twoFactorChallengeId: z.string().max(200).optional(),
});

export const updateSessionDetailsInputSchema = z.object({
  accountId: idSchema,
  sessionId: idSchema,
  managerId: z.string().max(200).nullable().optional(),
  reviewBy: isoDateSchema.nullable().optional(),
  sentTo: z.string().trim().max(SENT_TO_MAX).optional(),
});

export const recordManualSessionInputSchema = z.object({
  accountId: idSchema,
  label: sessionLabelSchema,
  permissions: permissionIdsSchema,
  /** The day it was created on fansly.com. */
  createdOn: isoDateSchema,
  managerId: z.string().max(200).nullable().default(null),
  reviewBy: isoDateSchema.nullable().default(null),
  sentTo: z.string().trim().max(SENT_TO_MAX).default(''),
});

export const revokeAllResultSchema = z.object({
  revoked: z.array(idSchema),
  failed: z.array(z.object({ sessionId: idSchema, code: z.string(), message: z.string() })),
});
export type RevokeAllResult = z.infer<typeof revokeAllResultSchema>;

/** Pages on fansly.com for the manual fallback (assumed paths: Fansly documents no deep links). */
export const FANSLY_MANAGEMENT_URL = 'https://fansly.com/creator/management';
export const FANSLY_LOGIN_SESSIONS_URL = 'https://fansly.com/settings/sessions';

export const sessionsContract = {
  /** The last-known list, from disk; no gateway call. */
  'sessions:list': channel(accountInput, managementSessionListSchema),
  /**
   * Asks the gateway and reconciles; offline, answers the last-known list with `offline`.
   * In manual mode the gateway is asked again at most hourly, unless `force` (the button).
   */
  'sessions:refresh': channel(refreshInput, managementSessionListSchema),
  'sessions:catalogue': channel(accountInput, permissionCatalogueSchema),
  'sessions:create': channel(createSessionInputSchema, createSessionResultSchema),
  'sessions:copyLink': channel(
    z.object({ copyToken: z.string().min(1).max(100) }),
    z.object({ clearsAfterSeconds: z.number() }),
  ),
  /** The creator closed the one-time link view: main drops its copy now. */
  'sessions:forgetLink': channel(z.object({ copyToken: z.string().min(1).max(100) }), noOutput),
  'sessions:edit': channel(editSessionInputSchema, managementSessionSchema),
  'sessions:updateDetails': channel(updateSessionDetailsInputSchema, managementSessionSchema),
  'sessions:revoke': channel(sessionInput, managementSessionSchema),
  'sessions:revokeAll': channel(accountInput, revokeAllResultSchema),
  'sessions:recordManual': channel(recordManualSessionInputSchema, managementSessionSchema),
  'sessions:markRevoked': channel(sessionInput, managementSessionSchema),
} as const;
