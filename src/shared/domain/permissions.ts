/**
 * The access levels a management session can carry. Fansly publishes no names, so the
 * built-in catalogue follows the closest public list (GATEWAY.md, "What Fansly itself says").
 * Ids are stable: they are stored on session records and sent to the gateway when it offers
 * no permission list of its own. The renderer translates each id (`permissions` namespace).
 */
export const BUILT_IN_PERMISSION_IDS = [
  'posts',
  'messages',
  'massMessages',
  'mediaVault',
  'scheduledQueue',
  'lists',
  'notifications',
  'creatorDashboard',
  'earningsStatistics',
  'trackingLinks',
  'referrals',
  'profile',
  'walletBalance',
  'settings',
] as const;
export type BuiltInPermissionId = (typeof BUILT_IN_PERMISSION_IDS)[number];

export function isBuiltInPermissionId(id: string): id is BuiltInPermissionId {
  return (BUILT_IN_PERMISSION_IDS as readonly string[]).includes(id);
}

/** English labels, used where no translation exists (logs, activity summaries). */
export const BUILT_IN_PERMISSION_LABELS: Record<BuiltInPermissionId, string> = {
  posts: 'Posts and homepage',
  messages: 'Messages',
  massMessages: 'Mass messages',
  mediaVault: 'Media vault',
  scheduledQueue: 'Scheduled post queue',
  lists: 'Lists',
  notifications: 'Notifications',
  creatorDashboard: 'Creator dashboard',
  earningsStatistics: 'Earnings and profile statistics',
  trackingLinks: 'Tracking links',
  referrals: 'Referrals',
  profile: 'Profile',
  walletBalance: 'Wallet balance',
  settings: 'Settings',
};

export const PRESET_IDS = [
  'contentEditor',
  'messaging',
  'analyticsReadOnly',
  'fullManager',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** The four starting points offered in the create flow; the creator may adjust any toggle. */
export const PRESETS: Record<PresetId, readonly BuiltInPermissionId[]> = {
  contentEditor: ['posts', 'mediaVault', 'scheduledQueue'],
  messaging: ['messages', 'massMessages', 'mediaVault', 'lists'],
  analyticsReadOnly: ['creatorDashboard', 'earningsStatistics', 'trackingLinks', 'referrals'],
  fullManager: [...BUILT_IN_PERMISSION_IDS],
};

/** The preset whose set equals `permissions` exactly, or null for a custom choice. */
export function matchingPreset(permissions: readonly string[]): PresetId | null {
  const chosen = new Set(permissions);
  for (const id of PRESET_IDS) {
    const preset = PRESETS[id];
    if (preset.length === chosen.size && preset.every((p) => chosen.has(p))) return id;
  }
  return null;
}

/**
 * What a manager can never do, whatever access level is chosen (Fansly's help article,
 * seeds 000/001). Fixed by the platform, so shown on every access card.
 */
export const NEVER_ALLOWED = [
  'manageManagementSessions',
  'payoutMethods',
  'loginSessions',
  'deleteAccount',
] as const;
export type NeverAllowed = (typeof NEVER_ALLOWED)[number];

/**
 * Names a gateway might use for the same access, so a gateway-supplied catalogue can still
 * be graded and summarised. Compared after lower-casing and dropping non-letters.
 */
const ALIASES: Record<BuiltInPermissionId, string[]> = {
  posts: ['posts', 'post', 'postsandhomepage', 'homepage', 'content'],
  messages: ['messages', 'message', 'messaging', 'chat', 'dms'],
  massMessages: ['massmessages', 'massmessage', 'massmessaging', 'bulkmessages'],
  mediaVault: ['mediavault', 'vault', 'media'],
  scheduledQueue: ['scheduledqueue', 'scheduledpostqueue', 'queue', 'scheduledposts', 'schedule'],
  lists: ['lists', 'list', 'userlists'],
  notifications: ['notifications', 'notification'],
  creatorDashboard: ['creatordashboard', 'dashboard'],
  earningsStatistics: [
    'earningsstatistics',
    'earningsandprofilestatistics',
    'earnings',
    'statistics',
    'stats',
  ],
  trackingLinks: ['trackinglinks', 'trackinglink', 'tracking'],
  referrals: ['referrals', 'referral'],
  profile: ['profile', 'editprofile'],
  walletBalance: ['walletbalance', 'wallet', 'balance'],
  settings: ['settings', 'accountsettings'],
};

function normalise(value: string): string {
  return value.toLowerCase().replace(/[^a-z]/g, '');
}

/** Maps a gateway permission (id or label) to the built-in id it means, or null if unknown. */
export function builtInEquivalent(permission: {
  id: string;
  label?: string | null;
}): BuiltInPermissionId | null {
  if (isBuiltInPermissionId(permission.id)) return permission.id;
  const candidates = [normalise(permission.id), normalise(permission.label ?? '')].filter(Boolean);
  for (const id of BUILT_IN_PERMISSION_IDS) {
    if (candidates.some((c) => ALIASES[id].includes(c))) return id;
  }
  return null;
}
