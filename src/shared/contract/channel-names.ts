/**
 * The names of every channel and event, without their schemas. The preload needs only these
 * to build `window.api`, and it runs before every page load: importing the contract there
 * would evaluate every zod schema first. index.ts checks at compile time that these lists
 * name exactly the channels and events of the contract, and a unit test checks the order.
 */
export const CHANNEL_NAMES = [
  'app:info',
  'app:openExternal',
  'app:storageNotices',
  'app:dismissStorageNotices',
  'settings:get',
  'settings:set',
  'vault:status',
  'vault:setKey',
  'vault:checkKey',
  'vault:removeKey',
  'accounts:list',
  'accounts:refresh',
  'accounts:connect',
  'accounts:verifyConnect',
  'accounts:cancelConnect',
  'accounts:disconnect',
  'twofa:send',
  'twofa:verify',
  'twofa:cancel',
  'notes:list',
  'notes:get',
  'notes:create',
  'notes:save',
  'notes:pin',
  'notes:delete',
  'managers:list',
  'managers:get',
  'managers:create',
  'managers:update',
  'managers:remove',
  'managers:sessions',
  'managers:offboard',
  'activity:list',
  'activity:months',
  'activity:exportReport',
  'backup:create',
  'backup:inspect',
  'backup:restore',
  'backup:restartNow',
  'sessions:list',
  'sessions:refresh',
  'sessions:catalogue',
  'sessions:create',
  'sessions:copyLink',
  'sessions:forgetLink',
  'sessions:edit',
  'sessions:updateDetails',
  'sessions:revoke',
  'sessions:revokeAll',
  'sessions:recordManual',
  'sessions:markRevoked',
  'logins:list',
  'logins:refresh',
  'logins:markViewed',
  'logins:recognise',
  'logins:close',
  'logins:closeOthers',
  'logins:recordManual',
  'logins:markClosed',
  'checklist:get',
  'checklist:confirm',
  'checklist:unconfirm',
  'checklist:keepSession',
  'lockdown:start',
  'lockdown:state',
  'lockdown:retry',
  'lockdown:dismiss',
  'lockdown:revokeRequest',
  'lockdown:clearRevokeRequest',
  'lockdown:revokeSession',
  'monitor:status',
  'monitor:refreshNow',
  'overview:get',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

export const EVENT_NAMES = ['stateChanged', 'navigate'] as const;
export type EventNameOnly = (typeof EVENT_NAMES)[number];

/** The IPC channel name an event travels on. */
export function eventChannel(event: EventNameOnly): string {
  return `event:${event}`;
}

export function subscriptionName(event: EventNameOnly): string {
  return `on${event[0]!.toUpperCase()}${event.slice(1)}`;
}
